import { num, oneOf, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditRecord } from './types.js';

export function toAuditRecord(raw: Raw): AuditRecord {
  return {
    id: str(raw, 'id'),
    seq: num(raw, 'seq'),
    at: str(raw, 'at'),
    actorAccountId: optStr(raw, 'actorAccountId'),
    actorRole: optStr(raw, 'actorRole'),
    actorLabel: optStr(raw, 'actorLabel'),
    onBehalfOf: optStr(raw, 'onBehalfOf'),
    clientRef: optStr(raw, 'clientRef'),
    subject: str(raw, 'subject'),
    action: oneOf(AUDIT_ACTIONS, raw, 'action'),
    result: oneOf(AUDIT_RESULTS, raw, 'result'),
    origin: optStr(raw, 'origin'),
    detail: optStr(raw, 'detail'),
    prevHash: str(raw, 'prevHash'),
    hash: str(raw, 'hash'),
  };
}

export interface AuditHeadState {
  seq: number;
  hash: string;
  /** After retention pruning: the last deleted record, where verification starts. */
  anchorSeq: number;
  anchorHash: string;
}

export async function auditHead(tx: Tx): Promise<AuditHeadState | undefined> {
  const record = await one<{ h: Raw }>(tx, "MATCH (h:AuditHead {id: 'audit'}) RETURN h {.*} AS h");
  if (!record) return undefined;
  const h = record.h;
  return {
    seq: num(h, 'seq'),
    hash: str(h, 'hash'),
    anchorSeq: typeof h.anchorSeq === 'number' ? h.anchorSeq : 0,
    anchorHash: typeof h.anchorHash === 'string' ? h.anchorHash : '0'.repeat(64),
  };
}

/** Records with afterSeq < seq <= upToSeq, in order; for verification in batches. */
export async function auditRecordsAfter(tx: Tx, afterSeq: number, upToSeq: number, limit: number): Promise<AuditRecord[]> {
  const found = await rows<{ r: Raw }>(
    tx,
    'MATCH (r:AuditRecord) WHERE r.seq > $afterSeq AND r.seq <= $upToSeq RETURN r {.*} AS r ORDER BY r.seq LIMIT $limit',
    { afterSeq, upToSeq, limit },
  );
  return found.map(({ r }) => toAuditRecord(r));
}

/** An audit record with the names a client may see: who acted, and for which organisation. */
export interface AuditEventView {
  record: AuditRecord;
  actorName: string | null;
  actorOrganisation: string | null;
}

function toView(row: { r: Raw; actorName: string | null; actorOrganisation: string | null }): AuditEventView {
  return { record: toAuditRecord(row.r), actorName: row.actorName, actorOrganisation: row.actorOrganisation };
}

/** The actions that are looks (not changes): a client's own looks are folded away from their trail unless asked for. */
export const LOOK_ACTIONS = ['READ', 'SEARCH'] as const;

/**
 * What happened to one client's data, newest first. `hideLooksBy`: leave out the looks of this
 * account (the client's own "Jij hebt je kring bekeken", which otherwise bury everyone else's).
 */
export async function auditTrailOfClient(
  tx: Tx,
  clientRef: string,
  skip: number,
  limit: number,
  hideLooksBy: string | null = null,
): Promise<Page<AuditEventView>> {
  const params = { clientRef, skip, limit, hide: hideLooksBy, looks: LOOK_ACTIONS };
  // coalesce: a record without an actor (an anonymous refusal) compares as null, and must stay shown.
  const total = await one<{ n: number }>(
    tx,
    `MATCH (r:AuditRecord {clientRef: $clientRef})
     WHERE NOT coalesce($hide IS NOT NULL AND r.actorAccountId = $hide AND r.action IN $looks, false)
     RETURN count(r) AS n`,
    params,
  );
  const found = await rows<{ r: Raw; actorName: string | null; actorOrganisation: string | null }>(
    tx,
    `MATCH (r:AuditRecord {clientRef: $clientRef})
     WHERE NOT coalesce($hide IS NOT NULL AND r.actorAccountId = $hide AND r.action IN $looks, false)
     WITH r ORDER BY r.seq DESC SKIP $skip LIMIT $limit
     RETURN r {.*} AS r,
       COLLECT { MATCH (a:Account {id: r.actorAccountId}) RETURN a.displayName }[0] AS actorName,
       COLLECT { MATCH (o:Organisation {id: r.onBehalfOf}) RETURN o.name }[0] AS actorOrganisation`,
    params,
  );
  return toPage(found.map(toView), total?.n ?? 0, skip);
}

/** Every record about one client, oldest first (for the client's data export). */
export async function allAuditRecordsOfClient(tx: Tx, clientRef: string): Promise<AuditRecord[]> {
  const found = await rows<{ r: Raw }>(tx, 'MATCH (r:AuditRecord {clientRef: $clientRef}) RETURN r {.*} AS r ORDER BY r.seq', {
    clientRef,
  });
  return found.map(({ r }) => toAuditRecord(r));
}
