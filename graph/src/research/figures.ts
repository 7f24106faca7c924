import { createHash } from 'node:crypto';
import { LENSINK_LAYOUT } from '../circle/layout.js';
import { INNER_RINGS } from '../circle/reads.js';
import type { Tx } from '../tx.js';
import type { AggregateTable } from './aggregate-types.js';
import { publish, summariseClient, tabulate } from './aggregates.js';
import { districtSeries, MetricsCache } from './network-metrics.js';
import { districtHistories } from './network-reads.js';
import type { DistrictSeries } from './network-types.js';
import { periodsUntil, previousPeriod, type Granularity, type Period } from './periods.js';
import { clientHistories, researchDistricts } from './reads.js';
import { suppress, type SuppressionResult } from './suppression.js';

/** Shared by every request of a process: equal networks are computed once (see MetricsCache). */
const metricsCache = new MetricsCache();

/** Empties the caches of this process: for benchmarks that measure a cold start. */
export function resetResearchCaches(): void {
  metricsCache.clear();
  suppressionCache.clear();
}

export const metricsCacheStats = (): { hits: number; misses: number } => ({
  hits: metricsCache.hits,
  misses: metricsCache.misses,
});

/**
 * The organisation-network figures of every wijk asked for, for the `count` months or quarters up to
 * today. One statement reads the whole link history; each period's network is rebuilt from it, so a
 * link recorded a moment ago is in the next answer (the cache is keyed by the network itself).
 */
export async function networkSeries(
  tx: Tx,
  options: { districtIds: string[] | null; granularity: Granularity; count: number; today: string },
): Promise<DistrictSeries[]> {
  const periods = periodsUntil(options.today, options.granularity, options.count);
  const histories = await districtHistories(tx, options.districtIds);
  return histories.map((history) => districtSeries(history, periods, options.granularity, options.today, metricsCache));
}

/**
 * Computes every wijk's networks of the last `months` months once, a wijk at a time with a pause
 * between, so a server can do it at start without holding up the requests that arrive meanwhile.
 * Afterwards a research request only reads the history and names its networks; quarters end on
 * month ends, so they share the months' networks.
 */
export async function warmNetworkCache(
  db: { read<T>(work: (tx: Tx) => Promise<T>): Promise<T> },
  today: string,
  months = 36,
): Promise<number> {
  const periods = periodsUntil(today, 'MONTH', months);
  const histories = await db.read((tx) => districtHistories(tx, null));
  for (const history of histories) {
    districtSeries(history, periods, 'MONTH', today, metricsCache);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return histories.length;
}

/** Suppression of equal tables is done once; the key is the table's every count and K. */
const suppressionCache = new Map<string, SuppressionResult>();
const SUPPRESSION_CACHE_SIZE = 200;

async function suppressCached(problem: Parameters<typeof suppress>[0]): Promise<SuppressionResult> {
  const hash = createHash('sha256').update(String(problem.k));
  for (const [id, value] of problem.cells) hash.update(`${id}=${String(value)};`);
  const key = hash.digest('base64');
  const found = suppressionCache.get(key);
  if (found) return found;
  const result = await suppress(problem);
  suppressionCache.set(key, result);
  if (suppressionCache.size > SUPPRESSION_CACHE_SIZE) {
    const oldest = suppressionCache.keys().next().value;
    if (oldest !== undefined) suppressionCache.delete(oldest);
  }
  return result;
}

/**
 * The client-derived table of one completed quarter (or month) for every wijk and the city, with
 * small counts suppressed and complementary cells hidden. Counts only clients who have opted in now,
 * from the snapshots they froze on or before the period's last day.
 */
export async function aggregateTable(tx: Tx, period: Period, today: string, k: number): Promise<AggregateTable> {
  const districts = await researchDistricts(tx);
  const previous = previousPeriod(period, today);
  const ringCount = LENSINK_LAYOUT.rings.length;
  const clients: { districtId: string; summaries: ReturnType<typeof summariseClient> }[] = [];
  for await (const client of clientHistories(tx, period.end)) {
    clients.push({ districtId: client.districtId, summaries: summariseClient(client, ringCount, INNER_RINGS) });
  }
  const tabulation = tabulate(clients, districts, period, previous, ringCount);
  const suppression = await suppressCached({ ...tabulation.problem, k });
  return publish(tabulation, suppression, period.key, k);
}
