import type { Database } from '../driver.js';
import { auditHash, GENESIS_HASH } from './chain.js';
import { auditHead, auditRecordsAfter } from './reads.js';

export interface AuditVerification {
  ok: boolean;
  /** Records checked. */
  checked: number;
  head: { seq: number; hash: string } | null;
  /** The first record that does not fit the chain, and why. */
  broken: { seq: number; id: string | null; reason: string } | null;
}

/**
 * Walks the whole chain in order: every record must have the next sequence number, carry the hash
 * of the record before it, and hash to its own stored hash; the head must point at the last one.
 */
export async function verifyAuditChain(db: Database, batchSize = 5_000): Promise<AuditVerification> {
  const head = await db.read((tx) => auditHead(tx));
  if (!head) return { ok: true, checked: 0, head: null, broken: null };
  let expectedSeq = head.anchorSeq + 1;
  let prevHash = head.anchorSeq === 0 ? GENESIS_HASH : head.anchorHash;
  let checked = 0;
  const fail = (seq: number, id: string | null, reason: string): AuditVerification => ({
    ok: false,
    checked,
    head: { seq: head.seq, hash: head.hash },
    broken: { seq, id, reason },
  });
  for (;;) {
    // Only up to the head read at the start: records appended meanwhile are checked next time.
    const batch = await db.read((tx) => auditRecordsAfter(tx, expectedSeq - 1, head.seq, batchSize));
    for (const record of batch) {
      if (record.seq !== expectedSeq) return fail(expectedSeq, null, `record ${String(expectedSeq)} is missing`);
      if (record.prevHash !== prevHash) return fail(record.seq, record.id, 'does not carry the hash of the record before it');
      const { hash, ...unhashed } = record;
      if (auditHash(unhashed) !== hash) return fail(record.seq, record.id, 'its content does not match its hash (altered)');
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (batch.length < batchSize) break;
  }
  if (expectedSeq - 1 !== head.seq)
    return fail(expectedSeq, null, `the head says ${String(head.seq)} records, the chain ends earlier`);
  if (prevHash !== head.hash) return fail(head.seq, null, 'the head does not point at the last record');
  return { ok: true, checked, head: { seq: head.seq, hash: head.hash }, broken: null };
}
