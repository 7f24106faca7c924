// `npm run bench:wijk -- 10000`: issue 9's performance targets for the wijkkaart, on a synthetic
// city with one district of about 200 organisations and 2,000 links. Prints figures; asserts only
// what is not a duration (one Cypher statement for the map; co-served pairs counted inside Neo4j).
import { createYogaApp } from '@wijkkring/api';
import { computeWijkSignals, Database, deleteSyntheticCity, findWijkMap, totpCode, wijkSignalInput } from '@wijkkring/graph';
import { generateCity, type CityOptions } from '@wijkkring/seed';
import {
  benchAccount,
  concurrently,
  ensureCity,
  describeCounts,
  ensureOk,
  figure,
  inProcess,
  load,
  LOGIN,
  LOGOUT,
  machine,
  neo4jFacts,
  parseBenchArgs,
  sessionCookie,
  StatementTrace,
  table,
  total,
  watchNeo4j,
  type BenchNeo4j,
  type Figure,
  type Log,
  benchEnv,
} from './kit.js';

interface Options {
  clients: number;
  seed: number;
  concurrency: number;
  reads: number;
  signals: number;
  /** Share of clients who opted in to analysis, in percent. */
  optedIn: number;
  drop: boolean;
}

/** `10000 --reads 2000 --signals 400 --concurrency 8 --opted-in 40 --seed N --drop` */
export function parseArgs(argv: readonly string[]): Options {
  const { clients, drop, values } = parseBenchArgs(argv, {
    seed: Number.NaN,
    concurrency: 8,
    reads: 2_000,
    signals: 400,
    'opted-in': 40,
  });
  return {
    clients,
    drop,
    // One city per size (the 100,000-client city is not the 10,000 one grown).
    seed: Number.isNaN(values.seed) ? 9_000_000 + clients : values.seed,
    concurrency: values.concurrency,
    reads: values.reads,
    signals: values.signals,
    optedIn: values['opted-in'],
  };
}

/**
 * Ten districts and 1,500 organisations put about 200 organisations in each district (150 at home,
 * the rest working there too); 14 links per organisation with partners in its home district give
 * about 2,000 links inside a district.
 */
export function cityOptions(o: Options): CityOptions {
  return {
    seed: o.seed,
    districts: 10,
    organisations: 1_500,
    clients: o.clients,
    entriesPerClient: [25, 40],
    linksPerOrganisation: 14,
  };
}

/** Part of the city opted in to analysis: every client whose number falls in the first `optedIn` of each hundred. */
/** The city of this benchmark, loaded once (the research benchmark adds its history to the same one). */
export function ensureWijkCity(loader: Database, o: Options, log: Log): Promise<void> {
  return ensureCity(
    loader,
    {
      dataset: `bench-wijk:${String(o.seed)}`,
      options: cityOptions(o),
      extra: { optedIn: o.optedIn },
      afterLoad: () => optIn(loader, o),
    },
    log,
  );
}

function optIn(db: Database, o: Options): Promise<void> {
  const prefix = generateCity(cityOptions(o)).slugPrefix;
  return db.write(async (tx) => {
    await tx.run(
      `MATCH (c:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix
       SET c.analysisConsent = toInteger(split(c.name, ' ')[1]) % 100 < $share`,
      { prefix, share: o.optedIn },
    );
  });
}

const MAP = `query ($id: ID!) { wijkMap(id: $id) {
  at district { id name }
  organisations { id name tier sector } outsideOrganisations { id name tier sector }
  keyFigures { id name } links { id fromId toId kind since until strength }
  offerings { id category name languages organisationId } partnerships { id name kind memberIds } } }`;
const SIGNALS = `query ($id: ID!) { wijkSignals(districtId: $id) {
  minimumClients circleFigures signals { key code nodeIds groups eiIndex category unlinkedPairs { a b } articulation betweenness rank }
  measures { nodes edges density componentCount crossTierShare tierPairs { a b edges island } } } }`;
const VERIFY = 'mutation ($input: VerifyTotpInput!) { verifyTotp(input: $input) { status } }';

const WIJK_SOURCES: Readonly<Record<string, string>> = {
  findSession: 'session lookup',
  touchSession: 'session touch',
  findWijkMap: 'wijk map',
  wijkSignalInput: 'signal input (network + co-served pairs)',
  appendAuditAfter: 'audit record',
  appendAudit: 'audit record (locking the head)',
};

export interface WijkBenchResult {
  options: Options;
  figures: Figure[];
}

export async function benchWijk(
  loader: Database,
  neo: BenchNeo4j,
  argv: string[],
  log: Log = (line) => void process.stdout.write(`${line}\n`),
): Promise<WijkBenchResult> {
  const o = parseArgs(argv);
  watchNeo4j(neo.pid);
  log(`bench wijk: ${String(o.clients)} clients (${String(o.optedIn)}% opted in), concurrency ${String(o.concurrency)}`);
  log(`  ${machine()}; load average ${load()} (1 / 5 / 15 min)`);
  await ensureWijkCity(loader, o, log);
  const city = generateCity(cityOptions(o));
  const district = city.base.districts[0];
  if (!district) throw new Error('the synthetic city has no district');
  const today = new Date().toISOString().slice(0, 10);

  // A coordinator of the district, signing in with password and second factor as a real one does.
  const { username, password, secret } = await benchAccount(loader, `bench-wijk:${String(o.seed)}`, {
    role: 'COORDINATOR',
    name: 'Bench kwartiermaker',
    districtId: district.id,
  });
  for (const line of neo4jFacts(neo)) log(`  ${line}`);

  const trace = new StatementTrace(WIJK_SOURCES);
  const db = new Database({ uri: neo.uri, user: neo.user, password: neo.password }, { onQuery: trace.onQuery });
  const env = benchEnv(neo);
  const yoga = createYogaApp({ db, env });
  const figures: Figure[] = [];
  let cookie: string | null = null;
  try {
    const first = await inProcess<{ login: { status: string } }>(yoga, LOGIN, { input: { username, password } }, null);
    cookie = sessionCookie(first.cookies);
    // A TOTP code works once; wait for a fresh time step if this account signed in moments ago.
    const verify = () =>
      inProcess<{ verifyTotp: { status: string } }>(yoga, VERIFY, { input: { code: totpCode(secret) } }, cookie);
    let second = await verify();
    if (ensureOk(second.answer, 'second factor').verifyTotp.status !== 'SIGNED_IN') {
      await new Promise((resolve) => setTimeout(resolve, 31_000));
      second = await verify();
      if (ensureOk(second.answer, 'second factor').verifyTotp.status !== 'SIGNED_IN') throw new Error('could not sign in');
    }
    // Completing the login starts a new session, with a new cookie.
    if (second.cookies.some((c) => c.startsWith('wk_session='))) cookie = sessionCookie(second.cookies);
    const signedInCookie = cookie;

    const mapRead = async (): Promise<void> => {
      const { answer } = await inProcess<{ wijkMap: { organisations: unknown[] } | null }>(
        yoga,
        MAP,
        { id: district.id },
        signedInCookie,
      );
      if (!ensureOk(answer, 'wijk map').wijkMap) throw new Error('no map');
    };
    const signalsRead = async (): Promise<void> => {
      const { answer } = await inProcess<{ wijkSignals: { circleFigures: boolean } | null }>(
        yoga,
        SIGNALS,
        { id: district.id },
        signedInCookie,
      );
      if (!ensureOk(answer, 'wijk signals').wijkSignals?.circleFigures) throw new Error('no circle figures for the own wijk');
    };

    // What the district holds, and what the signals find in it.
    const map = await db.read((tx) => findWijkMap(tx, district.id, today));
    const input = await db.read((tx) => wijkSignalInput(tx, district.id, today, env.analysisK));
    if (!map || !input) throw new Error('the benchmark district is missing');
    const signals = computeWijkSignals(input);
    const byCode = new Map<string, number>();
    for (const s of signals) byCode.set(s.code, (byCode.get(s.code) ?? 0) + 1);
    log(
      `  district ${district.name}: ${String(map.organisations.length)} organisations (+${String(map.outsideOrganisations.length)} outside), ` +
        `${String(map.links.length)} links on the map, ${String(input.edges.length)} inside, ${String(map.keyFigures.length)} key figures, ` +
        `${String(map.offerings.length)} offerings; co-served pairs at K=${String(env.analysisK)}: ${String(input.coServedPairs?.length ?? 0)}`,
    );
    log(`  signals: ${[...byCode].map(([code, n]) => `${code} ${String(n)}`).join(', ')}`);

    // Warm-up: plans cached, connections open, both JITs past their first compilations.
    await concurrently(Math.max(300, o.reads / 4), o.concurrency, mapRead);
    await concurrently(Math.max(60, o.signals / 4), o.concurrency, signalsRead);

    const mapCounts = await trace.around(mapRead);
    const mapStatements = (mapCounts.get('wijk map') ?? 0) + [...mapCounts.keys()].filter((k) => k.startsWith('other')).length;
    if ((mapCounts.get('wijk map') ?? 0) !== 1 || mapStatements !== 1)
      throw new Error(`the wijk map took more than one statement: ${describeCounts(mapCounts)}`);
    const signalCounts = await trace.around(signalsRead);
    log(`  statements per map read: ${describeCounts(mapCounts)}; per signals read: ${describeCounts(signalCounts)}`);
    const perRead = (counts: Map<string, number>, what: string): string =>
      `${String(total(counts) - (counts.get('session touch') ?? 0))} (${what} 1)`;

    const c = o.concurrency;
    figures.push(
      figure(
        `API wijkMap, concurrency ${String(c)}`,
        await concurrently(o.reads, c, mapRead),
        'p50 ≤ 30',
        perRead(mapCounts, 'map'),
      ),
    );
    figures.push(
      figure('API wijkMap, one at a time', await concurrently(Math.ceil(o.reads / 4), 1, mapRead), '', perRead(mapCounts, 'map')),
    );
    figures.push(
      figure(
        `findWijkMap (graph only), concurrency ${String(c)}`,
        await concurrently(o.reads, c, async () => {
          if (!(await db.read((tx) => findWijkMap(tx, district.id, today)))) throw new Error('no map');
        }),
        '',
        '1',
      ),
    );
    figures.push(
      figure(
        `API wijkSignals, concurrency ${String(c)}`,
        await concurrently(o.signals, c, signalsRead),
        'p50 ≤ 150',
        perRead(signalCounts, 'signals'),
      ),
    );
    figures.push(
      figure(
        'API wijkSignals, one at a time',
        await concurrently(Math.ceil(o.signals / 4), 1, signalsRead),
        '',
        perRead(signalCounts, 'signals'),
      ),
    );
    figures.push(
      figure(
        `wijkSignalInput (graph only: network + co-served aggregation in Neo4j), concurrency ${String(c)}`,
        await concurrently(o.signals, c, async () => {
          await db.read((tx) => wijkSignalInput(tx, district.id, today, env.analysisK));
        }),
        '',
        '1',
      ),
    );
    figures.push(
      figure(
        'computeWijkSignals (Node only, graphology), one at a time',
        await concurrently(Math.ceil(o.signals / 2), 1, () => {
          computeWijkSignals(input);
          return Promise.resolve();
        }),
      ),
    );

    log('');
    for (const line of table(figures)) log(line);
    log(`  load average after: ${load()}`);
    return { options: o, figures };
  } finally {
    if (cookie) await inProcess(yoga, LOGOUT, {}, cookie).catch(() => undefined);
    await db.close();
    if (o.drop) {
      await deleteSyntheticCity(loader, generateCity(cityOptions(o)).slugPrefix);
      log('  synthetic city removed (--drop)');
    }
  }
}
