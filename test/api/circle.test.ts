import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { Database, upsertClients, upsertCircles, upsertGrants, upsertSupportWorkers } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { LiveStream, signedIn, startTestServer, type ApiSession, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Drawing the netwerkcirkel through the API (issue 4): every mutation with good and bad input,
 * edit conflicts, refusals, audit records, the compare query and the live stream.
 */

let queries = 0;
let db: Database;
let server: RunningServer;
let world: World;
let client: ApiSession;
/** Has an EDIT grant from the world's client. */
let editor: ApiSession;
/** Has a READ grant only. */
let reader: ApiSession;
let coordinator: ApiSession;
const readerId = randomUUID();
const stranger = { clientId: randomUUID(), circleId: randomUUID() };

beforeAll(async () => {
  db = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
  world = await createWorld(db);
  await db.write(async (tx) => {
    await upsertSupportWorkers(tx, [
      { id: readerId, name: `Lezer ${world.tag}`, organisationId: world.organisations.team.id, role: 'ambulant begeleider' },
    ]);
    await upsertClients(tx, [{ id: stranger.clientId, name: `Vreemde ${world.tag}`, districtId: world.districtId }]);
    await upsertCircles(tx, [
      {
        id: stranger.circleId,
        clientId: stranger.clientId,
        label: null,
        createdAt: '2026-05-01T10:00:00Z',
        frozenAt: null,
        entries: [],
      },
    ]);
    const grant = (supportWorkerId: string, level: 'READ' | 'EDIT') => ({
      id: randomUUID(),
      clientId: world.clientId,
      supportWorkerId,
      level,
      grantedAt: '2026-01-01T00:00:00Z',
      until: null,
    });
    await upsertGrants(tx, [grant(world.workerId, 'EDIT'), grant(readerId, 'READ')]);
  });
  server = await startTestServer(db);
  client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  editor = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  reader = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: readerId }));
  coordinator = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [readerId, ...Object.values(stranger)] });
  });
  await world.remove();
  await db.close();
});

interface Entry {
  id: string;
  ring: number;
  sector: string;
  version: number;
  relation: string | null;
  support: string[];
  frequency: string | null;
  wish: string | null;
  note: string | null;
  target: { __typename: string; id: string; name: string };
}
interface Circle {
  id: string;
  version: number;
  editable: boolean;
  frozenAt: string | null;
  entries: Entry[];
  ties: { id: string; fromEntryId: string; toEntryId: string }[];
  signals: { kind: string; offers: { organisationName: string }[] }[];
}

const ENTRY = `id ring sector version relation support frequency wish note
  target { __typename ... on CirclePerson { id name } ... on Organisation { id name } }`;
const CIRCLE = `id version editable frozenAt entries { ${ENTRY} } ties { id fromEntryId toEntryId } signals { kind offers { organisationName } }`;
const ADD = `mutation ($input: AddCircleEntryInput!) { addCircleEntry(input: $input) { version entry { ${ENTRY} } circle { ${CIRCLE} } } }`;
const MOVE = `mutation ($input: MoveCircleEntryInput!) { moveCircleEntry(input: $input) { version entry { ${ENTRY} } } }`;
const UPDATE = `mutation ($input: UpdateCircleEntryInput!) { updateCircleEntry(input: $input) { entry { ${ENTRY} } } }`;
const REMOVE = `mutation ($input: RemoveCircleEntryInput!) { removeCircleEntry(input: $input) { entry { id } circle { ${CIRCLE} } } }`;
const TIE = `mutation ($input: AddCircleTieInput!) { addCircleTie(input: $input) { tie { id } circle { ties { id } } } }`;
const UNTIE = `mutation ($input: RemoveCircleTieInput!) { removeCircleTie(input: $input) { tie { id } } }`;
const FREEZE = `mutation ($input: FreezeCircleInput!) { freezeCircle(input: $input) { snapshot { id frozenAt label editable entries { id } } circle { id frozenAt editable } } }`;
const READ = `query ($id: ID!) { networkCircle(id: $id) { ${CIRCLE} } }`;

async function read(session: ApiSession = client): Promise<Circle> {
  const response = await session.graphql<{ networkCircle: Circle }>(READ, { id: world.circle.id });
  if (!response.data?.networkCircle) throw new Error(JSON.stringify(response.errors));
  return response.data.networkCircle;
}

async function add(session: ApiSession, input: Record<string, unknown>) {
  return session.graphql<{ addCircleEntry: { version: number; entry: Entry; circle: Circle } }>(ADD, {
    input: { circleId: world.circle.id, ring: 3, sector: 'FRIENDS_NEIGHBOURS', ...input },
  });
}

function codeOf(response: GraphQLResponse): string {
  const error = response.errors?.[0];
  if (!error) return 'OK';
  return `${error.extensions?.code ?? 'NONE'}${error.extensions?.field ? `@${error.extensions.field}` : ''}`;
}

async function auditCount(action: string, result = 'SUCCESS', clientId = world.clientId): Promise<number> {
  const found = await db.read((tx) =>
    tx.run('MATCH (r:AuditRecord {clientRef: $ref}) WHERE r.action = $action AND r.result = $result RETURN count(r) AS n', {
      ref: clientRef(DEVELOPMENT_PSEUDONYM_KEY, clientId),
      action,
      result,
    }),
  );
  return Number(found.records[0]?.get('n') ?? 0);
}

describe('adding to a circle (issue 4)', () => {
  it('adds a person and an organisation, answers with the entry and the circle, and records each', async () => {
    const before = await auditCount('CREATE');
    const person = await add(client, {
      person: { name: 'Kees' },
      relation: 'buurman',
      support: ['PRACTICAL'],
      frequency: 'WEEKLY',
    });
    expect(codeOf(person)).toBe('OK');
    expect(person.data?.addCircleEntry.entry).toMatchObject({ ring: 3, relation: 'buurman', frequency: 'WEEKLY', version: 1 });
    expect(person.data?.addCircleEntry.circle.entries.map((e) => e.target.name)).toContain('Kees');
    const org = await add(editor, { organisationId: world.organisations.walkIn.id, ring: 4, sector: 'PROFESSIONALS' });
    expect(org.data?.addCircleEntry.entry.target).toMatchObject({
      __typename: 'Organisation',
      id: world.organisations.walkIn.id,
    });
    // The walk-in is spoor 1: the "no sociale basis" signal is gone from the circle in the answer.
    expect(org.data?.addCircleEntry.circle.signals.map((s) => s.kind)).not.toContain('NO_SOCIAL_BASE');
    expect(await auditCount('CREATE')).toBe(before + 2);
  });

  it('refuses bad input with a stable code and field, and writes nothing', async () => {
    const before = (await read()).entries.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ person: { name: 'Kees' }, ring: 9 }, 'INVALID_INPUT@input.ring'],
      [{ person: { name: 'Kees' }, sector: 'NEIGHBOURS' }, 'INVALID_INPUT@input.sector'],
      [{ person: { name: 'Kees' }, note: 'x'.repeat(281) }, 'INVALID_INPUT@input.note'],
      [{ person: { name: '' } }, 'INVALID_INPUT@input.person.name'],
      [{ person: { name: 'Kees 06-12345678' } }, 'CONTACT_DETAILS_NOT_ALLOWED@input.person.name'],
      [{ person: { name: 'Kees' }, note: 'mail kees@example.nl' }, 'CONTACT_DETAILS_NOT_ALLOWED@input.note'],
      [{ person: { name: 'Kees' }, relation: 'buurman +31 30 123 4567' }, 'CONTACT_DETAILS_NOT_ALLOWED@input.relation'],
      [{ person: { name: 'Kees' }, organisationId: world.organisations.gp.id }, 'INVALID_INPUT@input.person'],
      [{}, 'INVALID_INPUT@input.person'],
      [{ organisationId: randomUUID() }, 'NOT_FOUND@input.organisationId'],
      [{ personId: world.sisterId }, 'CONFLICT@input.personId'],
      [{ person: { name: 'Kees' }, circleId: 'not-a-uuid' }, 'INVALID_INPUT@input.circleId'],
      // A circle that does not exist is refused like someone else's (issue 11).
      [{ person: { name: 'Kees' }, circleId: randomUUID() }, 'FORBIDDEN@Mutation.addCircleEntry'],
    ];
    const answers = await Promise.all(cases.map(async ([input]) => codeOf(await add(client, input))));
    expect(answers).toEqual(cases.map(([, code]) => code));
    expect((await read()).entries.length).toBe(before);
  });
});

describe('changing entries (issue 4)', () => {
  it('moves, updates and removes; a stale version is told EDIT_CONFLICT and changes nothing', async () => {
    const added = (await add(client, { person: { name: 'Els' } })).data?.addCircleEntry.entry;
    if (!added) throw new Error('not added');
    const moved = await editor.graphql<{ moveCircleEntry: { entry: Entry } }>(MOVE, {
      input: { circleId: world.circle.id, entryId: added.id, expectedVersion: 1, ring: 1, sector: 'FAMILY' },
    });
    expect(moved.data?.moveCircleEntry.entry).toMatchObject({ ring: 1, sector: 'FAMILY', version: 2 });
    // The client's screen still shows version 1.
    const stale = await client.graphql(MOVE, {
      input: { circleId: world.circle.id, entryId: added.id, expectedVersion: 1, ring: 4, sector: 'FAMILY' },
    });
    expect(codeOf(stale)).toBe('EDIT_CONFLICT@input.expectedVersion');
    expect((await read()).entries.find((e) => e.id === added.id)).toMatchObject({ ring: 1, version: 2 });

    const updated = await client.graphql<{ updateCircleEntry: { entry: Entry } }>(UPDATE, {
      input: {
        circleId: world.circle.id,
        entryId: added.id,
        expectedVersion: 2,
        name: 'Elsje',
        relation: 'tante',
        support: ['EMOTIONAL'],
        wish: 'MORE_CONTACT',
        note: 'zondag bellen',
      },
    });
    expect(updated.data?.updateCircleEntry.entry).toMatchObject({
      relation: 'tante',
      wish: 'MORE_CONTACT',
      version: 3,
      target: { name: 'Elsje' },
    });
    const contact = await client.graphql(UPDATE, {
      input: { circleId: world.circle.id, entryId: added.id, expectedVersion: 3, note: 'bel 0612345678' },
    });
    expect(codeOf(contact)).toBe('CONTACT_DETAILS_NOT_ALLOWED@input.note');

    const removed = await client.graphql<{ removeCircleEntry: { circle: Circle } }>(REMOVE, {
      input: { circleId: world.circle.id, entryId: added.id, expectedVersion: 3 },
    });
    expect(removed.data?.removeCircleEntry.circle.entries.some((e) => e.id === added.id)).toBe(false);
  });

  it('refuses an unknown ring, a foreign entry id and a removed entry', async () => {
    const [first] = (await read()).entries;
    if (!first) throw new Error('empty circle');
    const move = (input: Record<string, unknown>) =>
      client.graphql(MOVE, {
        input: {
          circleId: world.circle.id,
          entryId: first.id,
          expectedVersion: first.version,
          ring: 1,
          sector: 'FAMILY',
          ...input,
        },
      });
    expect(codeOf(await move({ ring: 0 }))).toBe('INVALID_INPUT@input.ring');
    expect(codeOf(await move({ sector: 'family' }))).toBe('INVALID_INPUT@input.sector');
    expect(codeOf(await move({ entryId: world.oldCircle.entries[0]?.id }))).toBe('NOT_FOUND@input.entryId');
    expect(codeOf(await move({ entryId: randomUUID() }))).toBe('NOT_FOUND@input.entryId');
    expect(codeOf(await move({ expectedVersion: -1 }))).toBe('INVALID_INPUT@input.expectedVersion');
  });

  it('ties two entries and unties them', async () => {
    const [a, b] = (await read()).entries;
    if (!a || !b) throw new Error('need two entries');
    const tied = await editor.graphql<{ addCircleTie: { tie: { id: string }; circle: { ties: { id: string }[] } } }>(TIE, {
      input: { circleId: world.circle.id, fromEntryId: a.id, toEntryId: b.id },
    });
    const tieId = tied.data?.addCircleTie.tie.id ?? '';
    expect(tied.data?.addCircleTie.circle.ties.map((t) => t.id)).toContain(tieId);
    expect(codeOf(await client.graphql(TIE, { input: { circleId: world.circle.id, fromEntryId: a.id, toEntryId: a.id } }))).toBe(
      'INVALID_INPUT@input.toEntryId',
    );
    expect(codeOf(await client.graphql(UNTIE, { input: { circleId: world.circle.id, tieId } }))).toBe('OK');
    expect(codeOf(await client.graphql(UNTIE, { input: { circleId: world.circle.id, tieId } }))).toBe('NOT_FOUND@input.tieId');
    expect(codeOf(await client.graphql(UNTIE, { input: { circleId: world.circle.id, tieId: 'x~y' } }))).toBe(
      'INVALID_INPUT@input.tieId',
    );
  });
});

describe('who may change a circle (issue 4)', () => {
  it('refuses a read-only begeleider, a coordinator, another client and anyone signed out, records the refusal, and writes nothing', async () => {
    const circle = await read();
    const [first] = circle.entries;
    if (!first) throw new Error('empty circle');
    const deniedBefore = await auditCount('UPDATE', 'DENIED');
    const input = { circleId: world.circle.id, entryId: first.id, expectedVersion: first.version, ring: 1, sector: 'FAMILY' };
    expect(codeOf(await reader.graphql(MOVE, { input }))).toBe('FORBIDDEN@Mutation.moveCircleEntry');
    expect(codeOf(await coordinator.graphql(MOVE, { input }))).toMatch(/^FORBIDDEN/);
    const signedOut = await (await import('../support/api-client.js')).graphql(server, MOVE, { input });
    expect(codeOf(signedOut)).toMatch(/^UNAUTHENTICATED/);
    expect(codeOf(await add(reader, { person: { name: 'Kees' } }))).toBe('FORBIDDEN@Mutation.addCircleEntry');
    expect(codeOf(await client.graphql(MOVE, { input: { ...input, circleId: stranger.circleId } }))).toBe(
      'FORBIDDEN@Mutation.moveCircleEntry',
    );
    // The read-only begeleider, the coordinator and the signed-out caller named this client's circle: all three refusals are in its trail (issue 11).
    expect(await auditCount('UPDATE', 'DENIED')).toBe(deniedBefore + 3);
    expect((await read()).entries.find((e) => e.id === first.id)).toMatchObject({ ring: first.ring, version: first.version });
    // The read-only begeleider sees the circle, but not as editable.
    expect((await read(reader)).editable).toBe(false);
    expect((await read(editor)).editable).toBe(true);
  });
});

describe('reading a circle (issue 4)', () => {
  it('returns entries, ties and signals with one round trip for the circle (plus the session and the audit record)', async () => {
    // A change that may alter sessions (a grant) makes the next request look its session up again (issue 13).
    const consent = await client.graphql('mutation { setAnalysisConsent(input: { consent: false }) { id } }');
    expect(consent.errors).toBeUndefined();
    const before = queries;
    const circle = await read(editor);
    expect(circle.entries.length).toBeGreaterThan(0);
    expect(Array.isArray(circle.signals)).toBe(true);
    // Session lookup, the circle with entries, ties and signals, the audit record.
    expect(queries - before).toBe(3);
    // The next read takes the session from memory (issue 13): the circle and the audit record.
    const again = queries;
    await read(editor);
    expect(queries - again).toBe(2);
  });

  it('keeps a read after an edit at three statements: the edit tells the audit writer where the chain ends', async () => {
    const [first] = (await read()).entries;
    if (!first) throw new Error('empty circle');
    const moved = await client.graphql(MOVE, {
      input: {
        circleId: world.circle.id,
        entryId: first.id,
        expectedVersion: first.version,
        ring: first.ring,
        sector: first.sector,
      },
    });
    expect(codeOf(moved)).toBe('OK');
    const before = queries;
    await read(editor);
    // The circle and the audit record; the session is in memory (a move cannot change a session, issue 13).
    expect(queries - before).toBe(2);
  });

  it('compares two snapshots: joined, closer, unchanged', async () => {
    const response = await client.graphql<{
      compareCircles: { changes: { kind: string; name: string; fromRing: number | null; toRing: number | null }[] };
    }>('query ($a: ID!, $b: ID!) { compareCircles(earlierId: $a, laterId: $b) { changes { kind name fromRing toRing } } }', {
      a: world.oldCircle.id,
      b: world.circle.id,
    });
    const changes = response.data?.compareCircles.changes ?? [];
    expect(changes.find((c) => c.name === 'Fatima')).toMatchObject({ kind: 'CLOSER', fromRing: 3, toRing: 2 });
    expect(changes.find((c) => c.name === `Begeleider ${world.tag}`)?.kind).toBe('JOINED');
    const foreign = await client.graphql(
      'query ($a: ID!, $b: ID!) { compareCircles(earlierId: $a, laterId: $b) { changes { kind } } }',
      {
        a: stranger.circleId,
        b: world.circle.id,
      },
    );
    // Another client's snapshot is refused before the rule of one client is looked at (issue 11).
    expect(codeOf(foreign)).toBe('FORBIDDEN@Query.compareCircles');
  });

  it('finds organisations in the client’s wijk first', async () => {
    const response = await editor.graphql<{
      circleOrganisationSearch: { organisation: { id: string }; inClientDistrict: boolean }[];
    }>(
      'query ($id: ID!, $s: String!) { circleOrganisationSearch(circleId: $id, search: $s, first: 50) { organisation { id } inClientDistrict } }',
      {
        id: world.circle.id,
        s: world.tag,
      },
    );
    const found = response.data?.circleOrganisationSearch ?? [];
    expect(found.map((m) => m.organisation.id).sort()).toEqual(
      Object.values(world.organisations)
        .map((o) => o.id)
        .sort(),
    );
    expect(found.every((m) => m.inClientDistrict)).toBe(true);
    expect(
      codeOf(
        await reader.graphql('query ($id: ID!) { circleOrganisationSearch(circleId: $id, search: "") { inClientDistrict } }', {
          id: world.circle.id,
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it('records a print', async () => {
    const before = await auditCount('PRINT');
    const response = await client.graphql(
      'mutation ($input: RecordCirclePrintInput!) { recordCirclePrint(input: $input) { ok } }',
      {
        input: { circleId: world.circle.id, format: 'PDF' },
      },
    );
    expect(codeOf(response)).toBe('OK');
    expect(await auditCount('PRINT')).toBe(before + 1);
  });
});

describe('drawing together, live (issue 4)', () => {
  const SUBSCRIBE = `subscription ($id: ID!) { circleChanged(circleId: $id) { change version byViewer entryId circle { id version entries { id ring } } } }`;

  it('tells the other device about a change within a second, with the circle as it is now', async () => {
    const stream = await LiveStream.open(server, SUBSCRIBE, { id: world.circle.id }, editor.cookie);
    try {
      expect(stream.status).toBe(200);
      // Give the subscription a moment to be registered before the change.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [first] = (await read()).entries;
      if (!first) throw new Error('empty circle');
      const started = Date.now();
      const moved = await client.graphql(MOVE, {
        input: {
          circleId: world.circle.id,
          entryId: first.id,
          expectedVersion: first.version,
          ring: first.ring === 1 ? 2 : 1,
          sector: first.sector,
        },
      });
      expect(codeOf(moved)).toBe('OK');
      const event = await stream.next<{
        circleChanged: {
          change: string;
          byViewer: boolean;
          entryId: string;
          circle: { entries: { id: string; ring: number }[] };
        };
      }>(5_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(event?.data?.circleChanged).toMatchObject({ change: 'ENTRY_MOVED', byViewer: false, entryId: first.id });
      expect(event?.data?.circleChanged.circle.entries.find((e) => e.id === first.id)?.ring).toBe(first.ring === 1 ? 2 : 1);
    } finally {
      stream.close();
    }
  });

  it('refuses to stream a circle the viewer may not see', async () => {
    const stream = await LiveStream.open(server, SUBSCRIBE, { id: stranger.circleId }, editor.cookie);
    try {
      const event = await stream.next(5_000);
      expect(event?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      stream.close();
    }
  });
});

describe('Vastleggen (issue 4)', () => {
  it('freezes a dated snapshot that cannot be changed, and editing goes on in the open circle', async () => {
    const frozen = await client.graphql<{
      freezeCircle: {
        snapshot: { id: string; frozenAt: string; label: string; editable: boolean; entries: { id: string }[] };
        circle: { id: string; frozenAt: null; editable: boolean };
      };
    }>(FREEZE, { input: { circleId: world.circle.id, label: 'Na de zomer' } });
    const { snapshot, circle } = frozen.data?.freezeCircle ?? {};
    expect(snapshot).toMatchObject({ label: 'Na de zomer', editable: false });
    expect(circle).toMatchObject({ id: world.circle.id, frozenAt: null, editable: true });
    expect(codeOf(await client.graphql(FREEZE, { input: { circleId: world.circle.id, label: 'bel 030-1234567' } }))).toBe(
      'CONTACT_DETAILS_NOT_ALLOWED@input.label',
    );
    const onSnapshot = await client.graphql(ADD, {
      input: { circleId: snapshot?.id, person: { name: 'Kees' }, ring: 1, sector: 'FAMILY' },
    });
    expect(codeOf(onSnapshot)).toBe('CIRCLE_FROZEN@input.circleId');
  });
});
