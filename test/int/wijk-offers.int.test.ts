import { randomUUID } from 'node:crypto';
import { Database, findCircleDistrictOffers, upsertCircles } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

const db = testDatabase();
let world: World;
const TODAY = '2026-07-01';
const ids = { homeless: randomUUID(), homelessCircle: randomUUID() };

interface TestOffering {
  name: string;
  organisation: keyof World['organisations'];
  district: 'home' | 'other';
  category: string;
  languages?: string[];
  since?: string;
  until?: string;
}

/** Offerings with periods, written directly: the fixture's writer records no periods. */
async function addOfferings(offerings: TestOffering[]): Promise<void> {
  const rows = offerings.map((o) => ({
    id: randomUUID(),
    organisationId: world.organisations[o.organisation].id,
    districtId: o.district === 'home' ? world.districtId : world.otherDistrictId,
    category: o.category,
    name: `${o.name} ${world.tag}`,
    languages: o.languages ?? [],
    since: o.since ?? null,
    until: o.until ?? null,
  }));
  await db.write((tx) =>
    tx.run(
      `UNWIND $rows AS row
       MATCH (o:Organisation {id: row.organisationId}), (d:District {id: row.districtId})
       CREATE (o)-[:OFFERS]->(f:Offering {id: row.id})-[:IN]->(d)
       SET f.category = row.category, f.name = row.name, f.languages = row.languages,
           f.since = date(row.since), f.until = date(row.until)`,
      { rows },
    ),
  );
}

beforeAll(async () => {
  world = await createWorld(db);
  await addOfferings([
    {
      name: 'Taalcafé',
      organisation: 'walkIn',
      district: 'home',
      category: 'LANGUAGE',
      languages: ['ar', 'tr'],
      since: '2026-01-01',
    },
    { name: 'Ooit', organisation: 'walkIn', district: 'home', category: 'SPORT', since: '2025-01-01', until: '2026-06-30' },
    { name: 'Eindigt vandaag', organisation: 'island', district: 'home', category: 'BUDDY', until: TODAY },
    { name: 'Straks', organisation: 'island', district: 'home', category: 'BUDDY', since: '2026-07-02' },
    { name: 'Nog even', organisation: 'island', district: 'home', category: 'PEER_SUPPORT', until: '2026-07-02' },
    { name: 'Spreekuur', organisation: 'gp', district: 'home', category: 'GENERAL_PRACTICE', since: TODAY },
    { name: 'Elders', organisation: 'team', district: 'other', category: 'NEIGHBOURHOOD_SUPPORT' },
    { name: 'Zorg', organisation: 'care', district: 'home', category: 'SHELTERED_LIVING' },
  ]);
  // An organisation that ended takes its offers off the page (it cannot be added to a circle).
  await db.write((tx) =>
    tx.run('MATCH (o:Organisation {id: $id}) SET o.until = date($until)', { id: world.organisations.care.id, until: TODAY }),
  );
  await db.write(async (tx) => {
    // Written directly: the seed's writer gives every client a wijk.
    await tx.run('CREATE (:Person:Client {id: $id, name: $name})', { id: ids.homeless, name: `Zonder wijk ${world.tag}` });
    await upsertCircles(tx, [
      {
        id: ids.homelessCircle,
        clientId: ids.homeless,
        label: null,
        createdAt: '2026-06-01T10:00:00Z',
        frozenAt: null,
        entries: [],
      },
    ]);
  });
});

afterAll(async () => {
  await db.write((tx) => tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ids) }));
  await world.remove();
  await db.close();
});

describe('the offers of a client’s wijk (issue 14)', () => {
  it('lists only offerings valid today in the client’s own wijk, by kind, in one statement', async () => {
    let statements = 0;
    const counted = new Database(inject('neo4j'), { onQuery: () => (statements += 1) });
    try {
      const found = await counted.read((tx) => findCircleDistrictOffers(tx, world.circle.id, TODAY));
      expect(statements).toBe(1);
      expect(found?.clientId).toBe(world.clientId);
      expect(found?.circleId).toBe(world.circle.id);
      expect(found?.district).toEqual({ id: world.districtId, name: `Testwijk ${world.tag}` });
      expect(found?.offers.map((o) => [o.category, o.name.replace(` ${world.tag}`, '')])).toEqual([
        // The fixture's own offering (no period), then the rest in the model's order of kinds.
        ['WALK_IN', 'Inloop'],
        ['LANGUAGE', 'Taalcafé'],
        ['PEER_SUPPORT', 'Nog even'],
        ['GENERAL_PRACTICE', 'Spreekuur'],
      ]);
    } finally {
      await counted.close();
    }
  });

  it('gives organisation, languages and whether the organisation is already in the circle', async () => {
    const found = await db.read((tx) => findCircleDistrictOffers(tx, world.circle.id, TODAY));
    const byName = new Map(found?.offers.map((o) => [o.name.replace(` ${world.tag}`, ''), o]));
    expect(byName.get('Taalcafé')).toMatchObject({
      organisationId: world.organisations.walkIn.id,
      organisationName: world.organisations.walkIn.name,
      languages: ['ar', 'tr'],
      inCircle: false,
    });
    // The huisarts is placed in the world's open circle.
    expect(byName.get('Spreekuur')).toMatchObject({ organisationId: world.organisations.gp.id, inCircle: true });
    // The old snapshot does not hold the huisarts: the mark is about the circle asked for.
    const old = await db.read((tx) => findCircleDistrictOffers(tx, world.oldCircle.id, TODAY));
    expect(old?.offers.find((o) => o.organisationId === world.organisations.gp.id)?.inCircle).toBe(false);
  });

  it('follows the date: an offering that started later shows from its first day on', async () => {
    const later = await db.read((tx) => findCircleDistrictOffers(tx, world.circle.id, '2026-07-02'));
    const names = later?.offers.map((o) => o.name.replace(` ${world.tag}`, ''));
    expect(names).toContain('Straks');
    expect(names).not.toContain('Nog even');
    const earlier = await db.read((tx) => findCircleDistrictOffers(tx, world.circle.id, '2026-06-01'));
    expect(earlier?.offers.map((o) => o.name.replace(` ${world.tag}`, ''))).toEqual(
      expect.arrayContaining(['Ooit', 'Eindigt vandaag', 'Zorg']),
    );
  });

  it('answers a client without a wijk with no offers, and an unknown circle with nothing', async () => {
    const homeless = await db.read((tx) => findCircleDistrictOffers(tx, ids.homelessCircle, TODAY));
    expect(homeless).toEqual({ circleId: ids.homelessCircle, clientId: ids.homeless, district: null, offers: [] });
    expect(await db.read((tx) => findCircleDistrictOffers(tx, randomUUID(), TODAY))).toBeUndefined();
  });
});
