import { describe, expect, it } from 'vitest';
import { districtIdsSchema, nameKey, organisationNameSchema, slugify, slugSchema } from './schemas.js';

describe('names and slugs of organisations (issue 11)', () => {
  it('compares names without case, accents or extra spaces', () => {
    expect(nameKey('  Café  De Brug ')).toBe(nameKey('cafe de brug'));
    expect(nameKey('De Brug')).not.toBe(nameKey('De Brug!'));
  });

  it('makes a slug of lower-case words and dashes, and checks given ones', () => {
    expect(slugify('Buurtcentrum De Bram & Co.')).toBe('buurtcentrum-de-bram-co');
    expect(slugify('Ça va – Zuilen')).toBe('ca-va-zuilen');
    expect(slugify('!!!')).toBe('');
    expect(slugify('x'.repeat(100)).length).toBeLessThanOrEqual(56);
    expect(slugSchema.safeParse('buurtteam-zuidwest').success).toBe(true);
    expect(slugSchema.safeParse('Buurtteam').success).toBe(false);
    expect(slugSchema.safeParse('dubbel--streepje').success).toBe(false);
  });

  it('refuses empty names, contact details and a wijk named twice', () => {
    expect(organisationNameSchema.safeParse('   ').success).toBe(false);
    expect(organisationNameSchema.safeParse('Bel 06-12345678').success).toBe(false);
    expect(organisationNameSchema.parse('  DOCK  ')).toBe('DOCK');
    const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    expect(districtIdsSchema.safeParse([id, id]).success).toBe(false);
    expect(districtIdsSchema.safeParse([]).success).toBe(true);
  });
});
