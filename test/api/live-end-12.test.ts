import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import type { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import {
  LiveStream,
  signedIn,
  startTestServer,
  type ApiSession,
  type GraphQLResponse,
  moveFirstEntry,
} from '../support/api-client.js';
import { createWorld, grantWorkerAccess, testDatabase, type World } from '../support/fixtures.js';

/**
 * A live stream ends when its viewer loses access (issue 12, finding of the outside probe): after a
 * logout or a revoked grant the stream sends at most one refusal and completes, so the former viewer
 * no longer learns when the circle changes.
 */

const SUBSCRIBE = 'subscription ($id: ID!) { circleChanged(circleId: $id) { change version circle { id version } } }';
const READ = 'query ($id: ID!) { networkCircle(id: $id) { entries { id ring sector version } } }';
const LOGOUT = 'mutation { logout { ok } }';
const REVOKE = 'mutation ($g: ID!) { revokeAccess(input: { grantId: $g }) { id } }';

interface Event {
  circleChanged: { change: string; version: number; circle: { id: string } } | null;
}

let db: Database;
let world: World;
let server: RunningServer;
/** Re-checks an open stream often, to show that a stream ends even when nothing changes. */
let quickServer: RunningServer;
let clientAccount: TestAccount;
let workerAccount: TestAccount;

beforeAll(async () => {
  db = testDatabase();
  world = await createWorld(db);
  // The usual interval: the streams below end because of an event, not because of the timer.
  server = await startTestServer(db, { LIVE_RECHECK_MS: '600000' });
  quickServer = await startTestServer(db, { LIVE_RECHECK_MS: '200' });
  clientAccount = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
  workerAccount = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
});

afterAll(async () => {
  await server.close();
  await quickServer.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

/** Moves the circle's first entry to another ring, as `session`; throws when that is refused. */
function edit(session: ApiSession): Promise<void> {
  return moveFirstEntry(session, world.circle.id);
}

/** The stream is live: an edit reaches it (so a silent stream later means something). */
async function expectLive(stream: LiveStream, editor: ApiSession): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  await edit(editor);
  const event = await stream.next<Event>(5_000);
  expect(event?.errors).toBeUndefined();
  expect(event?.data?.circleChanged?.circle.id).toBe(world.circle.id);
}

/** The one refusal a stream ends with: the code, and nothing about the circle. */
async function expectEndsWith(stream: LiveStream, code: string): Promise<void> {
  const last = await stream.next<Event>(5_000);
  expect(last?.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(last?.data?.circleChanged ?? null).toBeNull();
  expect(await stream.next(2_000)).toBeUndefined();
  expect(stream.ended).toBe(true);
}

async function deniedCount(): Promise<number> {
  const result = await db.read((tx) =>
    tx.run(
      "MATCH (r:AuditRecord {clientRef: $ref}) WHERE r.result = 'DENIED' AND r.subject = 'Subscription.circleChanged' RETURN count(r) AS n",
      { ref: clientRef(DEVELOPMENT_PSEUDONYM_KEY, world.clientId) },
    ),
  );
  return Number(result.records[0]?.get('n') ?? 0);
}

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

describe('a live stream ends when access ends (issue 12)', () => {
  it('ends after logout (issue 12): one UNAUTHENTICATED, then the stream completes and later edits send nothing', async () => {
    const phone = await signedIn(server, clientAccount);
    const laptop = await signedIn(server, clientAccount);
    const stream = await LiveStream.open(server, SUBSCRIBE, { id: world.circle.id }, phone.cookie);
    try {
      expect(stream.status).toBe(200);
      await expectLive(stream, laptop);
      expect((await phone.graphql<{ logout: { ok: boolean } }>(LOGOUT)).data?.logout.ok).toBe(true);
      await edit(laptop);
      await expectEndsWith(stream, 'UNAUTHENTICATED');
      await edit(laptop);
      expect(await stream.next(1_500)).toBeUndefined();
    } finally {
      stream.close();
    }
  });

  it('ends after a revoked grant (issue 12): one FORBIDDEN, recorded as denied, then nothing', async () => {
    const grantId = await grantWorkerAccess(db, world, 'READ');
    const client = await signedIn(server, clientAccount);
    const worker = await signedIn(server, workerAccount);
    const stream = await LiveStream.open(server, SUBSCRIBE, { id: world.circle.id }, worker.cookie);
    try {
      expect(stream.status).toBe(200);
      await expectLive(stream, client);
      expect(codeOf(await client.graphql(REVOKE, { g: grantId }))).toBeUndefined();
      const denied = await deniedCount();
      await edit(client);
      await expectEndsWith(stream, 'FORBIDDEN');
      expect(await deniedCount()).toBe(denied + 1);
      await edit(client);
      expect(await stream.next(1_500)).toBeUndefined();
      // The worker's session itself goes on: only the circle is gone from view.
      expect(codeOf(await worker.graphql(READ, { id: world.circle.id }))).toBe('FORBIDDEN');
    } finally {
      stream.close();
    }
  });

  it('ends after logout even when nothing changes (issue 12), without sending anything', async () => {
    const phone = await signedIn(quickServer, clientAccount);
    const laptop = await signedIn(quickServer, clientAccount);
    const stream = await LiveStream.open(quickServer, SUBSCRIBE, { id: world.circle.id }, phone.cookie);
    try {
      await expectLive(stream, laptop);
      await phone.graphql(LOGOUT);
      expect(await stream.next(5_000)).toBeUndefined();
      expect(stream.ended).toBe(true);
      await edit(laptop);
      expect(await stream.next(1_500)).toBeUndefined();
    } finally {
      stream.close();
    }
  });
});
