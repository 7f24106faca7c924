import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeCsvBytes, IMPORT_LIMITS, IMPORT_UPLOAD_TTL_MS, storeImportUpload, type Database } from '@wijkkring/graph';
import { parseCookies, resumeSession, SESSION_COOKIE } from '../auth/sessions.js';
import { httpAuditedWrite } from '../audit/http-audit.js';
import type { Env } from '../env.js';
import { hasCsrfHeader, readBodyWithin } from '../hardening.js';

export const IMPORT_UPLOAD_PATH = '/import/sociale-kaart';

/** A refused upload, as the audit log records it. */
const REFUSED = { subject: 'SocialMap', action: 'CREATE', result: 'DENIED', detail: 'import upload refused' } as const;
const nothing = (): Promise<void> => Promise.resolve();

const MEDIA_TYPES = new Set(['text/csv', 'application/octet-stream', 'application/vnd.ms-excel', 'text/plain']);

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal in the shape of a GraphQL error, as the rest of the API answers. */
function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  answer(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/** The file name the browser sent (`x-file-name`, URI-encoded), cut short; only shown back to the admin. */
function fileNameOf(req: IncomingMessage): string | null {
  const raw = req.headers['x-file-name'];
  if (typeof raw !== 'string' || raw.length === 0) return null;
  try {
    return decodeURIComponent(raw)
      .replace(/\p{Cc}/gu, '')
      .slice(0, 120);
  } catch {
    return null;
  }
}

/**
 * POST /import/sociale-kaart with the file's bytes as the body (issue 11): the sociale kaart is too
 * big for a GraphQL request (100 KiB). The same rules as /graphql: the CSRF header, the session
 * cookie of a fully signed-in ADMIN. The file is stored as a staged import for an hour, as text
 * (lines that are not UTF-8 are kept as a list, so the dry run can name them); the answer is its
 * id, for `socialMapImportPreview` and `applySocialMapImport`. Nothing is parsed or written to the
 * social map here.
 */
export async function importUpload(db: Database, env: Env, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Send the file with POST.', { allow: 'POST' });
    return;
  }
  if (!hasCsrfHeader(req.headers)) {
    refuse(res, 403, 'CSRF_HEADER_MISSING', 'Missing the x-wijkkring-csrf header.');
    return;
  }
  const now = Date.now();
  const token = parseCookies(req.headers.cookie ?? null).get(SESSION_COOKIE) ?? null;
  const view = token ? await resumeSession(db, env, token, now) : undefined;
  if (view?.session.stage !== 'FULL') {
    await httpAuditedWrite(db, env, req, null, REFUSED, nothing);
    refuse(res, 401, 'UNAUTHENTICATED', 'Sign in first.');
    return;
  }
  if (view.account.role !== 'ADMIN') {
    await httpAuditedWrite(db, env, req, view.account, REFUSED, nothing);
    refuse(res, 403, 'FORBIDDEN', 'You are not allowed to see or do this.');
    return;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!MEDIA_TYPES.has(mediaType)) {
    refuse(res, 415, 'INVALID_INPUT', 'Send the file as text/csv or application/octet-stream.');
    return;
  }
  const body = await readBodyWithin(req, IMPORT_LIMITS.maxBytes);
  if (body === undefined) {
    refuse(res, 413, 'REQUEST_TOO_LARGE', `The file is larger than ${String(IMPORT_LIMITS.maxBytes / 1024 / 1024)} MiB.`, {
      connection: 'close',
    });
    return;
  }
  const decoded = decodeCsvBytes(body);
  const id = randomUUID();
  const expiresAt = new Date(now + IMPORT_UPLOAD_TTL_MS).toISOString();
  const sha256 = createHash('sha256').update(body).digest('hex');
  // Stored and recorded together: the log says who brought which file (its hash), not what is in it.
  await httpAuditedWrite(
    db,
    env,
    req,
    view.account,
    {
      subject: 'SocialMap',
      action: 'CREATE',
      result: 'SUCCESS',
      detail: `import upload ${id}, sha256 ${sha256}, ${String(body.length)} bytes`,
    },
    (tx) =>
      storeImportUpload(tx, {
        id,
        accountId: view.account.id,
        fileName: fileNameOf(req),
        text: decoded.text,
        badLines: decoded.badLines,
        sha256,
        bytes: body.length,
        createdAt: new Date(now).toISOString(),
        expiresAt,
      }),
  );
  answer(res, 201, { uploadId: id, expiresAt, bytes: body.length });
}
