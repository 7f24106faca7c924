import { describe, expect, it } from 'vitest';
import { splitDistricts } from './district-order';

const d = (id: string, focus = false) => ({ id, focus });

describe('splitDistricts (issue 9)', () => {
  const all = [d('noordwest', true), d('kanaleneiland', true), d('oost'), d('west')];

  it("puts the coordinator's own wijk on top, once", () => {
    const { own, focus, other } = splitDistricts(all, 'kanaleneiland');
    expect(own?.id).toBe('kanaleneiland');
    expect(focus.map((x) => x.id)).toEqual(['noordwest']);
    expect(other.map((x) => x.id)).toEqual(['oost', 'west']);
  });

  it('lists every wijk when there is no own wijk (or it is not in the list)', () => {
    for (const ownId of [null, 'elders']) {
      const { own, focus, other } = splitDistricts(all, ownId);
      expect(own).toBeNull();
      expect([...focus, ...other]).toHaveLength(4);
    }
  });
});
