import type { IncomingMessage, ServerResponse } from 'node:http';
import { EGO_TABLES, exportEgoTable, Pseudonymiser, studySalt, type Database } from '@wijkkring/graph';
import { Zip, ZipDeflate } from 'fflate';
import { parseCookies, resumeSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { Env } from '../env.js';
import { readTicket, sessionHash } from './tickets.js';

export const EGO_DOWNLOAD_PATH = '/export/ego-network/';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

/**
 * GET /export/ego-network/<ticket>: the three egor tables as one zip, streamed while Neo4j reads.
 * The ticket (from `startEgoNetworkExport`, which checked the policy and wrote the audit record)
 * must be valid, unexpired, and belong to the session this request carries; the account must still
 * be a researcher. Backpressure: each line waits for the socket when its buffer is full.
 */
export async function egoNetworkDownload(db: Database, env: Env, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const now = Date.now();
  const path = (req.url ?? '').split('?')[0] ?? '';
  const ticket = readTicket(env.secretKey, decodeURIComponent(path.slice(EGO_DOWNLOAD_PATH.length)), now);
  const token = parseCookies(req.headers.cookie ?? null).get(SESSION_COOKIE) ?? null;
  if (req.method !== 'GET' || !ticket || !token || sessionHash(token) !== ticket.session) {
    refuse(res, 403, 'Deze download is verlopen of niet van jou. Vraag hem opnieuw aan.');
    return;
  }
  const view = await resumeSession(db, env, token, now);
  if (view?.session.stage !== 'FULL' || view.account.id !== ticket.accountId || view.account.role !== 'RESEARCHER') {
    refuse(res, 403, 'Deze download is verlopen of niet van jou. Vraag hem opnieuw aan.');
    return;
  }
  const salt = ticket.studyId === null ? ticket.salt : await db.read((tx) => studySalt(tx, ticket.studyId ?? ''));
  if (salt === undefined) {
    refuse(res, 404, 'Deze studie bestaat niet meer.');
    return;
  }
  const pseudonyms = new Pseudonymiser(env.researchKey, salt);
  const stamp = new Date(now).toISOString().slice(0, 10);
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="wijkkring-egonetwerken-${stamp}.zip"`,
    'cache-control': 'no-store',
  });
  const zip = new Zip((error, chunk) => {
    if (error) {
      res.destroy(error);
      return;
    }
    res.write(chunk);
  });
  const drained = (): Promise<void> =>
    res.writableNeedDrain ? new Promise((resolve) => res.once('drain', () => resolve())) : Promise.resolve();
  let attempts = 0;
  try {
    await db.read(async (tx) => {
      // A retried transaction would write the files again into a response already under way.
      attempts += 1;
      if (attempts > 1) throw new Error('the export cannot be retried halfway');
      for (const table of EGO_TABLES) {
        // Level 1: most of deflate's gain on CSV at a fraction of level 6's time (the export is CPU-bound).
        const file = new ZipDeflate(`${table}.csv`, { level: 1 });
        zip.add(file);
        const encoder = new TextEncoder();
        let buffered: string[] = [];
        let size = 0;
        const flush = async (): Promise<void> => {
          if (buffered.length === 0) return;
          file.push(encoder.encode(buffered.join('')));
          buffered = [];
          size = 0;
          await drained();
        };
        await exportEgoTable(tx, table, pseudonyms, env.analysisK, async (line) => {
          buffered.push(line);
          size += line.length;
          if (size >= 64 * 1024) await flush();
        });
        await flush();
        file.push(new Uint8Array(0), true);
      }
    });
    zip.end();
    res.end();
  } catch (error) {
    console.error('[api] ego-network export failed', error);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
