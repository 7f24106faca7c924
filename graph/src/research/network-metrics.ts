import { createHash } from 'node:crypto';
import type { Tier, SpoorGroup } from '../model.js';
import { buildNetwork, byId, type Network } from '../network/graph.js';
import {
  betweenness,
  betweennessCentralisation,
  communities,
  components,
  crossTierShare,
  density,
  groupCounts,
  groupEI,
  tierPairs,
} from '../network/measures.js';
import type { DistrictHistory, DistrictSeries, HistoryLink, NetworkMetrics } from './network-types.js';
import { networkDate, type Granularity, type Period } from './periods.js';

export const TOP_BROKERS = 5;

const GROUP_OF_TIER: Record<Tier, SpoorGroup> = { 1: 'TIER_1', 2: 'TIER_2', 3: 'TIER_3' };

/** ANALYSIS.md: a link is valid on D when since ≤ D and until is absent or after D. */
export const validOn = (link: HistoryLink, date: string): boolean =>
  (link.since === null || link.since <= date) && (link.until === null || link.until > date);

/** The metrics of one network; pure, so equal networks give equal figures. */
export function networkMetrics(graph: Network, names: ReadonlyMap<string, string>): NetworkMetrics {
  const counts = groupCounts(graph);
  const all = components(graph);
  const between = betweenness(graph);
  const found = communities(graph);
  const brokers = [...between.entries()]
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))
    .slice(0, TOP_BROKERS)
    .map(([organisationId, value]) => ({
      organisationId,
      name: names.get(organisationId) ?? organisationId,
      betweenness: value,
    }));
  return {
    organisations: graph.order,
    links: graph.size,
    density: density(graph),
    crossTierShare: crossTierShare(graph),
    groups: groupEI(graph, counts),
    tierPairs: tierPairs(graph, counts).map(({ a, b, edges, density: blockDensity, eiIndex }) => ({
      a,
      b,
      edges,
      density: blockDensity,
      eiIndex,
    })),
    components: all.length,
    largestComponent: all.reduce((largest, component) => Math.max(largest, component.length), 0),
    betweennessCentralisation: betweennessCentralisation(between.values()),
    brokers,
    communities: found.count,
    modularity: found.modularity,
    communityOf: found.communities,
  };
}

/**
 * Figures by network: a wijk whose links did not change between two months has the same network in
 * both, and its figures are computed once. The key is a hash of the node and edge lists, so a new
 * or ended link makes a new key by itself; nothing has to be invalidated. Bounded, oldest out first.
 */
export class MetricsCache {
  private readonly entries = new Map<string, NetworkMetrics>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 5_000) {}

  clear(): void {
    this.entries.clear();
  }

  get(key: string, compute: () => NetworkMetrics): NetworkMetrics {
    const found = this.entries.get(key);
    if (found) {
      this.hits += 1;
      // Re-inserting keeps the Map's order "least recently used first".
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses += 1;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

/** The organisation network of a wijk on a date. */
export function networkOn(history: DistrictHistory, date: string): Network {
  return buildNetwork(
    history.organisations
      .filter((o) => activeOn(o, date))
      .map((o) => ({ id: o.id, group: o.tier === null ? 'OTHER' : GROUP_OF_TIER[o.tier] })),
    history.links.filter((link) => validOn(link, date)),
  );
}

/** An organisation is in the network until the day it ended (links of an ended organisation end that day too). */
function activeOn(organisation: { until: string | null }, date: string): boolean {
  return organisation.until === null || organisation.until > date;
}

/**
 * Names the network of a wijk on each date without building it: a hash of the organisations (with
 * names, so a renamed organisation is shown renamed) and the sum, modulo 2⁶⁴, of a 64-bit hash of
 * every link valid on the date. Equal keys mean equal link sets (up to a 2⁻⁶⁴ accident), hence equal
 * networks; two link sets that make the same network may get two keys, which only costs a computation.
 */
export class NetworkKeys {
  private readonly base: string;
  private readonly linkHashes: bigint[];

  constructor(private readonly history: DistrictHistory) {
    const hash = createHash('sha256');
    for (const o of history.organisations)
      hash.update(`${o.id}\u0000${o.name}\u0000${String(o.tier)}\u0000${o.until ?? ''}\u0001`);
    this.base = hash.digest('base64');
    this.linkHashes = history.links.map((link) =>
      createHash('sha256')
        .update(`${link.fromId}\u0000${link.toId}\u0000${link.since ?? ''}\u0000${link.until ?? ''}`)
        .digest()
        .readBigUInt64BE(0),
    );
  }

  on(date: string): string {
    let sum = 0n;
    let count = 0;
    this.history.links.forEach((link, i) => {
      if (!validOn(link, date)) return;
      sum = BigInt.asUintN(64, sum + (this.linkHashes[i] ?? 0n));
      count += 1;
    });
    // Organisations only leave (they have no start date), so how many are present names which.
    const present = this.history.organisations.filter((o) => activeOn(o, date)).length;
    return `${this.base}:${String(present)}:${String(count)}:${sum.toString(36)}`;
  }
}

/** The metrics of one wijk for each period, read on each period's network date. */
export function districtSeries(
  history: DistrictHistory,
  periods: readonly Period[],
  granularity: Granularity,
  today: string,
  cache: MetricsCache,
): DistrictSeries {
  const names = new Map(history.organisations.map((o) => [o.id, o.name]));
  const keys = new NetworkKeys(history);
  return {
    districtId: history.districtId,
    districtName: history.districtName,
    granularity,
    periods: periods.map((period) => {
      const date = networkDate(period, today);
      return { period: period.key, date, ...cache.get(keys.on(date), () => networkMetrics(networkOn(history, date), names)) };
    }),
  };
}
