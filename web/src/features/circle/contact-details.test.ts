import { describe, expect, it } from 'vitest';
import { containsContactDetails } from './contact-details';

describe('containsContactDetails', () => {
  it('finds e-mail addresses', () => {
    expect(containsContactDetails('ria@example.nl')).toBe(true);
    expect(containsContactDetails('mail: Ria.de.Vries@voorbeeld.com graag')).toBe(true);
  });

  it('finds Dutch phone numbers however they are written', () => {
    for (const phone of ['0612345678', '06-12345678', '06 1234 5678', '+31 30 123 4567', '(030) 123 45 67', '030.123.45.67'])
      expect(containsContactDetails(`bel ${phone}`)).toBe(true);
  });

  it('leaves ordinary words, short numbers and dates alone', () => {
    for (const text of [
      'Tante Ria',
      'buurman van nr. 12',
      'zien we 2x per week',
      'sinds 2019',
      '3 kinderen',
      'op 12-03-2026',
      'ria @ de markt',
    ])
      expect(containsContactDetails(text)).toBe(false);
  });
});
