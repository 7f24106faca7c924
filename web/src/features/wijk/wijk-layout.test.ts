import { describe, expect, it } from 'vitest';
import { PIE_GEOMETRY, pieLayout, wedgeLabels, type Point } from './wijk-layout';

type Group = 'a' | 'b' | 'c' | 'd';
const TAU = 2 * Math.PI;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
const angleOf = (p: Point) => (Math.atan2(p.x, -p.y) + TAU) % TAU;
const radiusOf = (p: Point) => Math.hypot(p.x, p.y);

function closestPair(points: readonly Point[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as Point;
      const b = points[j] as Point;
      min = Math.min(min, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return min;
}

/** A wijk the size of Kanaleneiland: 3 key figures, 16 + 2 + 5 + 10 organisations. */
const KANALENEILAND = {
  centre: ids('k', 3),
  groups: [
    { group: 'a' as Group, ids: ids('a', 16) },
    { group: 'b' as Group, ids: ids('b', 2) },
    { group: 'c' as Group, ids: ids('c', 5) },
    { group: 'd' as Group, ids: ids('d', 10) },
  ],
};

describe('pieLayout', () => {
  const layout = pieLayout(KANALENEILAND.centre, KANALENEILAND.groups);

  it('places every id once', () => {
    expect(layout.positions.size).toBe(3 + 16 + 2 + 5 + 10);
  });

  it('keeps every two nodes at least a row gap apart', () => {
    const minimum = Math.min(PIE_GEOMETRY.spacing, PIE_GEOMETRY.rowGap);
    expect(closestPair([...layout.positions.values()])).toBeGreaterThanOrEqual(minimum - 1e-9);
  });

  it('puts the middle ids inside the first arc and every group inside its own wedge', () => {
    for (const id of KANALENEILAND.centre) expect(radiusOf(layout.positions.get(id) as Point)).toBeLessThan(layout.innerRadius);
    expect(layout.wedges.map((w) => w.group)).toEqual(['a', 'b', 'c', 'd']);
    for (const g of KANALENEILAND.groups) {
      const wedge = layout.wedges.find((w) => w.group === g.group);
      if (!wedge) throw new Error(`no wedge for ${g.group}`);
      for (const id of g.ids) {
        const p = layout.positions.get(id) as Point;
        expect(radiusOf(p)).toBeGreaterThanOrEqual(layout.innerRadius - 1e-9);
        expect(radiusOf(p)).toBeLessThanOrEqual(layout.outerRadius + 1e-9);
        expect(angleOf(p)).toBeGreaterThan(wedge.start);
        expect(angleOf(p)).toBeLessThan(wedge.end);
      }
    }
  });

  it('shares the full circle between the wedges, bigger groups getting wider wedges, clockwise from the top', () => {
    expect(layout.wedges[0]?.start).toBe(0);
    expect(layout.wedges.at(-1)?.end).toBeCloseTo(TAU, 9);
    layout.wedges.slice(1).forEach((w, i) => expect(w.start).toBeCloseTo(layout.wedges[i]?.end ?? NaN, 9));
    const width = (g: Group) => {
      const w = layout.wedges.find((x) => x.group === g);
      return w ? w.end - w.start : 0;
    };
    expect(width('a')).toBeGreaterThan(width('d'));
    expect(width('d')).toBeGreaterThan(width('c'));
    expect(width('c')).toBeGreaterThan(width('b'));
  });

  it('fills arcs from the inside out, in the given order', () => {
    const order = KANALENEILAND.groups[0]?.ids ?? [];
    const radii = order.map((id) => radiusOf(layout.positions.get(id) as Point));
    for (let i = 1; i < radii.length; i++) expect(radii[i]).toBeGreaterThanOrEqual((radii[i - 1] ?? 0) - 1e-9);
  });

  it('stays compact: a Kanaleneiland-sized wijk needs at most three arcs', () => {
    expect(layout.outerRadius).toBeLessThanOrEqual(layout.innerRadius + 2 * PIE_GEOMETRY.rowGap + 1e-9);
  });

  it('gives a small group room on the first arc', () => {
    const tiny = pieLayout<Group>(
      [],
      [
        { group: 'a', ids: ids('a', 60) },
        { group: 'b', ids: ['b0'] },
      ],
    );
    expect(radiusOf(tiny.positions.get('b0') as Point)).toBeCloseTo(tiny.innerRadius, 9);
    expect(closestPair([...tiny.positions.values()])).toBeGreaterThanOrEqual(PIE_GEOMETRY.rowGap - 1e-9);
  });

  it('is deterministic', () => {
    expect(pieLayout(KANALENEILAND.centre, KANALENEILAND.groups)).toEqual(layout);
  });

  it('puts a single middle id exactly in the middle, and copes with an empty wijk', () => {
    expect(pieLayout(['k'], []).positions.get('k')).toEqual({ x: 0, y: 0 });
    expect(pieLayout([], []).positions.size).toBe(0);
  });

  it('puts wedge labels just outside their wedge, in the middle of it', () => {
    const labels = wedgeLabels(layout, 20);
    expect(labels.map((l) => l.group)).toEqual(['a', 'b', 'c', 'd']);
    labels.forEach((l, i) => {
      const wedge = layout.wedges[i];
      const group = KANALENEILAND.groups[i];
      const furthest = Math.max(...(group?.ids ?? []).map((id) => radiusOf(layout.positions.get(id) as Point)));
      expect(wedge?.outerRadius).toBeCloseTo(furthest, 9);
      expect(radiusOf(l)).toBeCloseTo(furthest + 20, 9);
      expect(angleOf(l)).toBeCloseTo(((wedge?.start ?? 0) + (wedge?.end ?? 0)) / 2, 9);
    });
  });
});
