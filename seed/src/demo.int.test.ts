import { createHash } from 'node:crypto';
import { Database, findCircle, findDistrict, listCircles, listWijkActions, migrate } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientKey } from './demo-circles.js';
import { RESEARCH_CLIENTS } from './demo-research.js';
import { buildDemo, demoCounts, loadDemo, missingLinkKey } from './demo.js';
import { seedId } from './ids.js';

const demo = buildDemo();
const counts = demoCounts(demo);
const { index } = demo;

/** Every id the demo writes: nodes are demo-owned when their id is in here. */
const demoIds = [
  ...demo.districts,
  ...demo.organisations,
  ...demo.partnerships,
  ...demo.offerings,
  ...demo.keyFigures,
  ...demo.supportWorkers,
  ...demo.clients,
  ...demo.contacts,
  ...demo.circles,
  ...demo.actions,
].map((row) => row.id);

/** Driver values (dates, lists, maps) as a canonical string, so equal graphs give equal checksums. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Temporal values (DateTime, Date) carry their own ISO representation.
    const printable = value as { toString(): string };
    if (printable.toString !== Object.prototype.toString) return JSON.stringify(printable.toString());
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

interface DemoState {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  checksum: string;
}

/**
 * What the demo owns in the database: nodes with a demo id, and relationships between two of them.
 * Other test files may write their own data into the same database at the same time, so a
 * count over the whole database could change under us.
 */
async function demoState(db: Database): Promise<DemoState> {
  return db.read(async (tx) => {
    const labels = await tx.run(
      `MATCH (n) WHERE n.id IN $ids UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label`,
      { ids: demoIds },
    );
    const relationships = await tx.run(
      `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN type(r) AS type, count(*) AS n ORDER BY type`,
      { ids: demoIds },
    );
    const nodes = await tx.run(
      `MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
      { ids: demoIds },
    );
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
       RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b, r.id`,
      { ids: demoIds },
    );
    const hash = createHash('sha256');
    for (const record of [...nodes.records, ...rels.records]) hash.update(canonical(record.toObject())).update('\n');
    return {
      labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, r.get('n') as number])),
      relationships: Object.fromEntries(relationships.records.map((r) => [r.get('type') as string, r.get('n') as number])),
      checksum: hash.digest('hex'),
    };
  });
}

describe('loadDemo', () => {
  let db: Database;
  let first: DemoState;
  let second: DemoState;

  beforeAll(async () => {
    db = new Database(inject('neo4j'));
    await migrate(db);
    await loadDemo(db, { force: true });
    first = await demoState(db);
    await loadDemo(db, { force: true });
    second = await demoState(db);
  });

  afterAll(async () => {
    // The demo data stays: it is shared, idempotent and loaded by `npm start` as well.
    await db.close();
  });

  it('skips a reload when the same demo data is already there, and changes nothing (issue 2)', async () => {
    const again = await loadDemo(db);
    expect(again.skipped).toBe(true);
    expect(await demoState(db)).toEqual(second);
  });

  it('writes every row it builds', () => {
    expect(first.labels).toMatchObject({
      District: counts.districts,
      Organisation: counts.organisations,
      Partnership: counts.partnerships,
      Offering: counts.offerings,
      KeyFigure: counts.keyFigures,
      SupportWorker: counts.supportWorkers,
      Client: counts.clients,
      NetworkCircle: counts.circles,
      WijkAction: counts.actions,
      Person: (counts.keyFigures ?? 0) + (counts.supportWorkers ?? 0) + (counts.clients ?? 0) + (counts.contacts ?? 0),
    });
    expect(first.relationships).toMatchObject({
      ACTIVE_IN: counts.activeIn,
      COLLABORATES_WITH: counts.links,
      CONTACT_OF: counts.contacts,
      ABOUT: demo.actions.reduce((sum, a) => sum + a.nodeIds.length, 0),
      IN: (counts.offerings ?? 0) + demo.partnerships.filter((p) => p.districtId !== null).length + (counts.actions ?? 0),
      KEY_FIGURE_IN: counts.keyFigures,
      LIVES_IN: counts.clients,
      MEMBER_OF: counts.memberships,
      OF: counts.circles,
      OFFERS: counts.offerings,
      PART_OF: 1,
      PLACES: counts.entries,
      WORKS_AT: counts.supportWorkers,
    });
  });

  it('records the consent to analysis of the co-serving clients and the opted-in research cohort, and nobody else’s', async () => {
    const consenting = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (c:Client) WHERE c.id IN $ids AND c.analysisConsent = true RETURN c.id AS id, c.analysisConsentAt AS at ORDER BY id`,
        { ids: demo.clients.map((c) => c.id) },
      );
      return result.records.map((r) => ({ clientId: r.get('id') as string, at: String(r.get('at')) }));
    });
    expect(consenting).toEqual([...demo.analysisConsents].sort((a, b) => a.clientId.localeCompare(b.clientId)));
  });

  it('makes the Kanaleneiland and Overvecht pairs reach K in the database, but not the one with 9 opted-in clients', async () => {
    // The missing-link signal's count (docs/WIJKKAART.md), over the demo's own clients only: other
    // test files may add clients to the same database at the same time.
    const pairs = async (wijk: string): Promise<string[]> =>
      db.read(async (tx) => {
        const result = await tx.run(
          `MATCH (d:District {id: $districtId})<-[:LIVES_IN]-(client:Client)<-[:OF]-(c:NetworkCircle)-[:PLACES]->(o:Organisation)-[:ACTIVE_IN]->(d)
           WHERE client.id IN $clientIds AND client.analysisConsent = true AND c.frozenAt IS NULL
           WITH client, collect(DISTINCT o.id) AS organisations
           UNWIND organisations AS x
           UNWIND organisations AS y
           WITH client, x, y WHERE x < y
           WITH x, y, count(DISTINCT client) AS clients
           WHERE clients >= 10 AND NOT EXISTS {
             MATCH (:Organisation {id: x})-[l:COLLABORATES_WITH]-(:Organisation {id: y})
             WHERE (l.since IS NULL OR l.since <= date($today)) AND (l.until IS NULL OR l.until > date($today))
           }
           RETURN 'MISSING_LINK:' + x + '~' + y AS key ORDER BY key`,
          { districtId: index.districtId(wijk), clientIds: demo.clients.map((c) => c.id), today: '2026-11-30' },
        );
        return result.records.map((r) => r.get('key') as string);
      });
    const key = (a: string, b: string): string => missingLinkKey(index.organisationId(a), index.organisationId(b));
    expect(await pairs('Kanaleneiland')).toEqual([key('Stichting Al Amal', 'Huisarts Kanaleneiland')]);
    expect(await pairs('Overvecht')).toEqual([key('Power by Peers', 'Gebiedsteam GGZ')]);
  });

  it('writes the research cohort: per wijk the opted-in clients with frozen snapshots, as the research page reads them', async () => {
    const cohortIds = RESEARCH_CLIENTS.map((c) => seedId(`client:${clientKey(c)}`));
    const consenting = new Set(demo.analysisConsents.map((c) => c.clientId));
    const expected = new Map<string, { clients: number; snapshots: number }>();
    for (const client of demo.clients.filter((c) => cohortIds.includes(c.id) && consenting.has(c.id))) {
      const row = expected.get(client.districtId) ?? { clients: 0, snapshots: 0 };
      row.clients += 1;
      row.snapshots += demo.circles.filter((c) => c.clientId === client.id && c.frozenAt !== null).length;
      expected.set(client.districtId, row);
    }
    const found = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (client:Client)-[:LIVES_IN]->(d:District)
         WHERE client.id IN $ids AND client.analysisConsent = true
         MATCH (client)<-[:OF]-(c:NetworkCircle) WHERE c.frozenAt IS NOT NULL AND c.frozenAt < datetime($today)
         RETURN d.id AS districtId, count(DISTINCT client) AS clients, count(c) AS snapshots`,
        { ids: cohortIds, today: '2026-11-30T00:00:00Z' },
      );
      return new Map(
        result.records.map((r) => [
          r.get('districtId') as string,
          { clients: r.get('clients') as number, snapshots: r.get('snapshots') as number },
        ]),
      );
    });
    expect(found).toEqual(expected);
    expect(found.get(index.districtId('Kanaleneiland'))?.clients).toBeGreaterThanOrEqual(25);
    // Each open circle holds at most one organisation, so none adds to the missing-link signal.
    const crowded = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (client:Client)<-[:OF]-(c:NetworkCircle) WHERE client.id IN $ids AND c.frozenAt IS NULL
         WITH c, COUNT { (c)-[:PLACES]->(:Organisation) } AS organisations WHERE organisations > 1
         RETURN count(c) AS n`,
        { ids: cohortIds },
      );
      return result.records[0]?.get('n') as number;
    });
    expect(crowded).toBe(0);
  });

  it('writes the demo actions, the open one about the Kanaleneiland missing link', async () => {
    const actions = await db.read((tx) => listWijkActions(tx, index.districtId('Kanaleneiland')));
    const open = actions.find((a) => a.id === demo.actions.find((d) => d.status === 'OPEN')?.id);
    expect(open).toMatchObject({
      title: 'Kennismaking Stichting Al Amal en Huisarts Kanaleneiland',
      signalCode: 'MISSING_LINK',
      signalKey: missingLinkKey(index.organisationId('Stichting Al Amal'), index.organisationId('Huisarts Kanaleneiland')),
      owner: 'Fatima B.',
      due: '2027-02-15',
    });
    expect(actions.some((a) => a.id === demo.actions.find((d) => d.status === 'DONE')?.id)).toBe(true);
  });

  it('changes nothing when loaded a second time', () => {
    expect(second.labels).toEqual(first.labels);
    expect(second.relationships).toEqual(first.relationships);
    expect(second.checksum).toBe(first.checksum);
  });

  it('shows the 19 kernteam organisations on the Kanaleneiland map, with links and at least one island', async () => {
    const kanaleneiland = await db.read((tx) =>
      findDistrict(tx, 'kanaleneiland', { organisations: true, links: true, keyFigures: true }),
    );
    expect(kanaleneiland).toMatchObject({ name: 'Kanaleneiland', focus: true, partOfId: index.districtId('Zuidwest') });
    const names = kanaleneiland?.organisations?.map((o) => o.name) ?? [];
    const kernteam = demo.partnerships.find((p) => p.name === 'Kernteam Kanaleneiland')?.memberIds ?? [];
    expect(kernteam).toHaveLength(19);
    const ids = new Set(kanaleneiland?.organisations?.map((o) => o.id));
    for (const id of kernteam) expect(ids.has(id), demo.organisations.find((o) => o.id === id)?.name).toBe(true);
    expect(names).toContain('Huis van Vrede');

    const links = kanaleneiland?.links ?? [];
    expect(links.length).toBeGreaterThanOrEqual(10);
    const linked = new Set(links.flatMap((l) => [l.fromId, l.toId]));
    expect(kanaleneiland?.organisations?.some((o) => !linked.has(o.id))).toBe(true);
    expect(kanaleneiland?.keyFigures?.map((k) => k.name).sort()).toEqual(['Fatima Z.', 'Samira B.', 'Youssef E.']);
  });

  it('keeps the key figure without map consent off the Overvecht map', async () => {
    const overvecht = await db.read((tx) => findDistrict(tx, 'overvecht', { keyFigures: true, links: true }));
    const names = overvecht?.keyFigures?.map((k) => k.name) ?? [];
    expect(names).toContain('Henk V.');
    expect(names).not.toContain('Ayşe K.');
    const hidden = demo.keyFigures.find((k) => !k.mapConsent)?.id;
    expect(overvecht?.links?.some((l) => l.fromId === hidden || l.toId === hidden)).toBe(false);
  });

  it('lets a client’s open circle and older snapshot be read back', async () => {
    const client = demo.clients.find((c) => c.name === 'Aïcha');
    const snapshots = await db.read((tx) => listCircles(tx, client?.id ?? ''));
    expect(snapshots.map((s) => s.frozenAt === null)).toEqual([true, false]);
    expect(snapshots[1]?.label).toMatch(/ 2026$/);
    const open = await db.read((tx) => findCircle(tx, snapshots[0]?.id ?? ''));
    const begeleider = open?.entries.find((e) => e.relation === 'begeleider');
    expect(begeleider?.target).toMatchObject({
      kind: 'PERSON',
      name: 'Khalid A.',
      professional: true,
      organisationId: index.organisationId('Leger des Heils'),
    });
    expect(begeleider?.ring).toBeGreaterThanOrEqual(3);
    expect(open?.entries.some((e) => e.target.kind === 'ORGANISATION' && e.relation === 'huisarts')).toBe(true);
  });
});
