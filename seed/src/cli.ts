import { readFileSync } from 'node:fs';
import { deleteSyntheticCity, findDistrict, type Database } from '@wijkkring/graph';
import { z } from 'zod';
import { loadCity, syntheticSlugPrefix, type CityOptions, type LoadCityResult } from './generator.js';

/** Flags of `npm run seed:generate` and `npm run bench:generator`, with their option names. */
const FLAGS: Readonly<Record<string, string>> = {
  seed: 'seed',
  clients: 'clients',
  entries: 'entries',
  districts: 'districts',
  organisations: 'organisations',
  organizations: 'organisations',
  links: 'linksPerOrganisation',
  'key-figures': 'keyFiguresPerDistrict',
  'support-workers': 'supportWorkers',
  batch: 'batchSize',
};

const count = z.coerce.number().int().min(0);

const argsSchema = z.object({
  seed: count.default(1),
  clients: count.default(1_000),
  entries: z
    .string()
    .regex(/^\d+(-\d+)?$/, 'use a number such as 25 or a range such as 25-40')
    .default('25')
    .transform((text): [number, number] => {
      const [min = 0, max = min] = text.split('-').map(Number);
      return [min, max];
    }),
  districts: count.min(1).default(10),
  organisations: count.min(1).default(400),
  linksPerOrganisation: count.optional(),
  keyFiguresPerDistrict: count.optional(),
  supportWorkers: count.optional(),
  batchSize: count.min(1).default(5_000),
});

export interface GeneratorArgs {
  city: CityOptions;
  batchSize: number;
}

/** Parses `--clients 10000 --entries 25-40 --seed 1` (or `--clients=10000`); unknown flags are an error. */
export function parseGeneratorArgs(argv: readonly string[], defaults: Record<string, string> = {}): GeneratorArgs {
  const raw: Record<string, string> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const key = match ? FLAGS[match[1] ?? ''] : undefined;
    if (!match || key === undefined)
      throw new Error(
        `Unknown argument "${arg}". Flags: ${Object.keys(FLAGS)
          .map((f) => `--${f}`)
          .join(' ')}`,
      );
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`${arg} needs a value.`);
    raw[key] = value;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const { batchSize, entries, ...rest } = parsed.data;
  return { city: { ...rest, entriesPerClient: entries }, batchSize };
}

const stderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function rowsWritten(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function progressReporter(total: number, log: (line: string) => void): (done: { clients: number; seconds: number }) => void {
  let nextReport = 0.1;
  return ({ clients, seconds }) => {
    if (total === 0 || clients / total < nextReport) return;
    nextReport = Math.floor((clients / total) * 10) / 10 + 0.1;
    log(`  ${String(clients)} / ${String(total)} cliënten (${seconds.toFixed(1)} s)`);
  };
}

function describe(city: CityOptions, result: LoadCityResult): string {
  const { counts, seconds } = result;
  const rows = rowsWritten(counts);
  const [min, max] = city.entriesPerClient;
  return (
    `synthetische stad (seed ${String(city.seed)}, slugs ${syntheticSlugPrefix(city.seed)}*): ` +
    `${String(counts.districts)} wijken, ${String(counts.organisations)} organisaties, ${String(counts.links)} verbindingen, ` +
    `${String(counts.clients)} cliënten × ${min === max ? String(min) : `${String(min)}-${String(max)}`} plaatsingen ` +
    `= ${String(counts.entries)} plaatsingen; ${String(rows)} rijen in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('nl-NL')} rijen/s)`
  );
}

/** `npm run seed:generate -- --clients 10000 --entries 25`: loads (or re-loads, idempotently) a synthetic city. */
export async function runGeneratorCli(
  db: Database,
  argv: string[],
  { log = stderr }: { log?: (line: string) => void } = {},
): Promise<{ summary: string; result: LoadCityResult }> {
  const { city, batchSize } = parseGeneratorArgs(argv);
  log(`synthetische stad genereren: ${JSON.stringify(city)}, ${String(batchSize)} rijen per transactie`);
  const result = await loadCity(db, city, { batchSize, onProgress: progressReporter(city.clients, log) });
  return { summary: describe(city, result), result };
}

function rssMegabytes(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** A seed whose districts do not exist yet, so the benchmark measures creating nodes, not re-MERGEing them. */
async function freshSeed(db: Database, from: number): Promise<number> {
  for (let seed = from; seed < from + 1_000; seed += 1) {
    const existing = await db.read((tx) => findDistrict(tx, `${syntheticSlugPrefix(seed)}wijk-1`));
    if (!existing) return seed;
  }
  throw new Error(`Synthetic cities with seeds ${String(from)}..${String(from + 999)} all exist; use another --seed.`);
}

export interface BenchResult extends LoadCityResult {
  seed: number;
  rowsPerSecond: number;
  entriesPerSecond: number;
  neo4jRssMb?: { before: number; after: number; peak: number };
}

/** Target from the brief: 10,000 clients × 25 entries in under two minutes on a 2-core machine. */
const TARGET_SECONDS = 120;

/**
 * `npm run bench:generator`: loads 10,000 clients × 25 entries (flags override) into a part of the
 * database that is still empty, and reports time, throughput and the Neo4j process's memory.
 */
export async function benchGenerator(
  db: Database,
  argv: string[],
  {
    neo4jPid,
    log = (line: string) => void process.stdout.write(`${line}\n`),
  }: { neo4jPid?: number; log?: (line: string) => void } = {},
): Promise<BenchResult> {
  const { city: requested, batchSize } = parseGeneratorArgs(argv, { clients: '10000', entries: '25', seed: '1000' });
  const seed = await freshSeed(db, requested.seed);
  const city = { ...requested, seed };
  const before = neo4jPid === undefined ? undefined : rssMegabytes(neo4jPid);
  log(
    `bench generator: ${String(city.clients)} cliënten, ${city.entriesPerClient.join('-')} plaatsingen, seed ${String(seed)}, ${String(batchSize)} rijen per transactie`,
  );
  const result = await loadCity(db, city, { batchSize, onProgress: progressReporter(city.clients, log) });
  const after = neo4jPid === undefined ? undefined : rssMegabytes(neo4jPid);
  const rows = rowsWritten(result.counts);
  const bench: BenchResult = {
    ...result,
    seed,
    rowsPerSecond: rows / result.seconds,
    entriesPerSecond: (result.counts.entries ?? 0) / result.seconds,
    ...(before && after ? { neo4jRssMb: { before: before.rss, after: after.rss, peak: after.peak } } : {}),
  };
  log(describe(city, result));
  log(
    `  ${Math.round(bench.entriesPerSecond).toLocaleString('nl-NL')} plaatsingen/s, ${Math.round(bench.rowsPerSecond).toLocaleString('nl-NL')} rijen/s`,
  );
  if (bench.neo4jRssMb) {
    const m = bench.neo4jRssMb;
    log(
      `  Neo4j (pid ${String(neo4jPid)}) RSS: ${m.before.toFixed(0)} MB voor, ${m.after.toFixed(0)} MB na, piek ${m.peak.toFixed(0)} MB`,
    );
  } else if (neo4jPid === undefined) {
    log('  Neo4j-geheugen: onbekend (geen lokaal proces; Docker of NEO4J_URI)');
  }
  const isDefault = city.clients === 10_000 && city.entriesPerClient[0] === 25 && city.entriesPerClient[1] === 25;
  if (isDefault) log(`  doel ${String(TARGET_SECONDS)} s: ${result.seconds <= TARGET_SECONDS ? 'gehaald' : 'NIET gehaald'}`);
  // The benchmark database is for benchmarks only; leave it as empty as we found it.
  await deleteSyntheticCity(db, syntheticSlugPrefix(seed));
  log('  synthetische stad weer verwijderd');
  return bench;
}
