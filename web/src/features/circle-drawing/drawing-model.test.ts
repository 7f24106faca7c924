import { describe, expect, it } from 'vitest';
import { TEST_LAYOUT as LAYOUT, TEST_SECTORS as SECTORS } from './test-layout';
import { drawingModel, shortLabel, type DrawableEntry } from './drawing-model';

function entry(i: number, fields: Partial<DrawableEntry> = {}): DrawableEntry {
  return {
    id: `e${String(i).padStart(2, '0')}`,
    ring: (i % 4) + 1,
    sector: SECTORS[Math.floor(i / 4) % 4] ?? 'FAMILY',
    position: i,
    safetyNet: false,
    target: {
      __typename: 'CirclePerson',
      id: `p${String(i)}`,
      name: `Persoon ${String(i)}`,
      professional: false,
      organisation: null,
    },
    ...fields,
  };
}

function inside(model: ReturnType<typeof drawingModel>, x: number, y: number): boolean {
  const [left, top, width, height] = model.viewBox;
  return x >= left && x <= left + width && y >= top && y <= top + height;
}

describe('drawingModel (issue 4)', () => {
  it('draws all 40 entries of a long circle inside the picture', () => {
    const model = drawingModel(
      LAYOUT,
      Array.from({ length: 40 }, (_, i) => entry(i)),
    );
    expect(model.nodes).toHaveLength(40);
    expect(model.unplacedIds).toEqual([]);
    for (const node of model.nodes) expect(inside(model, node.x, node.y)).toBe(true);
    // Every sector label and the outer ring fit too.
    const outer = Math.max(...model.rings.map((r) => r.outer));
    expect(inside(model, -outer, -outer) && inside(model, outer, outer)).toBe(true);
    for (const label of model.sectorLabels) expect(inside(model, label.x, label.y)).toBe(true);
  });

  it('shows professionals by their first name only, and organisations by name', () => {
    const model = drawingModel(LAYOUT, [
      entry(0, {
        target: {
          __typename: 'CirclePerson',
          id: 'w',
          name: 'Eline Kramer',
          professional: true,
          organisation: { name: 'Lister' },
        },
      }),
      entry(1, { target: { __typename: 'Organisation', id: 'o', name: 'Buurtteam Lombok' } }),
    ]);
    expect(model.nodes.map((n) => [n.label, n.kind])).toEqual([
      ['Eline', 'professional'],
      ['Buurtteam Lombok', 'organisation'],
    ]);
  });

  it('keeps marks, and points "inward" at the middle', () => {
    const model = drawingModel(LAYOUT, [entry(5, { mark: 'CLOSER' })]);
    const node = model.nodes[0];
    expect(node?.mark).toBe('CLOSER');
    if (!node) return;
    expect(Math.hypot(node.inward.x, node.inward.y)).toBeCloseTo(1);
    expect(node.inward.x * node.x + node.inward.y * node.y).toBeLessThan(0);
  });

  it('does not draw an entry in a ring the layout does not know', () => {
    const model = drawingModel(LAYOUT, [entry(0), entry(1, { ring: 9 })]);
    expect(model.nodes.map((n) => n.id)).toEqual(['e00']);
    expect(model.unplacedIds).toEqual(['e01']);
  });

  it('shortens long names with an ellipsis', () => {
    expect(shortLabel('Stichting Buurtwerk Overvecht Noord')).toBe('Stichting Buurtwe…');
    expect(shortLabel(' Fatima ')).toBe('Fatima');
  });
});
