// The public entry of @wijkkring/graph: the only way other packages reach the database.
export { Database, type DatabaseOptions, type Neo4jConnection } from './driver.js';
export { DatabaseUnavailableError, DomainError, type DomainErrorCode } from './errors.js';
export type { Tx } from './tx.js';
export * as model from './model.js';
export { MAX_PAGE_SIZE, cursorAt, offsetOf, pageArgsSchema, type Page, type PageArgs } from './paging.js';

export { appliedMigrations, loadMigrations, migrate, type MigrationReport } from './migrations/migrate.js';

export type {
  District,
  DistrictInclude,
  DistrictNetwork,
  KeyFigureSummary,
  Link,
  OfferingSummary,
  OrganisationSummary,
  PartnershipSummary,
} from './district/types.js';
export { findDistrict, findDistricts, listDistricts, NETWORK_LIMITS } from './district/reads.js';
export { upsertDistricts, upsertLinks, upsertOfferings, upsertPartnerships } from './district/writes.js';
export type { DistrictRow, LinkRow, OfferingRow, PartnershipRow } from './district/writes.js';

export { findOrganisation, findOrganisationsByIds, searchOrganisations, type OrganisationDetail } from './organisation/reads.js';
export { upsertOrganisations, type OrganisationRow } from './organisation/writes.js';

export { upsertClients, upsertKeyFigures, upsertSupportWorkers } from './person/writes.js';
export type { ClientRow, KeyFigureRow, SupportWorkerRow } from './person/writes.js';
export { findClient, listClients, type ClientSummary } from './client/reads.js';

export { circleLayoutSchema, LENSINK_LAYOUT, type CircleLayout } from './circle/layout.js';
export type { CircleEntry, CircleOrganisation, CirclePerson, CircleSummary, NetworkCircle } from './circle/types.js';
export { findCircle, listCircles, MAX_ENTRIES } from './circle/reads.js';
export { upsertCircles, upsertContacts, type CircleRow, type ContactRow, type EntryRow } from './circle/writes.js';

export { serverInfo, type ServerInfo } from './health/reads.js';
export { datasetChecksum, deleteSyntheticCity, recordDataset } from './maintenance/writes.js';

export { provideNeo4j, type ProvideOptions, type Purpose } from './server/provide.js';
export { NEO4J_VERSION, ensureJars, type RunningNeo4j } from './server/local-server.js';
export { AlreadyRunningError, acquireLock, isAlive } from './server/lock.js';
export { repoRoot, stateDir } from './server/paths.js';
