import { describe, expect, it } from 'vitest';
import { boxesOverlap, columnLayout, GEOMETRY, labelWidth, type Box } from './wijk-layout';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i)}`);

/** Spreads n nodes over six groups unevenly (the first group biggest), every third one without a link. */
function sample(n: number) {
  const groups = ['a', 'b', 'c', 'd', 'e', 'f'].map((group) => ({ group, ids: [] as string[] }));
  const all = ids('n', n);
  all.forEach((id, i) => groups[(i * i + i) % 6 === 0 ? 0 : i % 6]?.ids.push(id));
  const linked = new Set(all.filter((_, i) => i % 3 !== 0));
  return { groups, linked, all };
}

describe('columnLayout', () => {
  it('places every id once and never lets two label slots, or a label slot and a node, overlap (1..200 nodes)', () => {
    for (let n = 1; n <= 200; n++) {
      const { groups, linked, all } = sample(n);
      const layout = columnLayout(groups, linked);
      expect(layout.nodes.size).toBe(n);
      const labels: Box[] = [...layout.nodes.values()].map((p) => p.labelSlot);
      labels.push(...layout.headers.map((h) => h.labelSlot));
      if (layout.band) labels.push(layout.band.labelSlot);
      const nodeBoxes = [...layout.nodes.values()].map((p) => p.nodeBox);
      for (let i = 0; i < labels.length; i++) {
        const a = labels[i];
        if (!a) continue;
        for (let j = i + 1; j < labels.length; j++) {
          const b = labels[j];
          if (b && boxesOverlap(a, b)) throw new Error(`n=${String(n)}: label slots ${String(i)} and ${String(j)} overlap`);
        }
        for (const b of nodeBoxes)
          if (boxesOverlap(a, b)) throw new Error(`n=${String(n)}: label slot ${String(i)} covers a node`);
      }
      for (let i = 0; i < nodeBoxes.length; i++)
        for (let j = i + 1; j < nodeBoxes.length; j++) {
          const a = nodeBoxes[i];
          const b = nodeBoxes[j];
          if (a && b && boxesOverlap(a, b)) throw new Error(`n=${String(n)}: nodes ${String(i)} and ${String(j)} overlap`);
        }
      for (const id of all) if (layout.nodes.get(id)?.linked !== linked.has(id)) throw new Error(`${id} in the wrong part`);
    }
  }, 30_000);

  it('gives a label exactly the room the stylesheet allows', () => {
    const layout = columnLayout([{ group: 'a', ids: ['x'] }], new Set(['x']));
    const slot = layout.nodes.get('x')?.labelSlot;
    expect(slot && slot.x2 - slot.x1).toBe(labelWidth());
    expect(slot && slot.y2 - slot.y1).toBe(GEOMETRY.row);
  });

  it('puts groups in columns from left to right, in the order given, with a header above each', () => {
    const layout = columnLayout(
      [
        { group: 'spoor1', ids: ['a', 'b'] },
        { group: 'empty', ids: [] },
        { group: 'spoor2', ids: ['c'] },
        { group: 'outside', ids: ['d'] },
      ],
      new Set(['a', 'b', 'c', 'd']),
    );
    const x = (id: string) => layout.nodes.get(id)?.x ?? NaN;
    expect(x('a')).toBe(x('b'));
    expect(x('a')).toBeLessThan(x('c'));
    expect(x('c')).toBeLessThan(x('d'));
    expect(layout.headers.map((h) => h.group)).toEqual(['spoor1', 'spoor2', 'outside']);
    for (const h of layout.headers) expect(h.y).toBeLessThan(Math.min(...[...layout.nodes.values()].map((n) => n.y)));
    expect(layout.band).toBeNull();
  });

  it('puts unlinked nodes in a band below every linked node, under a line', () => {
    const { groups, linked } = sample(60);
    const layout = columnLayout(groups, linked);
    const placed = [...layout.nodes.values()];
    const lowestLinked = Math.max(...placed.filter((p) => p.linked).map((p) => p.nodeBox.y2));
    const highestUnlinked = Math.min(...placed.filter((p) => !p.linked).map((p) => p.nodeBox.y1));
    const band = layout.band;
    expect(band).not.toBeNull();
    expect(band?.lineY).toBeGreaterThan(lowestLinked);
    expect(band?.lineY).toBeLessThan(highestUnlinked);
    expect(band?.labelSlot.y1).toBeGreaterThan(band?.lineY ?? Infinity);
  });

  it('splits a big group over several columns', () => {
    const layout = columnLayout([{ group: 'a', ids: ids('a', 40) }], new Set(ids('a', 40)), GEOMETRY, 10);
    expect(new Set([...layout.nodes.values()].map((p) => p.x)).size).toBe(4);
    expect(Math.max(...[...layout.nodes.values()].map((p) => p.y))).toBe(9 * GEOMETRY.row);
  });

  it('bends links within a column around the nodes between them, and keeps others straight', () => {
    const layout = columnLayout(
      [
        { group: 'a', ids: ['a0', 'a1', 'a2', 'a3'] },
        { group: 'b', ids: ['b0'] },
      ],
      new Set(['a0', 'a1', 'a2', 'a3', 'b0']),
    );
    expect(layout.bulge('a0', 'a1')).toBe(0);
    expect(layout.bulge('a0', 'b0')).toBe(0);
    const down = layout.bulge('a0', 'a3');
    expect(Math.abs(down)).toBeGreaterThan(GEOMETRY.node);
    // Both directions bulge to the same side (left).
    expect(layout.bulge('a3', 'a0')).toBe(-down);
    // The arc passes a node in between with room to spare: 2·t·(1−t)·d at t = 1/3.
    expect((2 / 3) * (2 / 3) * Math.abs(down)).toBeGreaterThan(GEOMETRY.node / 2);
  });
});
