import { OFFERING_CATEGORIES, WIJK_SIGNAL_CODES, type SpoorGroup, type Tier, type WijkSignalCode } from '../model.js';
import { articulationPoints } from '../network/articulation.js';
import { buildNetwork, byId, type Network, type NetworkGroup } from '../network/graph.js';
import {
  betweenness,
  components,
  crossTierShare,
  density,
  groupCounts,
  groupEI,
  mainComponent,
  tierPairs,
} from '../network/measures.js';
import type { WijkMeasures, WijkNode, WijkSignal, WijkSignalInput } from './signal-types.js';

/** The wijk's network, built once and shared by every rule. */
export interface WijkNetwork {
  graph: Network;
  nodes: Map<string, WijkNode>;
}

/** One rule: looks at the whole wijk and returns what it notices (possibly nothing). */
export type WijkSignalRule = (input: WijkSignalInput, network?: WijkNetwork) => WijkSignal[];

export const DEFAULT_TOP_BROKERS = 3;

/**
 * Brandes sums the same shares in a different order for symmetric nodes, so equal betweenness can
 * differ in the last bits; closer than this counts as a tie.
 */
const TIE_TOLERANCE = 1e-9;

const TIER_GROUP: Record<Tier, SpoorGroup> = { 1: 'TIER_1', 2: 'TIER_2', 3: 'TIER_3' };

function groupOf(node: WijkNode): NetworkGroup {
  if (node.kind === 'KEY_FIGURE') return 'KEY_FIGURE';
  return node.tier === null ? 'OTHER' : TIER_GROUP[node.tier];
}

export function wijkNetwork(input: WijkSignalInput): WijkNetwork {
  const nodes = new Map<string, WijkNode>();
  for (const node of input.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  }
  const graph = buildNetwork(
    [...nodes.values()].map((node) => ({ id: node.id, group: groupOf(node) })),
    input.edges,
  );
  return { graph, nodes };
}

const ordered = (a: string, b: string): [string, string] => (byId(a, b) <= 0 ? [a, b] : [b, a]);

function isOrganisation(network: WijkNetwork, id: string): boolean {
  return network.nodes.get(id)?.kind === 'ORGANISATION';
}

/** A signal with every field its code does not use left empty. */
function signal(code: WijkSignalCode, key: string, fields: Partial<Omit<WijkSignal, 'code' | 'key'>> = {}): WijkSignal {
  return {
    code,
    key: `${code}:${key}`,
    nodeIds: [],
    circleDerived: false,
    groups: null,
    eiIndex: null,
    category: null,
    unlinkedPairs: [],
    articulation: null,
    betweenness: null,
    rank: null,
    ...fields,
  };
}

/** Organisations that share at least K clients and have no link. No count is carried: the pair is listed or not. */
export function missingLinks(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  if (input.coServedPairs === null) return [];
  const signals = new Map<string, WijkSignal>();
  for (const [x, y] of input.coServedPairs) {
    // A key figure or an organisation outside the wijk is not someone the coordinator can link here.
    if (x === y || !isOrganisation(network, x) || !isOrganisation(network, y)) continue;
    const [a, b] = ordered(x, y);
    if (network.graph.hasEdge(a, b)) continue;
    signals.set(a + '~' + b, signal('MISSING_LINK', `${a}~${b}`, { nodeIds: [a, b], circleDerived: true }));
  }
  return [...signals.values()];
}

/**
 * Two different spoor groups, both present, with no link between them. Within one group an absence of
 * links is left to the density figures: the product asks about tiers not reaching each other.
 */
export function tierIslands(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  const { graph } = network;
  return tierPairs(graph)
    .filter((pair) => pair.a !== pair.b && pair.island)
    .map((pair) =>
      signal('TIER_ISLAND', `${pair.a}~${pair.b}`, {
        nodeIds: graph.filterNodes((_, { group }) => group === pair.a || group === pair.b).sort(byId),
        groups: [pair.a, pair.b],
        eiIndex: pair.eiIndex,
      }),
    );
}

/** Each component apart from the main one, key figures included: a lone organisation is an island of one. */
export function islands(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  const all = components(network.graph);
  const { main } = mainComponent(network.graph, all);
  return all
    .filter((component) => component !== main)
    .map((component) => signal('ISLAND', component[0] ?? '', { nodeIds: component }));
}

/**
 * Articulation points, and the nodes ranked within the top `topBrokers` by betweenness (only those
 * with betweenness above 0: in a network where nobody stands between others nobody is a broker).
 * Nodes with equal betweenness share a rank, so a tie at the boundary shows all of them rather
 * than letting an id decide.
 */
export function fragileBrokers(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  const topBrokers = Math.max(0, Math.floor(input.topBrokers ?? DEFAULT_TOP_BROKERS));
  const cutNodes = new Set(articulationPoints(network.graph));
  const values = betweenness(network.graph);
  const byValue = [...values.entries()].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]));
  const rank = new Map<string, number>();
  byValue.forEach(([id, value], i) => {
    const previous = byValue[i - 1];
    rank.set(id, previous !== undefined && previous[1] - value <= TIE_TOLERANCE ? (rank.get(previous[0]) ?? i + 1) : i + 1);
  });
  return byValue
    .filter(([id, value]) => cutNodes.has(id) || (value > TIE_TOLERANCE && (rank.get(id) ?? Infinity) <= topBrokers))
    .map(([id, value]) =>
      signal('FRAGILE_BROKER', id, {
        nodeIds: [id],
        articulation: cutNodes.has(id),
        betweenness: value,
        rank: rank.get(id) ?? null,
      }),
    );
}

/** A key figure with no link to any spoor-2 or spoor-3 organisation: the professional care cannot find them. */
export function keyFiguresUnconnected(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  const { graph } = network;
  return graph
    .filterNodes((_, { group }) => group === 'KEY_FIGURE')
    .filter((id) => !graph.someNeighbor(id, (_, { group }) => group === 'TIER_2' || group === 'TIER_3'))
    .map((id) => signal('KEY_FIGURE_UNCONNECTED', id, { nodeIds: [id] }));
}

/** Per offering category: two or more organisations offer it and at least two of them have no link. */
export function overlaps(input: WijkSignalInput, network = wijkNetwork(input)): WijkSignal[] {
  const signals: WijkSignal[] = [];
  for (const category of OFFERING_CATEGORIES) {
    const offering = [
      ...new Set(
        input.offerings
          .filter((fact) => fact.category === category && isOrganisation(network, fact.organisationId))
          .map((fact) => fact.organisationId),
      ),
    ].sort(byId);
    const unlinkedPairs: [string, string][] = [];
    offering.forEach((a, i) => {
      for (const b of offering.slice(i + 1)) {
        if (!network.graph.hasEdge(a, b)) unlinkedPairs.push([a, b]);
      }
    });
    if (unlinkedPairs.length === 0) continue;
    signals.push(signal('OVERLAP', category, { nodeIds: offering, category, unlinkedPairs }));
  }
  return signals;
}

/** Every rule, in the order of WIJK_SIGNAL_CODES. */
export const WIJK_RULES: readonly WijkSignalRule[] = [
  missingLinks,
  tierIslands,
  islands,
  fragileBrokers,
  keyFiguresUnconnected,
  overlaps,
];

/** Everything the rules notice, ordered by code (WIJK_SIGNAL_CODES) and then key. Pure: same input, same answer. */
export function computeWijkSignals(input: WijkSignalInput): WijkSignal[] {
  const network = wijkNetwork(input);
  return WIJK_RULES.flatMap((rule) => rule(input, network)).sort(
    (a, b) => WIJK_SIGNAL_CODES.indexOf(a.code) - WIJK_SIGNAL_CODES.indexOf(b.code) || byId(a.key, b.key),
  );
}

/** The ANALYSIS.md figures of the network given (pass only organisations for the research figures). */
export function wijkMeasures(input: Pick<WijkSignalInput, 'nodes' | 'edges'>): WijkMeasures {
  const { graph } = wijkNetwork({ ...input, offerings: [], coServedPairs: null });
  const all = components(graph);
  const counts = groupCounts(graph);
  return {
    nodes: graph.order,
    edges: graph.size,
    density: density(graph),
    componentCount: all.length,
    mainComponentSize: mainComponent(graph, all).main.length,
    crossTierShare: crossTierShare(graph),
    groupEI: groupEI(graph, counts),
    tierPairs: tierPairs(graph, counts),
  };
}
