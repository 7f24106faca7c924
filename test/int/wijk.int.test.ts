import { randomUUID } from 'node:crypto';
import {
  computeWijkSignals,
  createWijkAction,
  DomainError,
  endLink,
  findWijkMap,
  listWijkActions,
  recordLink,
  upsertCircles,
  upsertClients,
  wijkSignalInput,
  type NewLink,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

const db = testDatabase();
let world: World;
const clients: string[] = [];

beforeAll(async () => {
  world = await createWorld(db);
});
afterAll(async () => {
  await db.write(async (tx) => {
    await tx.run('MATCH (a:WijkAction)-[:IN]->(:District {id: $id}) DETACH DELETE a', { id: world.districtId });
    await tx.run('MATCH (c:NetworkCircle)-[:OF]->(p:Client) WHERE p.id IN $ids DETACH DELETE c, p', { ids: clients });
  });
  await world.remove();
  await db.close();
});

const newLink = (fromId: string, toId: string, extra: Partial<NewLink> = {}): NewLink => ({
  id: randomUUID(),
  districtId: world.districtId,
  fromId,
  toId,
  kind: 'COLLABORATION',
  since: null,
  until: null,
  strength: null,
  source: 'USER',
  note: null,
  today: '2026-11-30',
  now: '2026-11-30T10:00:00Z',
  createdByAccountId: null,
  ...extra,
});

describe('the wijkkaart on a date (issue 9)', () => {
  it('draws links valid on the date only, with the key figure who consented and not the one who did not', async () => {
    const { walkIn, gp } = world.organisations;
    const recorded = await db.write((tx) => recordLink(tx, newLink(walkIn.id, gp.id, { since: '2025-01-01' })));
    await db.write((tx) => endLink(tx, recorded.link.id, '2026-01-01'));
    const before = await db.read((tx) => findWijkMap(tx, world.districtSlug, '2024-12-31'));
    const during = await db.read((tx) => findWijkMap(tx, world.districtSlug, '2025-06-01'));
    const after = await db.read((tx) => findWijkMap(tx, world.districtId, '2026-01-01'));
    expect(before?.links.map((l) => l.id)).not.toContain(recorded.link.id);
    expect(during?.links.find((l) => l.id === recorded.link.id)).toMatchObject({ since: '2025-01-01', until: '2026-01-01' });
    expect(after?.links.map((l) => l.id)).not.toContain(recorded.link.id);
    expect(during?.keyFigures.map((k) => k.id)).toEqual([world.keyFigureId]);
    expect(during?.links.some((l) => l.fromId === world.hiddenKeyFigureId || l.toId === world.hiddenKeyFigureId)).toBe(false);
    // The key figure's link is marked as belonging to its wijk (the access policy keeps it there).
    expect(during?.links.find((l) => l.fromId === world.keyFigureId)?.privateDistrictIds).toEqual([world.districtId]);
    expect(
      during?.links.find((l) => l.fromId === world.organisations.walkIn.id && l.toId === world.organisations.team.id)
        ?.privateDistrictIds,
    ).toEqual([]);
  });

  it('refuses a second link of the same kind while the first holds, and allows it again after it ended', async () => {
    const { care, island } = world.organisations;
    const first = await db.write((tx) => recordLink(tx, newLink(care.id, island.id, { since: '2024-01-01' })));
    await expect(db.write((tx) => recordLink(tx, newLink(island.id, care.id)))).rejects.toMatchObject({ code: 'CONFLICT' });
    await db.write((tx) => endLink(tx, first.link.id, '2025-01-01'));
    await expect(db.write((tx) => endLink(tx, first.link.id, '2025-02-01'))).rejects.toBeInstanceOf(DomainError);
    const again = await db.write((tx) => recordLink(tx, newLink(island.id, care.id, { since: '2025-06-01' })));
    expect(again.link.since).toBe('2025-06-01');
  });
});

describe('actions that close themselves (issue 9)', () => {
  it('closes an open missing-link action about exactly the two ends when their link is valid today, and no other', async () => {
    const { gp, team, walkIn } = world.organisations;
    const action = (nodeIds: string[], status: 'OPEN' | 'DROPPED' = 'OPEN') =>
      db.write((tx) =>
        createWijkAction(tx, {
          id: randomUUID(),
          districtId: world.districtId,
          title: 'Kennismaking',
          signalCode: 'MISSING_LINK',
          signalKey: `MISSING_LINK:${[...nodeIds].sort().join('~')}`,
          nodeIds,
          owner: 'Fatima',
          due: null,
          status,
          createdAt: '2026-11-01T10:00:00Z',
          createdByAccountId: null,
        }),
      );
    const pair = await action([gp.id, team.id]);
    const wider = await action([gp.id, team.id, walkIn.id]);
    const dropped = await action([gp.id, team.id], 'DROPPED');
    // A link that only starts next year closes nothing yet.
    const future = await db.write((tx) => recordLink(tx, newLink(team.id, gp.id, { kind: 'FUNDING', since: '2027-01-01' })));
    expect(future.closedActionIds).toEqual([]);
    const now = await db.write((tx) => recordLink(tx, newLink(team.id, gp.id, { kind: 'REFERRAL' })));
    expect(now.closedActionIds).toEqual([pair.id]);
    const listed = await db.read((tx) => listWijkActions(tx, world.districtId));
    expect(listed.find((a) => a.id === pair.id)).toMatchObject({ status: 'DONE', closedReason: 'LINK_RECORDED', version: 2 });
    expect(listed.find((a) => a.id === wider.id)?.status).toBe('OPEN');
    expect(listed.find((a) => a.id === dropped.id)?.status).toBe('DROPPED');
    // Open ones come first.
    expect(listed[0]?.status).toBe('OPEN');
  });
});

describe('co-served pairs are counted inside Neo4j (issue 9)', () => {
  it('returns a pair at K and not below, counting opted-in clients of the wijk through their open circle', async () => {
    const { walkIn, care } = world.organisations;
    const addClient = async (consent: boolean) => {
      const clientId = randomUUID();
      clients.push(clientId);
      await db.write(async (tx) => {
        await upsertClients(tx, [{ id: clientId, name: `Co ${world.tag}`, districtId: world.districtId }]);
        await tx.run('MATCH (c:Client {id: $id}) SET c.analysisConsent = $consent', { id: clientId, consent });
        await upsertCircles(tx, [
          {
            id: randomUUID(),
            clientId,
            label: null,
            createdAt: '2026-06-01T10:00:00Z',
            frozenAt: null,
            entries: [walkIn.id, care.id].map((targetId, position) => ({
              id: randomUUID(),
              targetId,
              ring: 4,
              sector: 'PROFESSIONALS',
              position,
              relation: null,
              support: [],
              wish: null,
              note: null,
            })),
          },
        ]);
      });
    };
    for (let i = 0; i < 4; i++) await addClient(true);
    for (let i = 0; i < 3; i++) await addClient(false);
    const pair = [walkIn.id, care.id].sort();
    const at = async (k: number | null) => db.read((tx) => wijkSignalInput(tx, world.districtId, '2026-11-30', k));
    expect((await at(5))?.coServedPairs).toEqual([]);
    await addClient(true);
    expect((await at(5))?.coServedPairs).toEqual([pair]);
    expect((await at(6))?.coServedPairs).toEqual([]);
    // Without K (another wijk's coordinator) nothing is counted at all.
    const none = await at(null);
    expect(none?.coServedPairs).toBeNull();
    expect(
      computeWijkSignals(none ?? { nodes: [], edges: [], offerings: [], coServedPairs: null }).some(
        (s) => s.code === 'MISSING_LINK',
      ),
    ).toBe(false);
  });
});
