import { describe, expect, it } from 'vitest';
import { drawingModel } from './drawing-model';
import { entryKind, entryLabel, type CircleEntryInput } from './circle-elements';
import { ringBounds } from './placement';
import { TEST_LAYOUT } from './test-layout';

const person = (id: string, name: string, ring: number, sector: string, safetyNet = false): CircleEntryInput => ({
  id,
  ring,
  sector,
  position: 0,
  safetyNet,
  target: { __typename: 'CirclePerson', id: `p-${id}`, name, professional: false, organisation: null },
});

const entries: CircleEntryInput[] = [
  person('e1', 'Tante Ria', 1, 'FAMILY', true),
  person('e2', 'Noor', 2, 'FRIENDS_NEIGHBOURS'),
  {
    id: 'e3',
    ring: 4,
    sector: 'PROFESSIONALS',
    position: 0,
    safetyNet: false,
    target: {
      __typename: 'CirclePerson',
      id: 'p-e3',
      name: 'Sanne de Vries',
      professional: true,
      organisation: { name: 'Lister' },
    },
  },
  {
    id: 'e4',
    ring: 3,
    sector: 'PROFESSIONALS',
    position: 1,
    safetyNet: false,
    target: { __typename: 'Organisation', id: 'o-1', name: 'Buurtteam Sociaal' },
  },
  person('e5', 'Kim', 7, 'FAMILY'),
];

describe('entry labels and kinds', () => {
  it('shows an organisation by name, a circle-only person by the whole first name or nickname, a professional by first name', () => {
    expect(entries.map((e) => entryLabel(e.target))).toEqual(['Tante Ria', 'Noor', 'Sanne', 'Buurtteam Sociaal', 'Kim']);
    expect(entries.map((e) => entryKind(e.target))).toEqual(['person', 'person', 'professional', 'organisation', 'person']);
  });
});

// Since issue 13 the circle page draws the print view's model in SVG (circle-drawing.tsx) instead of
// cytoscape elements; these keep what the element tests checked.
describe("the circle page's drawing model (issue 13)", () => {
  const model = drawingModel(TEST_LAYOUT, entries);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));

  it('draws one node per placed entry, at its placed position, and leaves out entries with an unknown ring', () => {
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4']);
    for (const p of model.placement.placed) expect({ x: byId.get(p.id)?.x, y: byId.get(p.id)?.y }).toEqual({ x: p.x, y: p.y });
    expect(model.placement.unplaced).toEqual([{ id: 'e5', reason: 'UNKNOWN_RING' }]);
    expect(model.unplacedIds).toEqual(['e5']);
  });

  it('keeps the kind of entry and vangnet on each node', () => {
    expect([byId.get('e1')?.kind, byId.get('e1')?.safetyNet]).toEqual(['person', true]);
    expect([byId.get('e3')?.kind, byId.get('e3')?.safetyNet]).toEqual(['professional', false]);
    expect(byId.get('e4')?.kind).toBe('organisation');
    expect(byId.get('e3')?.label).toBe('Sanne');
  });

  it('draws a disc per ring, four dividers, and every ring and sector label', () => {
    expect(model.rings.map((r) => r.outer)).toEqual([1, 2, 3, 4].map((ring) => ringBounds(ring, model.placement.geometry).outer));
    expect(model.innerRadius).toBe(model.placement.geometry.innerRadius);
    expect(model.dividers).toHaveLength(4);
    expect(model.ringLabels.map((l) => l.text)).toEqual(['Heel dichtbij', 'Dichtbij', 'Bekenden', 'Diensten']);
    expect(model.sectorLabels.map((l) => l.text)).toEqual(['Familie', 'Vrienden en buren', 'Lotgenoten', 'Hulpverleners']);
  });

  it('has unique node ids', () => {
    const ids = model.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws ties as lines between two drawn entries only', () => {
    const ties = [
      { id: 'e1~e2', fromEntryId: 'e1', toEntryId: 'e2' },
      // e5 is not on the drawing (unknown ring): no line to nowhere.
      { id: 'e1~e5', fromEntryId: 'e1', toEntryId: 'e5' },
    ];
    expect(drawingModel(TEST_LAYOUT, entries, ties).ties).toEqual([{ id: 'e1~e2', from: 'e1', to: 'e2' }]);
    expect(model.ties).toEqual([]);
  });
});
