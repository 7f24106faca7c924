import type { IncomingMessage } from 'node:http';
import { appendAudit, type AccountProfile, type AuditAction, type AuditResult, type Database, type Tx } from '@wijkkring/graph';
import type { Env } from '../env.js';

/** Where a request comes from: the socket, or the first X-Forwarded-For hop behind a trusted proxy. */
export function originOfHttp(req: IncomingMessage, env: Env): string | null {
  if (env.trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? null;
}

/**
 * The audited path of an endpoint outside GraphQL (the import upload): `work` and its record
 * commit in one transaction, like `auditedWrite`; a refusal is recorded the same way with no
 * work, so the audit review's "repeated refusals" sees it too. No client data is involved.
 */
export async function httpAuditedWrite<T>(
  db: Database,
  env: Env,
  req: IncomingMessage,
  account: AccountProfile | null,
  record: { subject: string; action: AuditAction; result: AuditResult; detail: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.write(async (tx) => {
    const value = await work(tx);
    await appendAudit(tx, [
      {
        actorAccountId: account?.id ?? null,
        actorRole: account?.role ?? null,
        actorLabel: null,
        onBehalfOf: account && account.role !== 'CLIENT' ? account.organisationId : null,
        clientRef: null,
        subject: record.subject,
        action: record.action,
        result: record.result,
        origin: originOfHttp(req, env),
        detail: record.detail,
      },
    ]);
    return value;
  });
}
