// The public entry of @wijkkring/graph: the only way other packages reach the database.
export { Database, type CausalState, type CommitGate, type DatabaseOptions, type Neo4jConnection } from './driver.js';
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

export {
  findOrganisation,
  findOrganisationParts,
  findOrganisationsByIds,
  searchOrganisations,
  searchOrganisationsNear,
  type OrganisationDetail,
  type OrganisationShaped,
  type OrganisationNear,
  type OrganisationPart,
  type OrganisationParts,
} from './organisation/reads.js';
export { upsertOrganisations, type OrganisationRow } from './organisation/writes.js';
// Organisations, wijken and partnerships kept by an admin (issue 11): create, edit, end, merge.
export {
  findOrganisationRecord,
  findOrganisationRecords,
  listOrganisationRecords,
  organisationMergePreview,
  resolveOrganisationId,
  type OrganisationRecordFilter,
} from './organisation/reads.js';
export {
  createOrganisation,
  createOrganisations,
  endOrganisation,
  mergeOrganisations,
  ORGANISATION_RELATIONSHIPS,
  updateOrganisation,
  type EndReport,
  type NewOrganisation,
  type OrganisationChange,
} from './organisation/writes.js';
export * as organisationSchemas from './organisation/schemas.js';
export type {
  DistrictRecord,
  MembershipRecord,
  MergeCounts,
  MergedCircle,
  MergeResult,
  OfferingRecord,
  OrganisationRecord,
  OrganisationRecordDetail,
  PartnershipRecord,
} from './organisation/types.js';
export { findDistrictRecord, findPartnershipRecord, listDistrictRecords, listPartnershipRecords } from './district/reads.js';
export {
  createDistrict,
  createPartnership,
  endDistrict,
  endPartnership,
  renameDistrict,
  updatePartnership,
  type NewDistrict,
  type NewPartnership,
  type PartnershipChange,
} from './district/writes.js';

export { upsertClients, upsertKeyFigures, upsertStaff, upsertSupportWorkers } from './person/writes.js';
export type { ClientRow, KeyFigureRow, StaffRow, SupportWorkerRow } from './person/writes.js';
export { clientNamedBy, findClient, findClients, listClients, type ClientSummary } from './client/reads.js';

export { circleLayoutSchema, LENSINK_LAYOUT, type CircleLayout } from './circle/layout.js';
export type {
  CircleEntry,
  CircleOrganisation,
  CirclePerson,
  CircleSummary,
  CircleTie,
  NetworkCircle,
  SignalInput,
  TargetFacts,
} from './circle/types.js';
export { circleOwner, findCircle, FULL_CIRCLE, INNER_RINGS, listCircles, MAX_ENTRIES, type CircleShape } from './circle/reads.js';
// Aanbod in je wijk (issue 14): the current offers of a circle's client's wijk.
export { findCircleDistrictOffers, MAX_DISTRICT_OFFERS } from './offer/reads.js';
export type { CircleDistrictOffers, DistrictOffer } from './offer/types.js';
export {
  addEntry,
  addTie,
  freezeCircle,
  lockCircle,
  moveEntry,
  removeEntry,
  removeTie,
  updateEntry,
  upsertCircles,
  upsertContacts,
  type CircleLock,
  type CircleRow,
  type ContactRow,
  type EntryEdit,
  type EntryFields,
  type EntryRow,
  type NewEntry,
  type NewEntryTarget,
} from './circle/writes.js';
export * as circleSchemas from './circle/schemas.js';
export { computeSignals, OFFER_CATEGORIES, RULES } from './circle/signals.js';
export { SIGNAL_KINDS, type CircleSignal, type LocalOffer, type SignalKind } from './circle/signal-types.js';
export { compareCircles } from './circle/compare.js';
export { CHANGE_KINDS, type ChangeKind, type CircleChange, type ComparableEntry } from './circle/compare-types.js';

export { serverInfo, type ServerInfo } from './health/reads.js';
export { datasetChecksum, deleteSyntheticCity, recordDataset } from './maintenance/writes.js';
// Backups and restore drills (issue 12): what a database holds, independent of its store.
export { contentChecksum, type ContentSummary } from './maintenance/checksum.js';

export { neo4jAnswers } from './health/connect.js';

export * from './account/types.js';
export {
  hashPassword,
  passwordSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  verifyAgainstDummy,
  verifyPassword,
} from './account/passwords.js';
export { DEVELOPMENT_PSEUDONYM_KEY, DEVELOPMENT_SECRET_KEY, seal, unseal } from './account/secrets.js';
export { checkTotp, newTotpSecret, totpCode, totpUri } from './account/totp.js';
export {
  demoAccountCount,
  findAccount,
  findCredentials,
  findCredentialsById,
  findProfile,
  findSession,
  listAccounts,
  throttleStates,
  type AccountSummary,
} from './account/reads.js';
export {
  clearLoginFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  enableTotp,
  releaseLoginAttempt,
  reserveLoginAttempt,
  setAccountActive,
  setPasswordHash,
  setSessionPendingSecret,
  touchSession,
  upsertAccounts,
  useTotpStep,
  type LoginReservation,
  type ThrottleLimit,
} from './account/writes.js';
// Accounts made and changed by an admin, and their activation codes (issue 11).
export {
  clientOfUsername,
  findActivation,
  missingAccountRefs,
  usernameTaken,
  type AccountDistrict,
  type AccountFilter,
  type PendingActivation,
} from './account/reads.js';
export {
  createAccountWithPerson,
  placeAccountPerson,
  resetSecondFactor,
  setAccountRole,
  type NewAccount,
} from './account/writes.js';
export {
  ACTIVATION_VALID_MS,
  activationCodeHash,
  consumeActivation,
  newActivationCode,
  normaliseActivationCode,
  sameCodeHash,
  setActivation,
} from './account/activation.js';
export {
  COORDINATOR_DISTRICTS_MAX,
  DISPLAY_NAME_MAX,
  displayNameSchema,
  placementIssues,
  USERNAME_MAX,
  usernameSchema,
  type AccountPlacement,
  type PlacementIssue,
} from './account/schemas.js';

export { grantIsActive, type AccessGrant, type SupportWorkerSummary } from './access/types.js';
export {
  activeGrantsOfWorker,
  findGrant,
  findSupportWorkers,
  grantsOfClient,
  keyFigureDistrict,
  searchSupportWorkers,
} from './access/reads.js';
export {
  grantAccess,
  revokeAccess,
  revokeGrantsTo,
  setAnalysisConsent,
  setKeyFigureConsent,
  upsertGrants,
  type GrantRow,
} from './access/writes.js';

export {
  AUDIT_ACTIONS,
  AUDIT_RESULTS,
  type AuditAction,
  type AuditEntry,
  type AuditRecord,
  type AuditResult,
} from './audit/types.js';
export { auditHash, canonicalAuditText, GENESIS_HASH } from './audit/chain.js';
export { appendAudit, appendAuditAfter, pruneAudit, type AuditChainEnd } from './audit/writes.js';
export {
  allAuditRecordsOfClient,
  auditHead,
  auditRecordsAfter,
  auditTrailOfClient,
  type AuditEventView,
  type AuditHeadState,
} from './audit/reads.js';
export { verifyAuditChain, type AuditVerification } from './audit/verify.js';
export { AuditWriter } from './audit/writer.js';

export { clientDataForExport, findCirclePeople, type CirclePersonMatch, type ClientDataExport } from './privacy/reads.js';
export { eraseCirclePeople, eraseClient, rectifyCirclePerson, type ErasureReport } from './privacy/writes.js';

export type { DistrictFacts, WijkAction, WijkMap } from './wijk/types.js';
export { districtFacts, findWijkAction, findWijkMap, listWijkActions, wijkSignalInput, WIJK_LIMITS } from './wijk/reads.js';
export {
  actionDistrict,
  createWijkAction,
  endLink,
  endOffering,
  joinPartnership,
  leavePartnership,
  linkDistricts,
  nodeDistricts,
  offeringDistrict,
  partnershipDistrict,
  recordKeyFigure,
  recordLink,
  recordOffering,
  updateLink,
  updateOffering,
  updateWijkAction,
  upsertWijkActions,
  type LinkChange,
  type NewKeyFigure,
  type NewLink,
  type NewOffering,
  type OfferingChange,
  type WijkActionChange,
  type WijkActionRow,
} from './wijk/writes.js';
export * as wijkSchemas from './wijk/schemas.js';
export { computeWijkSignals, wijkMeasures } from './wijk/signals.js';
export type { WijkEdge, WijkNode, WijkOfferingFact, WijkSignal, WijkSignalInput } from './wijk/signal-types.js';
export { compareDistricts, type DistrictComparison, type DistrictCount } from './wijk/compare.js';
export type { WijkMeasures } from './wijk/signal-types.js';

// Onderzoek (issue 10): research figures per fixed period, suppressed aggregates, exports.
export { GRANULARITIES, parsePeriod, periodsUntil, type Granularity, type Period } from './research/periods.js';
export type {
  Broker,
  DistrictSeries,
  GroupIndex,
  NetworkMetrics,
  PeriodMetrics,
  TierPairIndex,
} from './research/network-types.js';
export { aggregateTable, metricsCacheStats, networkSeries, resetResearchCaches, warmNetworkCache } from './research/figures.js';
export {
  BINARY_MEASURES,
  CHANGE_MEASURES,
  type AggregateRow,
  type AggregateTable,
  type BinaryMeasure,
  type ChangeMeasure,
  type Figure,
} from './research/aggregate-types.js';
export { districtHistories } from './research/network-reads.js';
export { clientHistories } from './research/reads.js';
export type { ClientHistory, Snapshot, SnapshotEntry } from './research/aggregate-types.js';
export { linksCsv, networkExport, nodesCsv, toGraphML, type NetworkExport } from './research/network-export.js';
export { EGO_TABLES, exportEgoTable, Pseudonymiser, RELATION_CATEGORIES, type EgoTable } from './research/ego.js';
export { createStudy, listStudies, studySalt, type ResearchStudy } from './research/studies.js';
export {
  feasibleRanges,
  suppress,
  twoWayProblem,
  type SuppressionProblem,
  type SuppressionResult,
} from './research/suppression.js';

// Audit review (issue 11): the admin's search, export and review of unusual access.
export {
  accountIdByUsername,
  auditActors,
  auditCsv,
  AUDIT_CSV_COLUMNS,
  AUDIT_EXPORT_MAX,
  AUDIT_REVIEW_MAX,
  auditRecordsForExport,
  auditRecordsForReview,
  clientIdByUsername,
  searchAudit,
  type AuditSearchFilter,
  type AuditSearchRow,
} from './audit/search.js';
export {
  AUDIT_FLAG_KINDS,
  NIGHT,
  REVIEW_DEFAULTS,
  reviewAudit,
  type AuditFlag,
  type AuditFlagFilter,
  type AuditFlagKind,
  type ReviewRecord,
  type ReviewThresholds,
} from './audit/review.js';

// Import of a sociale kaart (issue 11): parse and check a CSV file, plan it against the database, apply it in one transaction.
export { decodeCsvBytes, parseDate, parseSocialMap, COLUMN_MAX, IMPORT_LIMITS, type DecodedFile } from './import/parse.js';
export { planSocialMapImport, type ImportPlan, type ImportWrites } from './import/plan.js';
export { applySocialMapImport, type ApplyOptions, type ApplyResult } from './import/apply.js';
export {
  deleteImportUpload,
  findImportUpload,
  IMPORT_UPLOAD_TTL_MS,
  storeImportUpload,
  type ImportUpload,
} from './import/uploads.js';
export {
  IMPORT_COLUMNS,
  IMPORT_ERROR_CODES,
  type ImportColumn,
  type ImportErrorCode,
  type ImportIssue,
  type ImportOutcome,
  type ImportTotals,
  type ParsedFile,
  type PlannedLine,
} from './import/types.js';
export { IMPORT_KINDS, type ImportKind } from './import/vocabulary.js';
export { socialMapCsv, type CsvRow } from './import/write.js';
