// Finding or starting the servers Wijkkring runs on, for `npm start`, the tests, the benchmarks and
// operations (backup, restore). Not data access: that is @wijkkring/graph.
export { provideNeo4j, type ProvideOptions, type Purpose } from './neo4j/provide.js';
export { NEO4J_VERSION, ensureJars, neo4jHome, startLocalNeo4j, type Profile, type RunningNeo4j } from './neo4j/local.js';
export { instancesSetting, neo4jSettings, redisSettings, type Neo4jSettings, type RedisSettings } from './settings.js';
export { provideRedis, redisAnswers, redisHome, type RedisOptions, type RunningRedis } from './redis.js';
export { freePort } from './ports.js';
export { repoRoot, stateDir } from './paths.js';
export { AlreadyRunningError, acquireLock, isAlive, lockHolder, type Lock } from '../lock.mjs';
// Backup and restore of a local home (issue 12), and the commands `npm run backup` / `npm run restore`.
export {
  backupCommand,
  BackupError,
  backupName,
  backupStoppedHome,
  backupsDir,
  compareSummaries,
  dumpHome,
  finishBackup,
  listenForBackupRequests,
  loadBackup,
  readManifest,
  liveBackup,
  restoreBackup,
  restoreCommand,
  summariseDatabase,
  summariseHome,
  verifyBackupFiles,
  type BackupFile,
  type BackupListener,
  type BackupManifest,
  type DatabaseSummary,
  type DumpResult,
  type RestoreReport,
} from './neo4j/backup.js';
