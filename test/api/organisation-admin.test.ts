import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import {
  Database,
  upsertCircles,
  upsertClients,
  upsertLinks,
  upsertOfferings,
  upsertOrganisations,
  upsertPartnerships,
  upsertSupportWorkers,
  type OrganisationRow,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Beheer › Organisaties en wijken (issue 11) through the real server: every step for the admin,
 * with bad input and refused for every other role; ending keeps history; merging moves everything
 * without doubling, writes the clients' audit records, and leaves nothing half-written.
 */

let db: Database;
let server: RunningServer;
let world: World;
let admin: ApiSession;
let adminAccount: TestAccount;
const refused = {} as Record<'ANONYMOUS' | 'CLIENT' | 'SUPPORT_WORKER' | 'COORDINATOR' | 'RESEARCHER', ApiSession>;
const tag = randomUUID().slice(0, 6);
/** Everything this file made, removed afterwards. */
const made: string[] = [];

const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function code(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
function field(response: GraphQLResponse): string | null | undefined {
  return response.errors?.[0]?.extensions?.field;
}

const ORG_FIELDS = 'id name slug tier sector note until mergedIntoId mergedAt districtIds';
const CREATE_ORG = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { ${ORG_FIELDS} } } }`;
const UPDATE_ORG = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { ${ORG_FIELDS} } } }`;
const END_ORG = `mutation ($input: EndOrganisationInput!) { endOrganisation(input: $input) { organisation { ${ORG_FIELDS} } endedLinks endedMemberships endedOfferings } }`;
const MERGE = `mutation ($input: MergeOrganisationsInput!) { mergeOrganisations(input: $input) { organisation { ${ORG_FIELDS} } moved { links sharedLinks selfLinks offerings memberships districts employees actions } } }`;
const PREVIEW = `query ($d: ID!, $k: ID!) { organisationMergePreview(duplicateId: $d, keepId: $k) { duplicate { name } keep { name } moves { links sharedLinks selfLinks offerings memberships districts employees actions } } }`;
const CREATE_DISTRICT =
  'mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { district { id name slug until organisationCount } } }';
const UPDATE_DISTRICT = 'mutation ($input: UpdateDistrictInput!) { updateDistrict(input: $input) { district { id name slug } } }';
const END_DISTRICT = 'mutation ($input: EndDistrictInput!) { endDistrict(input: $input) { district { id until } } }';
const PARTNERSHIP_FIELDS = 'id name kind districtId since until members { organisationId since until }';
const CREATE_PARTNERSHIP = `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { ${PARTNERSHIP_FIELDS} } } }`;
const UPDATE_PARTNERSHIP = `mutation ($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { partnership { ${PARTNERSHIP_FIELDS} } } }`;
const END_PARTNERSHIP = `mutation ($input: EndPartnershipInput!) { endPartnership(input: $input) { partnership { ${PARTNERSHIP_FIELDS} } endedMemberships } }`;

interface OrgRecord {
  id: string;
  name: string;
  slug: string;
  tier: number | null;
  sector: string;
  note: string | null;
  until: string | null;
  mergedIntoId: string | null;
  mergedAt: string | null;
  districtIds: string[];
}

async function createOrg(input: Record<string, unknown>): Promise<OrgRecord> {
  const response = await admin.graphql<{ createOrganisation: { organisation: OrgRecord } }>(CREATE_ORG, {
    input: { sector: 'SOCIAL_BASE', districtIds: [world.districtId], ...input },
  });
  const organisation = response.data?.createOrganisation.organisation;
  if (!organisation) throw new Error(`createOrganisation failed: ${JSON.stringify(response.errors)}`);
  made.push(organisation.id);
  return organisation;
}

/** An organisation written straight into the graph (for links and circles a test sets up). */
function orgRow(name: string, districtIds: string[]): OrganisationRow {
  const id = randomUUID();
  made.push(id);
  return {
    id,
    name: `${name} ${tag}`,
    slug: `${name.toLowerCase().replace(/\s+/g, '-')}-${tag}-${id.slice(0, 4)}`,
    tier: 1,
    sector: 'SOCIAL_BASE',
    classification: 'assumed',
    note: null,
    districtIds,
  };
}

/** Audit records written since `seq`, newest last. */
async function auditSince(seq: number) {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (r:AuditRecord) WHERE r.seq > $seq
       RETURN r.seq AS seq, r.subject AS subject, r.action AS action, r.result AS result, r.detail AS detail,
              r.clientRef AS clientRef, r.actorAccountId AS actor ORDER BY r.seq`,
      { seq },
    );
    return result.records.map((r) => r.toObject() as Record<string, string | number | null>);
  });
}
async function auditHeadSeq(): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (r:AuditRecord) RETURN coalesce(max(r.seq), 0) AS seq');
    return Number(result.records[0]?.get('seq') ?? 0);
  });
}

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  server = await startTestServer(db);
  adminAccount = await createAccount(db, { role: 'ADMIN' });
  admin = await signedIn(server, adminAccount);
  refused.ANONYMOUS = new ApiSession(server);
  refused.CLIENT = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  refused.SUPPORT_WORKER = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  refused.COORDINATOR = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
  refused.RESEARCHER = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run('MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.id IN $ids DETACH DELETE f', { ids: made });
    await tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: made });
  });
  await world.remove();
  await db.close();
});

describe('who may keep the sociale kaart (issue 11)', () => {
  it('refuses every step to a client, support worker, coordinator, researcher and anonymous, and writes nothing', async () => {
    const name = `Geweigerd ${tag}`;
    const steps: [string, Record<string, unknown>][] = [
      ['{ adminOrganisations(first: 5) { nodes { id } } }', {}],
      ['query ($id: ID!) { adminOrganisation(id: $id) { id } }', { id: world.organisations.walkIn.id }],
      [PREVIEW, { d: world.organisations.walkIn.id, k: world.organisations.island.id }],
      ['{ adminDistricts(first: 5) { nodes { id } } }', {}],
      ['{ adminPartnerships(first: 5) { nodes { id } } }', {}],
      [CREATE_ORG, { input: { name, sector: 'SOCIAL_BASE', districtIds: [world.districtId] } }],
      [UPDATE_ORG, { input: { id: world.organisations.walkIn.id, name, sector: 'SOCIAL_BASE', districtIds: [] } }],
      [END_ORG, { input: { id: world.organisations.walkIn.id, until: today } }],
      [MERGE, { input: { duplicateId: world.organisations.island.id, keepId: world.organisations.walkIn.id } }],
      [CREATE_DISTRICT, { input: { name, slug: `geweigerd-${tag}` } }],
      [UPDATE_DISTRICT, { input: { id: world.districtId, name } }],
      [END_DISTRICT, { input: { id: world.districtId, until: today } }],
      [CREATE_PARTNERSHIP, { input: { name, kind: 'STEERING_GROUP', cityWide: true } }],
      [UPDATE_PARTNERSHIP, { input: { id: world.partnershipId, name, kind: 'CORE_TEAM', cityWide: true } }],
      [END_PARTNERSHIP, { input: { id: world.partnershipId, until: today } }],
    ];
    for (const [role, session] of Object.entries(refused)) {
      for (const [query, variables] of steps) {
        const response = await session.graphql(query, variables);
        const expected = role === 'ANONYMOUS' ? ['UNAUTHENTICATED', 'FORBIDDEN'] : ['FORBIDDEN'];
        expect(expected, `${role}: ${query.slice(0, 60)}`).toContain(code(response));
        // Nothing comes back: no data, or a nullable root field that is null.
        expect(
          Object.values(response.data ?? {}).filter((value) => value !== null),
          `${role}: ${query.slice(0, 60)}`,
        ).toEqual([]);
      }
    }
    const left = await db.read(async (tx) => {
      const result = await tx.run(
        `RETURN COUNT { (n) WHERE (n:Organisation OR n:District OR n:Partnership) AND n.name = $name } AS named,
                COUNT { (o:Organisation) WHERE o.id IN $ids AND (o.until IS NOT NULL OR o.mergedInto IS NOT NULL) } AS changed,
                COUNT { (d:District {id: $districtId}) WHERE d.until IS NOT NULL } AS endedDistricts`,
        { name, ids: Object.values(world.organisations).map((o) => o.id), districtId: world.districtId },
      );
      return result.records[0]?.toObject();
    });
    expect(left).toEqual({ named: 0, changed: 0, endedDistricts: 0 });
  });
});

describe('organisations (issue 11)', () => {
  it('creates an organisation with its wijken; the tier follows from the sector; audited', async () => {
    const seq = await auditHeadSeq();
    const created = await createOrg({
      name: `Buurthuis De Brug ${tag}`,
      sector: 'NEIGHBOURHOOD_TEAMS',
      districtIds: [world.districtId, world.otherDistrictId],
      note: 'Open op dinsdag',
    });
    expect(created).toMatchObject({
      name: `Buurthuis De Brug ${tag}`,
      slug: `buurthuis-de-brug-${tag}`,
      tier: 2,
      sector: 'NEIGHBOURHOOD_TEAMS',
      note: 'Open op dinsdag',
      until: null,
      mergedIntoId: null,
    });
    expect([...created.districtIds].sort()).toEqual([world.districtId, world.otherDistrictId].sort());
    const map = await admin.graphql<{ wijkMap: { organisations: { id: string }[] } }>(
      'query ($id: ID!) { wijkMap(id: $id) { organisations { id } } }',
      { id: world.districtId },
    );
    expect(map.data?.wijkMap.organisations.map((o) => o.id)).toContain(created.id);
    const records = await auditSince(seq);
    expect(records).toContainEqual(
      expect.objectContaining({ subject: 'Organisation', action: 'CREATE', result: 'SUCCESS', actor: adminAccount.id }),
    );
  });

  it('refuses bad input with a stable code and the field, and writes nothing', async () => {
    const name = `Fout ${tag}`;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '   ' }, 'INVALID_INPUT', 'input.name'],
      [{ name: 'x'.repeat(121) }, 'INVALID_INPUT', 'input.name'],
      [{ name: `${name} bel 06-12345678` }, 'CONTACT_DETAILS_NOT_ALLOWED', 'input.name'],
      [{ name, slug: 'Met Hoofdletters' }, 'INVALID_INPUT', 'input.slug'],
      [{ name, districtIds: [world.districtId, world.districtId] }, 'INVALID_INPUT', 'input.districtIds'],
      [{ name, districtIds: ['geen-uuid'] }, 'INVALID_INPUT', 'input.districtIds.0'],
      [{ name, districtIds: [randomUUID()] }, 'NOT_FOUND', 'input.districtIds'],
      [{ name, note: 'n'.repeat(501) }, 'INVALID_INPUT', 'input.note'],
      // Case, accents and spaces do not make another organisation.
      [{ name: `  inloop ${world.tag.toUpperCase()}` }, 'CONFLICT', 'input.name'],
      [{ name, slug: world.organisations.walkIn.slug }, 'CONFLICT', 'input.slug'],
    ];
    for (const [input, expectedCode, expectedField] of cases) {
      const response = await admin.graphql(CREATE_ORG, {
        input: { sector: 'SOCIAL_BASE', districtIds: [world.districtId], ...input },
      });
      expect([code(response), field(response)], JSON.stringify(input).slice(0, 80)).toEqual([expectedCode, expectedField]);
    }
    const unknownSector = await admin.graphql(CREATE_ORG, { input: { name, sector: 'CASINO', districtIds: [] } });
    expect(unknownSector.errors?.length).toBeGreaterThan(0);
    const count = await db.read(async (tx) =>
      Number(
        (await tx.run('MATCH (o:Organisation) WHERE o.name STARTS WITH $name RETURN count(o) AS n', { name })).records[0]?.get(
          'n',
        ),
      ),
    );
    expect(count).toBe(0);
  });

  it('edits name, sector and wijken; refuses an unknown id, a taken name and bad input', async () => {
    const created = await createOrg({ name: `Taalhuis ${tag}`, districtIds: [world.districtId] });
    const response = await admin.graphql<{ updateOrganisation: { organisation: OrgRecord } }>(UPDATE_ORG, {
      input: {
        id: created.id,
        name: `Taalhuis Utrecht ${tag}`,
        sector: 'PRIMARY_CARE',
        districtIds: [world.otherDistrictId],
        note: 'Verhuisd',
      },
    });
    expect(response.data?.updateOrganisation.organisation).toMatchObject({
      name: `Taalhuis Utrecht ${tag}`,
      slug: created.slug,
      tier: null,
      sector: 'PRIMARY_CARE',
      note: 'Verhuisd',
      districtIds: [world.otherDistrictId],
    });
    const base = { name: `Iets ${tag}`, sector: 'SOCIAL_BASE', districtIds: [] };
    expect(code(await admin.graphql(UPDATE_ORG, { input: { ...base, id: randomUUID() } }))).toBe('NOT_FOUND');
    expect(code(await admin.graphql(UPDATE_ORG, { input: { ...base, id: 'nee' } }))).toBe('INVALID_INPUT');
    const taken = await admin.graphql(UPDATE_ORG, { input: { ...base, id: created.id, name: world.organisations.gp.name } });
    expect([code(taken), field(taken)]).toEqual(['CONFLICT', 'input.name']);
    // Keeping its own name is no conflict.
    const same = await admin.graphql(UPDATE_ORG, { input: { ...base, id: created.id, name: `Taalhuis Utrecht ${tag}` } });
    expect(same.errors).toBeUndefined();
  });

  it('ends an organisation: gone from today’s map, lists and searches; a map of an earlier date still shows it and its links', async () => {
    const buddy = orgRow('Maatjes', [world.districtId]);
    const linkId = randomUUID();
    const offeringId = randomUUID();
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [buddy]);
      await upsertLinks(tx, [
        {
          id: linkId,
          fromId: buddy.id,
          toId: world.organisations.team.id,
          kind: 'REFERRAL',
          since: '2024-01-01',
          until: null,
          strength: 3,
          source: 'USER',
          note: null,
        },
      ]);
      await upsertOfferings(tx, [
        { id: offeringId, organisationId: buddy.id, districtId: world.districtId, category: 'BUDDY', name: 'Maatje' },
      ]);
      await upsertPartnerships(tx, [
        {
          id: world.partnershipId,
          name: `Kernteam ${world.tag}`,
          kind: 'CORE_TEAM',
          districtId: world.districtId,
          memberIds: [buddy.id],
        },
      ]);
    });
    const seq = await auditHeadSeq();
    const ended = await admin.graphql<{
      endOrganisation: { organisation: OrgRecord; endedLinks: number; endedMemberships: number; endedOfferings: number };
    }>(END_ORG, { input: { id: buddy.id, until: today } });
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endOrganisation).toMatchObject({
      organisation: { id: buddy.id, until: today },
      endedLinks: 1,
      endedMemberships: 1,
      endedOfferings: 1,
    });
    expect(await auditSince(seq)).toContainEqual(
      expect.objectContaining({
        subject: 'Organisation',
        action: 'UPDATE',
        result: 'SUCCESS',
        detail: `organisation ${buddy.id} ended`,
      }),
    );

    const MAP =
      'query ($id: ID!, $at: Date) { wijkMap(id: $id, at: $at) { organisations { id } links { id until } offerings { id } partnerships { id memberIds } } }';
    type Map = {
      wijkMap: {
        organisations: { id: string }[];
        links: { id: string; until: string | null }[];
        offerings: { id: string }[];
        partnerships: { id: string; memberIds: string[] }[];
      };
    };
    const now = await admin.graphql<Map>(MAP, { id: world.districtId });
    expect(now.data?.wijkMap.organisations.map((o) => o.id)).not.toContain(buddy.id);
    expect(now.data?.wijkMap.links.map((l) => l.id)).not.toContain(linkId);
    expect(now.data?.wijkMap.offerings.map((o) => o.id)).not.toContain(offeringId);
    const before = await admin.graphql<Map>(MAP, { id: world.districtId, at: daysFromToday(-1) });
    expect(before.data?.wijkMap.organisations.map((o) => o.id)).toContain(buddy.id);
    expect(before.data?.wijkMap.links).toContainEqual({ id: linkId, until: today });
    expect(before.data?.wijkMap.offerings.map((o) => o.id)).toContain(offeringId);
    expect(before.data?.wijkMap.partnerships.find((p) => p.id === world.partnershipId)?.memberIds).toContain(buddy.id);

    const district = await admin.graphql<{ district: { organisations: { id: string }[] } }>(
      'query ($id: ID!) { district(id: $id) { organisations { id } } }',
      { id: world.districtId },
    );
    expect(district.data?.district.organisations.map((o) => o.id)).not.toContain(buddy.id);
    const search = await admin.graphql<{ organisations: { nodes: { id: string }[] } }>(
      'query ($s: String!) { organisations(first: 10, search: $s) { nodes { id } } }',
      { s: `Maatjes ${tag}` },
    );
    expect(search.data?.organisations.nodes).toEqual([]);
    const list = async (includeEnded: boolean) =>
      (
        await admin.graphql<{ adminOrganisations: { nodes: { id: string; until: string | null }[] } }>(
          'query ($s: String!, $e: Boolean) { adminOrganisations(first: 10, search: $s, includeEnded: $e) { nodes { id until } } }',
          { s: `Maatjes ${tag}`, e: includeEnded },
        )
      ).data?.adminOrganisations.nodes;
    expect(await list(false)).toEqual([]);
    expect(await list(true)).toEqual([{ id: buddy.id, until: today }]);
    // Its history stays with it: the record keeps its link, offering and membership.
    const detail = await admin.graphql<{
      adminOrganisation: { offerings: { id: string; until: string }[]; memberships: { partnershipId: string; until: string }[] };
    }>('query ($id: ID!) { adminOrganisation(id: $id) { offerings { id until } memberships { partnershipId until } } }', {
      id: buddy.id,
    });
    expect(detail.data?.adminOrganisation.offerings).toEqual([{ id: offeringId, until: today }]);
    expect(detail.data?.adminOrganisation.memberships).toEqual([{ partnershipId: world.partnershipId, until: today }]);
    // No new offering for an ended organisation, and it cannot end twice.
    const offering = await admin.graphql(
      'mutation ($d: ID!, $o: ID!) { recordOffering(input: { districtId: $d, organisationId: $o, category: SPORT, name: "Sport" }) { offering { id } } }',
      { d: world.districtId, o: buddy.id },
    );
    expect(code(offering)).toBe('NOT_FOUND');
    expect(code(await admin.graphql(END_ORG, { input: { id: buddy.id, until: today } }))).toBe('CONFLICT');
    expect(code(await admin.graphql(END_ORG, { input: { id: randomUUID(), until: today } }))).toBe('NOT_FOUND');
    expect(code(await admin.graphql(END_ORG, { input: { id: buddy.id, until: '2026-02-30' } }))).toBe('INVALID_INPUT');
  });
});

describe('merging two records of one organisation (issue 11)', () => {
  it('refuses to merge a record into itself, and unknown records', async () => {
    const self = await admin.graphql(MERGE, {
      input: { duplicateId: world.organisations.gp.id, keepId: world.organisations.gp.id },
    });
    expect([code(self), field(self)]).toEqual(['INVALID_INPUT', 'input.keepId']);
    const preview = await admin.graphql(PREVIEW, { d: world.organisations.gp.id, k: world.organisations.gp.id });
    expect(code(preview)).toBe('INVALID_INPUT');
    const unknown = await admin.graphql(MERGE, { input: { duplicateId: randomUUID(), keepId: world.organisations.gp.id } });
    expect([code(unknown), field(unknown)]).toEqual(['NOT_FOUND', 'input.duplicateId']);
    expect(code(await admin.graphql(MERGE, { input: { duplicateId: 'x', keepId: world.organisations.gp.id } }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('moves every relationship to the kept record without doubling, and records it for each client whose circle changed', async () => {
    const keep = orgRow('Voedselbank', [world.districtId]);
    const duplicate = orgRow('Voedselbank Utrecht', [world.districtId, world.otherDistrictId]);
    const third = world.organisations.team.id;
    const elsewhere = world.organisations.care.id;
    const ids = {
      keepLink: randomUUID(),
      dupLink: randomUUID(),
      movedLink: randomUUID(),
      selfLink: randomUUID(),
      offering: randomUUID(),
      partnership: randomUUID(),
      worker: randomUUID(),
      clientA: randomUUID(),
      clientB: randomUUID(),
      circleA: randomUUID(),
      circleB: randomUUID(),
      entryA: randomUUID(),
      entryBKeep: randomUUID(),
      entryBDup: randomUUID(),
      entryBOther: randomUUID(),
    };
    made.push(ids.partnership, ids.worker, ids.clientA, ids.clientB, ids.circleA, ids.circleB);
    const link = (id: string, fromId: string, toId: string, kind: 'COLLABORATION' | 'REFERRAL', since: string) => ({
      id,
      fromId,
      toId,
      kind,
      since,
      until: null,
      strength: 2,
      source: 'USER' as const,
      note: null,
    });
    const entry = (id: string, targetId: string, support: ('PRACTICAL' | 'SAFETY_NET')[], position: number) => ({
      id,
      targetId,
      ring: 4,
      sector: 'PROFESSIONALS',
      position,
      relation: null,
      support,
      wish: null,
      note: null,
    });
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [keep, duplicate]);
      await upsertLinks(tx, [
        link(ids.keepLink, keep.id, third, 'COLLABORATION', '2025-01-01'),
        // The same link from the duplicate's side, begun earlier: one link remains, with the earliest start.
        link(ids.dupLink, third, duplicate.id, 'COLLABORATION', '2023-05-01'),
        link(ids.movedLink, duplicate.id, elsewhere, 'REFERRAL', '2024-02-01'),
        link(ids.selfLink, duplicate.id, keep.id, 'COLLABORATION', '2024-02-01'),
      ]);
      await upsertOfferings(tx, [
        { id: ids.offering, organisationId: duplicate.id, districtId: world.districtId, category: 'MEALS', name: 'Pakketten' },
      ]);
      await upsertPartnerships(tx, [
        {
          id: ids.partnership,
          name: `Voedselnetwerk ${tag}`,
          kind: 'HEALTHY_DISTRICT_NETWORK',
          districtId: world.districtId,
          memberIds: [duplicate.id],
        },
      ]);
      await upsertSupportWorkers(tx, [
        { id: ids.worker, name: `Vrijwilliger ${tag}`, organisationId: duplicate.id, role: 'coördinator' },
      ]);
      await upsertClients(tx, [
        { id: ids.clientA, name: `Cliënt A ${tag}`, districtId: world.districtId },
        { id: ids.clientB, name: `Cliënt B ${tag}`, districtId: world.districtId },
      ]);
      await upsertCircles(tx, [
        {
          id: ids.circleA,
          clientId: ids.clientA,
          label: null,
          createdAt: '2026-06-01T10:00:00Z',
          frozenAt: null,
          entries: [entry(ids.entryA, duplicate.id, ['PRACTICAL'], 0)],
        },
        {
          id: ids.circleB,
          clientId: ids.clientB,
          label: null,
          createdAt: '2026-06-01T10:00:00Z',
          frozenAt: null,
          entries: [
            entry(ids.entryBKeep, keep.id, ['PRACTICAL'], 0),
            entry(ids.entryBDup, duplicate.id, ['SAFETY_NET'], 1),
            entry(ids.entryBOther, elsewhere, [], 2),
          ],
        },
      ]);
      const ties = [
        [ids.entryBKeep, ids.entryBDup],
        [ids.entryBDup, ids.entryBOther],
      ].map((pair) => [...pair].sort().join('~'));
      await tx.run('MATCH (c:NetworkCircle {id: $id}) SET c.ties = $ties, c.version = 3', { id: ids.circleB, ties });
    });

    const preview = await admin.graphql<{ organisationMergePreview: { moves: Record<string, number> } }>(PREVIEW, {
      d: duplicate.id,
      k: keep.id,
    });
    const expectedMoves = {
      links: 1,
      sharedLinks: 1,
      selfLinks: 1,
      offerings: 1,
      memberships: 1,
      districts: 1,
      employees: 1,
      actions: 0,
    };
    expect(preview.data?.organisationMergePreview.moves).toEqual(expectedMoves);

    const seq = await auditHeadSeq();
    const merged = await admin.graphql<{ mergeOrganisations: { organisation: OrgRecord; moved: Record<string, number> } }>(
      MERGE,
      {
        input: { duplicateId: duplicate.id, keepId: keep.id },
      },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeOrganisations.moved).toEqual(expectedMoves);
    expect([...(merged.data?.mergeOrganisations.organisation.districtIds ?? [])].sort()).toEqual(
      [world.districtId, world.otherDistrictId].sort(),
    );

    const state = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (k:Organisation {id: $keep}), (d:Organisation {id: $dup})
         RETURN d.mergedInto AS mergedInto, d.mergedAt IS NOT NULL AS hasMergedAt,
           COUNT { (d)-[r]-() WHERE NOT r:MERGED_INTO } AS leftOnDuplicate,
           COLLECT { MATCH (k)-[l:COLLABORATES_WITH]-(x) RETURN [l.id, x.id, toString(l.since)] ORDER BY l.id } AS links,
           COLLECT { MATCH (k)-[:OFFERS]->(f) RETURN f.id } AS offerings,
           COLLECT { MATCH (k)-[:MEMBER_OF]->(p) RETURN p.id } AS partnerships,
           COLLECT { MATCH (w)-[:WORKS_AT]->(k) RETURN w.id } AS workers,
           COLLECT { MATCH (c:NetworkCircle)-[p:PLACES]->(k) RETURN [c.id, p.id, p.support] ORDER BY c.id } AS entries,
           COLLECT { MATCH (c:NetworkCircle {id: $circleB}) RETURN [c.ties, c.version, COUNT { (c)-[:PLACES]->() }] }[0] AS circleB`,
        { keep: keep.id, dup: duplicate.id, circleB: ids.circleB },
      );
      return result.records[0]?.toObject() as Record<string, unknown>;
    });
    expect(state.mergedInto).toBe(keep.id);
    expect(state.hasMergedAt).toBe(true);
    expect(state.leftOnDuplicate).toBe(0);
    // One link with the third organisation (the earliest start), the moved link under its own id, no link with itself.
    expect(state.links).toEqual(
      [
        [ids.keepLink, third, '2023-05-01'],
        [ids.movedLink, elsewhere, '2024-02-01'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(state.offerings).toEqual([ids.offering]);
    expect(state.partnerships).toEqual([ids.partnership]);
    expect(state.workers).toEqual([ids.worker]);
    // Client A's entry keeps its id and now places the kept record; client B keeps one entry with both kinds of support.
    expect(state.entries).toEqual(
      [
        [ids.circleA, ids.entryA, ['PRACTICAL']],
        [ids.circleB, ids.entryBKeep, ['PRACTICAL', 'SAFETY_NET']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(state.circleB).toEqual([[[ids.entryBKeep, ids.entryBOther].sort().join('~')], 4, 2]);

    // The merge is recorded once for each client whose circle changed, in that client's trail.
    const records = await auditSince(seq);
    // The record names both records (never a client's data).
    const mergeRecords = records.filter(
      (r) => r.subject === 'Organisation' && r.detail === `merge: organisation ${duplicate.id} into ${keep.id}`,
    );
    expect(mergeRecords.map((r) => r.clientRef).sort()).toEqual(
      [clientRef(DEVELOPMENT_PSEUDONYM_KEY, ids.clientA), clientRef(DEVELOPMENT_PSEUDONYM_KEY, ids.clientB)].sort(),
    );
    expect(mergeRecords.every((r) => r.action === 'UPDATE' && r.result === 'SUCCESS' && r.actor === adminAccount.id)).toBe(true);

    // The duplicate's id and slug lead to the kept record; the administration still sees the duplicate, marked.
    const byId = await admin.graphql<{ organisation: { id: string } }>('query ($id: ID!) { organisation(id: $id) { id } }', {
      id: duplicate.id,
    });
    expect(byId.data?.organisation.id).toBe(keep.id);
    const bySlug = await admin.graphql<{ organisation: { id: string } }>(
      'query ($s: String!) { organisation(slug: $s) { id } }',
      {
        s: duplicate.slug,
      },
    );
    expect(bySlug.data?.organisation.id).toBe(keep.id);
    const record = await admin.graphql<{ adminOrganisation: { mergedIntoId: string } }>(
      'query ($id: ID!) { adminOrganisation(id: $id) { mergedIntoId } }',
      { id: duplicate.id },
    );
    expect(record.data?.adminOrganisation.mergedIntoId).toBe(keep.id);

    // A merged record is not merged again, nor kept, nor edited, nor given new links.
    const again = await admin.graphql(MERGE, { input: { duplicateId: duplicate.id, keepId: world.organisations.gp.id } });
    expect([code(again), field(again)]).toEqual(['CONFLICT', 'input.duplicateId']);
    const intoMerged = await admin.graphql(MERGE, { input: { duplicateId: world.organisations.gp.id, keepId: duplicate.id } });
    expect([code(intoMerged), field(intoMerged)]).toEqual(['CONFLICT', 'input.keepId']);
    expect(
      code(
        await admin.graphql(UPDATE_ORG, {
          input: { id: duplicate.id, name: `Nieuw ${tag}`, sector: 'SOCIAL_BASE', districtIds: [] },
        }),
      ),
    ).toBe('CONFLICT');
    const linkToMerged = await admin.graphql(
      'mutation ($d: ID!, $a: ID!, $b: ID!) { recordLink(input: { districtId: $d, fromId: $a, toId: $b, kind: FUNDING }) { link { id } } }',
      { d: world.districtId, a: world.organisations.walkIn.id, b: duplicate.id },
    );
    expect(code(linkToMerged)).toBe('NOT_FOUND');
  });

  it('leaves nothing half-written when a merge fails', async () => {
    const keep = orgRow('Sportclub', [world.districtId]);
    const duplicate = orgRow('Sportclub Oost', [world.otherDistrictId]);
    const linkId = randomUUID();
    const offeringId = randomUUID();
    const orphanCircle = randomUUID();
    made.push(orphanCircle);
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [keep, duplicate]);
      await upsertLinks(tx, [
        {
          id: linkId,
          fromId: duplicate.id,
          toId: world.organisations.team.id,
          kind: 'REFERRAL',
          since: null,
          until: null,
          strength: null,
          source: 'USER',
          note: null,
        },
      ]);
      await upsertOfferings(tx, [
        { id: offeringId, organisationId: duplicate.id, districtId: world.otherDistrictId, category: 'SPORT', name: 'Voetbal' },
      ]);
      // A circle without its client: found only after everything else has moved, so the whole merge must roll back.
      await tx.run(
        `MATCH (d:Organisation {id: $dup})
         CREATE (c:NetworkCircle {id: $circle, createdAt: datetime(), version: 1})-[:PLACES {id: randomUUID(), ring: 4, sector: 'PROFESSIONALS', position: 0, support: [], version: 1}]->(d)`,
        { dup: duplicate.id, circle: orphanCircle },
      );
    });
    const snapshot = () =>
      db.read(async (tx) => {
        const result = await tx.run(
          `MATCH (d:Organisation {id: $dup}), (k:Organisation {id: $keep})
           RETURN d.mergedInto AS mergedInto, COUNT { (d)-[]-() } AS duplicateRelationships, COUNT { (k)-[]-() } AS keptRelationships,
                  COLLECT { MATCH (d)-[l:COLLABORATES_WITH]-() RETURN l.id } AS links`,
          { dup: duplicate.id, keep: keep.id },
        );
        return result.records[0]?.toObject();
      });
    const before = await snapshot();
    const seq = await auditHeadSeq();
    const failed = await admin.graphql(MERGE, { input: { duplicateId: duplicate.id, keepId: keep.id } });
    expect(failed.errors?.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(before).toMatchObject({ mergedInto: null, duplicateRelationships: 4, keptRelationships: 1, links: [linkId] });
    const records = await auditSince(seq);
    expect(records).toContainEqual(expect.objectContaining({ subject: 'Organisation', action: 'UPDATE', result: 'FAILED' }));
    expect(records.filter((r) => r.result === 'SUCCESS' && r.subject === 'Organisation')).toEqual([]);

    // A relationship a merge does not know is refused up front, naming it.
    await db.write((tx) =>
      tx.run('MATCH (c:NetworkCircle {id: $circle}) DETACH DELETE c', { circle: orphanCircle }).then(() =>
        tx.run('MATCH (d:Organisation {id: $dup}), (k:Organisation {id: $keep}) CREATE (d)-[:SPONSORS]->(k)', {
          dup: duplicate.id,
          keep: keep.id,
        }),
      ),
    );
    const unknown = await admin.graphql(MERGE, { input: { duplicateId: duplicate.id, keepId: keep.id } });
    expect([code(unknown), field(unknown)]).toEqual(['CONFLICT', 'input.duplicateId']);
    expect(unknown.errors?.[0]?.message).toContain('SPONSORS');

    // Without it the merge goes through; no client's circle changed, so one record names no client.
    await db.write((tx) => tx.run('MATCH (:Organisation {id: $dup})-[r:SPONSORS]->() DELETE r', { dup: duplicate.id }));
    const before2 = await auditHeadSeq();
    const merged = await admin.graphql(MERGE, { input: { duplicateId: duplicate.id, keepId: keep.id } });
    expect(merged.errors).toBeUndefined();
    expect((await auditSince(before2)).filter((r) => r.subject === 'Organisation')).toEqual([
      expect.objectContaining({
        action: 'UPDATE',
        result: 'SUCCESS',
        detail: `merge: organisation ${duplicate.id} into ${keep.id}`,
        clientRef: null,
      }),
    ]);
  });
});

describe('wijken (issue 11)', () => {
  it('creates, renames and ends a wijk; an ended wijk leaves the list but keeps its history', async () => {
    const slug = `wijk-${tag}`;
    const created = await admin.graphql<{
      createDistrict: { district: { id: string; name: string; slug: string; until: null } };
    }>(CREATE_DISTRICT, { input: { name: `Nieuwe wijk ${tag}`, slug, partOfId: world.districtId } });
    const id = created.data?.createDistrict.district.id ?? '';
    made.push(id);
    expect(created.data?.createDistrict.district).toMatchObject({ name: `Nieuwe wijk ${tag}`, slug, until: null });

    const bad: [Record<string, unknown>, string, string][] = [
      [{ name: `Nieuwe wijk ${tag}`.toUpperCase(), slug: `ander-${tag}` }, 'CONFLICT', 'input.name'],
      [{ name: `Weer een ${tag}`, slug }, 'CONFLICT', 'input.slug'],
      [{ name: `Weer een ${tag}`, slug: 'Geen Slug' }, 'INVALID_INPUT', 'input.slug'],
      [{ name: '', slug: `leeg-${tag}` }, 'INVALID_INPUT', 'input.name'],
      [{ name: `Weer een ${tag}`, slug: `weer-${tag}`, partOfId: randomUUID() }, 'NOT_FOUND', 'input.partOfId'],
    ];
    for (const [input, expectedCode, expectedField] of bad) {
      const response = await admin.graphql(CREATE_DISTRICT, { input });
      expect([code(response), field(response)], JSON.stringify(input)).toEqual([expectedCode, expectedField]);
    }

    const renamed = await admin.graphql<{ updateDistrict: { district: { name: string; slug: string } } }>(UPDATE_DISTRICT, {
      input: { id, name: `Hernoemde wijk ${tag}` },
    });
    expect(renamed.data?.updateDistrict.district).toEqual({ id, name: `Hernoemde wijk ${tag}`, slug });
    expect(
      code(
        await admin.graphql(UPDATE_DISTRICT, { input: { id, name: world.districtSlug === '' ? 'x' : `Testwijk ${world.tag}` } }),
      ),
    ).toBe('CONFLICT');
    expect(code(await admin.graphql(UPDATE_DISTRICT, { input: { id: randomUUID(), name: 'Ergens' } }))).toBe('NOT_FOUND');

    const publicList = async () =>
      (
        await admin.graphql<{ districts: { nodes: { id: string }[] } }>('{ districts(first: 100) { nodes { id } } }')
      ).data?.districts.nodes.map((d) => d.id);
    expect(await publicList()).toContain(id);
    const ended = await admin.graphql<{ endDistrict: { district: { until: string } } }>(END_DISTRICT, {
      input: { id, until: today },
    });
    expect(ended.data?.endDistrict.district.until).toBe(today);
    expect(await publicList()).not.toContain(id);
    const adminList = await admin.graphql<{ adminDistricts: { nodes: { id: string; until: string | null }[] } }>(
      '{ adminDistricts(first: 100, includeEnded: true) { nodes { id until } } }',
    );
    expect(adminList.data?.adminDistricts.nodes).toContainEqual({ id, until: today });
    // Its map can still be drawn (by slug), for history.
    const map = await admin.graphql<{ wijkMap: { district: { id: string } } }>(
      'query ($s: String!) { wijkMap(slug: $s) { district { id } } }',
      {
        s: slug,
      },
    );
    expect(map.data?.wijkMap.district.id).toBe(id);
    expect(code(await admin.graphql(END_DISTRICT, { input: { id, until: today } }))).toBe('CONFLICT');
    expect(code(await admin.graphql(END_DISTRICT, { input: { id: randomUUID(), until: today } }))).toBe('NOT_FOUND');
  });
});

describe('partnerships and memberships (issue 11)', () => {
  it('creates a partnership in a wijk or city-wide, edits it, lets members join and leave, and ends it', async () => {
    const inWijk = await admin.graphql<{ createPartnership: { partnership: { id: string; districtId: string; since: string } } }>(
      CREATE_PARTNERSHIP,
      {
        input: {
          name: `Kernteam Zuid ${tag}`,
          kind: 'CORE_TEAM',
          cityWide: false,
          districtId: world.districtId,
          since: '2025-01-01',
        },
      },
    );
    const id = inWijk.data?.createPartnership.partnership.id ?? '';
    made.push(id);
    expect(inWijk.data?.createPartnership.partnership).toMatchObject({ districtId: world.districtId, since: '2025-01-01' });
    const cityWide = await admin.graphql<{ createPartnership: { partnership: { id: string; districtId: null } } }>(
      CREATE_PARTNERSHIP,
      {
        input: { name: `Regiegroep ${tag}`, kind: 'STEERING_GROUP', cityWide: true },
      },
    );
    made.push(cityWide.data?.createPartnership.partnership.id ?? '');
    expect(cityWide.data?.createPartnership.partnership.districtId).toBeNull();

    const bad: [Record<string, unknown>, string, string][] = [
      [
        { name: `X ${tag}`, kind: 'CORE_TEAM', cityWide: true, districtId: world.districtId },
        'INVALID_INPUT',
        'input.districtId',
      ],
      [{ name: `X ${tag}`, kind: 'CORE_TEAM', cityWide: false }, 'INVALID_INPUT', 'input.districtId'],
      [{ name: `kernteam zuid ${tag}`, kind: 'CORE_TEAM', cityWide: true }, 'CONFLICT', 'input.name'],
      [{ name: `X ${tag}`, kind: 'CORE_TEAM', cityWide: false, districtId: randomUUID() }, 'NOT_FOUND', 'input.districtId'],
      [{ name: ' ', kind: 'CORE_TEAM', cityWide: true }, 'INVALID_INPUT', 'input.name'],
    ];
    for (const [input, expectedCode, expectedField] of bad) {
      const response = await admin.graphql(CREATE_PARTNERSHIP, { input });
      expect([code(response), field(response)], JSON.stringify(input)).toEqual([expectedCode, expectedField]);
    }

    const edited = await admin.graphql<{
      updatePartnership: { partnership: { name: string; kind: string; districtId: string } };
    }>(UPDATE_PARTNERSHIP, {
      input: {
        id,
        name: `Gezond Zuid ${tag}`,
        kind: 'HEALTHY_DISTRICT_NETWORK',
        cityWide: false,
        districtId: world.otherDistrictId,
      },
    });
    expect(edited.data?.updatePartnership.partnership).toMatchObject({
      name: `Gezond Zuid ${tag}`,
      kind: 'HEALTHY_DISTRICT_NETWORK',
      districtId: world.otherDistrictId,
    });
    expect(
      code(
        await admin.graphql(UPDATE_PARTNERSHIP, { input: { id: randomUUID(), name: 'Y', kind: 'CORE_TEAM', cityWide: true } }),
      ),
    ).toBe('NOT_FOUND');

    // The admin uses the wijkkaart's membership mutations, in any wijk.
    const JOIN =
      'mutation ($p: ID!, $o: ID!, $s: Date!) { joinPartnership(input: { partnershipId: $p, organisationId: $o, since: $s }) { ok } }';
    const LEAVE =
      'mutation ($p: ID!, $o: ID!, $u: Date!) { leavePartnership(input: { partnershipId: $p, organisationId: $o, until: $u }) { ok } }';
    expect((await admin.graphql(JOIN, { p: id, o: world.organisations.team.id, s: '2025-02-01' })).errors).toBeUndefined();
    expect(
      (await admin.graphql(JOIN, { p: id, o: world.organisations.care.id, s: '2025-02-01' })).errors?.[0]?.extensions?.code,
    ).toBe('OUTSIDE_DISTRICT');
    expect(code(await admin.graphql(JOIN, { p: id, o: world.organisations.team.id, s: '2025-03-01' }))).toBe('CONFLICT');

    const ended = await admin.graphql<{
      endPartnership: { partnership: { until: string; members: { until: string }[] }; endedMemberships: number };
    }>(END_PARTNERSHIP, { input: { id, until: today } });
    expect(ended.data?.endPartnership).toMatchObject({
      partnership: { until: today, members: [{ until: today }] },
      endedMemberships: 1,
    });
    expect(code(await admin.graphql(LEAVE, { p: id, o: world.organisations.team.id, u: today }))).toBe('NOT_FOUND');
    expect(code(await admin.graphql(JOIN, { p: id, o: world.organisations.team.id, s: daysFromToday(1) }))).toBe('NOT_FOUND');
    expect(code(await admin.graphql(END_PARTNERSHIP, { input: { id, until: today } }))).toBe('CONFLICT');

    const MAP = 'query ($id: ID!, $at: Date) { wijkMap(id: $id, at: $at) { partnerships { id memberIds } } }';
    type Map = { wijkMap: { partnerships: { id: string; memberIds: string[] }[] } };
    const now = await admin.graphql<Map>(MAP, { id: world.otherDistrictId });
    expect(now.data?.wijkMap.partnerships.map((p) => p.id)).not.toContain(id);
    const earlier = await admin.graphql<Map>(MAP, { id: world.otherDistrictId, at: '2025-06-01' });
    expect(earlier.data?.wijkMap.partnerships).toContainEqual({ id, memberIds: [world.organisations.team.id] });

    const list = await admin.graphql<{ adminPartnerships: { nodes: { id: string }[] } }>(
      'query ($d: ID!) { adminPartnerships(first: 50, districtId: $d, includeEnded: true) { nodes { id } } }',
      { d: world.otherDistrictId },
    );
    expect(list.data?.adminPartnerships.nodes.map((p) => p.id)).toContain(id);
  });
});

describe('offerings by the admin (issue 11)', () => {
  it('records, edits and ends an offering of any organisation in any wijk, and lists it with its period', async () => {
    const organisation = await createOrg({ name: `Wijkrestaurant ${tag}`, districtIds: [world.otherDistrictId] });
    const recorded = await admin.graphql<{ recordOffering: { offering: { id: string } } }>(
      'mutation ($d: ID!, $o: ID!) { recordOffering(input: { districtId: $d, organisationId: $o, category: MEALS, name: "Samen eten", languages: ["nl", "ar"] }) { offering { id } } }',
      { d: world.otherDistrictId, o: organisation.id },
    );
    const offeringId = recorded.data?.recordOffering.offering.id ?? '';
    expect(offeringId).not.toBe('');
    const updated = await admin.graphql(
      'mutation ($id: ID!) { updateOffering(input: { id: $id, category: MEALS, name: "Eettafel", languages: ["tr"] }) { offering { id } } }',
      { id: offeringId },
    );
    expect(updated.errors).toBeUndefined();
    const until = daysFromToday(7);
    const ended = await admin.graphql(
      'mutation ($id: ID!, $u: Date!) { endOffering(input: { id: $id, until: $u }) { offering { id } } }',
      { id: offeringId, u: until },
    );
    expect(ended.errors).toBeUndefined();
    const detail = await admin.graphql<{ adminOrganisation: { offerings: unknown[] } }>(
      'query ($id: ID!) { adminOrganisation(id: $id) { offerings { id name category languages districtId since until } } }',
      { id: organisation.id },
    );
    expect(detail.data?.adminOrganisation.offerings).toEqual([
      {
        id: offeringId,
        name: 'Eettafel',
        category: 'MEALS',
        languages: ['tr'],
        districtId: world.otherDistrictId,
        since: today,
        until,
      },
    ]);
    // Outside the organisation's wijken: the wijkkaart's rule holds for the admin too.
    const outside = await admin.graphql(
      'mutation ($d: ID!, $o: ID!) { recordOffering(input: { districtId: $d, organisationId: $o, category: SPORT, name: "Sport" }) { offering { id } } }',
      { d: world.districtId, o: organisation.id },
    );
    expect(code(outside)).toBe('OUTSIDE_DISTRICT');
  });
});
