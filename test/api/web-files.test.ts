import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { RunningServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startTestServer } from '../support/api-client.js';

/**
 * The web app's files as the server serves them. A file that goes away while the server runs (a
 * new build or a deploy writing over web/dist) used to end the whole process with an unhandled
 * stream error; it now fails that one response (issue 14: found when a build ran beside the
 * browser tests).
 */

let db: Database;
let server: RunningServer;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'wk-web-dist-'));
  const page = '<!doctype html><html lang="nl"><title>Wijkkring</title><p>Hallo</p></html>';
  writeFileSync(join(dist, 'index.html'), page);
  writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(page));
  db = new Database(inject('neo4j'));
  server = await startTestServer(db, { WEB_DIST: dist });
});

afterAll(async () => {
  await server.close();
  await db.close();
  rmSync(dist, { recursive: true, force: true });
});

/** One GET with Brotli accepted: the status, or 'failed' when the connection ended without an answer. */
function get(path: string): Promise<number | 'failed'> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { 'accept-encoding': 'br' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve('failed'));
      res.on('aborted', () => resolve('failed'));
    });
    req.on('error', () => resolve('failed'));
    req.end();
  });
}

describe('the web app files (issue 14)', () => {
  it('serves the page, and stays up when one of its files disappears after the start (issue 14)', async () => {
    expect(await get('/')).toBe(200);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    unlinkSync(join(dist, 'index.html.br'));
    // That one answer fails (its headers were already on their way) ...
    expect(await get('/')).not.toBe(200);
    expect(logged.mock.calls.some(([message]) => String(message).includes('a file of the web app could not be read'))).toBe(true);
    logged.mockRestore();
    // ... and the server is still there for the next request.
    expect(await get('/healthz')).toBe(200);
  });
});
