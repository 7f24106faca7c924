import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { Database, upsertCircles, upsertClients, upsertGrants, upsertOfferings, upsertSupportWorkers } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Aanbod in je wijk (issue 14): the current offers of the wijk of a circle's client, through the
 * real server, for every role; refusals and reads recorded in the client's trail.
 */

let queries = 0;
let db: Database;
let server: RunningServer;
let world: World;
let client: ApiSession;
/** Has a READ grant from the world's client. */
let reader: ApiSession;
/** A support worker the world's client gave nothing. */
let outsider: ApiSession;
let coordinator: ApiSession;
let researcher: ApiSession;
let admin: ApiSession;
const readerId = randomUUID();
const outsiderId = randomUUID();
const stranger = { clientId: randomUUID(), circleId: randomUUID() };
const offeringIds = { language: randomUUID(), elsewhere: randomUUID(), gp: randomUUID() };

const OFFERS = `query ($id: ID!) { districtOffers(circleId: $id) {
  circleId districtId districtName
  offers { id category name organisationId organisationName where languages inCircle } } }`;

interface Offer {
  id: string;
  category: string;
  name: string;
  organisationId: string;
  organisationName: string;
  where: string;
  languages: string[];
  inCircle: boolean;
}
interface Offers {
  circleId: string;
  districtId: string | null;
  districtName: string | null;
  offers: Offer[];
}

beforeAll(async () => {
  db = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
  world = await createWorld(db);
  await db.write(async (tx) => {
    await upsertSupportWorkers(tx, [
      { id: readerId, name: `Lezer ${world.tag}`, organisationId: world.organisations.team.id, role: 'ambulant begeleider' },
      { id: outsiderId, name: `Buiten ${world.tag}`, organisationId: world.organisations.team.id, role: 'ambulant begeleider' },
    ]);
    await upsertClients(tx, [{ id: stranger.clientId, name: `Vreemde ${world.tag}`, districtId: world.otherDistrictId }]);
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
    await upsertGrants(tx, [
      {
        id: randomUUID(),
        clientId: world.clientId,
        supportWorkerId: readerId,
        level: 'READ',
        grantedAt: '2026-01-01T00:00:00Z',
        until: null,
      },
    ]);
    await upsertOfferings(tx, [
      {
        id: offeringIds.language,
        organisationId: world.organisations.island.id,
        districtId: world.districtId,
        category: 'LANGUAGE',
        name: 'Taalcafé',
        languages: ['ar', 'tr'],
      },
      {
        id: offeringIds.gp,
        organisationId: world.organisations.gp.id,
        districtId: world.districtId,
        category: 'GENERAL_PRACTICE',
        name: 'Spreekuur',
      },
      {
        id: offeringIds.elsewhere,
        organisationId: world.organisations.team.id,
        districtId: world.otherDistrictId,
        category: 'NEIGHBOURHOOD_SUPPORT',
        name: 'Buurtteam elders',
      },
    ]);
  });
  server = await startTestServer(db);
  client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  reader = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: readerId }));
  outsider = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: outsiderId }));
  coordinator = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
  researcher = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
  admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [readerId, outsiderId, ...Object.values(stranger), ...Object.values(offeringIds)],
    });
  });
  await world.remove();
  await db.close();
});

function codeOf(response: GraphQLResponse): string {
  return response.errors?.[0]?.extensions?.code ?? 'OK';
}

async function auditCount(result: string, clientId: string, subject: string | null = null): Promise<number> {
  const found = await db.read((tx) =>
    tx.run(
      `MATCH (r:AuditRecord {clientRef: $ref}) WHERE r.action = 'READ' AND r.result = $result AND ($subject IS NULL OR r.subject = $subject)
       RETURN count(r) AS n`,
      { ref: clientRef(DEVELOPMENT_PSEUDONYM_KEY, clientId), result, subject },
    ),
  );
  return Number(found.records[0]?.get('n') ?? 0);
}

async function offersOf(session: ApiSession, circleId = world.circle.id): Promise<Offers> {
  const response = await session.graphql<{ districtOffers: Offers }>(OFFERS, { id: circleId });
  if (!response.data?.districtOffers) throw new Error(JSON.stringify(response.errors));
  return response.data.districtOffers;
}

describe('Aanbod in je wijk (issue 14)', () => {
  it('gives a client the current offers of their own wijk, by kind, with where, languages and what is in the circle', async () => {
    const found = await offersOf(client);
    expect(found).toMatchObject({
      circleId: world.circle.id,
      districtId: world.districtId,
      districtName: `Testwijk ${world.tag}`,
    });
    expect(found.offers.map((o) => [o.category, o.name])).toEqual([
      ['WALK_IN', 'Inloop'],
      ['LANGUAGE', 'Taalcafé'],
      ['GENERAL_PRACTICE', 'Spreekuur'],
    ]);
    const [, language, gp] = found.offers;
    expect(language).toMatchObject({
      organisationId: world.organisations.island.id,
      organisationName: world.organisations.island.name,
      where: `Testwijk ${world.tag}`,
      languages: ['ar', 'tr'],
      inCircle: false,
    });
    // The huisarts is in the world's circle already.
    expect(gp).toMatchObject({ organisationId: world.organisations.gp.id, inCircle: true });
    // Offers carry no client data: nobody else's name, not even the client's own.
    expect(JSON.stringify(found)).not.toContain('Cliënt');
    expect(JSON.stringify(found)).not.toContain('Fatima');
  });

  it('is one statement for the offers and one for the audit record', async () => {
    await offersOf(client);
    const before = queries;
    await offersOf(client);
    // The session is in memory (issue 13): the offers with the circle's marks, and the audit record.
    expect(queries - before).toBe(2);
  });

  it('records each read in the client’s trail', async () => {
    const before = await auditCount('SUCCESS', world.clientId, 'DistrictOffers');
    await offersOf(client);
    await offersOf(reader);
    expect(await auditCount('SUCCESS', world.clientId, 'DistrictOffers')).toBe(before + 2);
  });

  it('marks an organisation as in the circle once it is added, and not after it is taken out', async () => {
    const added = await client.graphql<{ addCircleEntry: { entry: { id: string; version: number } } }>(
      'mutation ($input: AddCircleEntryInput!) { addCircleEntry(input: $input) { entry { id version } } }',
      { input: { circleId: world.circle.id, organisationId: world.organisations.island.id, ring: 4, sector: 'PROFESSIONALS' } },
    );
    expect(codeOf(added)).toBe('OK');
    const entry = added.data?.addCircleEntry.entry;
    expect((await offersOf(client)).offers.find((o) => o.id === offeringIds.language)?.inCircle).toBe(true);
    const removed = await client.graphql(
      'mutation ($input: RemoveCircleEntryInput!) { removeCircleEntry(input: $input) { entry { id } } }',
      { input: { circleId: world.circle.id, entryId: entry?.id, expectedVersion: entry?.version } },
    );
    expect(codeOf(removed)).toBe('OK');
    expect((await offersOf(client)).offers.find((o) => o.id === offeringIds.language)?.inCircle).toBe(false);
  });

  it('gives a begeleider with a grant the same offers', async () => {
    const found = await offersOf(reader);
    expect(found.offers.map((o) => o.id)).toContain(offeringIds.language);
    expect(found.offers.map((o) => o.id)).not.toContain(offeringIds.elsewhere);
  });

  it('refuses another client’s circle and an unknown one alike, recorded as DENIED for the client named', async () => {
    const denied = await auditCount('DENIED', stranger.clientId);
    const other = await client.graphql(OFFERS, { id: stranger.circleId });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(other.data?.districtOffers ?? null).toBeNull();
    expect(JSON.stringify(other)).not.toContain('Buurtteam elders');
    expect(await auditCount('DENIED', stranger.clientId)).toBe(denied + 1);
    expect(codeOf(await client.graphql(OFFERS, { id: randomUUID() }))).toBe('FORBIDDEN');
    expect(codeOf(await outsider.graphql(OFFERS, { id: world.circle.id }))).toBe('FORBIDDEN');
  });

  it('refuses the roles the policy gives no access: kwartiermaker, researcher, admin, and asks the anonymous to sign in', async () => {
    const denied = await auditCount('DENIED', world.clientId);
    for (const session of [coordinator, researcher, admin]) {
      const response = await session.graphql(OFFERS, { id: world.circle.id });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.data?.districtOffers ?? null).toBeNull();
    }
    expect(await auditCount('DENIED', world.clientId)).toBe(denied + 3);
    expect(codeOf(await new ApiSession(server).graphql(OFFERS, { id: world.circle.id }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a circle id that is not a UUID as bad input', async () => {
    const response = await client.graphql(OFFERS, { id: 'kring-1' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
