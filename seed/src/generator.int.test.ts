import { Database, deleteSyntheticCity, findDistrict, migrate } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCity, syntheticSlugPrefix, type CityOptions, type LoadCityResult } from './generator.js';

/** A seed no other test uses, so this file owns every node under its slug prefix. */
const options: CityOptions = { seed: 917_403, districts: 3, organisations: 45, clients: 200, entriesPerClient: [25, 25] };
const prefix = syntheticSlugPrefix(options.seed);

/** Removes this test's synthetic city: everything reachable from its districts and organisations. */
async function deleteCity(db: Database): Promise<void> {
  await deleteSyntheticCity(db, prefix);
}

interface CityState {
  districts: number;
  organisations: number;
  clients: number;
  openCircles: number;
  entries: number;
  entriesPerCircle: number[];
  contacts: number;
  links: number;
}

async function cityState(db: Database): Promise<CityState> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `RETURN
         COUNT { MATCH (d:District) WHERE d.slug STARTS WITH $prefix } AS districts,
         COUNT { MATCH (o:Organisation) WHERE o.slug STARTS WITH $prefix } AS organisations,
         COUNT { MATCH (c:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix } AS clients,
         COUNT { MATCH (n:NetworkCircle)-[:OF]->(:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix AND n.frozenAt IS NULL } AS openCircles,
         COUNT { MATCH (n:NetworkCircle)-[:OF]->(:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix
                 MATCH (n)-[p:PLACES]->() RETURN p } AS entries,
         COLLECT { MATCH (n:NetworkCircle)-[:OF]->(:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix
                   RETURN COUNT { (n)-[:PLACES]->() } } AS entriesPerCircle,
         COUNT { MATCH (:Person)-[:CONTACT_OF]->(:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix } AS contacts,
         COUNT { MATCH (a)-[l:COLLABORATES_WITH]->(o:Organisation) WHERE o.slug STARTS WITH $prefix AND l.source = 'SYNTHETIC' } AS links`,
      { prefix },
    );
    const record = result.records[0];
    if (!record) throw new Error('no result');
    return record.toObject() as unknown as CityState;
  });
}

describe('loadCity', () => {
  let db: Database;
  let result: LoadCityResult;
  let state: CityState;

  beforeAll(async () => {
    db = new Database(inject('neo4j'));
    await migrate(db);
    await deleteCity(db); // left over from an interrupted run
    result = await loadCity(db, options, { batchSize: 1_000 });
    state = await cityState(db);
  });

  afterAll(async () => {
    await deleteCity(db);
    const left = await db.read((tx) => findDistrict(tx, `${prefix}wijk-1`));
    await db.close();
    expect(left).toBeUndefined();
  });

  it('writes the city that was asked for', () => {
    expect(state).toMatchObject({ districts: 3, organisations: 45, clients: 200, openCircles: 200, entries: 200 * 25 });
    expect(new Set(state.entriesPerCircle)).toEqual(new Set([25]));
    expect(state.links).toBe(result.counts.links);
    expect(state.contacts).toBe(result.counts.contacts);
    expect(result.counts).toMatchObject({ clients: 200, circles: 200, entries: 5_000 });
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('shows up as an ordinary district to the rest of the app', async () => {
    const district = await db.read((tx) => findDistrict(tx, `${prefix}wijk-1`, { organisations: true, links: true }));
    expect(district?.name).toBe(`Synthetische wijk ${String(options.seed)}-1`);
    expect(district?.organisations?.length).toBeGreaterThanOrEqual(15);
    expect(district?.links?.every((l) => l.source === 'SYNTHETIC')).toBe(true);
  });

  it('changes nothing when the same city is loaded again', async () => {
    await loadCity(db, options, { batchSize: 2_000 });
    expect(await cityState(db)).toEqual(state);
  });
});
