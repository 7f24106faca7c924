// Commands that need the built packages: `npm start`, `npm test` and the tier, seed and bench
// scripts. Loaded by wk.mjs after it has installed and built everything.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const log = (line) => process.stderr.write(`[wijkkring] ${line}\n`);
const graph = await import('../graph/dist/index.js');
const servers = await import('../servers/dist/index.js');

const TIERS = ['unit', 'schema', 'int', 'api', 'e2e', 'ops'];
const NEEDS_NEO4J = new Set(['int', 'api', 'e2e']);

function connect(neo) {
  return new graph.Database({ uri: neo.uri, user: neo.user, password: neo.password });
}

function neo4jEnv(neo) {
  // Tell every child which database to use, so none of them starts its own.
  return { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, WIJKKRING_NEO4J_MODE: 'uri' };
}

/** One lock for the whole app, whichever way Neo4j is provided. */
function takeAppLock() {
  const file = join(servers.stateDir(), 'start.lock');
  mkdirSync(dirname(file), { recursive: true });
  try {
    const { lock } = servers.acquireLock(file, 'Wijkkring');
    return () => lock.release();
  } catch (error) {
    if (!(error instanceof servers.AlreadyRunningError)) throw error;
    log(`Wijkkring draait al (proces ${error.pid}). Stop dat eerst met Ctrl-C in dat venster.`);
    log(`Wijkkring is already running (process ${error.pid}); nothing was started.`);
    process.exit(1);
  }
}

async function start() {
  const releaseLock = takeAppLock();
  const startedAt = performance.now();
  let neo;
  try {
    neo = await servers.provideNeo4j({ purpose: 'start', log });
  } catch (error) {
    releaseLock();
    if (error instanceof servers.AlreadyRunningError) {
      log(`Neo4j voor Wijkkring draait al: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  log(`Neo4j (${neo.kind}) antwoordt op ${neo.uri} na ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
  Object.assign(process.env, neo4jEnv(neo));
  const db = connect(neo);
  // WIJKKRING_INSTANCES=2 npm start: that many API servers on consecutive ports, sharing live updates
  // through Redis (issue 12). One instance: no Redis, the in-process bus.
  const instances = servers.instancesSetting();
  const running = [];
  let redis;
  let stopping = false;
  // `npm run backup` in another terminal asks this process, which owns Neo4j, to stop it for a copy of
  // its store: a request file and SIGUSR2 (issue 12). The restarted Neo4j replaces `neo`, so Ctrl-C
  // stops the right one.
  const backups = servers.listenForBackupRequests({
    current: () => neo,
    restarted: (next) => {
      neo = next;
    },
    log,
  });
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: Wijkkring stoppen ...`);
    try {
      await backups.close();
      for (const server of running) await server.close();
      await db.close();
      await neo.stop();
      await redis?.stop();
    } finally {
      releaseLock();
      log('gestopt.');
      process.exit(0);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  // `npm start` runs us through `sh -c`, which does not pass SIGTERM on: notice when npm is gone.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent exited');
  }, 1000).unref();
  try {
    const report = await graph.migrate(db);
    if (report.applied.length > 0) log(`migraties toegepast: ${report.applied.join(', ')}`);
    const seed = await import('../seed/dist/index.js');
    const demo = await seed.loadDemo(db);
    log(`demodata: ${demo.summary}`);
    const api = await import('../api/dist/index.js');
    const env = api.loadEnv();
    // Demo accounts exist in development only; a production start refuses to run while any exist.
    if (env.nodeEnv === 'development') {
      const accounts = await seed.loadDemoAccounts(db, env.secretKey);
      if (!accounts.skipped) log(`demo-accounts: ${accounts.accounts} (zie README) / demo accounts loaded`);
    }
    if (instances === 1) {
      running.push(await api.startServer({ db, env }));
    } else {
      redis = await servers.provideRedis({ log });
      for (let index = 0; index < instances; index += 1) {
        const port = env.port === 0 ? 0 : env.port + index;
        const instanceEnv = api.loadEnv({ ...process.env, PORT: String(port), REDIS_URL: redis.url });
        running.push(await api.startServer({ db, env: instanceEnv }));
      }
    }
    log(
      `Wijkkring draait op ${running.map((server) => server.url).join(', ')} (klaar na ${((performance.now() - startedAt) / 1000).toFixed(1)} s). Stoppen: Ctrl-C.`,
    );
  } catch (error) {
    log(`starten mislukt: ${error instanceof Error ? error.stack : String(error)}`);
    await stop('error');
  }
}

function spawnAsync(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function vitest(tier, env) {
  const bin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  return spawnAsync(process.execPath, [bin, 'run', '--project', tier], env);
}

/** Runs the given tiers in order; Neo4j starts once, in parallel with the tiers that do not need it. */
async function runTiers(tiers) {
  const started = performance.now();
  const needsNeo4j = tiers.some((tier) => NEEDS_NEO4J.has(tier));
  const neoPromise = needsNeo4j ? servers.provideNeo4j({ purpose: 'test', log }) : undefined;
  neoPromise?.catch(() => undefined);
  const results = [];
  let neo;
  try {
    for (const [index, tier] of tiers.entries()) {
      const tierStart = performance.now();
      let env = {};
      if (NEEDS_NEO4J.has(tier)) {
        neo ??= await neoPromise;
        env = neo4jEnv(neo);
      } else if (neo && !tiers.slice(index).some((later) => NEEDS_NEO4J.has(later))) {
        // The ops drills start Neo4j servers of their own: two cores, so the shared one goes first.
        await neo.stop();
        neo = undefined;
      }
      log(`--- ${tier} ---`);
      const code = await vitest(tier, env);
      results.push({ tier, code, seconds: (performance.now() - tierStart) / 1000 });
    }
  } finally {
    if (neo) await neo.stop();
    else if (neoPromise) await neoPromise.then((n) => n.stop()).catch(() => undefined);
  }
  for (const r of results) log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.tier.padEnd(7)} ${r.seconds.toFixed(1)} s`);
  log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

/** The API benchmarks drive the API with the generator's city, so they live in test/ and are compiled here, on demand. */
async function buildBench(name) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const code = await spawnAsync(process.execPath, [tsc, '-b', join(root, 'test', 'bench')]);
  if (code !== 0) throw new Error('test/bench did not compile');
  return import(`../test/bench/dist/bench/${name}-bench.js`);
}

async function withDatabase(purpose, work) {
  const neo = await servers.provideNeo4j({ purpose, log });
  const db = connect(neo);
  try {
    await graph.migrate(db);
    return await work(db, neo);
  } finally {
    await db.close();
    await neo.stop();
  }
}

export async function main(command, args) {
  switch (command) {
    case 'start':
      return start();
    case 'test':
      process.exit(await runTiers(TIERS));
      break;
    case 'tier': {
      const unknown = args.filter((tier) => !TIERS.includes(tier));
      if (args.length === 0 || unknown.length > 0) {
        log(`usage: tier <${TIERS.join('|')}> ...`);
        process.exit(2);
      }
      process.exit(await runTiers(args));
      break;
    }
    case 'seed': {
      const seed = await import('../seed/dist/index.js');
      const [what = 'demo', ...options] = args;
      await withDatabase('start', async (db) => {
        if (what === 'demo') log((await seed.loadDemo(db)).summary);
        else if (what === 'generate') log((await seed.runGeneratorCli(db, options)).summary);
        else throw new Error(`unknown seed command ${what}`);
      });
      break;
    }
    case 'bench': {
      const [what = 'generator', ...options] = args;
      const seed = await import('../seed/dist/index.js');
      // graphql-js runs extra development-only checks on every value unless NODE_ENV is production, as
      // it is on a real server; the wijkkaart benchmark measures the server as it runs there.
      if (what === 'wijk' || what === 'research' || what === 'import') process.env.NODE_ENV = 'production';
      // Compiled before Neo4j starts.
      const api = ['circle', 'wijk', 'research', 'import', 'page', 'compare'].includes(what) ? await buildBench(what) : undefined;
      await withDatabase('bench', async (db, neo) => {
        if (what === 'generator') await seed.benchGenerator(db, options, { neo4jPid: neo.pid });
        else if (what === 'audit') await seed.benchAudit(db, options);
        else if (what === 'circle') await api.benchCircle(db, neo, options);
        else if (what === 'wijk') await api.benchWijk(db, neo, options);
        else if (what === 'research') await api.benchResearch(db, neo, options);
        else if (what === 'import') await api.benchImport(db, neo, options);
        else if (what === 'compare') await api.benchCompare(db, neo, options);
        else if (what === 'page') await api.benchPage(db, neo, options);
        else throw new Error(`unknown benchmark ${what}`);
      });
      break;
    }
    case 'backup':
      process.exit(await servers.backupCommand(args, log));
      break;
    case 'restore':
      process.exit(await servers.restoreCommand(args, log));
      break;
    case 'soak': {
      // Issue 12's soak run (not part of `npm test`): `npm run soak -- --minutes 10`. The API runs as a
      // child process of the benchmark, so its memory is measured alone.
      const soak = await buildBench('soak');
      let ok = false;
      await withDatabase('bench', async (db, neo) => {
        ok = (await soak.benchSoak(db, neo, args)).ok;
      });
      process.exit(ok ? 0 : 1);
      break;
    }
    case 'audit': {
      const [what = 'verify'] = args;
      if (what === 'prune') {
        // Retention (NEN 7513: at least five years). Deletes the oldest records only, keeping an anchor.
        const years = Number(process.env.AUDIT_RETENTION_YEARS ?? 7);
        if (!Number.isInteger(years) || years < 5) {
          log('AUDIT_RETENTION_YEARS must be a whole number of at least 5');
          process.exit(2);
        }
        const cutoff = new Date();
        cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
        await withDatabase('start', async (db) => {
          const pruned = await db.write((tx) => graph.pruneAudit(tx, cutoff.toISOString()));
          log(
            `auditlog: ${pruned} records ouder dan ${years} jaar verwijderd / ${pruned} records older than ${cutoff.toISOString()} removed`,
          );
        });
        break;
      }
      if (what !== 'verify') {
        log('usage: audit verify | audit prune');
        process.exit(2);
      }
      let ok = false;
      await withDatabase('start', async (db) => {
        const report = await graph.verifyAuditChain(db);
        ok = report.ok;
        if (report.ok) {
          log(
            `auditlog in orde: ${report.checked} records gecontroleerd / audit log OK: ${report.checked} records checked` +
              (report.head ? `; head record ${report.head.seq}, hash ${report.head.hash}` : ''),
          );
        } else {
          const broken = report.broken;
          log(
            `auditlog GEBROKEN bij record ${broken.seq}${broken.id ? ` (${broken.id})` : ''}: ${broken.reason} / ` +
              `audit log BROKEN at record ${broken.seq}: ${broken.reason}`,
          );
        }
      });
      process.exit(ok ? 0 : 1);
      break;
    }
    default:
      log(`unknown command ${command}`);
      process.exit(2);
  }
  return undefined;
}
