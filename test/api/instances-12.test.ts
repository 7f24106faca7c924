import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '@wijkkring/api';
import type { Database } from '@wijkkring/graph';
import { provideRedis, redisSettings, type RunningRedis } from '@wijkkring/servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import {
  ApiSession,
  LiveStream,
  signedIn,
  startTestServer,
  type GraphQLResponse,
  moveFirstEntry,
} from '../support/api-client.js';
import { createWorld, grantWorkerAccess, testDatabase, type World } from '../support/fixtures.js';

/**
 * Two API instances on one machine, one Neo4j and one Redis (issue 12). Each runs its own server
 * with its own database connection and its own bus: they share nothing in this process, so an
 * event that crosses from A to B went through Redis, and a session ended on A is seen by B only
 * because sessions live in Neo4j. Each instance keeps signed-in sessions in memory (issue 13): a
 * logout, revocation or deactivation on A reaches B at its next request through the generation the
 * two share in Redis, which these tests check too.
 */

const SUBSCRIBE = 'subscription ($id: ID!) { circleChanged(circleId: $id) { change byViewer circle { id version } } }';
const READ = 'query ($id: ID!) { networkCircle(id: $id) { id entries { id ring sector version } } }';
const LOGOUT = 'mutation { logout { ok } }';
const REVOKE = 'mutation ($g: ID!) { revokeAccess(input: { grantId: $g }) { id } }';
const SET_ACTIVE =
  'mutation ($id: ID!, $on: Boolean!) { setAccountActive(input: { accountId: $id, active: $on }) { id active } }';

interface Event {
  circleChanged: { change: string; byViewer: boolean; circle: { id: string } } | null;
}

let redisHome: string;
let redis: RunningRedis;
let dbA: Database;
let dbB: Database;
let a: RunningServer;
let b: RunningServer;
let world: World;
let clientAccount: TestAccount;
let workerAccount: TestAccount;
let adminAccount: TestAccount;

beforeAll(async () => {
  redisHome = mkdtempSync(join(tmpdir(), 'wk-redis-'));
  // Its own Redis whatever the environment says: the test stops and restarts it.
  redis = await provideRedis({ home: redisHome, log: () => undefined, settings: redisSettings({}) });
  dbA = testDatabase();
  dbB = testDatabase();
  world = await createWorld(dbA);
  a = await startTestServer(dbA, { REDIS_URL: redis.url });
  b = await startTestServer(dbB, { REDIS_URL: redis.url });
  clientAccount = await createAccount(dbA, { role: 'CLIENT', personId: world.clientId });
  workerAccount = await createAccount(dbA, { role: 'SUPPORT_WORKER', personId: world.workerId });
  adminAccount = await createAccount(dbA, { role: 'ADMIN' });
});

afterAll(async () => {
  await a.close();
  await b.close();
  await redis.stop();
  rmSync(redisHome, { recursive: true, force: true });
  await removeAccounts(dbA);
  await world.remove();
  await dbA.close();
  await dbB.close();
});

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** Moves the circle's first entry to another ring, as `session`; throws when that is refused. */
function edit(session: ApiSession): Promise<void> {
  return moveFirstEntry(session, world.circle.id);
}

/** The same browser session, talking to the other instance (as a load balancer may send it). */
function onInstance(session: ApiSession, server: RunningServer): ApiSession {
  const moved = new ApiSession(server);
  moved.cookie = session.cookie;
  return moved;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('two API instances, one Neo4j, one Redis (issue 12)', () => {
  it('sends an edit made on A to a subscriber on B (issue 12)', async () => {
    const grantId = await grantWorkerAccess(dbA, world, 'READ');
    const worker = await signedIn(b, workerAccount);
    const client = await signedIn(a, clientAccount);
    const stream = await LiveStream.open(b, SUBSCRIBE, { id: world.circle.id }, worker.cookie);
    try {
      expect(stream.status).toBe(200);
      await settle();
      await edit(client);
      const event = await stream.next<Event>(5_000);
      expect(event?.errors).toBeUndefined();
      expect(event?.data?.circleChanged).toMatchObject({
        change: 'ENTRY_MOVED',
        byViewer: false,
        circle: { id: world.circle.id },
      });
    } finally {
      stream.close();
      await client.graphql(REVOKE, { g: grantId });
    }
  });

  it('honours a logout on A at the next request on B, and ends B’s open stream (issue 12)', async () => {
    const onA = await signedIn(a, clientAccount);
    const onB = onInstance(onA, b);
    const laptop = await signedIn(a, clientAccount);
    // One session, both instances: it lives in Neo4j, not in either process.
    expect(codeOf(await onB.graphql(READ, { id: world.circle.id }))).toBeUndefined();
    const stream = await LiveStream.open(b, SUBSCRIBE, { id: world.circle.id }, onB.cookie);
    try {
      await settle();
      await edit(laptop);
      expect((await stream.next<Event>(5_000))?.data?.circleChanged?.circle.id).toBe(world.circle.id);
      expect(codeOf(await onA.graphql(LOGOUT))).toBeUndefined();
      expect(codeOf(await onB.graphql(READ, { id: world.circle.id }))).toBe('UNAUTHENTICATED');
      await edit(laptop);
      const last = await stream.next<Event>(5_000);
      expect(last?.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(last?.data?.circleChanged ?? null).toBeNull();
      expect(await stream.next(2_000)).toBeUndefined();
      expect(stream.ended).toBe(true);
      await edit(laptop);
      expect(await stream.next(1_500)).toBeUndefined();
    } finally {
      stream.close();
    }
  });

  it('honours a grant revoked on A at the next request on B (issue 12)', async () => {
    const grantId = await grantWorkerAccess(dbA, world, 'READ');
    const worker = await signedIn(b, workerAccount);
    const client = await signedIn(a, clientAccount);
    expect(codeOf(await worker.graphql(READ, { id: world.circle.id }))).toBeUndefined();
    expect(codeOf(await client.graphql(REVOKE, { g: grantId }))).toBeUndefined();
    expect(codeOf(await worker.graphql(READ, { id: world.circle.id }))).toBe('FORBIDDEN');
  });

  it('refuses on B an account an admin turned off on A (issue 12)', async () => {
    const account = await createAccount(dbA, { role: 'CLIENT', personId: world.clientId });
    const onB = await signedIn(b, account);
    const admin = await signedIn(a, adminAccount);
    expect(codeOf(await onB.graphql(READ, { id: world.circle.id }))).toBeUndefined();
    const off = await admin.graphql<{ setAccountActive: { active: boolean } }>(SET_ACTIVE, { id: account.id, on: false });
    expect(off.data?.setAccountActive.active).toBe(false);
    expect(codeOf(await onB.graphql(READ, { id: world.circle.id }))).toBe('UNAUTHENTICATED');
    await expect(signedIn(b, account)).rejects.toThrow(/login failed/);
  });

  it('keeps serving while Redis is away, and live updates resume when it is back (issue 12)', async () => {
    const phone = await signedIn(b, clientAccount);
    const laptop = await signedIn(a, clientAccount);
    const stream = await LiveStream.open(b, SUBSCRIBE, { id: world.circle.id }, phone.cookie);
    try {
      await settle();
      const port = Number(new URL(redis.url).port);
      await redis.stop();
      // Both instances go on answering, edits included; the event of this edit is lost, nothing else.
      await edit(laptop);
      expect(codeOf(await phone.graphql(READ, { id: world.circle.id }))).toBeUndefined();
      redis = await provideRedis({ home: redisHome, port, log: () => undefined, settings: redisSettings({}) });
      // ioredis reconnects (and subscribes again) on its own schedule: edit until an event arrives.
      let event: GraphQLResponse<Event> | undefined;
      for (let attempt = 0; attempt < 15 && !event; attempt += 1) {
        await edit(laptop);
        event = await stream.next<Event>(1_000);
      }
      expect(event?.data?.circleChanged?.circle.id).toBe(world.circle.id);
    } finally {
      stream.close();
    }
  });
});
