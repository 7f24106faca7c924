import { describe, expect, it } from 'vitest';
import { circleElements, entryKind, entryLabel, type CircleEntryInput } from './circle-elements';
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

describe('circleElements', () => {
  const { elements, placement } = circleElements('Samira', TEST_LAYOUT, entries);
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('puts the client in the middle with their chosen name', () => {
    const client = byId.get('client');
    expect(client?.position).toEqual({ x: 0, y: 0 });
    expect(client?.data['label']).toBe('Samira');
  });

  it('draws one node per placed entry, at its placed position, and leaves out entries with an unknown ring', () => {
    const entryNodes = elements.filter((e) => String(e.classes).split(' ').includes('entry'));
    expect(entryNodes.map((e) => e.data.id).sort()).toEqual(['entry-e1', 'entry-e2', 'entry-e3', 'entry-e4']);
    for (const p of placement.placed) expect(byId.get(`entry-${p.id}`)?.position).toEqual({ x: p.x, y: p.y });
    expect(placement.unplaced).toEqual([{ id: 'e5', reason: 'UNKNOWN_RING' }]);
  });

  it('marks vangnet entries and the kind of entry in the classes', () => {
    expect(byId.get('entry-e1')?.classes).toBe('entry person safety-net');
    expect(byId.get('entry-e3')?.classes).toBe('entry professional');
    expect(byId.get('entry-e4')?.classes).toBe('entry organisation');
  });

  it('draws a disc per ring (ring 1 on top), four dividers, and every ring and sector label', () => {
    const rings = elements.filter((e) => String(e.classes).startsWith('ring ring-'));
    expect(rings.map((r) => r.data.id)).toEqual(['ring-4', 'ring-3', 'ring-2', 'ring-1']);
    expect(rings.map((r) => r.data['size'] as number)).toEqual(
      [4, 3, 2, 1].map((ring) => 2 * ringBounds(ring, placement.geometry).outer),
    );
    const z = rings.map((r) => r.data['z'] as number);
    expect([...z].sort((a, b) => a - b)).toEqual(z);
    expect(elements.filter((e) => e.classes === 'divider')).toHaveLength(4);
    expect(elements.filter((e) => String(e.classes).startsWith('ring-label')).map((e) => e.data['label'] as string)).toEqual([
      'Heel dichtbij',
      'Dichtbij',
      'Bekenden',
      'Diensten',
    ]);
    expect(elements.filter((e) => String(e.classes).startsWith('sector-label')).map((e) => e.data['label'] as string)).toEqual([
      'Familie',
      'Vrienden en buren',
      'Lotgenoten',
      'Hulpverleners',
    ]);
  });

  it('connects every divider edge to two existing anchor nodes', () => {
    const nodeIds = new Set(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id));
    for (const edge of elements.filter((e) => e.group === 'edges')) {
      expect(nodeIds.has(edge.data.source as string)).toBe(true);
      expect(nodeIds.has(edge.data.target as string)).toBe(true);
    }
  });

  it('has unique element ids', () => {
    const ids = elements.map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws ties as lines between two drawn entries, and only when editing lets entries be dragged', () => {
    const ties = [
      { id: 'e1~e2', fromEntryId: 'e1', toEntryId: 'e2' },
      // e5 is not on the drawing (unknown ring): no line to nowhere.
      { id: 'e1~e5', fromEntryId: 'e1', toEntryId: 'e5' },
    ];
    const edited = circleElements('Mo', TEST_LAYOUT, entries, { ties, movable: true }).elements;
    const lines = edited.filter((e) => e.classes === 'tie');
    expect(lines.map((e) => [String(e.data.source), String(e.data.target)])).toEqual([['entry-e1', 'entry-e2']]);
    const e1 = edited.find((e) => e.data.id === 'entry-e1');
    expect(e1?.classes).toBe('entry person safety-net movable');
    expect(e1?.grabbable).toBe(true);
    expect(byId.get('entry-e1')?.grabbable).toBe(false);
    expect(elements.some((e) => e.classes === 'tie')).toBe(false);
  });
});
