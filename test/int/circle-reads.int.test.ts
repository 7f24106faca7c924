import { Database, findCircle, findClient, listCircles, serverInfo } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

let queries = 0;
const db = testDatabase();
let world: World;

beforeAll(async () => {
  world = await createWorld(db);
});
afterAll(async () => {
  await world.remove();
  await db.close();
});

describe('circle reads (issue 2)', () => {
  it('reads a circle with entries, people and organisations in ring order', async () => {
    const circle = await db.read((tx) => findCircle(tx, world.circle.id));
    expect(circle).toMatchObject({
      id: world.circle.id,
      clientId: world.clientId,
      clientName: `Cliënt ${world.tag}`,
      frozenAt: null,
    });
    expect(circle?.createdAt).toMatch(/^2026-06-01T10:00:00/);
    expect(circle?.entries.map((e) => [e.ring, e.sector, e.target.name])).toEqual([
      [2, 'FAMILY', 'Fatima'],
      [3, 'PROFESSIONALS', `Begeleider ${world.tag}`],
      [4, 'PROFESSIONALS', `Huisarts ${world.tag}`],
    ]);
    const [sister, worker, gp] = circle?.entries ?? [];
    expect(sister).toMatchObject({
      relation: 'zus',
      support: ['EMOTIONAL', 'SAFETY_NET'],
      safetyNet: true,
      wish: 'MORE_CONTACT',
    });
    expect(sister?.target).toEqual({
      kind: 'PERSON',
      // The circle's owner travels with every entry and person: access checks need it (issue 3).
      clientId: world.clientId,
      id: world.sisterId,
      name: 'Fatima',
      professional: false,
      organisationId: null,
      // Someone the client added: the client may rename her (issue 4).
      ownContact: true,
    });
    expect(worker?.target).toMatchObject({
      kind: 'PERSON',
      professional: true,
      organisationId: world.organisations.care.id,
      ownContact: false,
    });
    expect(worker?.safetyNet).toBe(false);
    expect(gp?.target).toMatchObject({ kind: 'ORGANISATION', tier: null, sector: 'PRIMARY_CARE' });
  });

  it('costs one Cypher round trip', async () => {
    const counting = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
    try {
      await counting.read((tx) => findCircle(tx, world.circle.id));
      expect(queries).toBe(1);
    } finally {
      await counting.close();
    }
  });

  it('returns undefined for an unknown circle', async () => {
    expect(await db.read((tx) => findCircle(tx, crypto.randomUUID()))).toBeUndefined();
  });

  it('lists snapshots newest first and points the client at the open one', async () => {
    const circles = await db.read((tx) => listCircles(tx, world.clientId));
    expect(circles.map((c) => [c.id, c.frozenAt === null])).toEqual([
      [world.circle.id, true],
      [world.oldCircle.id, false],
    ]);
    const client = await db.read((tx) => findClient(tx, world.clientId));
    expect(client).toEqual({
      id: world.clientId,
      name: `Cliënt ${world.tag}`,
      districtId: world.districtId,
      currentCircleId: world.circle.id,
      analysisConsent: false,
    });
  });

  it('reports the Neo4j version', async () => {
    const info = await db.read((tx) => serverInfo(tx));
    expect(info.version).toMatch(/^5\.26\./);
  });
});
