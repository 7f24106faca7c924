import { csvLine } from '../csv.js';
import { num, oneOf, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import { toAuditRecord } from './reads.js';
import type { ReviewRecord } from './review.js';
import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditAction, type AuditRecord, type AuditResult } from './types.js';

/** An export holds at most this many records (newest first); a larger selection is cut off, and says so. */
export const AUDIT_EXPORT_MAX = 50_000;
/** The review reads at most this many records of a period (newest first). */
export const AUDIT_REVIEW_MAX = 100_000;

/**
 * What the admin's audit search looks for (issue 11). Every field but the period may be null
 * (no condition). The period is two UTC instants: `from` inclusive, `to` exclusive.
 */
export interface AuditSearchFilter {
  /** Records of this account. */
  accountId: string | null;
  /**
   * Records that name this username as the one tried (a failed or refused login carries it,
   * often without an account id). Together with `accountId`: records matching either.
   */
  actorLabel: string | null;
  /** The client's pseudonym (clientRef). */
  clientRef: string | null;
  action: AuditAction | null;
  result: AuditResult | null;
  subject: string | null;
  origin: string | null;
  from: string;
  to: string;
}

/** A record as the admin sees it: with the actor's name and username, and the organisation's name. */
export interface AuditSearchRow {
  record: AuditRecord;
  actorName: string | null;
  actorUsername: string | null;
  onBehalfOfName: string | null;
}

/**
 * Which index the search starts from: the client's pseudonym, else the actor, else the period.
 * The branches of the query not chosen get null parameters, and an index seek for null finds
 * nothing, so only the chosen one does any work.
 */
function anchored(filter: AuditSearchFilter): Record<string, unknown> {
  const byClient = filter.clientRef !== null;
  const byActor = !byClient && (filter.accountId !== null || filter.actorLabel !== null);
  const byPeriod = !byClient && !byActor;
  return {
    ...filter,
    anchorClient: byClient ? filter.clientRef : null,
    anchorAccount: byActor ? filter.accountId : null,
    anchorLabel: byActor ? filter.actorLabel : null,
    anchorFrom: byPeriod ? filter.from : null,
    anchorTo: byPeriod ? filter.to : null,
  };
}

const COUNT = `CALL () {
    MATCH (r:AuditRecord) WHERE r.clientRef = $anchorClient RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.actorAccountId = $anchorAccount RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.actorLabel = $anchorLabel RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.at >= $anchorFrom AND r.at < $anchorTo RETURN r
  }
  WITH r
  WHERE r.at >= $from AND r.at < $to
    AND ($clientRef IS NULL OR r.clientRef = $clientRef)
    AND (($accountId IS NULL AND $actorLabel IS NULL) OR r.actorAccountId = $accountId OR r.actorLabel = $actorLabel)
    AND ($action IS NULL OR r.action = $action)
    AND ($result IS NULL OR r.result = $result)
    AND ($subject IS NULL OR r.subject = $subject)
    AND ($origin IS NULL OR r.origin = $origin)
  RETURN count(r) AS n`;

const PAGE = `CALL () {
    MATCH (r:AuditRecord) WHERE r.clientRef = $anchorClient RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.actorAccountId = $anchorAccount RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.actorLabel = $anchorLabel RETURN r
    UNION
    MATCH (r:AuditRecord) WHERE r.at >= $anchorFrom AND r.at < $anchorTo RETURN r
  }
  WITH r
  WHERE r.at >= $from AND r.at < $to
    AND ($clientRef IS NULL OR r.clientRef = $clientRef)
    AND (($accountId IS NULL AND $actorLabel IS NULL) OR r.actorAccountId = $accountId OR r.actorLabel = $actorLabel)
    AND ($action IS NULL OR r.action = $action)
    AND ($result IS NULL OR r.result = $result)
    AND ($subject IS NULL OR r.subject = $subject)
    AND ($origin IS NULL OR r.origin = $origin)
  WITH r ORDER BY r.seq DESC SKIP $skip LIMIT $limit
  RETURN r {.*} AS r,
    COLLECT { MATCH (a:Account {id: r.actorAccountId}) RETURN a.displayName }[0] AS actorName,
    COLLECT { MATCH (a:Account {id: r.actorAccountId}) RETURN a.username }[0] AS actorUsername,
    COLLECT { MATCH (o:Organisation {id: r.onBehalfOf}) RETURN o.name }[0] AS onBehalfOfName`;

interface PageRow {
  r: Raw;
  actorName: string | null;
  actorUsername: string | null;
  onBehalfOfName: string | null;
}

function toRow(row: PageRow): AuditSearchRow {
  return {
    record: toAuditRecord(row.r),
    actorName: row.actorName,
    actorUsername: row.actorUsername,
    onBehalfOfName: row.onBehalfOfName,
  };
}

/** The records matching `filter`, newest first (by sequence number), one page. */
export async function searchAudit(tx: Tx, filter: AuditSearchFilter, skip: number, limit: number): Promise<Page<AuditSearchRow>> {
  const params = anchored(filter);
  const total = await one<{ n: number }>(tx, COUNT, params);
  const found = await rows<PageRow>(tx, PAGE, { ...params, skip, limit });
  return toPage(found.map(toRow), total?.n ?? 0, skip);
}

/** The selection for an export: at most `max` records, newest first; `more` when there were more. */
export async function auditRecordsForExport(
  tx: Tx,
  filter: AuditSearchFilter,
  max: number = AUDIT_EXPORT_MAX,
): Promise<{ rows: AuditSearchRow[]; more: boolean }> {
  const found = await rows<PageRow>(tx, PAGE, { ...anchored(filter), skip: 0, limit: max + 1 });
  return { rows: found.slice(0, max).map(toRow), more: found.length > max };
}

/** The id of the account with this username (usernames are stored in lower case), if any. */
export async function accountIdByUsername(tx: Tx, username: string): Promise<string | undefined> {
  const found = await one<{ id: string }>(tx, 'MATCH (a:Account {username: $username}) RETURN a.id AS id', { username });
  return found?.id;
}

/** The client a client's account signs in as, by the account's username; undefined for any other account. */
export async function clientIdByUsername(tx: Tx, username: string): Promise<string | undefined> {
  const found = await one<{ id: string }>(
    tx,
    `MATCH (a:Account {username: $username})-[:SIGNS_IN_AS]->(c:Client)
     WHERE a.role = 'CLIENT'
     RETURN c.id AS id`,
    { username },
  );
  return found?.id;
}

/**
 * What the review of unusual access looks at, in one read: the looks at client data, and every
 * refusal or failure, of the period; newest `max` first. `more` when the period held more.
 */
export async function auditRecordsForReview(
  tx: Tx,
  from: string,
  to: string,
  max: number = AUDIT_REVIEW_MAX,
): Promise<{ records: ReviewRecord[]; more: boolean }> {
  const found = await rows<{ r: Raw }>(
    tx,
    `MATCH (r:AuditRecord)
     WHERE r.at >= $from AND r.at < $to
       AND ((r.action = 'READ' AND r.result = 'SUCCESS' AND r.clientRef IS NOT NULL) OR r.result <> 'SUCCESS')
     WITH r ORDER BY r.seq DESC LIMIT $limit
     RETURN r {.seq, .at, .actorAccountId, .actorRole, .actorLabel, .clientRef, .subject, .action, .result, .origin} AS r`,
    { from, to, limit: max + 1 },
  );
  const records = found.slice(0, max).map(({ r }): ReviewRecord => ({
    seq: num(r, 'seq'),
    at: str(r, 'at'),
    actorAccountId: optStr(r, 'actorAccountId'),
    actorRole: optStr(r, 'actorRole'),
    actorLabel: optStr(r, 'actorLabel'),
    clientRef: optStr(r, 'clientRef'),
    subject: str(r, 'subject'),
    action: oneOf(AUDIT_ACTIONS, r, 'action'),
    result: oneOf(AUDIT_RESULTS, r, 'result'),
    origin: optStr(r, 'origin'),
  }));
  return { records, more: found.length > max };
}

/** Display names and usernames of accounts, for the flags of a review. */
export async function auditActors(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; username: string }>> {
  const found = await rows<{ id: string; displayName: string; username: string }>(
    tx,
    `UNWIND $ids AS id
     MATCH (a:Account {id: id})
     RETURN a.id AS id, a.displayName AS displayName, a.username AS username`,
    { ids },
  );
  return new Map(found.map((a) => [a.id, { displayName: a.displayName, username: a.username }]));
}

// ---------------------------------------------------------------------------------------------
// CSV for Dutch spreadsheet programs
// ---------------------------------------------------------------------------------------------

/**
 * The export's columns, in order (documented in docs/SECURITY.md, "Audit review"). Times are
 * UTC; the client is only ever the pseudonym.
 */
export const AUDIT_CSV_COLUMNS = [
  'tijd_utc',
  'volgnummer',
  'account_id',
  'naam',
  'gebruikersnaam',
  'rol',
  'geprobeerde_gebruikersnaam',
  'namens',
  'client_schuilnaam',
  'onderwerp',
  'actie',
  'resultaat',
  'bron',
  'detail',
] as const;

const csvRow = (cells: ReadonlyArray<string | number | null>): string => csvLine(cells, ';');

/** The export as Excel and LibreOffice open it in the Netherlands: UTF-8 with a byte-order mark, `;`, Windows line ends. */
export function auditCsv(found: readonly AuditSearchRow[]): string {
  let text = `\uFEFF${csvRow(AUDIT_CSV_COLUMNS)}`;
  for (const { record: r, actorName, actorUsername, onBehalfOfName } of found) {
    text += csvRow([
      r.at,
      r.seq,
      r.actorAccountId,
      actorName,
      actorUsername,
      r.actorRole,
      r.actorLabel,
      onBehalfOfName,
      r.clientRef,
      r.subject,
      r.action,
      r.result,
      r.origin,
      r.detail,
    ]);
  }
  return text;
}
