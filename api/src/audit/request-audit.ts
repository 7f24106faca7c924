import { createHmac } from 'node:crypto';
import { appendAudit, type AuditWriter, type AuditAction, type AuditEntry, type AuditResult, type Tx } from '@wijkkring/graph';
import type { Viewer } from '../viewer.js';

/** A keyed pseudonym for a client in the audit log: stable, not reversible without the key. */
export function clientRef(key: string, clientId: string): string {
  return createHmac('sha256', key).update(`client:${clientId}`).digest('base64url').slice(0, 32);
}

export interface AuditNote {
  clientId: string | null;
  subject: string;
  action: AuditAction;
  result: AuditResult;
  detail?: string | null;
  /** A failed login names the account that was tried, though nobody is signed in. */
  actorAccountId?: string | null;
}

/**
 * The audit records of one request. Reads are noted while the operation resolves and written in
 * one transaction before the response leaves (see the plugin in server.ts); if that write fails,
 * the response carries no data. Changes write their records inside their own transaction with
 * `inTx`, so a change and its record commit together.
 */
export class RequestAudit {
  private readonly pending = new Map<string, AuditEntry>();
  /** The last record `inTx` wrote, until its transaction is known to have committed. */
  private written: { seq: number; hash: string } | null = null;
  /** The operation's name as the document gives it (see `auditedOperationName`), set before it runs. */
  private operation: string | null = null;

  constructor(
    private readonly writer: AuditWriter,
    private readonly pseudonymKey: string,
    private viewer: Viewer,
    private readonly origin: string | null,
  ) {}

  /** The server sets it from the parsed document before execution, never from what the client sent (issue 11). */
  setOperation(name: string | null): void {
    this.operation = name;
  }

  /** After login or logout the actor of later records changes. */
  setViewer(viewer: Viewer): void {
    this.viewer = viewer;
  }

  ref(clientId: string): string {
    return clientRef(this.pseudonymKey, clientId);
  }

  entry(note: AuditNote, actorLabel: string | null = null): AuditEntry {
    const account = this.viewer.kind === 'account' ? this.viewer.account : null;
    return {
      actorAccountId: note.actorAccountId !== undefined ? note.actorAccountId : (account?.id ?? null),
      actorRole: account?.role ?? null,
      actorLabel,
      onBehalfOf: account?.role === 'CLIENT' ? null : (account?.organisationId ?? null),
      clientRef: note.clientId === null ? null : this.ref(note.clientId),
      subject: note.subject,
      action: note.action,
      result: note.result,
      origin: this.origin,
      detail: note.detail ?? this.operation,
    };
  }

  /** Notes a record to be written before the response; one per client, action and result. */
  note(note: AuditNote): void {
    const key = `${note.clientId ?? '-'}|${note.action}|${note.result}`;
    if (!this.pending.has(key)) this.pending.set(key, this.entry(note));
  }

  hasNotes(): boolean {
    return this.pending.size > 0;
  }

  /** Writes records inside a transaction the caller runs (changes and their records commit together). */
  async inTx(tx: Tx, notes: readonly AuditNote[], actorLabel: string | null = null): Promise<void> {
    const records = await appendAudit(
      tx,
      notes.map((n) => this.entry(n, actorLabel)),
    );
    const last = records[records.length - 1];
    if (last) this.written = { seq: last.seq, hash: last.hash };
  }

  /** After the caller's transaction committed: the read path's writer learns where the chain ends now. */
  committed(): void {
    if (this.written) this.writer.advance(this.written);
    this.written = null;
  }

  /** Writes everything noted; throws when the log cannot be written. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    await this.writer.append(entries);
  }
}
