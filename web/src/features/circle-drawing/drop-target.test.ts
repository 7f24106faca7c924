import { describe, expect, it } from 'vitest';
import { dropTarget } from './drop-target';
import { BASE_GEOMETRY, placeEntries, ringBounds, toXY, type CircleShape } from './placement';

const LENSINK: CircleShape = {
  ringCount: 4,
  sectorKeys: ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'],
};

describe('dropTarget', () => {
  it('is the inverse of placeEntries: every placed entry is found back in its own ring and sector', () => {
    const entries = LENSINK.sectorKeys.flatMap((sector, s) =>
      [1, 2, 3, 4].flatMap((ring) =>
        Array.from({ length: 1 + ((ring + s) % 4) }, (_, position) => ({
          id: `${sector}-${String(ring)}-${String(position)}`,
          ring,
          sector,
          position,
        })),
      ),
    );
    const placement = placeEntries(LENSINK, entries);
    expect(placement.placed).toHaveLength(entries.length);
    for (const placed of placement.placed) {
      const entry = entries.find((e) => e.id === placed.id);
      expect(dropTarget(LENSINK, placement.geometry, placed)).toEqual({ ring: entry?.ring, sector: entry?.sector });
    }
  });

  it('follows widened rings: the geometry placement chose is the one to invert', () => {
    const crowded = Array.from({ length: 30 }, (_, i) => ({ id: `e${String(i)}`, ring: 1, sector: 'FAMILY', position: i }));
    const placement = placeEntries(LENSINK, crowded);
    expect(placement.geometry.ringWidth).toBeGreaterThan(BASE_GEOMETRY.ringWidth);
    const { inner, outer } = ringBounds(3, placement.geometry);
    expect(dropTarget(LENSINK, placement.geometry, toXY((inner + outer) / 2, 0.1))).toEqual({ ring: 3, sector: 'FAMILY' });
  });

  it('reads sectors clockwise from 12 o’clock', () => {
    const r = (ringBounds(2, BASE_GEOMETRY).inner + ringBounds(2, BASE_GEOMETRY).outer) / 2;
    expect(dropTarget(LENSINK, BASE_GEOMETRY, toXY(r, Math.PI / 4))).toEqual({ ring: 2, sector: 'FAMILY' });
    expect(dropTarget(LENSINK, BASE_GEOMETRY, toXY(r, (3 * Math.PI) / 4))).toEqual({ ring: 2, sector: 'FRIENDS_NEIGHBOURS' });
    expect(dropTarget(LENSINK, BASE_GEOMETRY, toXY(r, (5 * Math.PI) / 4))).toEqual({ ring: 2, sector: 'FELLOW_CLIENTS' });
    expect(dropTarget(LENSINK, BASE_GEOMETRY, toXY(r, (7 * Math.PI) / 4))).toEqual({ ring: 2, sector: 'PROFESSIONALS' });
    // Screen coordinates: right of the centre and a bit up is the first sector, straight left the last.
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: r * 0.7, y: -r * 0.7 })?.sector).toBe('FAMILY');
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: -r, y: -1 })?.sector).toBe('PROFESSIONALS');
  });

  it('gives nothing on the client in the middle or outside the outer ring', () => {
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: 0, y: 0 })).toBeNull();
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: BASE_GEOMETRY.innerRadius - 1, y: 0 })).toBeNull();
    const outer = ringBounds(4, BASE_GEOMETRY).outer;
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: outer + 1, y: 0 })).toBeNull();
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: outer, y: 0 })).toEqual({ ring: 4, sector: 'FRIENDS_NEIGHBOURS' });
    expect(dropTarget(LENSINK, BASE_GEOMETRY, { x: BASE_GEOMETRY.innerRadius, y: 0 })?.ring).toBe(1);
  });

  it('works with one sector and with other ring counts', () => {
    const single: CircleShape = { ringCount: 2, sectorKeys: ['ALL'] };
    expect(dropTarget(single, BASE_GEOMETRY, toXY(ringBounds(2, BASE_GEOMETRY).inner + 5, 4))).toEqual({
      ring: 2,
      sector: 'ALL',
    });
    const none: CircleShape = { ringCount: 2, sectorKeys: [] };
    expect(dropTarget(none, BASE_GEOMETRY, toXY(ringBounds(1, BASE_GEOMETRY).inner + 5, 1))).toBeNull();
  });
});
