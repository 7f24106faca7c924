import { DomainError, type AuditAction, type Tx } from '@wijkkring/graph';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { SESSION_NEUTRAL_SUBJECTS } from '../auth/session-cache.js';
import type { AuditNote } from './request-audit.js';

/** What the audit record of a change says. `work` may fill in `clientId` or `detail` once it knows them. */
export interface WriteRecord {
  subject: string;
  action: AuditAction;
  /** The client the change is about (kept as a pseudonym in the log), or null. */
  clientId?: string | null;
  /** A change that touches several clients (an erasure, a merge): one record for each of them, instead of `clientId`. */
  clientIds?: readonly string[];
  /** A short reason; defaults to the operation's name. Never personal data. */
  detail?: string | null;
  /** For a failed login and the like: the name that was tried. */
  actorLabel?: string | null;
}

/**
 * Codes whose attempt is on record already: refusals of the access check or the session (DENIED),
 * wrong credentials (the sign-in path records each as a failed LOGIN), or nothing was attempted.
 */
const NOT_ATTEMPTED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'AUDIT_UNAVAILABLE', 'INVALID_CREDENTIALS']);

function codeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof GraphQLError) {
    const code = error.extensions.code;
    return typeof code === 'string' ? code : 'ERROR';
  }
  return 'ERROR';
}

function clientsOf(record: WriteRecord): (string | null)[] {
  return record.clientIds && record.clientIds.length > 0 ? [...record.clientIds] : [record.clientId ?? null];
}

/**
 * The one path for every change and its audit record (issue 11): `work` runs inside one write
 * transaction, and the SUCCESS record is appended in the same transaction, so the change and its
 * record commit together or not at all; afterwards the read path's audit writer learns where the
 * chain ends. When the change fails after it was attempted (it passed the access check, then
 * found an unknown entry, a conflict, a frozen snapshot...), the transaction rolls back and a
 * FAILED record, attributed to the same client, is written before the response leaves, so NEN
 * 7513's "every attempt" holds. A refusal by the access check is recorded there, as DENIED.
 */
export async function auditedWrite<T>(
  context: Context,
  record: WriteRecord,
  work: (tx: Tx, record: WriteRecord) => Promise<T>,
): Promise<T> {
  let value: T;
  try {
    value = await context.db.write(async (tx) => {
      const result = await work(tx, record);
      await context.audit.inTx(
        tx,
        clientsOf(record).map((clientId) => ({
          clientId,
          subject: record.subject,
          action: record.action,
          result: 'SUCCESS' as const,
          detail: record.detail ?? null,
        })),
        record.actorLabel ?? null,
      );
      return result;
    });
  } catch (error) {
    const code = codeOf(error);
    if (!NOT_ATTEMPTED.has(code)) {
      for (const clientId of clientsOf(record))
        context.audit.note({ clientId, subject: record.subject, action: record.action, result: 'FAILED', detail: code });
    }
    throw error;
  }
  context.audit.committed();
  // Before the answer leaves: a revoked grant or a turned-off account holds at the next request, on every instance (issue 13).
  if (!SESSION_NEUTRAL_SUBJECTS.has(record.subject)) await context.sessions.changed();
  return value;
}

/**
 * An attempt that changed nothing but must be on record before the answer leaves: a refused or
 * failed login, a refusal a resolver found itself. Its own transaction, committed at once (the
 * request may end in an error, and the record must stay); the read path's writer learns where the
 * chain ends, as after any change.
 */
export async function recordAttempt(context: Context, note: AuditNote, actorLabel: string | null = null): Promise<void> {
  await context.db.write((tx) => context.audit.inTx(tx, [note], actorLabel));
  context.audit.committed();
}
