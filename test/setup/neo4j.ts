import { Database, migrate } from '@wijkkring/graph';
import { provideNeo4j, type RunningNeo4j } from '@wijkkring/servers';

/**
 * Finds or starts the test run's Neo4j (NEO4J_URI when `npm test` already started one; otherwise
 * Docker or the local jars, exactly as `npm start` decides) and applies the migrations.
 */
export async function testNeo4j(): Promise<RunningNeo4j> {
  const neo = await provideNeo4j({ purpose: 'test', log: (line) => console.log(`[neo4j] ${line}`) });
  const db = new Database(neo);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return neo;
}

/** The environment for a command a test runs (`scripts/wk.mjs …`): this process's, pointed at `neo`. */
export function commandEnv(neo: { uri: string; user: string; password: string }): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password };
}
