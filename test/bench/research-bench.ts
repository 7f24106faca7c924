// `npm run bench:research -- 10000`: issue 10's performance targets on the wijkkaart benchmark's
// synthetic city (10 wijken, 1,500 organisations, about 21,000 links), given a history: link
// start and end dates spread over the last years, and three frozen snapshots per opted-in client.
// Prints figures: the organisation-network metrics of every wijk over 24 months (cold and warm),
// and the ego-network export of every opted-in client through the real HTTP route, with memory.
import { createHash } from 'node:crypto';
import { startServer } from '@wijkkring/api';
import {
  aggregateTable,
  Database,
  datasetChecksum,
  metricsCacheStats,
  networkSeries,
  parsePeriod,
  recordDataset,
  resetResearchCaches,
} from '@wijkkring/graph';
import { generateCity } from '@wijkkring/seed';
import {
  benchAccount,
  concurrently,
  figure,
  httpGraphQL,
  load,
  machine,
  neo4jFacts,
  signInOverHttp,
  table,
  watchNeo4j,
  type BenchNeo4j,
  type Figure,
  type Log,
  benchEnv,
} from './kit.js';
import { cityOptions, ensureWijkCity, parseArgs } from './wijk-bench.js';

const HISTORY_VERSION = 1;
const SNAPSHOT_DATES = ['2025-03-15T10:00:00Z', '2025-09-15T10:00:00Z', '2026-03-15T10:00:00Z'];

/** A number in [0, 1) from a string: the same link gets the same history on every machine. */
const unit = (key: string): number => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
const addDays = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The history the generator does not make: 40% of the links began within the last 24 months, 12%
 * ended there; each opted-in client froze three snapshots (entries dropped and moved between them).
 */
async function addHistory(db: Database, prefix: string, seed: number, log: Log): Promise<void> {
  const marker = `bench-research-history:${String(seed)}`;
  const checksum = String(HISTORY_VERSION);
  if ((await db.read((tx) => datasetChecksum(tx, marker))) === checksum) {
    log('  history already added; reusing it');
    return;
  }
  const started = performance.now();
  const links = await db.read(async (tx) =>
    (
      await tx.run(`MATCH (a:Organisation)-[l:COLLABORATES_WITH]->() WHERE a.slug STARTS WITH $prefix RETURN l.id AS id`, {
        prefix,
      })
    ).records.map((r) => r.get('id') as string),
  );
  const today = new Date().toISOString().slice(0, 10);
  const rows = links.map((id) => {
    const recent = unit(`${id}:recent`) < 0.4;
    const since = recent
      ? addDays(today, -Math.floor(unit(`${id}:since`) * 730))
      : addDays('2024-11-01', -Math.floor(unit(`${id}:since`) * 3000));
    const ends = unit(`${id}:ends`) < 0.12;
    const until = ends ? addDays(today, -Math.floor(unit(`${id}:until`) * 700)) : null;
    return { id, since, until: until !== null && until > since ? until : null };
  });
  for (let i = 0; i < rows.length; i += 5_000) {
    await db.write((tx) =>
      tx.run(
        `UNWIND $rows AS row MATCH ()-[l:COLLABORATES_WITH {id: row.id}]->() SET l.since = date(row.since), l.until = CASE WHEN row.until IS NULL THEN null ELSE date(row.until) END`,
        { rows: rows.slice(i, i + 5_000) },
      ),
    );
  }
  log(`  link history: ${String(rows.length)} links dated, ${String(rows.filter((r) => r.until !== null).length)} ended`);
  const circles = await db.read(async (tx) =>
    (
      await tx.run(
        `MATCH (d:District)<-[:LIVES_IN]-(client:Client)<-[:OF]-(c:NetworkCircle)
         WHERE d.slug STARTS WITH $prefix AND client.analysisConsent = true AND c.frozenAt IS NULL RETURN c.id AS id`,
        { prefix },
      )
    ).records.map((r) => r.get('id') as string),
  );
  for (let i = 0; i < circles.length; i += 250) {
    await db.write((tx) =>
      tx.run(
        `UNWIND $ids AS id
         MATCH (c:NetworkCircle {id: id})-[:OF]->(client:Client)
         UNWIND range(0, size($dates) - 1) AS k
         CREATE (s:NetworkCircle {id: c.id + ':snapshot:' + toString(k), createdAt: datetime($dates[k]), frozenAt: datetime($dates[k]), version: 0})-[:OF]->(client)
         WITH c, s, k
         MATCH (c)-[p:PLACES]->(t)
         WHERE (p.position + k) % 5 <> 0
         WITH s, k, p, t, properties(p) AS props
         // One map, so the copy never holds the original's id (PLACES ids are unique).
         CREATE (s)-[q:PLACES]->(t)
         SET q = props {.*, id: p.id + ':' + toString(k),
             ring: CASE WHEN k = 0 AND p.ring < 4 AND p.position % 3 = 0 THEN p.ring + 1 ELSE p.ring END}`,
        { ids: circles.slice(i, i + 250), dates: SNAPSHOT_DATES },
      ),
    );
  }
  await db.write((tx) => recordDataset(tx, marker, checksum));
  log(
    `  snapshots: ${String(circles.length * SNAPSHOT_DATES.length)} for ${String(circles.length)} opted-in clients ` +
      `(${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/** Peak resident memory while `work` runs, sampled every 20 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export async function benchResearch(
  loader: Database,
  neo: BenchNeo4j,
  argv: string[],
  log: Log = (line) => void process.stdout.write(`${line}\n`),
): Promise<{ figures: Figure[] }> {
  const o = parseArgs(argv);
  watchNeo4j(neo.pid);
  log(`bench research: ${String(o.clients)} clients (${String(o.optedIn)}% opted in)`);
  log(`  ${machine()}; load average ${load()} (1 / 5 / 15 min)`);
  await ensureWijkCity(loader, o, log);
  const city = generateCity(cityOptions(o));
  await addHistory(loader, city.slugPrefix, o.seed, log);
  for (const line of neo4jFacts(neo)) log(`  ${line}`);
  const districtIds = city.base.districts.map((d) => d.id);
  const today = new Date().toISOString().slice(0, 10);
  const figures: Figure[] = [];

  // 1. Every wijk's organisation-network metrics over 24 months, as the API computes them.
  const series = () => loader.read((tx) => networkSeries(tx, { districtIds, granularity: 'MONTH', count: 24, today }));
  const sample = await series();
  const links = sample.map((s) => s.periods.at(-1)?.links ?? 0);
  log(
    `  ${String(sample.length)} wijken × ${String(sample[0]?.periods.length ?? 0)} months; links now per wijk ${String(Math.min(...links))}–${String(Math.max(...links))}; ` +
      `links 24 months ago ${String(Math.min(...sample.map((s) => s.periods[0]?.links ?? 0)))}–${String(Math.max(...sample.map((s) => s.periods[0]?.links ?? 0)))}`,
  );
  figures.push(
    figure(
      'metrics, every wijk × 24 months, cold (caches emptied each time)',
      await concurrently(10, 1, async () => {
        resetResearchCaches();
        await series();
      }),
      '≤ 2,000',
      '1',
    ),
  );
  const before = metricsCacheStats();
  figures.push(
    figure(
      'metrics, every wijk × 24 months, warm (networks cached)',
      await concurrently(20, 1, async () => {
        await series();
      }),
      '≤ 2,000',
      '1',
    ),
  );
  const after = metricsCacheStats();
  log(`  warm runs: ${String(after.hits - before.hits)} cache hits, ${String(after.misses - before.misses)} misses`);
  figures.push(
    figure(
      'metrics, every wijk × 8 quarters, cold',
      await concurrently(10, 1, async () => {
        resetResearchCaches();
        await loader.read((tx) => networkSeries(tx, { districtIds, granularity: 'QUARTER', count: 8, today }));
      }),
    ),
  );
  const quarter = parsePeriod('2026-Q2', today);
  if (quarter) {
    figures.push(
      figure(
        `client-derived aggregates, one quarter (all wijken, suppression), cold`,
        await concurrently(3, 1, async () => {
          resetResearchCaches();
          await loader.read((tx) => aggregateTable(tx, quarter, today, 10));
        }),
      ),
    );
  }

  // 2. The ego-network export through the real route, as a researcher downloads it.
  const account = await benchAccount(loader, `bench-research:${String(o.seed)}`, {
    role: 'RESEARCHER',
    name: 'Bench onderzoeker',
    districtId: null,
  });
  const env = benchEnv(neo);
  const db = new Database({ uri: neo.uri, user: neo.user, password: neo.password });
  const server = await startServer({ db, env });
  const base = `http://127.0.0.1:${String(server.port)}`;
  try {
    const cookie = await signInOverHttp(base, account);
    const counts = await db.read(async (tx) => {
      const r = await tx.run(
        `MATCH (client:Client)-[:LIVES_IN]->(:District) WHERE client.analysisConsent = true
         MATCH (client)<-[:OF]-(c:NetworkCircle) RETURN count(DISTINCT client) AS clients, count(c) AS circles, sum(COUNT { (c)-[:PLACES]->() }) AS entries`,
      );
      return r.records[0]?.toObject() as { clients: number; circles: number; entries: number };
    });
    log(
      `  export covers ${String(counts.clients)} opted-in clients, ${String(counts.circles)} circles, ${String(counts.entries)} alters`,
    );
    const samples: number[] = [];
    let bytes = 0;
    let rss = { before: 0, peak: 0 };
    for (let run = 0; run < 3; run += 1) {
      const started = await httpGraphQL<{ startEgoNetworkExport: { url: string } }>(
        `${base}/graphql`,
        'mutation { startEgoNetworkExport { url } }',
        {},
        cookie,
      );
      const url = started.answer.data?.startEgoNetworkExport.url;
      if (!url) throw new Error(`no export: ${JSON.stringify(started.answer.errors)}`);
      const t0 = performance.now();
      const measured = await peakRss(async () => {
        const response = await fetch(`${base}${url}`, { headers: { cookie } });
        if (response.status !== 200 || !response.body) throw new Error(`download refused: ${String(response.status)}`);
        let size = 0;
        for await (const chunk of response.body) size += (chunk as Uint8Array).byteLength;
        return size;
      });
      samples.push(performance.now() - t0);
      bytes = measured.result;
      rss = { before: measured.before, peak: Math.max(rss.peak, measured.peak) };
      if (run === 0) rss.before = measured.before;
    }
    figures.push(figure('ego-network export (zip, streamed over HTTP), every opted-in client', samples, '≤ 10,000'));
    log(
      `  export: ${(bytes / 2 ** 20).toFixed(1)} MiB zipped; Node resident memory ${mib(rss.before)} before, ${mib(rss.peak)} at peak ` +
        `(server and download client in one process)`,
    );
  } finally {
    await server.close();
    await db.close();
  }
  log('');
  for (const line of table(figures)) log(line);
  log(`  load average after: ${load()}`);
  return { figures };
}
