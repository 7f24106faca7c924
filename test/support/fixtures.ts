import { randomUUID } from 'node:crypto';
import {
  Database,
  upsertCircles,
  upsertGrants,
  upsertClients,
  upsertContacts,
  upsertDistricts,
  upsertKeyFigures,
  upsertLinks,
  upsertOfferings,
  upsertOrganisations,
  upsertPartnerships,
  upsertSupportWorkers,
  type CircleRow,
  type LinkRow,
  type OrganisationRow,
} from '@wijkkring/graph';
import { inject } from 'vitest';

export function testDatabase(): Database {
  return new Database(inject('neo4j'));
}

/** A small, self-contained world with unique ids and slugs; `remove()` deletes exactly it. */
export interface World {
  tag: string;
  districtId: string;
  districtSlug: string;
  otherDistrictId: string;
  organisations: Record<'walkIn' | 'team' | 'care' | 'gp' | 'island', OrganisationRow>;
  keyFigureId: string;
  hiddenKeyFigureId: string;
  partnershipId: string;
  links: LinkRow[];
  clientId: string;
  workerId: string;
  sisterId: string;
  circle: CircleRow;
  oldCircle: CircleRow;
  ids: string[];
  remove(): Promise<void>;
}

export async function createWorld(db: Database): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const id = (): string => randomUUID();
  const districtId = id();
  const otherDistrictId = id();
  const districtSlug = `test-${tag}`;
  const org = (
    name: string,
    tier: 1 | 2 | 3 | null,
    sector: OrganisationRow['sector'],
    districtIds: string[],
  ): OrganisationRow => ({
    id: id(),
    name: `${name} ${tag}`,
    slug: `${name.toLowerCase().replace(/\s+/g, '-')}-${tag}`,
    tier,
    sector,
    classification: 'assumed',
    note: null,
    districtIds,
  });
  const organisations = {
    walkIn: org('Inloop', 1, 'SOCIAL_BASE', [districtId]),
    team: org('Buurtteam', 2, 'NEIGHBOURHOOD_TEAMS', [districtId, otherDistrictId]),
    care: org('Zorg', 3, 'ADDITIONAL_CARE', [districtId]),
    gp: org('Huisarts', null, 'PRIMARY_CARE', [districtId]),
    island: org('Eiland', 1, 'SOCIAL_BASE', [districtId]),
  };
  const keyFigureId = id();
  const hiddenKeyFigureId = id();
  const partnershipId = id();
  const link = (fromId: string, toId: string, kind: LinkRow['kind']): LinkRow => ({
    id: id(),
    fromId,
    toId,
    kind,
    since: '2024-01-01',
    until: null,
    strength: 2,
    source: 'DEMO',
    note: null,
  });
  const links = [
    link(organisations.walkIn.id, organisations.team.id, 'REFERRAL'),
    link(organisations.care.id, organisations.team.id, 'HANDOVER'),
    link(keyFigureId, organisations.walkIn.id, 'COLLABORATION'),
    link(hiddenKeyFigureId, organisations.team.id, 'COLLABORATION'),
  ];
  const clientId = id();
  const workerId = id();
  const sisterId = id();
  const circle: CircleRow = {
    id: id(),
    clientId,
    label: null,
    createdAt: '2026-06-01T10:00:00Z',
    frozenAt: null,
    entries: [
      {
        id: id(),
        targetId: sisterId,
        ring: 2,
        sector: 'FAMILY',
        position: 0,
        relation: 'zus',
        support: ['EMOTIONAL', 'SAFETY_NET'],
        wish: 'MORE_CONTACT',
        note: null,
      },
      {
        id: id(),
        targetId: workerId,
        ring: 3,
        sector: 'PROFESSIONALS',
        position: 0,
        relation: 'begeleider',
        support: ['PRACTICAL'],
        wish: null,
        note: null,
      },
      {
        id: id(),
        targetId: organisations.gp.id,
        ring: 4,
        sector: 'PROFESSIONALS',
        position: 1,
        relation: 'huisarts',
        support: [],
        wish: null,
        note: 'spreekuur',
      },
    ],
  };
  const oldCircle: CircleRow = {
    id: id(),
    clientId,
    label: 'Maart',
    createdAt: '2026-03-01T10:00:00Z',
    frozenAt: '2026-03-01T10:00:00Z',
    entries: [
      {
        id: id(),
        targetId: sisterId,
        ring: 3,
        sector: 'FAMILY',
        position: 0,
        relation: 'zus',
        support: [],
        wish: null,
        note: null,
      },
    ],
  };
  await db.write(async (tx) => {
    await upsertDistricts(tx, [
      { id: districtId, name: `Testwijk ${tag}`, slug: districtSlug, focus: true, partOfId: null },
      { id: otherDistrictId, name: `Andere wijk ${tag}`, slug: `other-${tag}`, focus: false, partOfId: null },
    ]);
    await upsertOrganisations(tx, Object.values(organisations));
    await upsertPartnerships(tx, [
      {
        id: partnershipId,
        name: `Kernteam ${tag}`,
        kind: 'CORE_TEAM',
        districtId,
        memberIds: [organisations.walkIn.id, organisations.team.id],
      },
    ]);
    await upsertOfferings(tx, [
      { id: id(), organisationId: organisations.walkIn.id, districtId, category: 'WALK_IN', name: 'Inloop' },
    ]);
    await upsertKeyFigures(tx, [
      { id: keyFigureId, name: `Samira ${tag}`, description: 'organiseert maaltijden', districtId, mapConsent: true },
      { id: hiddenKeyFigureId, name: `Verborgen ${tag}`, description: null, districtId, mapConsent: false },
    ]);
    await upsertLinks(tx, links);
    await upsertSupportWorkers(tx, [
      { id: workerId, name: `Begeleider ${tag}`, organisationId: organisations.care.id, role: 'ambulant begeleider' },
    ]);
    await upsertClients(tx, [{ id: clientId, name: `Cliënt ${tag}`, districtId }]);
    await upsertContacts(tx, [{ id: sisterId, clientId, name: 'Fatima' }]);
    await upsertCircles(tx, [oldCircle, circle]);
  });
  const ids = [
    districtId,
    otherDistrictId,
    ...Object.values(organisations).map((o) => o.id),
    keyFigureId,
    hiddenKeyFigureId,
    partnershipId,
    clientId,
    workerId,
    sisterId,
    circle.id,
    oldCircle.id,
  ];
  return {
    tag,
    districtId,
    districtSlug,
    otherDistrictId,
    organisations,
    keyFigureId,
    hiddenKeyFigureId,
    partnershipId,
    links,
    clientId,
    workerId,
    sisterId,
    circle,
    oldCircle,
    ids,
    remove: () =>
      db.write(async (tx) => {
        await tx.run(`MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.id IN $ids DETACH DELETE f`, { ids });
        // What tests added through the API: people in the client's circle and frozen snapshots.
        await tx.run(`MATCH (p:Person)-[:CONTACT_OF]->(:Client {id: $clientId}) DETACH DELETE p`, { clientId });
        await tx.run(`MATCH (c:NetworkCircle)-[:OF]->(:Client {id: $clientId}) DETACH DELETE c`, { clientId });
        for (const label of ['District', 'Organisation', 'Partnership', 'Person', 'NetworkCircle']) {
          await tx.run(`MATCH (n:${label}) WHERE n.id IN $ids DETACH DELETE n`, { ids });
        }
      }),
  };
}

/** The world's client gives the world's support worker access (read or edit, no end date); returns the grant's id. */
export async function grantWorkerAccess(db: Database, world: World, level: 'READ' | 'EDIT'): Promise<string> {
  const id = randomUUID();
  await db.write((tx) =>
    upsertGrants(tx, [
      { id, clientId: world.clientId, supportWorkerId: world.workerId, level, grantedAt: '2026-01-01T00:00:00Z', until: null },
    ]),
  );
  return id;
}
