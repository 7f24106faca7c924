import { describe, expect, it } from 'vitest';
import { defaultPlacement, newestCircle } from './circle-state';

describe('newestCircle', () => {
  it('shows the highest version of the same circle, whatever arrived last', () => {
    const query = { id: 'c1', version: 4 };
    expect(newestCircle(query, { id: 'c1', version: 5 })).toEqual({ id: 'c1', version: 5 });
    expect(newestCircle(query, { id: 'c1', version: 3 })).toBe(query);
    expect(newestCircle(query, null)).toBe(query);
  });

  it('never shows another circle than the page asked for', () => {
    expect(newestCircle({ id: 'c2', version: 1 }, { id: 'c1', version: 9 })).toEqual({ id: 'c2', version: 1 });
    expect(newestCircle(null, { id: 'c1', version: 9 })).toBeNull();
  });
});

describe('defaultPlacement', () => {
  const lensink = {
    rings: [{ ring: 1 }, { ring: 2 }, { ring: 3 }, { ring: 4 }],
    sectors: [{ key: 'FAMILY' }, { key: 'FRIENDS_NEIGHBOURS' }, { key: 'FELLOW_CLIENTS' }, { key: 'PROFESSIONALS' }],
  };

  it('puts a person close, in the first sector, and an organisation outside, with the professionals', () => {
    expect(defaultPlacement('PERSON', lensink)).toEqual({ ring: 2, sector: 'FAMILY' });
    expect(defaultPlacement('ORGANISATION', lensink)).toEqual({ ring: 4, sector: 'PROFESSIONALS' });
  });

  it('falls back to what another layout has', () => {
    const small = { rings: [{ ring: 1 }], sectors: [{ key: 'A' }, { key: 'B' }] };
    expect(defaultPlacement('PERSON', small)).toEqual({ ring: 1, sector: 'A' });
    expect(defaultPlacement('ORGANISATION', small)).toEqual({ ring: 1, sector: 'B' });
  });
});
