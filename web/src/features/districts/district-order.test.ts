import { describe, expect, it } from 'vitest';
import { splitDistricts } from './district-order';

const d = (id: string, focus = false) => ({ id, focus });

describe('splitDistricts (issue 9)', () => {
  const all = [d('noordwest', true), d('kanaleneiland', true), d('oost'), d('west')];

  it("puts the coordinator's own wijk on top, once", () => {
    const { own, focus, other } = splitDistricts(all, ['kanaleneiland']);
    expect(own.map((x) => x.id)).toEqual(['kanaleneiland']);
    expect(focus.map((x) => x.id)).toEqual(['noordwest']);
    expect(other.map((x) => x.id)).toEqual(['oost', 'west']);
  });

  it('puts every wijk of a coordinator of several on top, in their order, once each (issue 11)', () => {
    const { own, focus, other } = splitDistricts(all, ['west', 'kanaleneiland']);
    expect(own.map((x) => x.id)).toEqual(['west', 'kanaleneiland']);
    expect(focus.map((x) => x.id)).toEqual(['noordwest']);
    expect(other.map((x) => x.id)).toEqual(['oost']);
  });

  it('lists every wijk when there is no own wijk (or it is not in the list)', () => {
    for (const ownIds of [[], ['elders']]) {
      const { own, focus, other } = splitDistricts(all, ownIds);
      expect(own).toEqual([]);
      expect([...focus, ...other]).toHaveLength(4);
    }
  });
});
