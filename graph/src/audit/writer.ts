import type { Database } from '../driver.js';
import { DomainError } from '../errors.js';
import type { AuditEntry } from './types.js';
import { appendAudit, appendAuditAfter, type AuditChainEnd } from './writes.js';

interface Waiting {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends the audit records of read requests (changes write theirs in their own transaction).
 * Requests that arrive while a write is under way are appended together in the next transaction
 * (group commit), and the writer remembers the end of the chain, so an append is one statement
 * and one commit. When another writer (a change, another API instance) moved the chain, the
 * append falls back to locking the head. A request's promise settles only when its records are
 * committed; if they cannot be, it rejects and the request fails.
 */
export class AuditWriter {
  private end: AuditChainEnd | null = null;
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Database) {}

  /**
   * A change committed records of its own (under the head lock): remember where the chain ends
   * now, so the next read's append stays one statement. Chain ends are ordered by `seq`; the
   * highest one seen is kept, and a stale guess only costs one fallback to the locking path.
   */
  advance(end: AuditChainEnd): void {
    if (!this.end || end.seq > this.end.seq) this.end = end;
  }

  append(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.write(batch.flatMap((w) => w.entries));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.running = false;
  }

  private async write(entries: AuditEntry[]): Promise<void> {
    const end = this.end;
    if (end) {
      try {
        const records = await appendAuditAfter(this.db, entries, end);
        const last = records?.[records.length - 1];
        if (last) {
          this.advance({ seq: last.seq, hash: last.hash });
          return;
        }
      } catch (error) {
        // Another writer took the same sequence number first; fall back to the locking path.
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    this.end = null;
    const records = await this.db.write((tx) => appendAudit(tx, entries));
    const last = records[records.length - 1];
    if (last) this.advance({ seq: last.seq, hash: last.hash });
  }
}
