import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { auditHead, Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer } from '../support/api-client.js';
import { createWorld, grantWorkerAccess, type World } from '../support/fixtures.js';

/**
 * NEN 7513 asks for every attempt on a client's record, in that client's trail. These are the
 * gaps an outside probe found (issue 11, finding B4), each closed.
 */
let db: Database;
let server: RunningServer;
let world: World;
let client: ApiSession;
let editor: ApiSession;
let ref: string;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  await grantWorkerAccess(db, world, 'EDIT');
  server = await startTestServer(db);
  client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  editor = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, world.clientId);
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

interface Row {
  action: string;
  subject: string;
  result: string;
  actorRole: string | null;
  detail: string | null;
}

async function headSeq(): Promise<number> {
  return (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
}

/** Records about this test's client written after `seq`. */
async function clientRecordsSince(seq: number): Promise<Row[]> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (r:AuditRecord) WHERE r.seq > $seq AND r.clientRef = $ref
       RETURN r {.action, .subject, .result, .actorRole, .detail} AS r ORDER BY r.seq`,
      { seq, ref },
    );
    return result.records.map((record) => record.get('r') as Row);
  });
}

const CIRCLE = 'query ($id: ID!) { networkCircle(id: $id) { id } }';
const CLIENT = 'query ($id: ID!) { client(id: $id) { id name } }';

describe('the audit trail has no gaps (issue 11)', () => {
  it('attributes a refusal of a role without any access to the client whose circle or record was asked for (issue 11)', async () => {
    const coordinator = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
    const researcher = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
    const admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
    const anonymous = new ApiSession(server);
    const cases: [ApiSession, string, string, Record<string, unknown>, string][] = [
      [anonymous, 'ANONYMOUS', CIRCLE, { id: world.circle.id }, 'UNAUTHENTICATED'],
      [coordinator, 'COORDINATOR', CIRCLE, { id: world.circle.id }, 'FORBIDDEN'],
      [researcher, 'RESEARCHER', CLIENT, { id: world.clientId }, 'FORBIDDEN'],
      [admin, 'ADMIN', CIRCLE, { id: world.oldCircle.id }, 'FORBIDDEN'],
    ];
    for (const [session, role, query, variables, code] of cases) {
      const before = await headSeq();
      const response = await session.graphql(query, variables);
      expect(response.errors?.[0]?.extensions?.code, role).toBe(code);
      const records = await clientRecordsSince(before);
      expect(records, role).toHaveLength(1);
      expect(records[0], role).toMatchObject({ action: 'READ', result: 'DENIED', actorRole: role === 'ANONYMOUS' ? null : role });
    }
  });

  it('answers an unknown id exactly like an existing one, and records it without a client (issue 11)', async () => {
    const admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
    const known = await admin.graphql(CIRCLE, { id: world.circle.id });
    const unknown = await admin.graphql(CIRCLE, { id: randomUUID() });
    expect(unknown.errors).toEqual(known.errors);
    expect(unknown.data).toEqual(known.data);
  });

  it('puts a successful organisation search in a client’s circle in that client’s trail (issue 11)', async () => {
    const before = await headSeq();
    const response = await editor.graphql<{ circleOrganisationSearch: unknown[] }>(
      'query ($c: ID!) { circleOrganisationSearch(circleId: $c, search: "") { organisation { id } } }',
      { c: world.circle.id },
    );
    expect(response.errors).toBeUndefined();
    expect(await clientRecordsSince(before)).toEqual([
      expect.objectContaining({ action: 'SEARCH', subject: 'Organisation', result: 'SUCCESS', actorRole: 'SUPPORT_WORKER' }),
    ]);
  });

  it('keeps a record of an edit that passed the access check and then failed, attributed to the client (issue 11)', async () => {
    const entries = await client.graphql<{ networkCircle: { entries: { id: string }[] } }>(
      'query ($id: ID!) { networkCircle(id: $id) { entries { id } } }',
      { id: world.circle.id },
    );
    const first = entries.data?.networkCircle.entries[0]?.id;
    if (!first) throw new Error('the test circle has no entries');
    const before = await headSeq();
    const response = await editor.graphql(
      'mutation ($input: AddCircleTieInput!) { addCircleTie(input: $input) { tie { id } } }',
      { input: { circleId: world.circle.id, fromEntryId: first, toEntryId: randomUUID() } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await clientRecordsSince(before)).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        subject: 'CircleTie',
        result: 'FAILED',
        detail: 'NOT_FOUND',
        actorRole: 'SUPPORT_WORKER',
      }),
    ]);
    // The client sees the failed attempt in their own trail.
    const trail = await client.graphql<{ myAuditTrail: { nodes: { action: string; result: string }[] } }>(
      '{ myAuditTrail(first: 5) { nodes { action result } } }',
    );
    expect(trail.data?.myAuditTrail.nodes).toContainEqual({ action: 'CREATE', result: 'FAILED' });
  });

  it('records a refused edit once, as DENIED, and nothing as written (issue 11)', async () => {
    const outsider = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER' }));
    const before = await headSeq();
    const response = await outsider.graphql(
      'mutation ($input: FreezeCircleInput!) { freezeCircle(input: $input) { snapshot { id } } }',
      { input: { circleId: world.circle.id } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const records = await clientRecordsSince(before);
    expect(records.map((r) => r.result)).toEqual(['DENIED']);
  });
});
