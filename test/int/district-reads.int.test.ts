import { findDistrict, findDistricts, findOrganisation, listDistricts, searchOrganisations } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

const db = testDatabase();
let world: World;

beforeAll(async () => {
  world = await createWorld(db);
});
afterAll(async () => {
  await world.remove();
  await db.close();
});

const ALL = { organisations: true, organisationCount: true, partnerships: true, keyFigures: true, links: true, offerings: true };

describe('district reads (issue 2)', () => {
  it('finds a district by slug and by id with its whole network', async () => {
    const bySlug = await db.read((tx) => findDistrict(tx, world.districtSlug, ALL));
    const byId = await db.read((tx) => findDistrict(tx, world.districtId, ALL));
    expect(byId).toEqual(bySlug);
    expect(bySlug?.name).toBe(`Testwijk ${world.tag}`);
    expect(bySlug?.organisations?.map((o) => o.name)).toEqual(
      Object.values(world.organisations)
        .map((o) => o.name)
        .sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(bySlug?.organisationCount).toBe(5);
    expect(bySlug?.organisations?.find((o) => o.id === world.organisations.team.id)).toMatchObject({
      tier: 2,
      sector: 'NEIGHBOURHOOD_TEAMS',
    });
    expect(bySlug?.organisations?.find((o) => o.id === world.organisations.gp.id)).toMatchObject({
      tier: null,
      sector: 'PRIMARY_CARE',
    });
    expect(bySlug?.partnerships).toEqual([
      {
        id: world.partnershipId,
        name: `Kernteam ${world.tag}`,
        kind: 'CORE_TEAM',
        districtId: world.districtId,
        memberIds: expect.arrayContaining([world.organisations.walkIn.id, world.organisations.team.id]) as unknown,
      },
    ]);
    expect(bySlug?.offerings?.map((o) => o.category)).toEqual(['WALK_IN']);
  });

  it('shows only key figures who consented, and only their links', async () => {
    const district = await db.read((tx) => findDistrict(tx, world.districtSlug, { keyFigures: true, links: true }));
    expect(district?.keyFigures?.map((k) => k.id)).toEqual([world.keyFigureId]);
    const linkIds = district?.links?.map((l) => l.id).sort();
    const expected = world.links
      .filter((l) => l.fromId !== world.hiddenKeyFigureId)
      .map((l) => l.id)
      .sort();
    expect(linkIds).toEqual(expected);
    const handover = district?.links?.find((l) => l.kind === 'HANDOVER');
    expect(handover).toMatchObject({
      fromId: world.organisations.care.id,
      toId: world.organisations.team.id,
      since: '2024-01-01',
      until: null,
      source: 'DEMO',
    });
  });

  it('loads only the parts that were asked for', async () => {
    const bare = await db.read((tx) => findDistrict(tx, world.districtSlug, {}));
    expect(bare).toEqual({
      id: world.districtId,
      name: `Testwijk ${world.tag}`,
      slug: world.districtSlug,
      focus: true,
      partOfId: null,
    });
  });

  it('does not count links to organisations outside the district', async () => {
    const other = await db.read((tx) => findDistrict(tx, world.otherDistrictId, { organisations: true, links: true }));
    expect(other?.organisations?.map((o) => o.id)).toEqual([world.organisations.team.id]);
    expect(other?.links).toEqual([]);
  });

  it('batches several districts in one call and returns nothing for unknown keys', async () => {
    const found = await db.read((tx) => findDistricts(tx, [world.districtId, world.otherDistrictId, 'does-not-exist'], {}));
    expect(found.map((d) => d.id).sort()).toEqual([world.districtId, world.otherDistrictId].sort());
  });

  it('pages through districts with a stable order', async () => {
    const first = await db.read((tx) => listDistricts(tx, 0, 1));
    expect(first.items).toHaveLength(1);
    expect(first.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.hasNextPage).toBe(true);
    const all = await db.read((tx) => listDistricts(tx, 0, 100));
    const names = all.items.map((d) => d.name);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    const beyond = await db.read((tx) => listDistricts(tx, all.totalCount + 5, 10));
    expect(beyond.items).toEqual([]);
    expect(beyond.totalCount).toBe(all.totalCount);
  });
});

describe('organisation reads (issue 2)', () => {
  it('returns one organisation with districts, partnerships, offerings and links', async () => {
    const walkIn = await db.read((tx) => findOrganisation(tx, world.organisations.walkIn.slug));
    expect(walkIn?.districts.map((d) => d.id)).toEqual([world.districtId]);
    expect(walkIn?.partnerships.map((p) => p.id)).toEqual([world.partnershipId]);
    expect(walkIn?.offerings.map((o) => o.name)).toEqual(['Inloop']);
    expect(walkIn?.links.map((l) => l.kind).sort()).toEqual(['COLLABORATION', 'REFERRAL']);
    const island = await db.read((tx) => findOrganisation(tx, world.organisations.island.id));
    expect(island?.links).toEqual([]);
  });

  it('reads only the parts that were asked for, in one statement (issue 13)', async () => {
    const walkIn = await db.read((tx) => findOrganisation(tx, world.organisations.walkIn.id, new Set(['offerings'] as const)));
    expect(walkIn?.offerings?.map((o) => o.name)).toEqual(['Inloop']);
    expect(walkIn && 'links' in walkIn).toBe(false);
    expect(walkIn && 'districts' in walkIn).toBe(false);
    expect(walkIn && 'classification' in walkIn).toBe(false);
    const bare = await db.read((tx) => findOrganisation(tx, world.organisations.walkIn.slug, new Set()));
    expect(bare).toMatchObject({ id: world.organisations.walkIn.id, name: world.organisations.walkIn.name });
    expect(Object.keys(bare ?? {}).sort()).toEqual(['id', 'name', 'sector', 'slug', 'tier']);
  });

  it('searches by part of a name, within a district', async () => {
    const page = await db.read((tx) =>
      searchOrganisations(tx, { search: `eiland ${world.tag}`, districtId: world.districtId }, 0, 10),
    );
    expect(page.items.map((o) => o.id)).toEqual([world.organisations.island.id]);
    const elsewhere = await db.read((tx) =>
      searchOrganisations(tx, { search: 'Zorg', districtId: world.otherDistrictId }, 0, 10),
    );
    expect(elsewhere.items.map((o) => o.id)).not.toContain(world.organisations.care.id);
  });
});
