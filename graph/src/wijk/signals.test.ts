import { describe, expect, it } from 'vitest';
import { WIJK_SIGNAL_CODES, type OfferingCategory, type Tier, type WijkSignalCode } from '../model.js';
import { mulberry32 } from '../network/random.js';
import type { WijkEdge, WijkNode, WijkSignal, WijkSignalInput } from './signal-types.js';
import {
  computeWijkSignals,
  fragileBrokers,
  islands,
  keyFiguresUnconnected,
  missingLinks,
  overlaps,
  tierIslands,
  WIJK_RULES,
  wijkMeasures,
} from './signals.js';

const org = (id: string, tier: Tier | null): WijkNode => ({ id, name: `Organisatie ${id}`, kind: 'ORGANISATION', tier });
const keyFigure = (id: string): WijkNode => ({ id, name: `Sleutelfiguur ${id}`, kind: 'KEY_FIGURE', tier: null });

/** Links written as 'a-b'. */
function links(...pairs: string[]): WijkEdge[] {
  return pairs.map((pair, i) => {
    const [fromId = '', toId = ''] = pair.split('-');
    return { id: `link-${i}`, fromId, toId, kind: 'COLLABORATION' };
  });
}

function input(nodes: WijkNode[], edges: WijkEdge[], overrides: Partial<WijkSignalInput> = {}): WijkSignalInput {
  return { nodes, edges, offerings: [], coServedPairs: [], ...overrides };
}

const offer = (organisationId: string, category: OfferingCategory) => ({ organisationId, category });

/** Every pair linked: one organisation per group and a key figure, a network no rule has anything to say about. */
const T1 = org('t1', 1);
const T2 = org('t2', 2);
const T3 = org('t3', 3);
const OTHER = org('other', null);
const KEY = keyFigure('key');
const HEALTHY_NODES = [T1, T2, T3, OTHER, KEY];
function completeLinks(ids: string[]): WijkEdge[] {
  return links(...ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a}-${b}`)));
}
function healthy(overrides: Partial<WijkSignalInput> = {}): WijkSignalInput {
  return input(HEALTHY_NODES, completeLinks(HEALTHY_NODES.map((node) => node.id)), {
    offerings: [offer('t1', 'WALK_IN'), offer('other', 'WALK_IN')],
    coServedPairs: [['t1', 't3']],
    ...overrides,
  });
}
/** The healthy network with some links left out. */
function without(...pairs: string[]): WijkEdge[] {
  const gone = new Set(pairs.flatMap((pair) => [pair, pair.split('-').reverse().join('-')]));
  return healthy().edges.filter((edge) => !gone.has(`${edge.fromId}-${edge.toId}`));
}

const codes = (signals: WijkSignal[]): WijkSignalCode[] => signals.map((s) => s.code);
const keys = (signals: WijkSignal[]): string[] => signals.map((s) => s.key);

describe('the wijk signal rules', () => {
  it('has one rule per signal code', () => {
    expect(WIJK_RULES).toHaveLength(WIJK_SIGNAL_CODES.length);
  });

  it('says nothing about a wijk where everyone is linked to everyone', () => {
    expect(computeWijkSignals(healthy())).toEqual([]);
  });

  it('says nothing about an empty wijk', () => {
    expect(computeWijkSignals(input([], [], { coServedPairs: [['a', 'b']], offerings: [offer('a', 'BUDDY')] }))).toEqual([]);
  });

  it('leaves the fields a signal does not use empty', () => {
    expect(keyFiguresUnconnected(healthy({ edges: without('key-t2', 'key-t3') }))).toEqual([
      {
        code: 'KEY_FIGURE_UNCONNECTED',
        key: 'KEY_FIGURE_UNCONNECTED:key',
        nodeIds: ['key'],
        circleDerived: false,
        groups: null,
        eiIndex: null,
        category: null,
        unlinkedPairs: [],
        articulation: null,
        betweenness: null,
        rank: null,
      },
    ]);
  });
});

describe('MISSING_LINK', () => {
  it('lists a co-served pair of organisations with no link, once, with the smaller id first', () => {
    const signals = missingLinks(
      healthy({
        edges: without('t1-t3'),
        coServedPairs: [
          ['t3', 't1'],
          ['t1', 't3'],
        ],
      }),
    );
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      code: 'MISSING_LINK',
      key: 'MISSING_LINK:t1~t3',
      nodeIds: ['t1', 't3'],
      circleDerived: true,
    });
  });

  it('is the only circle-derived signal', () => {
    const signals = computeWijkSignals(
      input([org('a', 1), org('b', 1), keyFigure('k')], [], {
        coServedPairs: [['a', 'b']],
        offerings: [offer('a', 'BUDDY'), offer('b', 'BUDDY')],
      }),
    );
    expect(signals.filter((s) => s.circleDerived).map((s) => s.code)).toEqual(['MISSING_LINK']);
    expect(new Set(codes(signals)).size).toBeGreaterThan(2);
  });

  it('is quiet when the pair is linked', () => {
    expect(missingLinks(healthy({ coServedPairs: [['t1', 't3']] }))).toEqual([]);
  });

  it('is quiet when the viewer may not see circle-derived figures', () => {
    expect(missingLinks(healthy({ edges: without('t1-t3'), coServedPairs: null }))).toEqual([]);
  });

  it('is quiet when an end is a key figure, is not in the wijk, or both ends are the same', () => {
    const data = healthy({
      edges: without('key-t1', 't1-t3'),
      coServedPairs: [
        ['key', 't1'],
        ['t1', 'elsewhere'],
        ['t1', 't1'],
      ],
    });
    expect(missingLinks(data)).toEqual([]);
  });
});

describe('TIER_ISLAND', () => {
  it('names a pair of present groups with no link between them, with its E-I index', () => {
    const data = input([org('a1', 1), org('a2', 1), org('c', 3), org('b', 2)], links('a1-a2', 'a1-b', 'b-c'));
    // TIER_1/TIER_3: E = 0, I = 1 (a1–a2) + 0 → −1.
    expect(tierIslands(data)).toEqual([
      expect.objectContaining({
        code: 'TIER_ISLAND',
        key: 'TIER_ISLAND:TIER_1~TIER_3',
        nodeIds: ['a1', 'a2', 'c'],
        groups: ['TIER_1', 'TIER_3'],
        eiIndex: -1,
      }),
    ]);
  });

  it('gives an undefined E-I index (null) when neither group has any link', () => {
    const [signal] = tierIslands(healthy({ edges: without('t1-t3') }));
    expect(signal).toMatchObject({ key: 'TIER_ISLAND:TIER_1~TIER_3', eiIndex: null });
  });

  it('ignores links through a key figure: they do not join two tiers', () => {
    expect(keys(tierIslands(healthy({ edges: without('t1-t3') })))).toEqual(['TIER_ISLAND:TIER_1~TIER_3']);
  });

  it('is quiet when every pair of groups is linked', () => {
    expect(tierIslands(healthy())).toEqual([]);
  });

  it('is quiet about a group that is absent', () => {
    expect(tierIslands(input([org('a', 1), org('b', 2)], links('a-b')))).toEqual([]);
  });

  it('is quiet about a group whose organisations have no link among themselves', () => {
    const data = input([org('a1', 1), org('a2', 1), org('b', 2)], links('a1-b', 'a2-b'));
    expect(tierIslands(data)).toEqual([]);
  });
});

describe('ISLAND', () => {
  it('names each component outside the main one, lone nodes and key figures included', () => {
    const data = healthy({
      nodes: [...HEALTHY_NODES, org('z', 1), org('p', 2), keyFigure('q')],
      edges: [...healthy().edges, ...links('p-q')],
    });
    expect(islands(data)).toEqual([
      expect.objectContaining({ code: 'ISLAND', key: 'ISLAND:p', nodeIds: ['p', 'q'] }),
      expect.objectContaining({ code: 'ISLAND', key: 'ISLAND:z', nodeIds: ['z'] }),
    ]);
  });

  it('keeps the component with more spoor-2 organisations as the main one when sizes tie', () => {
    const data = input([org('a', 1), org('b', 3), org('x', 2), org('y', null)], links('a-b', 'x-y'));
    expect(keys(islands(data))).toEqual(['ISLAND:a']);
  });

  it('is quiet when the network is connected', () => {
    expect(islands(healthy())).toEqual([]);
  });
});

describe('FRAGILE_BROKER', () => {
  it('names an articulation point with its betweenness and rank', () => {
    const data = input([org('a', 1), org('b', 2), org('c', 3)], links('a-b', 'b-c'));
    expect(fragileBrokers(data)).toEqual([
      expect.objectContaining({
        code: 'FRAGILE_BROKER',
        key: 'FRAGILE_BROKER:b',
        nodeIds: ['b'],
        articulation: true,
        betweenness: 1,
        rank: 1,
      }),
    ]);
  });

  it('names the top-betweenness nodes that are no articulation point, sharing a rank on a tie', () => {
    // A square a–b–c–d with the diagonal a–c: a and c each carry half of the b–d paths; b and d carry nothing.
    const data = input([org('a', 1), org('b', 1), org('c', 1), org('d', 1)], links('a-b', 'b-c', 'c-d', 'd-a', 'a-c'));
    const signals = fragileBrokers({ ...data, topBrokers: 1 });
    expect(signals.map((s) => [s.key, s.articulation, s.rank])).toEqual([
      ['FRAGILE_BROKER:a', false, 1],
      ['FRAGILE_BROKER:c', false, 1],
    ]);
    expect(signals[0]?.betweenness).toBeCloseTo(1 / 6, 10);
  });

  it('keeps to topBrokers below an articulation point, and gives a node that is both one signal', () => {
    // hub joins a triangle and a tail: hub and t are articulation points; hub also has the highest betweenness.
    const data = input(
      [org('hub', 2), org('x', 1), org('y', 1), org('t', 3), org('u', 3)],
      links('hub-x', 'hub-y', 'x-y', 'hub-t', 't-u'),
    );
    const signals = fragileBrokers({ ...data, topBrokers: 1 });
    expect(signals.map((s) => [s.key, s.articulation, s.rank])).toEqual([
      ['FRAGILE_BROKER:hub', true, 1],
      ['FRAGILE_BROKER:t', true, 2],
    ]);
  });

  it('defaults to the three highest', () => {
    // A path of six: betweenness falls from the middle outwards (c = d > b = e > a = f = 0).
    const data = input(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => org(id, 1)),
      links('a-b', 'b-c', 'c-d', 'd-e', 'e-f'),
    );
    const signals = fragileBrokers(data);
    expect(signals.map((s) => [s.nodeIds[0], s.rank])).toEqual([
      ['c', 1],
      ['d', 1],
      ['b', 3],
      ['e', 3],
    ]);
  });

  it('is quiet when nobody stands between others', () => {
    expect(fragileBrokers(healthy())).toEqual([]);
  });

  it('is quiet with topBrokers 0 when no node splits the network', () => {
    const data = input([org('a', 1), org('b', 1), org('c', 1), org('d', 1)], links('a-b', 'b-c', 'c-d', 'd-a', 'a-c'));
    expect(fragileBrokers({ ...data, topBrokers: 0 })).toEqual([]);
  });
});

describe('KEY_FIGURE_UNCONNECTED', () => {
  it('names a key figure linked only to spoor-1 and other organisations', () => {
    expect(keys(keyFiguresUnconnected(healthy({ edges: without('key-t2', 'key-t3') })))).toEqual(['KEY_FIGURE_UNCONNECTED:key']);
  });

  it('names a key figure whose only way to spoor 2 is through another key figure, and one with no link at all', () => {
    const data = input([keyFigure('k1'), keyFigure('k2'), keyFigure('k3'), org('w', 2)], links('k1-k2', 'k2-w'));
    expect(keys(keyFiguresUnconnected(data))).toEqual(['KEY_FIGURE_UNCONNECTED:k1', 'KEY_FIGURE_UNCONNECTED:k3']);
  });

  it('is quiet when a key figure has a link to a spoor-3 organisation only', () => {
    expect(keyFiguresUnconnected(healthy({ edges: without('key-t2') }))).toEqual([]);
  });
});

describe('OVERLAP', () => {
  it('names a category offered by unlinked organisations, with all its offerers and the unlinked pairs', () => {
    const data = input([org('c', 1), org('a', 1), org('b', 2)], links('a-b'), {
      offerings: [offer('c', 'WALK_IN'), offer('b', 'WALK_IN'), offer('a', 'WALK_IN'), offer('a', 'WALK_IN')],
    });
    expect(overlaps(data)).toEqual([
      expect.objectContaining({
        code: 'OVERLAP',
        key: 'OVERLAP:WALK_IN',
        nodeIds: ['a', 'b', 'c'],
        category: 'WALK_IN',
        unlinkedPairs: [
          ['a', 'c'],
          ['b', 'c'],
        ],
      }),
    ]);
  });

  it('is quiet when the organisations offering a category are linked', () => {
    expect(overlaps(healthy())).toEqual([]);
  });

  it('is quiet when one organisation offers a category, however often it is listed', () => {
    const data = input([org('a', 1), org('b', 1)], [], {
      offerings: [offer('a', 'SPORT'), offer('a', 'SPORT'), offer('b', 'MEALS')],
    });
    expect(overlaps(data)).toEqual([]);
  });

  it('ignores offerings of organisations outside the wijk and of key figures', () => {
    const data = input([org('a', 1), keyFigure('k')], [], {
      offerings: [offer('a', 'BUDDY'), offer('k', 'BUDDY'), offer('elsewhere', 'BUDDY')],
    });
    expect(overlaps(data)).toEqual([]);
  });
});

describe('computeWijkSignals', () => {
  /** A wijk where every rule fires at least once. */
  function busy(): WijkSignalInput {
    return input(
      [org('b', 2), org('a', 1), org('c', 3), org('d', null), keyFigure('k'), org('island', 1)],
      links('a-b', 'b-c', 'c-d', 'k-a'),
      {
        coServedPairs: [['c', 'a']],
        offerings: [offer('d', 'MEALS'), offer('a', 'MEALS'), offer('a', 'BUDDY'), offer('island', 'BUDDY')],
      },
    );
  }

  it('orders signals by code, then by key', () => {
    const signals = computeWijkSignals(busy());
    expect(new Set(codes(signals))).toEqual(new Set(WIJK_SIGNAL_CODES));
    const position = (s: WijkSignal) => WIJK_SIGNAL_CODES.indexOf(s.code);
    const sorted = [...signals].sort((x, y) => position(x) - position(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    expect(keys(signals)).toEqual(keys(sorted));
    // Keys compare as plain strings, so OTHER comes before TIER_3.
    expect(keys(signals).slice(0, 4)).toEqual([
      'MISSING_LINK:a~c',
      'TIER_ISLAND:TIER_1~OTHER',
      'TIER_ISLAND:TIER_1~TIER_3',
      'TIER_ISLAND:TIER_2~OTHER',
    ]);
  });

  it('gives the same answer whatever order the rows arrive in, and leaves its input alone', () => {
    const data = busy();
    const before = structuredClone(data);
    const first = computeWijkSignals(data);
    expect(data).toEqual(before);
    const shuffled: WijkSignalInput = {
      ...data,
      nodes: [...data.nodes].reverse(),
      edges: [...data.edges].reverse().map((edge) => ({ ...edge, fromId: edge.toId, toId: edge.fromId })),
      offerings: [...data.offerings].reverse(),
    };
    expect(computeWijkSignals(shuffled)).toEqual(first);
  });

  it('handles a 200-node, 2000-edge wijk quickly', () => {
    const random = mulberry32(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const nodes = Array.from({ length: 200 }, (_, i) =>
      i % 20 === 0 ? keyFigure(`n${i}`) : org(`n${i}`, pick<Tier | null>([1, 2, 3, null])),
    );
    const edges: WijkEdge[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `e${i}`,
      fromId: pick(nodes).id,
      toId: pick(nodes).id,
      kind: 'REFERRAL',
    }));
    const data = input(nodes, edges, {
      offerings: nodes.map((node) => offer(node.id, pick(['BUDDY', 'WALK_IN', 'SPORT', 'MEALS'] as const))),
      coServedPairs: Array.from({ length: 100 }, (): [string, string] => [pick(nodes).id, pick(nodes).id]),
    });
    // The first call pays for compiling graphology's code; a running server pays that once.
    // CPU time as well as wall time: on a busy machine the wall clock mostly measures the neighbours.
    const timed = (): [WijkSignal[], string] => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const signals = computeWijkSignals(data);
      const used = process.cpuUsage(cpu);
      return [
        signals,
        `${(performance.now() - started).toFixed(1)} ms (CPU ${((used.user + used.system) / 1000).toFixed(1)} ms)`,
      ];
    };
    const [signals, cold] = timed();
    const [again, warm] = timed();
    console.log(`computeWijkSignals, 200 nodes and 2000 links: ${signals.length} signals; first call ${cold}, second ${warm}`);
    expect(signals.length).toBeGreaterThan(0);
    expect(again).toEqual(signals);
  });
});

describe('wijkMeasures', () => {
  it('gives the ANALYSIS.md figures of the network', () => {
    // a–b–c joined, d alone; k (key figure) on a. Tiered links: a–b (1–2, cross), b–c (2–2) → share 1/2.
    const data = input(
      [org('a', 1), org('b', 2), org('c', 2), org('d', null), keyFigure('k')],
      links('a-b', 'b-c', 'k-a', 'a-b'),
    );
    const measures = wijkMeasures(data);
    expect(measures).toMatchObject({
      nodes: 5,
      edges: 3,
      density: (2 * 3) / (5 * 4),
      componentCount: 2,
      mainComponentSize: 4,
      crossTierShare: 0.5,
    });
    expect(measures.groupEI.find((g) => g.group === 'TIER_2')).toEqual({ group: 'TIER_2', internal: 1, external: 1, eiIndex: 0 });
    expect(measures.tierPairs.filter((p) => p.island).map((p) => `${p.a}~${p.b}`)).toEqual(['TIER_1~OTHER', 'TIER_2~OTHER']);
  });
});
