import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@wijkkring/api';
import {
  auditHead,
  Database,
  upsertCircles,
  upsertClients,
  upsertGrants,
  upsertSupportWorkers,
  type CircleRow,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, LiveStream, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Issue 11, finding B5: an id of client data answered differently when it existed (FORBIDDEN) and
 * when it did not (null or NOT_FOUND), so anyone could learn which client and circle ids exist.
 * Every field that takes a client, circle or entry id must answer a viewer without access the
 * same for an id that exists (someone else's) as for one that does not.
 */

let db: Database;
let server: RunningServer;
let world: World;
/** A second client, with a circle of her own, who gave nobody here access. */
const other = { clientId: randomUUID(), circleId: randomUUID(), entryId: randomUUID() };
/** Support workers: one both clients gave access, one nobody did. */
const workers = { shared: randomUUID(), outsider: randomUUID() };
const sessions: Record<string, ApiSession> = {};
let outsiderAccount: TestAccount;
/** A support worker both clients gave read access. */
let sharedWorker: ApiSession;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  const otherCircle: CircleRow = {
    id: other.circleId,
    clientId: other.clientId,
    label: null,
    createdAt: '2026-05-01T10:00:00Z',
    frozenAt: null,
    entries: [
      {
        id: other.entryId,
        targetId: world.organisations.walkIn.id,
        ring: 3,
        sector: 'SOCIAL_BASE',
        position: 0,
        relation: null,
        support: [],
        wish: null,
        note: null,
      },
    ],
  };
  await db.write(async (tx) => {
    await upsertClients(tx, [{ id: other.clientId, name: `Ander ${world.tag}`, districtId: world.districtId }]);
    await upsertCircles(tx, [otherCircle]);
    await upsertSupportWorkers(
      tx,
      Object.entries(workers).map(([name, id]) => ({
        id,
        name: `Begeleider ${name} ${world.tag}`,
        organisationId: world.organisations.care.id,
        role: 'ambulant begeleider',
      })),
    );
    await upsertGrants(
      tx,
      [world.clientId, other.clientId].map((clientId) => ({
        id: randomUUID(),
        clientId,
        supportWorkerId: workers.shared,
        level: 'READ' as const,
        grantedAt: '2026-01-01T00:00:00Z',
        until: null,
      })),
    );
  });
  server = await startTestServer(db);
  sharedWorker = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: workers.shared }));
  outsiderAccount = await createAccount(db, { role: 'SUPPORT_WORKER', personId: workers.outsider });
  sessions.ANONYMOUS = new ApiSession(server);
  sessions.COORDINATOR = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
  sessions.RESEARCHER = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
  sessions['SUPPORT_WORKER without access'] = await signedIn(server, outsiderAccount);
  sessions['another CLIENT'] = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: other.clientId }));
  sessions.owner = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write((tx) =>
    tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [other.clientId, other.circleId, ...Object.values(workers)] }),
  );
  await world.remove();
  await db.close();
});

/** The viewers who may not see the world's client: each must get one answer whether an id exists or not. */
const OUTSIDERS = ['ANONYMOUS', 'COORDINATOR', 'RESEARCHER', 'SUPPORT_WORKER without access', 'another CLIENT'];

interface Probe {
  field: string;
  query: string;
  /** Variables naming the world's client data (it exists), and naming nothing (random ids). */
  existing: () => Record<string, unknown>;
  missing: () => Record<string, unknown>[];
  subscription?: boolean;
}

const entryOf = (circle: CircleRow, index = 0): string => circle.entries[index]?.id ?? '';

const PROBES: Probe[] = [
  {
    field: 'Query.client',
    query: 'query ($id: ID!) { client(id: $id) { id name } }',
    existing: () => ({ id: world.clientId }),
    missing: () => [{ id: randomUUID() }],
  },
  {
    field: 'Query.networkCircle',
    query: 'query ($id: ID!) { networkCircle(id: $id) { id entries { id } } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
  },
  {
    field: 'Query.compareCircles',
    query: 'query ($a: ID!, $b: ID!) { compareCircles(earlierId: $a, laterId: $b) { changes { kind name } } }',
    existing: () => ({ a: world.oldCircle.id, b: world.circle.id }),
    missing: () => [
      { a: randomUUID(), b: randomUUID() },
      { a: world.oldCircle.id, b: randomUUID() },
      { a: randomUUID(), b: world.circle.id },
      // The other client's own snapshot next to the world's: refused too, not "one client" (it said the ids exist).
      { a: other.circleId, b: world.circle.id },
    ],
  },
  {
    field: 'Query.circleOrganisationSearch',
    query: 'query ($id: ID!) { circleOrganisationSearch(circleId: $id, search: "") { inClientDistrict } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
  },
  {
    field: 'Subscription.circleChanged',
    query: 'subscription ($id: ID!) { circleChanged(circleId: $id) { version } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
    subscription: true,
  },
  {
    field: 'Mutation.addCircleEntry',
    query:
      'mutation ($id: ID!) { addCircleEntry(input: { circleId: $id, person: { name: "Kees" }, ring: 2, sector: "FAMILY" }) { version } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
  },
  ...(['updateCircleEntry', 'removeCircleEntry'] as const).map((name): Probe => ({
    field: `Mutation.${name}`,
    query: `mutation ($id: ID!, $e: ID!) { ${name}(input: { circleId: $id, entryId: $e, expectedVersion: 1 }) { version } }`,
    existing: () => ({ id: world.circle.id, e: entryOf(world.circle) }),
    missing: () => [
      { id: randomUUID(), e: randomUUID() },
      { id: world.circle.id, e: randomUUID() },
    ],
  })),
  {
    field: 'Mutation.moveCircleEntry',
    query:
      'mutation ($id: ID!, $e: ID!) { moveCircleEntry(input: { circleId: $id, entryId: $e, expectedVersion: 1, ring: 1, sector: "FAMILY" }) { version } }',
    existing: () => ({ id: world.circle.id, e: entryOf(world.circle) }),
    missing: () => [
      { id: randomUUID(), e: randomUUID() },
      { id: world.circle.id, e: randomUUID() },
    ],
  },
  {
    field: 'Mutation.addCircleTie',
    query:
      'mutation ($id: ID!, $a: ID!, $b: ID!) { addCircleTie(input: { circleId: $id, fromEntryId: $a, toEntryId: $b }) { version } }',
    existing: () => ({ id: world.circle.id, a: entryOf(world.circle, 0), b: entryOf(world.circle, 1) }),
    missing: () => [{ id: randomUUID(), a: randomUUID(), b: randomUUID() }],
  },
  {
    field: 'Mutation.removeCircleTie',
    query: 'mutation ($id: ID!, $t: ID!) { removeCircleTie(input: { circleId: $id, tieId: $t }) { version } }',
    existing: () => ({ id: world.circle.id, t: `${entryOf(world.circle, 0)}~${entryOf(world.circle, 1)}` }),
    missing: () => [{ id: randomUUID(), t: `${randomUUID()}~${randomUUID()}` }],
  },
  {
    field: 'Mutation.freezeCircle',
    query: 'mutation ($id: ID!) { freezeCircle(input: { circleId: $id }) { version } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
  },
  {
    field: 'Mutation.recordCirclePrint',
    query: 'mutation ($id: ID!) { recordCirclePrint(input: { circleId: $id, format: PNG }) { ok } }',
    existing: () => ({ id: world.circle.id }),
    missing: () => [{ id: randomUUID() }],
  },
];

/** A refused subscription answers with one error event at once. */
async function ask(session: ApiSession, probe: Probe, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  if (!probe.subscription) return session.graphql(probe.query, variables);
  const stream = await LiveStream.open(server, probe.query, variables, session.cookie);
  try {
    return (await stream.next(3_000)) ?? { status: stream.status, cookies: [] };
  } finally {
    stream.close();
  }
}

/** What a viewer can tell apart: status, data and every error (message, code, field, path). */
function answer(response: GraphQLResponse): unknown {
  return { status: response.status, data: response.data ?? null, errors: response.errors ?? [] };
}

async function headSeq(): Promise<number> {
  return (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
}

describe('no existence oracle for client and circle ids (issue 11)', () => {
  it('the ids probed exist: the owner sees her circle and client (issue 11)', async () => {
    const own = await sessions.owner?.graphql<{ networkCircle: { id: string }; client: { id: string } }>(
      'query ($c: ID!, $id: ID!) { networkCircle(id: $c) { id } client(id: $id) { id } }',
      { c: world.circle.id, id: world.clientId },
    );
    expect(own?.errors).toBeUndefined();
    expect(own?.data).toEqual({ networkCircle: { id: world.circle.id }, client: { id: world.clientId } });
  });

  for (const probe of PROBES) {
    it(`${probe.field} answers an unknown id exactly like someone else's (issue 11)`, async () => {
      const mismatches: string[] = [];
      for (const name of OUTSIDERS) {
        const session = sessions[name];
        if (!session) throw new Error(`no session for ${name}`);
        const existing = answer(await ask(session, probe, probe.existing()));
        const code = name === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        expect(existing, `${probe.field} as ${name}`).toMatchObject({
          errors: [{ message: expect.any(String) as unknown, extensions: { code, field: probe.field } }],
        });
        for (const variables of probe.missing()) {
          const missing = answer(await ask(session, probe, variables));
          if (JSON.stringify(missing) !== JSON.stringify(existing)) {
            mismatches.push(
              `${name}, ${JSON.stringify(variables)}: ${JSON.stringify(missing)} instead of ${JSON.stringify(existing)}`,
            );
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('records a look at a circle that does not exist as a refusal (issue 11)', async () => {
    const before = await headSeq();
    await sessions['SUPPORT_WORKER without access']?.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', {
      id: randomUUID(),
    });
    const records = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (r:AuditRecord) WHERE r.seq > $seq AND r.actorAccountId = $account
         RETURN r {.action, .subject, .result, .actorRole} AS r ORDER BY r.seq`,
        { seq: before, account: outsiderAccount.id },
      );
      return result.records.map((record) => record.get('r') as Record<string, unknown>);
    });
    expect(records).toEqual([{ action: 'READ', subject: 'NetworkCircle', result: 'DENIED', actorRole: 'SUPPORT_WORKER' }]);
  });

  it('still tells a viewer who may see both snapshots that they belong to two clients (issue 11)', async () => {
    const response = await sharedWorker.graphql(
      'query ($a: ID!, $b: ID!) { compareCircles(earlierId: $a, laterId: $b) { changes { kind } } }',
      { a: other.circleId, b: world.circle.id },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'laterId' });
  });

  it('answers the owner the same for another client’s entry id as for one that does not exist (issue 11)', async () => {
    const move = (entryId: string) =>
      sessions.owner?.graphql('mutation ($input: MoveCircleEntryInput!) { moveCircleEntry(input: $input) { version } }', {
        input: { circleId: world.circle.id, entryId, expectedVersion: 1, ring: 1, sector: 'FAMILY' },
      });
    const foreign = await move(other.entryId);
    const unknown = await move(randomUUID());
    expect(foreign?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.entryId' });
    expect(answer(unknown ?? { status: 0, cookies: [] })).toEqual(answer(foreign ?? { status: 0, cookies: [] }));
  });
});
