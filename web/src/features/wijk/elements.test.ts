import { describe, expect, it } from 'vitest';
import {
  districtElements,
  drawableLinks,
  groupOfTier,
  keyFigureRows,
  legendItems,
  linkCounts,
  organisationsBySpoor,
  partnershipSummaries,
  type DistrictNetwork,
} from './elements';

/** A small invented wijk: every spoor, one organisation outside the sporen, one key figure, a dangling link. */
const network: DistrictNetwork = {
  organisations: [
    { id: 'lister', name: 'Lister', tier: 3, sector: 'ADDITIONAL_CARE' },
    { id: 'alamal', name: 'Stichting Al Amal', tier: 1, sector: 'SOCIAL_BASE' },
    { id: 'dock', name: 'DOCK', tier: 1, sector: 'SOCIAL_BASE' },
    { id: 'bts', name: 'Buurtteam Sociaal', tier: 2, sector: 'NEIGHBOURHOOD_TEAMS' },
    { id: 'portaal', name: 'Portaal', tier: null, sector: 'HOUSING_ASSOCIATION' },
  ],
  keyFigures: [{ id: 'kf-yara', name: 'Yara' }],
  links: [
    { id: 'l1', fromId: 'alamal', toId: 'bts', kind: 'REFERRAL' },
    { id: 'l2', fromId: 'alamal', toId: 'dock', kind: 'COLLABORATION' },
    { id: 'l3', fromId: 'dock', toId: 'lister', kind: 'JOINT_MEETING' },
    { id: 'l4', fromId: 'kf-yara', toId: 'alamal', kind: 'COLLABORATION' },
    // The other end is not on this map (for example an organisation outside the wijk).
    { id: 'l5', fromId: 'lister', toId: 'elsewhere', kind: 'HANDOVER' },
    { id: 'l6', fromId: 'dock', toId: 'dock', kind: 'COLLABORATION' },
  ],
  partnerships: [
    { id: 'rg', name: 'Regiegroep', kind: 'STEERING_GROUP', memberIds: ['lister', 'dock', 'outside-1'] },
    { id: 'kt', name: 'Kernteam Kanaleneiland', kind: 'CORE_TEAM', memberIds: ['lister', 'alamal', 'bts', 'bts'] },
  ],
};

describe('groupOfTier', () => {
  it('maps the three sporen and puts everything else under "other"', () => {
    expect([1, 2, 3, null, 4].map(groupOfTier)).toEqual(['tier1', 'tier2', 'tier3', 'other', 'other']);
  });
});

const LABELS = { tier1: 'Spoor 1', tier2: 'Spoor 2', tier3: 'Spoor 3', other: 'Overig' } as const;

describe('districtElements', () => {
  const { elements, nodeCount, edgeCount } = districtElements(network, LABELS);
  const nodes = elements.filter((e) => e.group === 'nodes' && !String(e.classes).startsWith('group-label'));
  const edges = elements.filter((e) => e.group === 'edges');

  it('makes one node per organisation and key figure, classed by spoor', () => {
    expect(nodeCount).toBe(6);
    expect(nodes).toHaveLength(6);
    const classes = Object.fromEntries(nodes.map((n) => [String(n.data.id), String(n.classes)]));
    expect(classes).toEqual({
      lister: 'organisation tier3',
      alamal: 'organisation tier1',
      dock: 'organisation tier1',
      bts: 'organisation tier2',
      portaal: 'organisation other',
      'kf-yara': 'keyFigure',
    });
  });

  it('labels nodes with the name', () => {
    expect(nodes.find((n) => n.data.id === 'alamal')?.data['label']).toBe('Stichting Al Amal');
  });

  it('draws an edge only when both ends are on the map, never a loop', () => {
    expect(edgeCount).toBe(4);
    expect(edges.map((e) => [String(e.data.source), String(e.data.target)]).sort()).toEqual(
      [
        ['alamal', 'bts'],
        ['alamal', 'dock'],
        ['dock', 'lister'],
        ['kf-yara', 'alamal'],
      ].sort(),
    );
    const ids = new Set(nodes.map((n) => n.data.id));
    for (const e of edges) {
      expect(ids.has(e.data.source as string)).toBe(true);
      expect(ids.has(e.data.target as string)).toBe(true);
    }
  });

  it('gives edges a line style by link kind and ids that cannot clash with node ids', () => {
    const byLink = Object.fromEntries(edges.map((e) => [String(e.data.id), String(e.classes)]));
    expect(byLink).toEqual({
      'link-l1': 'link dashed',
      'link-l2': 'link solid',
      'link-l3': 'link dotted',
      'link-l4': 'link solid',
    });
  });

  it('puts key figures in the middle and each spoor in its own wedge, clockwise from the top', () => {
    const at = (id: string) => nodes.find((n) => n.data.id === id)?.position ?? { x: NaN, y: NaN };
    const radius = (id: string) => Math.hypot(at(id).x, at(id).y);
    // Clockwise from 12 o'clock, in [0, 2π).
    const angle = (id: string) => (Math.atan2(at(id).x, -at(id).y) + 2 * Math.PI) % (2 * Math.PI);
    expect(radius('kf-yara')).toBe(0);
    for (const id of ['alamal', 'dock', 'bts', 'lister', 'portaal']) expect(radius(id)).toBeGreaterThan(100);
    // Wedges follow spoor 1, 2, 3, other.
    expect(Math.max(angle('alamal'), angle('dock'))).toBeLessThan(angle('bts'));
    expect(angle('bts')).toBeLessThan(angle('lister'));
    expect(angle('lister')).toBeLessThan(angle('portaal'));
  });

  it('labels each wedge that has organisations, outside the organisations', () => {
    const labels = elements.filter((e) => String(e.classes).startsWith('group-label'));
    expect(labels.map((l) => l.data['label'] as string)).toEqual(['Spoor 1', 'Spoor 2', 'Spoor 3', 'Overig']);
    const furthest = Math.max(...nodes.map((n) => Math.hypot(n.position?.x ?? 0, n.position?.y ?? 0)));
    for (const l of labels) expect(Math.hypot(l.position?.x ?? 0, l.position?.y ?? 0)).toBeGreaterThan(furthest);
    const withoutTier3 = districtElements(
      { ...network, organisations: network.organisations.filter((o) => o.tier !== 3) },
      LABELS,
    );
    expect(
      withoutTier3.elements.filter((e) => String(e.classes).startsWith('group-label')).map((l) => l.data['label'] as string),
    ).toEqual(['Spoor 1', 'Spoor 2', 'Overig']);
  });

  it('gives the same elements whatever the order of the input', () => {
    const reversed: DistrictNetwork = {
      ...network,
      organisations: [...network.organisations].reverse(),
      links: [...network.links].reverse(),
    };
    const sortById = (list: ReturnType<typeof districtElements>['elements']) =>
      [...list].sort((a, b) => String(a.data.id).localeCompare(String(b.data.id)));
    expect(sortById(districtElements(reversed, LABELS).elements)).toEqual(sortById(elements));
    expect(
      districtElements(reversed, LABELS).elements.filter(
        (e) => e.group === 'nodes' && !String(e.classes).startsWith('group-label'),
      ),
    ).toEqual(nodes);
  });
});

describe('links and the text alternative', () => {
  it('counts only drawable links per node', () => {
    expect(drawableLinks(network).map((l) => l.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(Object.fromEntries(linkCounts(network))).toEqual({ alamal: 3, bts: 1, dock: 2, lister: 1, 'kf-yara': 1 });
  });

  it('groups organisations by spoor, by name, with their link counts', () => {
    expect(organisationsBySpoor(network)).toEqual([
      {
        group: 'tier1',
        organisations: [
          { id: 'dock', name: 'DOCK', sector: 'SOCIAL_BASE', links: 2 },
          { id: 'alamal', name: 'Stichting Al Amal', sector: 'SOCIAL_BASE', links: 3 },
        ],
      },
      { group: 'tier2', organisations: [{ id: 'bts', name: 'Buurtteam Sociaal', sector: 'NEIGHBOURHOOD_TEAMS', links: 1 }] },
      { group: 'tier3', organisations: [{ id: 'lister', name: 'Lister', sector: 'ADDITIONAL_CARE', links: 1 }] },
      { group: 'other', organisations: [{ id: 'portaal', name: 'Portaal', sector: 'HOUSING_ASSOCIATION', links: 0 }] },
    ]);
  });

  it('lists key figures with their links', () => {
    expect(keyFigureRows(network)).toEqual([{ id: 'kf-yara', name: 'Yara', links: 1 }]);
  });

  it('counts every group in the legend, also empty ones', () => {
    expect(legendItems(network)).toEqual([
      { group: 'tier1', count: 2 },
      { group: 'tier2', count: 1 },
      { group: 'tier3', count: 1 },
      { group: 'other', count: 1 },
      { group: 'keyFigure', count: 1 },
    ]);
    expect(legendItems({ organisations: [], keyFigures: [], links: [], partnerships: [] }).map((i) => i.count)).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('lists the kernteam first, counts unique members and names those in the wijk', () => {
    const [core, steering] = partnershipSummaries(network);
    expect(core?.name).toBe('Kernteam Kanaleneiland');
    expect(core?.memberCount).toBe(3);
    expect(core?.members.map((m) => [m.name, m.group])).toEqual([
      ['Buurtteam Sociaal', 'tier2'],
      ['Lister', 'tier3'],
      ['Stichting Al Amal', 'tier1'],
    ]);
    expect(steering?.memberCount).toBe(3);
    expect(steering?.members.map((m) => m.id)).toEqual(['dock', 'lister']);
  });
});
