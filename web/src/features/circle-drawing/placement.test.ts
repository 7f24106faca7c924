import { describe, expect, it } from 'vitest';
import {
  BASE_GEOMETRY,
  dividerAngles,
  outerRadius,
  placeEntries,
  ringBounds,
  ringLabelAnchors,
  sectorBounds,
  sectorLabelAnchors,
  type CircleGeometry,
  type CircleShape,
  type PlaceableEntry,
  type PlacedEntry,
} from './placement';

const LENSINK: CircleShape = { ringCount: 4, sectorKeys: ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'] };
const TAU = 2 * Math.PI;
const EPS = 1e-9;

function entriesIn(ring: number, sector: string, count: number, prefix = `${String(ring)}-${sector}`): PlaceableEntry[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(2, '0')}`, ring, sector, position: i }));
}

function everyCell(shape: CircleShape, count: number): PlaceableEntry[] {
  return Array.from({ length: shape.ringCount }, (_, r) =>
    shape.sectorKeys.flatMap((key) => entriesIn(r + 1, key, count)),
  ).flat();
}

/** Deterministic shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Angle of a point, clockwise from 12 o'clock, in [0, 2π), computed from x/y alone. */
function angleOf(p: { x: number; y: number }): number {
  return (Math.atan2(p.x, -p.y) + TAU) % TAU;
}

/** Distance from a point to the divider ray at `angle` (a half-line from the centre). */
function distanceToDivider(p: { x: number; y: number }, angle: number): number {
  const dx = Math.sin(angle);
  const dy = -Math.cos(angle);
  const along = p.x * dx + p.y * dy;
  if (along <= 0) return Math.hypot(p.x, p.y);
  return Math.abs(p.x * dy - p.y * dx);
}

function closestPair(points: readonly PlacedEntry[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as PlacedEntry;
      const b = points[j] as PlacedEntry;
      min = Math.min(min, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return min;
}

/** Checks what a reader of the drawing would notice: right ring, right sector, clear of lines and of each other. */
function expectWellPlaced(
  shape: CircleShape,
  entries: readonly PlaceableEntry[],
  geometry: CircleGeometry,
  placed: readonly PlacedEntry[],
): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sectorCount = shape.sectorKeys.length;
  for (const p of placed) {
    const entry = byId.get(p.id);
    expect(entry, p.id).toBeDefined();
    if (!entry) continue;
    const { inner, outer } = ringBounds(entry.ring, geometry);
    const radius = Math.hypot(p.x, p.y);
    expect(radius, `${p.id} radius`).toBeGreaterThanOrEqual(inner + geometry.ringMargin - EPS);
    expect(radius, `${p.id} radius`).toBeLessThanOrEqual(outer - geometry.ringMargin + EPS);
    const sector = shape.sectorKeys.indexOf(entry.sector);
    const { start, end } = sectorBounds(sector, sectorCount);
    const angle = angleOf(p);
    expect(angle, `${p.id} angle`).toBeGreaterThan(start);
    expect(angle, `${p.id} angle`).toBeLessThan(end);
    for (const divider of dividerAngles(sectorCount)) {
      expect(distanceToDivider(p, divider), `${p.id} clear of divider ${divider.toFixed(2)}`).toBeGreaterThanOrEqual(
        geometry.dividerMargin - EPS,
      );
    }
  }
  expect(closestPair(placed)).toBeGreaterThanOrEqual(geometry.nodeDistance - EPS);
}

describe('placeEntries: geometry of one entry', () => {
  it('puts sector 0 at the top right and goes clockwise', () => {
    const entries = LENSINK.sectorKeys.map((sector, i) => ({ id: `e${String(i)}`, ring: 2, sector, position: 0 }));
    const { placed } = placeEntries(LENSINK, entries);
    const at = (id: string) => placed.find((p) => p.id === id) as PlacedEntry;
    // y grows downwards on screen.
    expect(at('e0').x).toBeGreaterThan(0);
    expect(at('e0').y).toBeLessThan(0);
    expect(at('e1').x).toBeGreaterThan(0);
    expect(at('e1').y).toBeGreaterThan(0);
    expect(at('e2').x).toBeLessThan(0);
    expect(at('e2').y).toBeGreaterThan(0);
    expect(at('e3').x).toBeLessThan(0);
    expect(at('e3').y).toBeLessThan(0);
  });

  it('centres a lone entry in its cell: middle of the annulus, middle of the sector', () => {
    const { placed, geometry } = placeEntries(LENSINK, [{ id: 'a', ring: 3, sector: 'FELLOW_CLIENTS', position: 0 }]);
    const [p] = placed;
    if (!p) throw new Error('not placed');
    const { inner, outer } = ringBounds(3, geometry);
    expect(Math.hypot(p.x, p.y)).toBeCloseTo((inner + outer) / 2, 6);
    expect(angleOf(p)).toBeCloseTo((5 * Math.PI) / 4, 6);
  });

  it('makes every ring an annulus of the same width around the centre disc', () => {
    const widths = [1, 2, 3, 4].map((ring) => {
      const { inner, outer } = ringBounds(ring, BASE_GEOMETRY);
      return outer - inner;
    });
    expect(new Set(widths).size).toBe(1);
    expect(ringBounds(1, BASE_GEOMETRY).inner).toBe(BASE_GEOMETRY.innerRadius);
    expect(ringBounds(2, BASE_GEOMETRY).inner).toBe(ringBounds(1, BASE_GEOMETRY).outer);
  });

  it('places ring 1 closer to the client than ring 4', () => {
    const { placed } = placeEntries(LENSINK, [
      { id: 'near', ring: 1, sector: 'FAMILY', position: 0 },
      { id: 'far', ring: 4, sector: 'FAMILY', position: 0 },
    ]);
    const radius = (id: string) => {
      const p = placed.find((q) => q.id === id) as PlacedEntry;
      return Math.hypot(p.x, p.y);
    };
    expect(radius('near')).toBeLessThan(radius('far'));
  });
});

describe('placeEntries: several entries in one cell', () => {
  for (const count of [2, 3, 5, 8, 12]) {
    it(`keeps ${String(count)} entries in every cell inside their cell, clear of dividers and apart`, () => {
      for (let ring = 1; ring <= LENSINK.ringCount; ring++) {
        for (const sector of LENSINK.sectorKeys) {
          const entries = entriesIn(ring, sector, count);
          const { placed, geometry, fits, unplaced } = placeEntries(LENSINK, entries);
          expect(fits).toBe(true);
          expect(unplaced).toEqual([]);
          expect(placed).toHaveLength(count);
          expectWellPlaced(LENSINK, entries, geometry, placed);
        }
      }
    });
  }

  it('keeps 12 entries in all 16 cells at once apart from each other', () => {
    const entries = everyCell(LENSINK, 12);
    const { placed, geometry, fits } = placeEntries(LENSINK, entries);
    expect(fits).toBe(true);
    expect(placed).toHaveLength(16 * 12);
    expectWellPlaced(LENSINK, entries, geometry, placed);
  });

  it('spreads a few entries evenly by angle, in order of position, at one radius', () => {
    const entries = entriesIn(4, 'FRIENDS_NEIGHBOURS', 3);
    const { placed } = placeEntries(LENSINK, entries);
    const ordered = entries.map((e) => placed.find((p) => p.id === e.id) as PlacedEntry);
    const angles = ordered.map(angleOf);
    expect(angles[0]).toBeLessThan(angles[1] as number);
    expect(angles[1]).toBeLessThan(angles[2] as number);
    expect((angles[1] as number) - (angles[0] as number)).toBeCloseTo((angles[2] as number) - (angles[1] as number), 9);
    const radii = ordered.map((p) => Math.hypot(p.x, p.y));
    expect(radii[0]).toBeCloseTo(radii[1] as number, 9);
    expect(radii[1]).toBeCloseTo(radii[2] as number, 9);
  });

  it('alternates radius inside the ring when one arc is too tight', () => {
    const entries = entriesIn(1, 'FAMILY', 6);
    const { placed, geometry } = placeEntries(LENSINK, entries);
    const radii = entries.map((e) => {
      const p = placed.find((q) => q.id === e.id) as PlacedEntry;
      return Math.hypot(p.x, p.y);
    });
    expect(new Set(radii.map((r) => r.toFixed(6))).size).toBeGreaterThan(1);
    // Neighbours in angle do not share a radius.
    for (let i = 1; i < radii.length; i++) expect(radii[i]).not.toBeCloseTo(radii[i - 1] as number, 6);
    expectWellPlaced(LENSINK, entries, geometry, placed);
  });

  it('keeps the base size for a typical circle and widens the rings only when a cell is crowded', () => {
    const typical = [
      ...entriesIn(1, 'FRIENDS_NEIGHBOURS', 2),
      ...entriesIn(2, 'FAMILY', 2),
      ...entriesIn(3, 'FELLOW_CLIENTS', 2),
      ...entriesIn(4, 'PROFESSIONALS', 3),
    ];
    expect(placeEntries(LENSINK, typical).geometry).toEqual(BASE_GEOMETRY);
    const crowded = placeEntries(LENSINK, entriesIn(1, 'FAMILY', 12)).geometry;
    expect(crowded.ringWidth).toBeGreaterThan(BASE_GEOMETRY.ringWidth);
    expect(crowded.nodeDistance).toBe(BASE_GEOMETRY.nodeDistance);
  });
});

describe('placeEntries: stability', () => {
  it('gives the same positions whatever the order of the input', () => {
    const entries = [...everyCell(LENSINK, 3), ...entriesIn(2, 'FAMILY', 4, 'extra')];
    const first = placeEntries(LENSINK, entries);
    for (const seed of [1, 2, 3]) expect(placeEntries(LENSINK, shuffled(entries, seed))).toEqual(first);
  });

  it('orders a cell by position, then by id', () => {
    const entries: PlaceableEntry[] = [
      { id: 'b', ring: 2, sector: 'FAMILY', position: 0 },
      { id: 'a', ring: 2, sector: 'FAMILY', position: 0 },
      { id: 'c', ring: 2, sector: 'FAMILY', position: -1 },
    ];
    const { placed } = placeEntries(LENSINK, entries);
    const angle = (id: string) => angleOf(placed.find((p) => p.id === id) as PlacedEntry);
    expect(angle('c')).toBeLessThan(angle('a'));
    expect(angle('a')).toBeLessThan(angle('b'));
  });

  it('does not move entries of one cell when another cell changes', () => {
    const family = entriesIn(2, 'FAMILY', 3);
    const before = placeEntries(LENSINK, [...family, ...entriesIn(3, 'PROFESSIONALS', 1)]);
    const after = placeEntries(LENSINK, [...family, ...entriesIn(3, 'PROFESSIONALS', 2)]);
    for (const e of family) expect(after.placed.find((p) => p.id === e.id)).toEqual(before.placed.find((p) => p.id === e.id));
  });
});

describe('placeEntries: entries the layout does not know', () => {
  it('reports an unknown ring or sector and does not draw it', () => {
    const entries: PlaceableEntry[] = [
      { id: 'ok', ring: 1, sector: 'FAMILY', position: 0 },
      { id: 'ring0', ring: 0, sector: 'FAMILY', position: 0 },
      { id: 'ring5', ring: 5, sector: 'FAMILY', position: 0 },
      { id: 'half', ring: 1.5, sector: 'FAMILY', position: 0 },
      { id: 'sector', ring: 2, sector: 'COLLEAGUES', position: 0 },
    ];
    const { placed, unplaced } = placeEntries(LENSINK, entries);
    expect(placed.map((p) => p.id)).toEqual(['ok']);
    expect(unplaced).toEqual([
      { id: 'half', reason: 'UNKNOWN_RING' },
      { id: 'ring0', reason: 'UNKNOWN_RING' },
      { id: 'ring5', reason: 'UNKNOWN_RING' },
      { id: 'sector', reason: 'UNKNOWN_SECTOR' },
    ]);
  });
});

describe('placeEntries: other layouts', () => {
  it('works for 3 rings and 6 sectors', () => {
    const shape: CircleShape = { ringCount: 3, sectorKeys: ['A', 'B', 'C', 'D', 'E', 'F'] };
    const entries = everyCell(shape, 7);
    const { placed, geometry, fits } = placeEntries(shape, entries);
    expect(fits).toBe(true);
    expectWellPlaced(shape, entries, geometry, placed);
  });

  it('spreads entries around the whole ring when there is only one sector', () => {
    const shape: CircleShape = { ringCount: 2, sectorKeys: ['ALL'] };
    const entries = entriesIn(2, 'ALL', 4);
    const { placed, geometry } = placeEntries(shape, entries);
    const angles = placed.map(angleOf).sort((a, b) => a - b);
    expect(angles.map((a) => a.toFixed(6))).toEqual([0.25, 0.75, 1.25, 1.75].map((q) => (q * Math.PI).toFixed(6)));
    expectWellPlaced(shape, entries, geometry, placed);
  });

  it('reports when even the widest rings cannot keep entries apart', () => {
    const { fits, placed } = placeEntries(LENSINK, entriesIn(1, 'FAMILY', 400));
    expect(fits).toBe(false);
    expect(placed).toHaveLength(400);
  });
});

describe('label anchors', () => {
  it('puts ring labels on the horizontal dividers, odd rings left and even rings right, running outwards from the inner edge of the ring', () => {
    const anchors = ringLabelAnchors(LENSINK, BASE_GEOMETRY);
    expect(anchors).toHaveLength(4);
    anchors.forEach((a, i) => {
      const ring = i + 1;
      const { inner, outer } = ringBounds(ring, BASE_GEOMETRY);
      expect(a.y).toBe(0);
      expect(Math.sign(a.x)).toBe(ring % 2 === 1 ? -1 : 1);
      // The text starts inside the ring, close to its inner edge, and goes away from the client.
      expect(Math.abs(a.x)).toBeGreaterThan(inner);
      expect(Math.abs(a.x)).toBeLessThan((inner + outer) / 2);
      expect(a.halign).toBe(ring % 2 === 1 ? 'left' : 'right');
      expect(a.rotation).toBe(0);
    });
  });

  it('turns ring labels along a divider that is not horizontal, keeping them upright', () => {
    const shape: CircleShape = { ringCount: 2, sectorKeys: ['A', 'B', 'C', 'D', 'E', 'F'] };
    for (const a of ringLabelAnchors(shape, BASE_GEOMETRY)) {
      expect(Math.abs(a.rotation)).toBeCloseTo(Math.PI / 6, 9);
      const onDivider = dividerAngles(6).some((d) => distanceToDivider(a, d) < 1e-6);
      expect(onDivider).toBe(true);
    }
  });

  it('puts sector labels outside the outer ring, in the middle of their sector, text away from the circle', () => {
    const anchors = sectorLabelAnchors(LENSINK, BASE_GEOMETRY);
    const outer = outerRadius(LENSINK, BASE_GEOMETRY);
    anchors.forEach((a, i) => {
      expect(Math.hypot(a.x, a.y)).toBeGreaterThan(outer);
      expect(angleOf(a)).toBeCloseTo(((i + 0.5) * TAU) / 4, 9);
    });
    expect(anchors.map((a) => [a.halign, a.valign])).toEqual([
      ['right', 'top'],
      ['right', 'bottom'],
      ['left', 'bottom'],
      ['left', 'top'],
    ]);
  });
});
