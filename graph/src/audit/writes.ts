import { randomUUID } from 'node:crypto';
import type { Database } from '../driver.js';
import { DomainError } from '../errors.js';
import { one, type Tx } from '../tx.js';
import { auditHash, GENESIS_HASH } from './chain.js';
import type { AuditEntry, AuditRecord } from './types.js';

/**
 * Appends records to the hash chain inside the caller's write transaction, so that a change and
 * its audit record commit together or not at all. The head node is locked by the first statement
 * until commit: appends are serialised, and sequence numbers have no gaps. Nothing in `graph`
 * updates or deletes an audit record (retention pruning aside, which leaves an anchor).
 */
export async function appendAudit(
  tx: Tx,
  entries: readonly AuditEntry[],
  now: () => Date = () => new Date(),
): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  const head = await one<{ start: number; prev: string }>(
    tx,
    `MERGE (h:AuditHead {id: 'audit'})
     ON CREATE SET h.seq = 0, h.hash = $genesis
     SET h.seq = h.seq + $n
     RETURN h.seq - $n AS start, h.hash AS prev`,
    { genesis: GENESIS_HASH, n: entries.length },
  );
  if (!head) throw new DomainError('INTEGRITY', 'The audit head could not be locked.');
  // The time is taken after the lock, so record times follow sequence numbers.
  const records = chain(entries, head.start, head.prev, now().toISOString());
  const prevHash = records[records.length - 1]?.hash ?? head.prev;
  await tx.run(
    `MATCH (h:AuditHead {id: 'audit'})
     SET h.hash = $last
     WITH h
     UNWIND $records AS r
     CREATE (a:AuditRecord)
     SET a = r`,
    { last: prevHash, records },
  );
  return records;
}

/** The end of the chain as a writer last saw it. */
export interface AuditChainEnd {
  seq: number;
  hash: string;
}

function chain(entries: readonly AuditEntry[], start: number, prev: string, at: string): AuditRecord[] {
  let prevHash = prev;
  return entries.map((entry, index): AuditRecord => {
    const unhashed = { ...entry, id: randomUUID(), seq: start + index + 1, at, prevHash };
    const record = { ...unhashed, hash: auditHash(unhashed) };
    prevHash = record.hash;
    return record;
  });
}

/**
 * The fast path for a writer that knows the end of the chain: one auto-committed statement that
 * appends only if the head is still where the writer saw it. Returns null when it moved (another writer came
 * first); the caller then uses `appendAudit`. Two writers that both saw the same end cannot both
 * succeed: the second one's records collide on the unique sequence number and its transaction fails.
 */
export async function appendAuditAfter(
  db: Database,
  entries: readonly AuditEntry[],
  end: AuditChainEnd,
  now: () => Date = () => new Date(),
): Promise<AuditRecord[] | null> {
  if (entries.length === 0) return [];
  const records = chain(entries, end.seq, end.hash, now().toISOString());
  const last = records[records.length - 1];
  // One statement, auto-committed: one round trip to the database.
  const written = await db.autoCommit<{ n: number }>(
    `MATCH (h:AuditHead {id: 'audit'})
     WHERE h.seq = $seq AND h.hash = $hash
     SET h.seq = $lastSeq, h.hash = $lastHash
     WITH h
     UNWIND $records AS r
     CREATE (a:AuditRecord)
     SET a = r
     RETURN count(a) AS n`,
    { seq: end.seq, hash: end.hash, lastSeq: last?.seq ?? end.seq, lastHash: last?.hash ?? end.hash, records },
  );
  return written[0]?.n === records.length ? records : null;
}

/**
 * Deletes records up to the newest one older than `before` (retention), by sequence number so
 * no gap is left, and keeps the last deleted record's hash and
 * number on the head, so the remaining chain still verifies from there.
 */
export async function pruneAudit(tx: Tx, before: string): Promise<number> {
  const record = await one<{ n: number }>(
    tx,
    `MATCH (h:AuditHead {id: 'audit'})
     CALL (h) {
       MATCH (r:AuditRecord) WHERE r.at < $before
       RETURN max(r.seq) AS last
     }
     WITH h, last WHERE last IS NOT NULL
     MATCH (lr:AuditRecord {seq: last})
     SET h.anchorSeq = last, h.anchorHash = lr.hash
     WITH last
     MATCH (r:AuditRecord) WHERE r.seq <= last
     DELETE r
     RETURN count(*) AS n`,
    { before },
  );
  return record?.n ?? 0;
}
