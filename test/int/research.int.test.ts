import { randomUUID } from 'node:crypto';
import { districtHistories, exportEgoTable, Pseudonymiser, upsertCircles, upsertClients, type EgoTable } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';
import { clientHistoriesOf } from '../support/research.js';

const db = testDatabase();
let world: World;
const outsiderId = randomUUID();
const outsiderCircleId = randomUUID();

beforeAll(async () => {
  world = await createWorld(db);
  const [sister, worker] = world.circle.entries;
  await db.write(async (tx) => {
    await tx.run('MATCH (c:Client {id: $id}) SET c.analysisConsent = true', { id: world.clientId });
    // The sister and the support worker know each other: one alter–alter tie.
    await tx.run('MATCH (c:NetworkCircle {id: $id}) SET c.ties = [$tie]', {
      id: world.circle.id,
      tie: `${sister?.id ?? ''}~${worker?.id ?? ''}`,
    });
    // A client of the same wijk who did not opt in: never counted, never exported.
    await upsertClients(tx, [{ id: outsiderId, name: `Niet meedoen ${world.tag}`, districtId: world.districtId }]);
    await upsertCircles(tx, [
      {
        id: outsiderCircleId,
        clientId: outsiderId,
        label: null,
        createdAt: '2026-01-01T10:00:00Z',
        frozenAt: '2026-02-01T10:00:00Z',
        entries: [],
      },
    ]);
  });
});

afterAll(async () => {
  await db.write((tx) => tx.run('MATCH (c:NetworkCircle)-[:OF]->(p:Client {id: $id}) DETACH DELETE c, p', { id: outsiderId }));
  await world.remove();
  await db.close();
});

/** One table of the export as lines, for the pseudonyms given. */
async function table(name: EgoTable, pseudonyms: Pseudonymiser): Promise<string[]> {
  const lines: string[] = [];
  await db.read((tx) => exportEgoTable(tx, name, pseudonyms, 10, (line) => void lines.push(line.replace(/\r\n$/, ''))));
  return lines;
}

describe('research reads (issue 10)', () => {
  it('reads a wijk’s organisations and the history of the links between them, not the key figures’', async () => {
    const [history] = await db.read((tx) => districtHistories(tx, [world.districtId]));
    expect(history?.organisations.map((o) => o.id).sort()).toEqual(
      Object.values(world.organisations)
        .map((o) => o.id)
        .sort(),
    );
    expect(history?.links).toHaveLength(2);
    expect(history?.links[0]).toMatchObject({ since: '2024-01-01', until: null });
  });

  it('reads the snapshots of opted-in clients only, as they were frozen, oldest first', async () => {
    const found = await clientHistoriesOf(db, '2026-09-30', [world.districtId]);
    expect(found).toHaveLength(1);
    expect(found[0]?.snapshots.map((s) => s.frozenOn)).toEqual(['2026-03-01']);
    expect(found[0]?.snapshots[0]?.entries).toEqual([
      expect.objectContaining({ ring: 3, organisation: false, professional: false, relation: 'zus', safetyNet: false }),
    ]);
    // Before the snapshot was frozen the client has no state yet.
    expect(await clientHistoriesOf(db, '2026-02-28', [world.districtId])).toHaveLength(0);
  });
});

describe('the pseudonymised ego-network export (issue 10)', () => {
  const pseudonyms = new Pseudonymiser('research-key-for-tests', 'salt-one');

  it('writes the egor tables with their documented columns and one ego per circle', async () => {
    const egos = await table('egos', pseudonyms);
    expect(egos[0]).toBe('egoID,clientID,wave,created,wijk,alters,ties');
    const mine = egos.filter((line) => line.split(',')[1] === pseudonyms.of('client', world.clientId));
    expect(mine.map((line) => line.split(',').slice(2).join(',')).sort()).toEqual(['2026-03,2026-03,,1,0', 'open,2026-06,,3,1']);
    // The client who did not opt in is not there.
    expect(egos.some((line) => line.split(',')[1] === pseudonyms.of('client', outsiderId))).toBe(false);
  });

  it('gives alters a category, ring and sector, never a name, and ties between alters of the same ego', async () => {
    const egoId = pseudonyms.of('circle', world.circle.id);
    const alters = await table('alters', pseudonyms);
    expect(alters[0]).toBe('egoID,alterID,kind,relation,ring,circleSector,support,safetyNet,tier,organisationSector');
    const mine = alters.filter((line) => line.startsWith(`${egoId},`)).map((line) => line.split(','));
    expect(mine.map((f) => [f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]]).sort()).toEqual([
      ['ORGANISATION', 'ORGANISATION', '4', 'PROFESSIONALS', '', 'false', '', 'PRIMARY_CARE'],
      ['PERSON', 'PROFESSIONAL', '3', 'PROFESSIONALS', 'PRACTICAL', 'false', '3', ''],
      ['PERSON', 'SIBLING', '2', 'FAMILY', 'EMOTIONAL;SAFETY_NET', 'true', '', ''],
    ]);
    const ties = await table('aaties', pseudonyms);
    expect(ties[0]).toBe('egoID,Source,Target');
    const myTies = ties.filter((line) => line.startsWith(`${egoId},`)).map((line) => line.split(','));
    expect(myTies).toHaveLength(1);
    const alterIds = new Set(mine.map((f) => f[1]));
    expect(alterIds.has(myTies[0]?.[1])).toBe(true);
    expect(alterIds.has(myTies[0]?.[2])).toBe(true);
    const everything = [...alters, ...ties, ...(await table('egos', pseudonyms))].join('\n');
    for (const secret of [
      'Fatima',
      world.tag,
      world.clientId,
      world.sisterId,
      world.workerId,
      world.circle.id,
      'spreekuur',
      'zus',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('keeps one alter id for the same person across a client’s snapshots, and new pseudonyms with a new salt', async () => {
    const sisterAlter = (lines: string[], circleId: string, p: Pseudonymiser): string | undefined =>
      lines.find((line) => line.startsWith(`${p.of('circle', circleId)},`) && line.includes(',FAMILY,'))?.split(',')[1];
    const alters = await table('alters', pseudonyms);
    expect(sisterAlter(alters, world.circle.id, pseudonyms)).toBe(sisterAlter(alters, world.oldCircle.id, pseudonyms));
    const other = new Pseudonymiser('research-key-for-tests', 'salt-two');
    const again = await table('alters', other);
    expect(sisterAlter(again, world.circle.id, other)).not.toBe(sisterAlter(alters, world.circle.id, pseudonyms));
    expect(other.of('client', world.clientId)).not.toBe(pseudonyms.of('client', world.clientId));
  });
});
