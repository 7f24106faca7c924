// The server side of `npm run bench:compare` (issue 13), run as a child process of the benchmark so
// that its CPU time is the servers' alone. One process serves three contestants on three ports, one
// at a time under load: the Neo4j GraphQL Library, Wijkkring as in production (sessions, access
// policy, audit), and Wijkkring's data path without those. It counts every Cypher statement sent
// through neo4j-driver and tells the benchmark on a fourth port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createUncheckedYogaForBenchmark, startServer } from '@wijkkring/api';
import { Database, findCircle, findDistrict, findOrganisation } from '@wijkkring/graph';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { countStatements, LIBRARY_TYPE_DEFS, type OperationName } from './compare-contestants.js';
import { benchEnv, concurrently } from './kit.js';

const statements = countStatements();
const neo = {
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

// The library gets its own driver, configured like ours (one pool of the same size; see graph/src/driver.ts).
const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password), { disableLosslessIntegers: true });
const library = new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver });
const libraryYoga = createYoga({
  schema: await library.getSchema(),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  logging: false,
  maskedErrors: false,
});
const libraryPort = await listen(createServer((req, res) => void libraryYoga(req, res)));

const env = benchEnv(neo);
const db = new Database(env.neo4j, { acquisitionTimeoutMs: env.dbAcquireTimeoutMs });
const production = await startServer({ db, env });
const unchecked = createUncheckedYogaForBenchmark(db, env);
const uncheckedPort = await listen(createServer((req, res) => void unchecked(req, res)));

/** The Library's statement for each operation, as it sent it for one id (learnt by `/capture`). */
const captured = new Map<OperationName, { text: string; parameters: unknown; id: string }>();

/** The captured parameters with the captured id replaced by another one. */
function withId(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => withId(v, from, to));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withId(v, from, to)]));
  return value;
}

/** The floor: one operation's bare statement through neo4j-driver, the Library's or Wijkkring's own. */
function floorStatement(op: OperationName, kind: 'library' | 'wijkkring'): (id: string) => Promise<unknown> {
  if (kind === 'wijkkring') {
    if (op === 'circle') return (id) => db.read((tx) => findCircle(tx, id));
    if (op === 'district') return (id) => db.read((tx) => findDistrict(tx, id, { organisations: true, links: true }));
    return (id) => db.read((tx) => findOrganisation(tx, id));
  }
  const statement = captured.get(op);
  if (!statement) throw new Error(`no statement of the Library captured for ${op}`);
  return async (id) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) =>
        tx.run(statement.text, withId(statement.parameters, statement.id, id) as Record<string, unknown>),
      );
    } finally {
      await session.close();
    }
  };
}

async function body(req: import('node:http').IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

const stats = createServer((req, res) => {
  void (async () => {
    if (req.url === '/capture') {
      const { op, id } = (await body(req)) as { op: OperationName; id: string };
      if (!statements.last) throw new Error('nothing to capture');
      captured.set(op, { ...statements.last, id });
      res.end(JSON.stringify({ text: statements.last.text }));
      return;
    }
    if (req.url === '/floor') {
      const { op, kind, ids, total, concurrency } = (await body(req)) as {
        op: OperationName;
        kind: 'library' | 'wijkkring';
        ids: string[];
        total: number;
        concurrency: number;
      };
      const run = floorStatement(op, kind);
      const before = statements.count;
      const result = await concurrently(total, concurrency, async (i) => {
        await run(ids[i % ids.length] ?? '');
      });
      res.end(JSON.stringify({ ...result, statements: statements.count - before }));
      return;
    }
    const cpu = process.cpuUsage();
    res.end(JSON.stringify({ statements: statements.count, cpuMs: (cpu.user + cpu.system) / 1000 }));
  })().catch((error: unknown) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});
const statsPort = await listen(stats);

process.stdout.write(
  `${JSON.stringify({ ready: true, library: libraryPort, production: production.port, unchecked: uncheckedPort, stats: statsPort })}\n`,
);
process.on('SIGTERM', () => {
  void Promise.all([production.close(), driver.close()]).then(() => db.close().then(() => process.exit(0)));
});
