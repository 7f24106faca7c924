import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { SPOOR_GROUPS, type SpoorGroup } from '../model.js';
import { byId, type Network, type NetworkGroup } from './graph.js';
import { commonJsDefault } from './interop.js';
import { mulberry32 } from './random.js';

const betweennessCentrality = commonJsDefault(betweennessModule);
const louvain = commonJsDefault(louvainModule);
const modularity = commonJsDefault(modularityModule);

/** The seed the research views and the wijkkaart share, so both show the same communities. */
export const LOUVAIN_SEED = 20_240_601;

const isSpoorGroup = (group: NetworkGroup): group is SpoorGroup => group !== 'KEY_FIGURE';
const isTiered = (group: NetworkGroup): boolean => group === 'TIER_1' || group === 'TIER_2' || group === 'TIER_3';

/** 2m / (n(n − 1)); 0 when n < 2. */
export function density(graph: Network): number {
  return undirectedDensity(graph.order, graph.size);
}

/** Connected components, each sorted by id, ordered by their smallest id. Isolated nodes are components of one. */
export function components(graph: Network): string[][] {
  return connectedComponents(graph)
    .map((component) => [...component].sort(byId))
    .sort((a, b) => byId(a[0] ?? '', b[0] ?? ''));
}

export interface MainComponent {
  /** Sorted ids; empty only for an empty network. */
  main: string[];
  /** Nodes outside the main component, sorted. */
  islands: string[];
}

/** The largest component; ties go to the one with the most spoor-2 organisations, then the one holding the smallest id. */
export function mainComponent(graph: Network, all: string[][] = components(graph)): MainComponent {
  const tier2 = (component: string[]): number =>
    component.filter((id) => graph.getNodeAttribute(id, 'group') === 'TIER_2').length;
  let main: string[] = [];
  // `all` is ordered by smallest id, so keeping the first on a full tie applies the last rule.
  for (const component of all) {
    if (component.length > main.length || (component.length === main.length && tier2(component) > tier2(main))) {
      main = component;
    }
  }
  const inMain = new Set(main);
  return {
    main,
    islands: graph
      .nodes()
      .filter((id) => !inMain.has(id))
      .sort(byId),
  };
}

/**
 * Brandes betweenness normalised to [0, 1] by (n − 1)(n − 2)/2, the number of pairs a node can lie
 * between. graphology with `normalized: false` halves its sums on an undirected graph (each pair is
 * reached from both ends), which gives the plain pair count; the division is ours so the scale is
 * ANALYSIS.md's literally and n ≤ 2 gives 0 rather than graphology's unscaled values.
 */
export function betweenness(graph: Network): Map<string, number> {
  const n = graph.order;
  // graphology's Brandes cannot size its stack for an empty graph and throws.
  if (n === 0) return new Map();
  const raw = betweennessCentrality(graph, { normalized: false, getEdgeWeight: null });
  const pairs = ((n - 1) * (n - 2)) / 2;
  return new Map(graph.nodes().map((id) => [id, pairs > 0 ? (raw[id] ?? 0) / pairs : 0]));
}

/** Freeman's centralisation Σ (C* − Cᵢ) / (n − 1) over normalised betweenness; 0 below two nodes. */
export function betweennessCentralisation(values: Iterable<number>): number {
  const all = [...values];
  if (all.length < 2) return 0;
  const highest = Math.max(...all);
  return all.reduce((sum, value) => sum + (highest - value), 0) / (all.length - 1);
}

/** (E − I) / (E + I); null (undefined, not 0) when E + I = 0. */
export function eiIndex(external: number, internal: number): number | null {
  const total = external + internal;
  return total === 0 ? null : (external - internal) / total;
}

export interface GroupEI {
  group: SpoorGroup;
  /** Edges with both ends in the group. */
  internal: number;
  /** Edges with exactly one end in the group and the other in another spoor group. */
  external: number;
  eiIndex: number | null;
}

export interface TierPair {
  a: SpoorGroup;
  b: SpoorGroup;
  edges: number;
  /** a ≠ b: edges / (|a|·|b|); a = b: the density of the group's own subgraph. */
  density: number;
  /** E-I of the pair within the subgraph of a ∪ b: E = edges between them, I = edges inside a plus inside b. */
  eiIndex: number | null;
  /** The block could hold an edge and holds none. */
  island: boolean;
}

export interface GroupCounts {
  size: Map<SpoorGroup, number>;
  /** Edge counts by unordered group pair, keyed `a~b` with a before b in SPOOR_GROUPS. */
  edges: Map<string, number>;
}

const pairKey = (a: SpoorGroup, b: SpoorGroup): string =>
  SPOOR_GROUPS.indexOf(a) <= SPOOR_GROUPS.indexOf(b) ? `${a}~${b}` : `${b}~${a}`;

/** Key figures belong to no spoor group, so their edges count in none of these figures. */
export function groupCounts(graph: Network): GroupCounts {
  const size = new Map<SpoorGroup, number>(SPOOR_GROUPS.map((group) => [group, 0]));
  graph.forEachNode((_, { group }) => {
    if (isSpoorGroup(group)) size.set(group, (size.get(group) ?? 0) + 1);
  });
  const edges = new Map<string, number>();
  graph.forEachEdge((_, __, ___, ____, source, target) => {
    if (!isSpoorGroup(source.group) || !isSpoorGroup(target.group)) return;
    const key = pairKey(source.group, target.group);
    edges.set(key, (edges.get(key) ?? 0) + 1);
  });
  return { size, edges };
}

/** The E-I index of each spoor group over the whole network, in SPOOR_GROUPS order. */
export function groupEI(graph: Network, counts: GroupCounts = groupCounts(graph)): GroupEI[] {
  return SPOOR_GROUPS.map((group) => {
    const internal = counts.edges.get(pairKey(group, group)) ?? 0;
    const external = SPOOR_GROUPS.filter((other) => other !== group).reduce(
      (sum, other) => sum + (counts.edges.get(pairKey(group, other)) ?? 0),
      0,
    );
    return { group, internal, external, eiIndex: eiIndex(external, internal) };
  });
}

/**
 * Every unordered pair of spoor groups (a = b included), in SPOOR_GROUPS order. For a = b, "could hold
 * an edge" means at least two organisations: a lone organisation is not an island of its own tier.
 */
export function tierPairs(graph: Network, counts: GroupCounts = groupCounts(graph)): TierPair[] {
  const pairs: TierPair[] = [];
  SPOOR_GROUPS.forEach((a, i) => {
    for (const b of SPOOR_GROUPS.slice(i)) {
      const edges = counts.edges.get(pairKey(a, b)) ?? 0;
      const sizeA = counts.size.get(a) ?? 0;
      const sizeB = counts.size.get(b) ?? 0;
      const within = a === b;
      const possible = within ? (sizeA * (sizeA - 1)) / 2 : sizeA * sizeB;
      const internal = (counts.edges.get(pairKey(a, a)) ?? 0) + (within ? 0 : (counts.edges.get(pairKey(b, b)) ?? 0));
      pairs.push({
        a,
        b,
        edges,
        density: within ? undirectedDensity(sizeA, edges) : possible > 0 ? edges / possible : 0,
        eiIndex: eiIndex(within ? 0 : edges, internal),
        island: possible > 0 && edges === 0,
      });
    }
  });
  return pairs;
}

/** Edges between two different tiers over edges between tiered ends ("other" and key figures left out); null when there are none. */
export function crossTierShare(graph: Network): number | null {
  let tiered = 0;
  let cross = 0;
  graph.forEachEdge((_, __, ___, ____, source, target) => {
    if (!isTiered(source.group) || !isTiered(target.group)) return;
    tiered++;
    if (source.group !== target.group) cross++;
  });
  return tiered === 0 ? null : cross / tiered;
}

export interface Communities {
  /** Community number per node; numbered 0, 1, … in the order of each community's smallest id. */
  communities: Map<string, number>;
  count: number;
  /** Newman modularity of the partition; null for a network without edges, where it is undefined. */
  modularity: number | null;
}

/** Louvain at resolution 1 with a seeded random source: the same network gives the same partition. */
export function communities(graph: Network, seed: number = LOUVAIN_SEED): Communities {
  const found = louvain(graph, { resolution: 1, getEdgeWeight: null, rng: mulberry32(seed) });
  const renumber = new Map<number, number>();
  const result = new Map<string, number>();
  for (const id of [...graph.nodes()].sort(byId)) {
    const community = found[id] ?? -1;
    if (!renumber.has(community)) renumber.set(community, renumber.size);
    result.set(id, renumber.get(community) ?? 0);
  }
  const score =
    graph.size === 0
      ? null
      : modularity(graph, { resolution: 1, getEdgeWeight: null, getNodeCommunity: (id) => result.get(id) ?? -1 });
  return { communities: result, count: renumber.size, modularity: score };
}
