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

  it('reads a person’s employer and own-contact mark only when asked, in the same order (issue 13)', async () => {
    const full = await db.read((tx) => findCircle(tx, world.circle.id));
    const bare = await db.read((tx) => findCircle(tx, world.circle.id, { employer: false, ownContact: false }));
    expect(bare?.entries.map((e) => e.id)).toEqual(full?.entries.map((e) => e.id));
    const worker = bare?.entries.find((e) => e.target.kind === 'PERSON' && e.target.name.startsWith('Begeleider'));
    // Not read, so shown as not known: no resolver serves these fields to an operation that did not select them.
    expect(worker?.target).toMatchObject({ professional: false, organisationId: null, ownContact: false });
    const withEmployer = await db.read((tx) => findCircle(tx, world.circle.id, { employer: true, ownContact: false }));
    expect(withEmployer?.entries.find((e) => e.id === worker?.id)?.target).toMatchObject({
      professional: true,
      organisationId: world.organisations.care.id,
    });
    // Signals need the employer's offers and tier: asking for them reads the employer, whatever else was asked.
    const signals = await db.read((tx) => findCircle(tx, world.circle.id, { signals: true, employer: false, ownContact: false }));
    expect(signals?.entries.find((e) => e.id === worker?.id)?.target).toMatchObject({ professional: true });
    expect(Array.isArray(signals?.signals)).toBe(true);
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
