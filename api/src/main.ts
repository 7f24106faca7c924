// Production entry (the Docker image): connect to NEO4J_URI, apply migrations, serve.
import { Database, migrate } from '@wijkkring/graph';
import { loadEnv } from './env.js';
import { startServer } from './server.js';

const env = loadEnv();
const db = new Database(env.neo4j, { acquisitionTimeoutMs: env.dbAcquireTimeoutMs });
await migrate(db);
const server = await startServer({ db, env });
console.log(`[api] Wijkkring listening on ${server.url}`);

async function shutdown(signal: string): Promise<void> {
  console.log(`[api] ${signal}: stopping`);
  await server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
