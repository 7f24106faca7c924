import type { IncomingMessage } from 'node:http';
import { appendAudit, type AccountProfile, type Database } from '@wijkkring/graph';
import type { Env } from '../env.js';

/** Where a plain HTTP request came from: the socket, or the first X-Forwarded-For hop behind a trusted proxy. */
export function originOfHttp(req: IncomingMessage, env: Env): string | null {
  if (env.trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? null;
}

/**
 * A refusal at an endpoint outside GraphQL (the import upload): recorded like the access policy
 * records one, so the audit review's "repeated refusals" sees it too. No client data is involved.
 */
export async function recordHttpRefusal(
  db: Database,
  env: Env,
  req: IncomingMessage,
  account: AccountProfile | null,
  refusal: { subject: string; detail: string },
): Promise<void> {
  await db.write((tx) =>
    appendAudit(tx, [
      {
        actorAccountId: account?.id ?? null,
        actorRole: account?.role ?? null,
        actorLabel: null,
        onBehalfOf: account && account.role !== 'CLIENT' ? account.organisationId : null,
        clientRef: null,
        subject: refusal.subject,
        action: 'CREATE',
        result: 'DENIED',
        origin: originOfHttp(req, env),
        detail: refusal.detail,
      },
    ]),
  );
}
