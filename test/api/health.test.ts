import type { RunningServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { signedIn, startTestServer, type ApiSession } from '../support/api-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const neo = inject('neo4j');
const proxy = TcpProxy.forBolt(neo.uri);
let db: Database;
let server: RunningServer;
let admin: ApiSession;

beforeAll(async () => {
  await proxy.open();
  db = new Database({ ...neo, uri: proxy.uri }, { acquisitionTimeoutMs: 2_000 });
  server = await startTestServer(db);
  admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
});
afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.close();
  await proxy.cut();
});

async function healthz(): Promise<{ status: number; body: { status: string; neo4j: { version: string } | null } }> {
  const response = await fetch(`http://127.0.0.1:${String(server.port)}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string; neo4j: { version: string } | null } };
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('health and a database that goes away (issue 2)', () => {
  it('says 200 with the Neo4j version while the database answers', async () => {
    const health = await healthz();
    expect(health.status).toBe(200);
    expect(health.body.neo4j?.version).toMatch(/^5\.26\./);
  });

  it('stays up, answers DATABASE_UNAVAILABLE and 503, and recovers by itself', async () => {
    await proxy.cut();
    const down = await admin.graphql('{ districts(first: 1) { nodes { id } } }');
    expect(down.status).toBe(200);
    expect(down.data ?? null).toBeNull();
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).not.toMatch(/bolt|neo4j|ECONN/i);
    expect((await healthz()).status).toBe(503);

    await proxy.open();
    const health = await eventually(healthz, (h) => h.status === 200);
    expect(health.status).toBe(200);
    const up = await eventually(
      () => admin.graphql('{ districts(first: 1) { pageInfo { totalCount } } }'),
      (r) => r.errors === undefined,
    );
    expect(up.errors).toBeUndefined();
  });
});
