import { dockerAnswers, startComposeNeo4j, startTestcontainer } from './docker.js';
import { startLocalNeo4j, type Profile, type RunningNeo4j } from './local.js';
import { neo4jSettings, type Neo4jSettings } from '../settings.js';

export type Purpose = 'start' | 'test' | 'bench';

export interface ProvideOptions {
  purpose: Purpose;
  log?: (line: string) => void;
  settings?: Neo4jSettings;
}

/**
 * The one place that decides where Neo4j comes from, in this order:
 * 1. NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) if set;
 * 2. a Docker engine that answers: docker compose for `npm start`, testcontainers for tests;
 * 3. a local Neo4j Community server from the Maven Central jars (Java 17).
 */
export async function provideNeo4j({
  purpose,
  log = console.log,
  settings = neo4jSettings(),
}: ProvideOptions): Promise<RunningNeo4j> {
  const mode = settings.WIJKKRING_NEO4J_MODE;
  if (mode === 'uri' || (mode === 'auto' && settings.NEO4J_URI)) {
    if (!settings.NEO4J_URI) throw new Error('WIJKKRING_NEO4J_MODE=uri needs NEO4J_URI.');
    if (settings.NEO4J_PASSWORD === undefined) throw new Error('NEO4J_URI is set; NEO4J_PASSWORD is needed as well.');
    return {
      uri: settings.NEO4J_URI,
      user: settings.NEO4J_USER,
      password: settings.NEO4J_PASSWORD,
      kind: 'uri',
      stop: () => Promise.resolve(),
    };
  }
  if (mode === 'docker' || (mode === 'auto' && (await dockerAnswers(settings)))) {
    return purpose === 'start' ? startComposeNeo4j(settings, log) : startTestcontainer();
  }
  const profile: Profile = purpose === 'start' ? 'dev' : purpose;
  return startLocalNeo4j({ profile, settings, log });
}
