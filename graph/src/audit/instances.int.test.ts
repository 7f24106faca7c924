import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { Database } from '../driver.js';
import { DomainError } from '../errors.js';
import { rows } from '../tx.js';
import { auditHash } from './chain.js';
import { auditRecordsAfter } from './reads.js';
import type { AuditEntry } from './types.js';
import { AuditWriter } from './writer.js';
import { appendAudit } from './writes.js';

/*
 * Two API instances append to the one audit chain: each has its own driver and its own AuditWriter,
 * which remembers where the chain ended after its last append and appends after that end without
 * locking (one statement). The other instance moves the chain in between, so those guesses are
 * stale. Records appended here stay (the chain is shared with every other test). The check walks
 * the stretch of the chain these appends span (others' records in it included), not the whole
 * chain: damage elsewhere in the shared database is not this test's subject.
 */

const connection = inject('neo4j');
const instanceA = new Database(connection);
const instanceB = new Database(connection);
/** Changes (a circle edit, a login) append under the head lock, in their own transaction. */
const changes = new Database(connection);
const RUN = `audit-instances-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await Promise.all([instanceA.close(), instanceB.close(), changes.close()]);
});

function entries(n: number, who: string): AuditEntry[] {
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
    detail: `${RUN} ${who} #${String(index)}`,
  }));
}

describe('the audit chain under two API instances (issue 12)', () => {
  it('stays one chain: a stale end collides on the sequence number and falls back to the lock, never forks', async () => {
    const writerA = new AuditWriter(instanceA);
    const writerB = new AuditWriter(instanceB);
    // The unlocked appends (the only auto-commit statements here), watched to know the race was run.
    const fastPaths = [vi.spyOn(instanceA, 'autoCommit'), vi.spyOn(instanceB, 'autoCommit')];
    // Each writer learns an end of the chain; from here on each one's guess is stale after the other appends.
    await writerA.append(entries(1, 'A'));
    await writerB.append(entries(1, 'B'));
    let sent = 2;
    for (let round = 0; round < 12; round += 1) {
      const a = 1 + (round % 3);
      const b = 1 + ((round + 1) % 2);
      await Promise.all([
        writerA.append(entries(a, 'A')),
        writerB.append(entries(b, 'B')),
        writerA.append(entries(1, 'A')),
        changes.write((tx) => appendAudit(tx, entries(1, 'C'))),
      ]);
      sent += a + b + 2;
    }
    const mine = await changes.read((tx) =>
      rows<{ seq: number; prevHash: string }>(
        tx,
        'MATCH (r:AuditRecord) WHERE r.detail STARTS WITH $run RETURN r.seq AS seq, r.prevHash AS prevHash',
        { run: RUN },
      ),
    );
    expect(mine).toHaveLength(sent);
    // A fork would show as two records after the same one, or two with one number.
    expect(new Set(mine.map((r) => r.seq)).size).toBe(sent);
    expect(new Set(mine.map((r) => r.prevHash)).size).toBe(sent);
    // Stale guesses happened: the head had moved before the statement (nothing appended), or moved
    // while it waited for the head and its first record collided with the other's (CONFLICT).
    const settled = fastPaths.flatMap((spy) => spy.mock.settledResults);
    const moved = settled.filter((s) => s.type === 'fulfilled' && (s.value[0] as { n?: number } | undefined)?.n === 0).length;
    const collided = settled.filter(
      (s) => s.type === 'rejected' && s.value instanceof DomainError && s.value.code === 'CONFLICT',
    ).length;
    expect(moved + collided).toBeGreaterThan(0);
    // The stretch from the first of these records to the last links up: numbers without gaps, each
    // record carrying the hash of the one before, each hash matching its content.
    const seqs = mine.map((r) => r.seq);
    const from = Math.min(...seqs);
    const to = Math.max(...seqs);
    const stretch = await changes.read((tx) => auditRecordsAfter(tx, from - 1, to, to - from + 1));
    expect(stretch.map((r) => r.seq)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    stretch.forEach((record, index) => {
      const { hash, ...unhashed } = record;
      expect(auditHash(unhashed), `record ${String(record.seq)}`).toBe(hash);
      if (index > 0) expect(record.prevHash, `record ${String(record.seq)}`).toBe(stretch[index - 1]?.hash);
    });
  });
});
