// Finding or starting the servers Wijkkring runs on, for `npm start`, the tests, the benchmarks and
// operations (backup, restore). Not data access: that is @wijkkring/graph.
export { provideNeo4j, type ProvideOptions, type Purpose } from './neo4j/provide.js';
export { NEO4J_VERSION, ensureJars, neo4jHome, startLocalNeo4j, type Profile, type RunningNeo4j } from './neo4j/local.js';
export { neo4jSettings, type Neo4jSettings } from './settings.js';
export { repoRoot, stateDir } from './paths.js';
export { AlreadyRunningError, acquireLock, isAlive, lockHolder, type Lock } from '../lock.mjs';
