import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../driver.js';
import { one, rows, type Tx } from '../tx.js';
import { auditHash } from './chain.js';
import { auditHead, toAuditRecord } from './reads.js';
import type { AuditEntry, AuditRecord } from './types.js';
import { verifyAuditChain, type AuditVerification } from './verify.js';
import { appendAudit, pruneAudit } from './writes.js';

/*
 * The audit chain is one per database, shared with every other test. Records appended here stay:
 * deleting them would break the chain for everyone. Tampering is undone at once (in `finally`), and
 * every tampered record is one this file just appended, so it is the first broken record even if
 * others append after it. Pruning is only ever done inside transactions that are rolled back.
 */

const db = new Database(inject('neo4j'));
const RUN = `audit-int-${randomUUID().slice(0, 8)}`;

function entries(n: number): AuditEntry[] {
  return Array.from({ length: n }, (_, index) => ({
    actorAccountId: null,
    actorRole: 'ADMIN',
    actorLabel: null,
    onBehalfOf: null,
    clientRef: null,
    subject: 'IntegrationTest',
    action: 'READ',
    result: 'SUCCESS',
    origin: '127.0.0.1',
    detail: `${RUN} #${String(index)}`,
  }));
}

async function append(n: number): Promise<AuditRecord[]> {
  return db.write((tx) => appendAudit(tx, entries(n)));
}

/** A stored record's properties as they are (absent where null). */
async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const found = await db.read((tx) =>
    one<{ r: Record<string, unknown> }>(tx, 'MATCH (r:AuditRecord {id: $id}) RETURN r {.*} AS r', { id }),
  );
  return found?.r;
}

beforeAll(async () => {
  // The chain must be whole before this file starts, or every assertion below would be about someone else's damage.
  await append(1);
  const before = await verifyAuditChain(db);
  expect(before.broken).toBeNull();
});
afterAll(async () => {
  await db.close();
});

describe('appending to the audit chain (issue 3)', () => {
  it('numbers records without gaps, links each to the one before, and hashes what it stores', async () => {
    const first = await append(3);
    const second = await append(2);
    const all = [...first, ...second];
    for (const [index, record] of all.entries()) {
      const { hash, ...unhashed } = record;
      expect(hash).toBe(auditHash(unhashed));
      expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
      if (index > 0 && index !== first.length) {
        expect(record.seq).toBe((all[index - 1]?.seq ?? 0) + 1);
        expect(record.prevHash).toBe(all[index - 1]?.hash);
      }
    }
    // The second append continues from whatever record came last before it.
    const head = second[0];
    const previous = await db.read((tx) =>
      one<{ hash: string }>(tx, 'MATCH (r:AuditRecord {seq: $seq}) RETURN r.hash AS hash', { seq: (head?.seq ?? 0) - 1 }),
    );
    expect(head?.prevHash).toBe(previous?.hash);
    // What is stored is exactly what was hashed.
    for (const record of all) {
      const raw = await stored(record.id);
      expect(raw && toAuditRecord(raw)).toEqual(record);
    }
    expect(new Date(first[0]?.at ?? '').toISOString()).toBe(first[0]?.at);
  });

  it('serialises concurrent appends: no two records share a number and the chain stays whole', async () => {
    const batches = await Promise.all(Array.from({ length: 6 }, () => append(2)));
    const seqs = batches.flat().map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const verification = await verifyAuditChain(db);
    expect(verification.broken).toBeNull();
    expect(verification.ok).toBe(true);
    expect(verification.head?.seq).toBeGreaterThanOrEqual(Math.max(...seqs));
  });

  it('verifies a whole chain, and counts every record from the start (or the anchor) to the head', async () => {
    const records = await append(2);
    const verification = await verifyAuditChain(db, 7);
    const head = await db.read((tx) => auditHead(tx));
    expect(verification).toMatchObject({ ok: true, broken: null });
    expect(verification.head?.seq).toBeGreaterThanOrEqual(records[1]?.seq ?? Infinity);
    expect(verification.checked).toBe((verification.head?.seq ?? 0) - (head?.anchorSeq ?? 0));
  });
});

describe('tampering is found (issue 3)', () => {
  it('names the seq and id of a record whose content was altered', async () => {
    const records = await append(3);
    const target = records[2] as AuditRecord;
    await db.write((tx) => tx.run("MATCH (r:AuditRecord {id: $id}) SET r.detail = 'x'", { id: target.id }));
    try {
      const verification = await verifyAuditChain(db);
      expect(verification.ok).toBe(false);
      expect(verification.broken).toEqual({ seq: target.seq, id: target.id, reason: expect.stringMatching(/altered/) as string });
    } finally {
      await db.write((tx) =>
        tx.run('MATCH (r:AuditRecord {id: $id}) SET r.detail = $detail', { id: target.id, detail: target.detail }),
      );
    }
    expect((await verifyAuditChain(db)).broken).toBeNull();
  });

  it('finds a record whose stored hash was replaced by a correct hash of altered content (the next link breaks)', async () => {
    const records = await append(3);
    const target = records[1] as AuditRecord;
    const forged = { ...target, detail: 'vervalst' };
    const { hash: _old, ...unhashed } = forged;
    await db.write((tx) =>
      tx.run('MATCH (r:AuditRecord {id: $id}) SET r.detail = $detail, r.hash = $hash', {
        id: target.id,
        detail: forged.detail,
        hash: auditHash(unhashed),
      }),
    );
    try {
      const verification = await verifyAuditChain(db);
      expect(verification.ok).toBe(false);
      expect(verification.broken).toMatchObject({ seq: records[2]?.seq, id: records[2]?.id });
      expect(verification.broken?.reason).toMatch(/hash of the record before/);
    } finally {
      await db.write((tx) =>
        tx.run('MATCH (r:AuditRecord {id: $id}) SET r.detail = $detail, r.hash = $hash', {
          id: target.id,
          detail: target.detail,
          hash: target.hash,
        }),
      );
    }
    expect((await verifyAuditChain(db)).broken).toBeNull();
  });

  /** Deletes one record, checks what verification says, and puts the record back exactly. */
  async function withDeleted(target: AuditRecord, check: (verification: AuditVerification) => void): Promise<void> {
    const original = await stored(target.id);
    await db.write((tx) => tx.run('MATCH (r:AuditRecord {id: $id}) DELETE r', { id: target.id }));
    try {
      const verification = await verifyAuditChain(db);
      expect(verification.ok).toBe(false);
      check(verification);
    } finally {
      await db.write((tx) => tx.run('CREATE (r:AuditRecord) SET r = $original', { original }));
    }
    expect((await verifyAuditChain(db)).broken).toBeNull();
  }

  it('reports a deleted record as missing, by its number', async () => {
    const target = (await append(3))[1] as AuditRecord;
    await withDeleted(target, (verification) =>
      expect(verification.broken).toEqual({ seq: target.seq, id: null, reason: `record ${String(target.seq)} is missing` }),
    );
  });

  it('reports the newest record deleted as a chain that ends before the head', async () => {
    const target = (await append(2))[1] as AuditRecord;
    await withDeleted(target, (verification) => expect(verification.broken?.seq).toBe(target.seq));
  });

  it('reports a head whose hash was changed', async () => {
    await append(1);
    // Changed and verified inside one write transaction that is rolled back, never committed: the
    // head stays locked meanwhile, so an append by another test file or process waits instead of
    // chaining from the fake hash (issue 12: a committed fake head once broke a shared database).
    class Rollback extends Error {}
    const connection = inject('neo4j');
    let changed: { seq: number; hash: string } | undefined;
    let verification: AuditVerification | undefined;
    await db
      .write(async (tx) => {
        changed = await one<{ seq: number; hash: string }>(
          tx,
          "MATCH (h:AuditHead {id: 'audit'}) WITH h, h.hash AS hash SET h.hash = $fake RETURN h.seq AS seq, hash",
          { fake: 'f'.repeat(64) },
        );
        class InThisTransaction extends Database {
          override read<T>(work: (inner: Tx) => Promise<T>): Promise<T> {
            return work(tx);
          }
        }
        const view = new InThisTransaction(connection);
        try {
          verification = await verifyAuditChain(view);
        } finally {
          await view.close();
        }
        throw new Rollback('undo the fake head');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(verification?.ok).toBe(false);
    expect(verification?.broken).toMatchObject({ seq: changed?.seq, reason: expect.stringMatching(/head/) as string });
    expect((await verifyAuditChain(db)).broken).toBeNull();
  });

  it('verifies consistently while records are being appended (the head read first is the end of the walk)', async () => {
    // A database handle that lets another request append right after verification has read the head.
    class AppendAfterHead extends Database {
      private appended = false;
      override async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
        const result = await super.read(work);
        if (!this.appended) {
          this.appended = true;
          await db.write((tx) => appendAudit(tx, entries(1)));
        }
        return result;
      }
    }
    const racing = new AppendAfterHead(inject('neo4j'));
    try {
      const verification = await verifyAuditChain(racing);
      expect(verification.broken).toBeNull();
      expect(verification.ok).toBe(true);
    } finally {
      await racing.close();
    }
  });
});

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

/** Runs work in a write transaction and rolls it back, returning what the work returned. */
async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.write(async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('unreachable');
}

describe('retention pruning (issue 3)', () => {
  it('prunes nothing when no record is older than the cut-off, and leaves head and chain alone', async () => {
    await append(2);
    const head = await db.read((tx) => auditHead(tx));
    const pruned = await db.write((tx) => pruneAudit(tx, '1970-01-01T00:00:00.000Z'));
    expect(pruned).toBe(0);
    const after = await db.read((tx) => auditHead(tx));
    expect({ anchorSeq: after?.anchorSeq, anchorHash: after?.anchorHash }).toEqual({
      anchorSeq: head?.anchorSeq,
      anchorHash: head?.anchorHash,
    });
    expect((await verifyAuditChain(db)).broken).toBeNull();
  });

  it('deletes every record older than the cut-off and anchors the chain at the last one it deleted (rolled back)', async () => {
    const [first, second] = await append(2);
    if (!first || !second) throw new Error('append returned too few records');
    const seen = await rolledBack(async (tx) => {
      const olderThanFirst = await one<{ n: number; last: number | null }>(
        tx,
        'MATCH (r:AuditRecord) WHERE r.at < $before RETURN count(r) AS n, max(r.seq) AS last',
        { before: first.at },
      );
      const lastOld = await one<{ hash: string }>(tx, 'MATCH (r:AuditRecord {seq: $seq}) RETURN r.hash AS hash', {
        seq: olderThanFirst?.last ?? -1,
      });
      const pruned = await pruneAudit(tx, first.at);
      const head = await auditHead(tx);
      const left = await rows<{ seq: number }>(tx, 'MATCH (r:AuditRecord) WHERE r.seq <= $seq RETURN r.seq AS seq', {
        seq: head?.anchorSeq ?? 0,
      });
      const mine = await rows<{ id: string }>(tx, 'MATCH (r:AuditRecord) WHERE r.id IN $ids RETURN r.id AS id', {
        ids: [first.id, second.id],
      });
      return { olderThanFirst, lastOld, pruned, head, left, mine };
    });
    // Something older than this file's records exists: the beforeAll appended one.
    expect(seen.olderThanFirst?.n).toBeGreaterThan(0);
    expect(seen.pruned).toBe(seen.olderThanFirst?.n);
    expect(seen.head?.anchorSeq).toBe(seen.olderThanFirst?.last);
    expect(seen.head?.anchorSeq).toBe(first.seq - 1);
    expect(seen.head?.anchorHash).toBe(seen.lastOld?.hash);
    expect(seen.head?.anchorHash).toBe(first.prevHash);
    expect(seen.left).toEqual([]);
    expect(seen.mine.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    // Rolled back: nothing was deleted for real.
    expect(await stored(first.id)).toBeDefined();
    expect((await db.read((tx) => auditHead(tx)))?.anchorSeq).not.toBe(first.seq - 1);
  });

  it('verifies the remaining chain from the anchor after pruning (every read sees the pruned state, rolled back)', async () => {
    const [first] = await append(2);
    if (!first) throw new Error('append returned no record');
    const full = await verifyAuditChain(db);
    expect(full.broken).toBeNull();
    // Each read of the verification runs in its own transaction that prunes first and is rolled back.
    class PrunedView extends Database {
      override async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
        return rolledBack(async (tx) => {
          await pruneAudit(tx, (first as AuditRecord).at);
          return work(tx);
        });
      }
    }
    const view = new PrunedView(inject('neo4j'));
    try {
      const verification = await verifyAuditChain(view, 3);
      expect(verification.broken).toBeNull();
      expect(verification.ok).toBe(true);
      expect(verification.checked).toBeLessThan(full.checked);
      expect(verification.checked).toBe((verification.head?.seq ?? 0) - (first.seq - 1));
    } finally {
      await view.close();
    }
    // And a pruned chain whose anchor does not match is caught: the first remaining record is named.
    class WrongAnchor extends Database {
      override async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
        return rolledBack(async (tx) => {
          await pruneAudit(tx, (first as AuditRecord).at);
          await tx.run("MATCH (h:AuditHead {id: 'audit'}) SET h.anchorHash = $fake", { fake: 'e'.repeat(64) });
          return work(tx);
        });
      }
    }
    const wrong = new WrongAnchor(inject('neo4j'));
    try {
      const verification = await verifyAuditChain(wrong);
      expect(verification.ok).toBe(false);
      expect(verification.broken).toMatchObject({ seq: first.seq, id: first.id });
    } finally {
      await wrong.close();
    }
  });
});
