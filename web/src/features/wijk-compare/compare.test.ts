import { describe, expect, it } from 'vitest';
import { barLength, countIn, largestCount, missingInOwn, orderDistricts } from './compare';

const wijken = [
  { id: 'west', name: 'West', focus: false },
  { id: 'overvecht', name: 'Overvecht', focus: true },
  { id: 'kanaleneiland', name: 'Kanaleneiland', focus: true },
  { id: 'oost', name: 'Oost', focus: false },
];

const rows = [
  {
    key: 'WALK_IN',
    districts: [
      { districtId: 'kanaleneiland', organisations: 3 },
      { districtId: 'overvecht', organisations: 2 },
    ],
  },
  {
    key: 'SPORT',
    districts: [
      { districtId: 'overvecht', organisations: 1 },
      { districtId: 'oost', organisations: 4 },
      { districtId: 'kanaleneiland', organisations: 0 },
    ],
  },
  { key: 'BUDDY', districts: [] },
];

const walkIn = rows[0] ?? { key: 'WALK_IN', districts: [] };

describe('comparison helpers (issue 9)', () => {
  it('reads a count per wijk, 0 when the wijk is not in the row', () => {
    expect(countIn(walkIn, 'kanaleneiland')).toBe(3);
    expect(countIn(walkIn, 'west')).toBe(0);
  });

  it('orders the own wijk first, then focus wijken, then the rest, by name', () => {
    expect(orderDistricts(wijken, 'oost').map((d) => d.id)).toEqual(['oost', 'kanaleneiland', 'overvecht', 'west']);
    expect(orderDistricts(wijken, null).map((d) => d.id)).toEqual(['kanaleneiland', 'overvecht', 'oost', 'west']);
  });

  it('lists what other wijken have and the own wijk lacks, with those wijken', () => {
    expect(missingInOwn(rows, 'kanaleneiland', wijken).map((m) => [m.key, m.elsewhere.map((d) => d.name)])).toEqual([
      ['SPORT', ['Overvecht', 'Oost']],
    ]);
    // Nobody has BUDDY, so it is not "missing" in one wijk; West lacks both.
    expect(missingInOwn(rows, 'west', wijken).map((m) => m.key)).toEqual(['WALK_IN', 'SPORT']);
  });

  it('shares one scale over all charts and never draws a bar for zero', () => {
    expect(largestCount(rows, ['kanaleneiland', 'overvecht'])).toBe(3);
    expect(largestCount([], ['x'])).toBe(1);
    expect(barLength(0, 4, 100)).toBe(0);
    expect(barLength(4, 4, 100)).toBe(100);
    expect(barLength(2, 4, 100)).toBe(50);
  });
});
