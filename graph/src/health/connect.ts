import neo4j from 'neo4j-driver';
import type { Neo4jConnection } from '../driver.js';

/**
 * True when Neo4j at `connection` accepts a login within `timeoutMs`. For whoever starts a server
 * and waits for it (@wijkkring/servers), which must not talk Bolt itself.
 */
export async function neo4jAnswers(connection: Neo4jConnection, timeoutMs = 1000): Promise<boolean> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    connectionTimeout: timeoutMs,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}
