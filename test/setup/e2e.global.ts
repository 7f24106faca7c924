import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEnv, startServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { demoGrants, loadDemo, loadDemoAccounts } from '@wijkkring/seed';
import type { TestProject } from 'vitest/node';
import { testNeo4j } from './neo4j.js';

/** The browser tier runs the real server with the built web app on the real Neo4j with demo data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
  if (!existsSync(`${webDist}/index.html`))
    throw new Error('web/dist is missing: run `npm run build` (npm test does it for you).');
  const neo = await testNeo4j();
  const db = new Database(neo);
  await loadDemo(db);
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: webDist,
    // Every browser request comes from 127.0.0.1; the per-address limit is tested in the API tier.
    LOGIN_ADDRESS_MAX_FAILURES: '10000',
  });
  await loadDemoAccounts(db, env.secretKey);
  // The test database outlives a run: grants earlier runs gave are removed, so every run starts from the demo's own.
  const ids = demoGrants().map((g) => g.id);
  await db.write(async (tx) => {
    await tx.run('MATCH ()-[g:GRANTS_ACCESS]->() WHERE NOT g.id IN $ids DELETE g', { ids });
    await tx.run('MATCH ()-[g:GRANTS_ACCESS]->() WHERE g.id IN $ids SET g.revokedAt = null', { ids });
  });
  const server = await startServer({ db, env });
  project.provide('neo4j', { uri: neo.uri, user: neo.user, password: neo.password });
  project.provide('baseUrl', `http://127.0.0.1:${String(server.port)}`);
  return async () => {
    await server.close();
    await db.close();
    await neo.stop();
  };
}
