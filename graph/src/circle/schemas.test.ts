import { describe, expect, it } from 'vitest';
import { LENSINK_LAYOUT } from './layout.js';
import { containsContactDetails, noteSchema, personNameSchema, placementIssues, supportSchema } from './schemas.js';

describe('the circle is not an address book (issue 4)', () => {
  it.each([
    'kees@example.nl',
    'mail: k.de.vries@buurt-huis.org',
    '0612345678',
    '06-12345678',
    '06 1234 5678',
    '+31 6 1234 5678',
    '030-1234567',
    '(030) 123 45 67',
    'bel 0031612345678 na vijven',
  ])('finds contact details in %j', (text) => {
    expect(containsContactDetails(text)).toBe(true);
  });

  it.each([
    'Kees',
    'Oom Jan',
    'zus van 23',
    'ziet hem 2 keer per week',
    'sinds 2019',
    'huisnummer 12',
    'Tante Ans @ de markt',
    'bus 12 om 10.30',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(containsContactDetails(text)).toBe(false);
  });

  it('rejects contact details, empty names and over-long text in the schemas', () => {
    expect(personNameSchema.safeParse('  Kees ').data).toBe('Kees');
    expect(personNameSchema.safeParse('   ').success).toBe(false);
    expect(personNameSchema.safeParse('Kees 0612345678').success).toBe(false);
    expect(noteSchema.safeParse('x'.repeat(280)).success).toBe(true);
    expect(noteSchema.safeParse('x'.repeat(281)).success).toBe(false);
    expect(supportSchema.safeParse(['PRACTICAL', 'PRACTICAL']).success).toBe(false);
  });

  it('checks ring and sector against the configured layout', () => {
    expect(placementIssues(LENSINK_LAYOUT, 1, 'FAMILY')).toEqual([]);
    expect(placementIssues(LENSINK_LAYOUT, 5, 'NEIGHBOURS').map((i) => i.field)).toEqual(['ring', 'sector']);
  });
});
