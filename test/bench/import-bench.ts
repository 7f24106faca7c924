// `npm run bench:import [-- <lines>] [--keep]` (on the bench Neo4j home, like the other benchmarks): issue 11's target for the import of a sociale kaart:
// 10,000 lines in under 30 s end to end (upload, dry run, apply), through the real HTTP server.
// Writes a file of organisations, offerings, partnerships, memberships and links (2,500 / 2,500 /
// 100 / 1,900 / 3,000 for 10,000 lines), then times: the upload, the dry run, the apply, and the
// same file again (dry run all unchanged, apply changing nothing). Everything it imports carries
// the run's tag and is removed at the end unless --keep is given.
import { randomUUID } from 'node:crypto';
import { startServer } from '@wijkkring/api';
import { socialMapCsv, upsertDistricts, type CsvRow, type Database } from '@wijkkring/graph';
import {
  benchAccount,
  httpGraphQL,
  load,
  machine,
  signInOverHttp,
  uuidFrom,
  type BenchNeo4j,
  type Log,
  benchEnv,
} from './kit.js';

const PREVIEW = `query ($id: ID!) {
  socialMapImportPreview(uploadId: $id) {
    canApply errorCount totals { lines create change unchanged error }
    errors(first: 20) { line column code message }
    lines(first: 100) { totalCount nodes { line outcome } }
  }
}`;
const APPLY = 'mutation ($id: ID!) { applySocialMapImport(uploadId: $id) { totals { lines create change unchanged error } } }';
const WIJKEN = 4;

interface Totals {
  lines: number;
  create: number;
  change: number;
  unchanged: number;
  error: number;
}

/** The file: `lines` lines in the proportions above, every name tagged. */
export function benchFile(lines: number, tag: string, wijken: readonly string[]): string {
  const scale = lines / 10_000;
  const n = {
    organisations: Math.round(2_500 * scale),
    offerings: Math.round(2_500 * scale),
    partnerships: Math.max(1, Math.round(100 * scale)),
    memberships: Math.round(1_900 * scale),
  };
  const links = lines - n.organisations - n.offerings - n.partnerships - n.memberships;
  const org = (i: number): string => `Bench organisatie ${String(i)} ${tag}`;
  const wijk = (i: number): string => wijken[i % wijken.length] ?? '';
  const rows: CsvRow[] = [];
  for (let i = 0; i < n.organisations; i += 1)
    rows.push({
      soort: 'organisatie',
      naam: org(i),
      spoor: String(1 + (i % 3)),
      wijk: `${wijk(i)}, ${wijk(i + 1)}`,
      notitie: `Regel ${String(i)}; "getest"`,
    });
  for (let i = 0; i < n.offerings; i += 1)
    rows.push({
      soort: 'aanbod',
      organisatie: org(i % n.organisations),
      naam: `Inloop ${String(i)}`,
      wijk: wijk(i),
      categorie: 'inloop',
      talen: 'nl, ar',
    });
  for (let i = 0; i < n.partnerships; i += 1)
    rows.push({ soort: 'samenwerkingsverband', naam: `Bench netwerk ${String(i)} ${tag}`, type: 'kernteam', wijk: wijk(i) });
  for (let i = 0; i < n.memberships; i += 1)
    rows.push({
      soort: 'lid',
      organisatie: org(i % n.organisations),
      samenwerkingsverband: `Bench netwerk ${String((i + Math.floor(i / n.organisations) * 7) % n.partnerships)} ${tag}`,
      vanaf: '01-01-2025',
    });
  // Pairs a – (a + 1 + 17·round) mod n: no self-links, and no pair twice for one kind (the offset is never n/2).
  for (let i = 0; i < links; i += 1) {
    const round = Math.floor(i / n.organisations);
    const a = i % n.organisations;
    rows.push({
      soort: 'koppeling',
      organisatie: org(a),
      met: org((a + 1 + round * 17) % n.organisations),
      type: round === 0 ? 'samenwerking' : 'doorverwijzing',
      vanaf: '2024-06-01',
      sterkte: String(1 + (i % 5)),
    });
  }
  return socialMapCsv(rows);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Run by `npm run bench:import` (scripts/dev.mjs starts the bench Neo4j and migrates it first). */
export async function benchImport(
  db: Database,
  neo: BenchNeo4j,
  argv: readonly string[],
  log: Log = (line) => void process.stdout.write(`${line}\n`),
): Promise<void> {
  const lines = Number(argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
  const keep = argv.includes('--keep');
  const tag = `bench-${randomUUID().slice(0, 8)}`;
  // The benchmark's own wijken and admin (stable ids: a second run reuses them).
  const wijken = Array.from({ length: WIJKEN }, (_, i) => `Benchwijk ${String(i + 1)}`);
  await db.write((tx) =>
    upsertDistricts(
      tx,
      wijken.map((name, i) => ({
        id: uuidFrom(`bench-import:wijk:${String(i)}`),
        name,
        slug: `benchwijk-${String(i + 1)}`,
        focus: false,
        partOfId: null,
      })),
    ),
  );
  const admin = await benchAccount(db, 'bench-import-admin', { role: 'ADMIN', name: 'Bench beheerder', districtId: null });

  // Development mode: the bench sends its own documents (production accepts only persisted ones).
  // `npm run bench:import` sets NODE_ENV=production for graphql-js, as on a real server.
  const env = benchEnv(neo);
  const server = await startServer({ db, env });
  const base = `http://127.0.0.1:${String(server.port)}`;
  try {
    const cookie = await signInOverHttp(base, admin);

    const { value: text, ms: generateMs } = await timed(async () => Promise.resolve(benchFile(lines, tag, wijken)));
    const bytes = Buffer.from(text, 'utf8');
    const upload = async (): Promise<string> => {
      const response = await fetch(`${base}/import/sociale-kaart`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-wijkkring-csrf': '1', cookie },
        body: bytes,
      });
      const json = (await response.json()) as { uploadId?: string };
      if (response.status !== 201 || !json.uploadId)
        throw new Error(`upload failed: ${String(response.status)} ${JSON.stringify(json)}`);
      return json.uploadId;
    };
    const preview = async (id: string): Promise<Totals> => {
      const { answer } = await httpGraphQL<{ socialMapImportPreview: { totals: Totals; errorCount: number } }>(
        `${base}/graphql`,
        PREVIEW,
        { id },
        cookie,
      );
      const result = answer.data?.socialMapImportPreview;
      if (!result || result.errorCount > 0) throw new Error(`dry run failed: ${JSON.stringify(answer.errors ?? answer.data)}`);
      return result.totals;
    };
    const apply = async (id: string): Promise<Totals> => {
      const { answer } = await httpGraphQL<{ applySocialMapImport: { totals: Totals } }>(
        `${base}/graphql`,
        APPLY,
        { id },
        cookie,
      );
      const totals = answer.data?.applySocialMapImport.totals;
      if (!totals) throw new Error(`apply failed: ${JSON.stringify(answer.errors)}`);
      return totals;
    };

    log(`import benchmark: ${String(lines)} lines, ${(bytes.length / 1024).toFixed(0)} KiB, tag ${tag}`);
    log(`machine: ${machine()}; load before: ${load()}`);
    const u1 = await timed(upload);
    const p1 = await timed(() => preview(u1.value));
    const a1 = await timed(() => apply(u1.value));
    if (a1.value.create !== lines) throw new Error(`expected ${String(lines)} creates, got ${JSON.stringify(a1.value)}`);
    const u2 = await timed(upload);
    const p2 = await timed(() => preview(u2.value));
    const a2 = await timed(() => apply(u2.value));
    if (p2.value.unchanged !== lines || a2.value.create + a2.value.change !== 0)
      throw new Error(`the second import changed something: ${JSON.stringify({ preview: p2.value, apply: a2.value })}`);
    const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const rows: [string, number, string][] = [
      ['write the file (not part of the target)', generateMs, ''],
      ['upload (POST /import/sociale-kaart)', u1.ms, ''],
      ['dry run (socialMapImportPreview)', p1.ms, `${String(p1.value.create)} create`],
      ['apply (applySocialMapImport)', a1.ms, `${String(a1.value.create)} created`],
      ['end to end: upload + dry run + apply', u1.ms + p1.ms + a1.ms, 'target < 30 s'],
      ['second upload', u2.ms, ''],
      ['second dry run', p2.ms, `${String(p2.value.unchanged)} unchanged`],
      ['second apply (changes nothing)', a2.ms, `${String(a2.value.create + a2.value.change)} changed`],
      ['second import end to end', u2.ms + p2.ms + a2.ms, ''],
    ];
    log('');
    log('| measurement | time | note |');
    log('| --- | ---: | --- |');
    for (const [name, ms, note] of rows) log(`| ${name} | ${fmt(ms)} | ${note} |`);
    log('');
    log(`load after: ${load()}`);
    const total = u1.ms + p1.ms + a1.ms;
    log(total < 30_000 ? `OK: ${fmt(total)} < 30 s` : `TOO SLOW: ${fmt(total)} ≥ 30 s`);
    if (total >= 30_000) process.exitCode = 1;
  } finally {
    await server.close();
    if (!keep) {
      await db.write(async (tx) => {
        await tx.run('MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.slug ENDS WITH $tag DETACH DELETE f', { tag });
        await tx.run('MATCH (o:Organisation) WHERE o.slug ENDS WITH $tag DETACH DELETE o', { tag });
        await tx.run('MATCH (p:Partnership) WHERE p.name ENDS WITH $tag DETACH DELETE p', { tag });
      });
    }
  }
}
