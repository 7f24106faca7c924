import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../driver.js';
import { rows } from '../tx.js';
import { appliedMigrations, loadMigrations, migrate } from './migrate.js';

// This package's own Database (not the one behind @wijkkring/graph), as migrate() expects.
const db = new Database(inject('neo4j'));
afterAll(() => db.close());

describe('migrations (issue 2)', () => {
  it('records every migration once and applies nothing on a second run', async () => {
    const files = await loadMigrations();
    await migrate(db);
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((m) => m.name));
    const recorded = await appliedMigrations(db);
    expect(recorded.map((m) => m.name)).toEqual(files.map((m) => m.name));
  });

  it('creates the uniqueness constraints the model relies on', async () => {
    const constraints = await db.read((tx) =>
      rows<{ name: string; type: string }>(tx, 'SHOW CONSTRAINTS YIELD name, type RETURN name, type'),
    );
    const names = constraints.map((c) => c.name);
    for (const expected of [
      'district_id',
      'organisation_id',
      'person_id',
      'network_circle_id',
      'places_id',
      'collaborates_with_id',
    ]) {
      expect(names).toContain(expected);
    }
    expect(constraints.find((c) => c.name === 'places_id')?.type).toBe('RELATIONSHIP_UNIQUENESS');
  });

  it('refuses to run when a landed migration was edited', async () => {
    const files = await loadMigrations();
    const edited = files.map((m, index) => (index === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rejects a duplicate person id at the database (constraint is real)', async () => {
    const id = crypto.randomUUID();
    await db.write((tx) => tx.run('CREATE (:Person {id: $id, name: "a"})', { id }));
    try {
      await expect(db.write((tx) => tx.run('CREATE (:Person {id: $id, name: "b"})', { id }))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    } finally {
      await db.write((tx) => tx.run('MATCH (p:Person {id: $id}) DELETE p', { id }));
    }
  });
});
