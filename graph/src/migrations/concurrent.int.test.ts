import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../driver.js';
import { rows } from '../tx.js';
import { loadMigrations, migrate } from './migrate.js';

/*
 * Several API instances started at once each run `migrate` on the one database. Three drivers
 * stand for three instances. The migrations are this file's own (a label, constraint and index
 * names nobody else uses), applied and then removed again, records included.
 */

const connection = inject('neo4j');
const instances = [new Database(connection), new Database(connection), new Database(connection)];
const [first] = instances as [Database, Database, Database];
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await Promise.all(instances.map((db) => db.close()));
});

/** Two migration files of schema statements on a label of their own, as the real ones are written. */
function migrationsFor(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wijkkring-migrations-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, `9001-${tag}-constraints.cypher`),
    `// A test migration (issue 12).\nCREATE CONSTRAINT ${tag}_id IF NOT EXISTS FOR (n:Probe_${tag}) REQUIRE n.id IS UNIQUE;\n` +
      `CREATE INDEX ${tag}_name IF NOT EXISTS FOR (n:Probe_${tag}) ON (n.name);\n`,
  );
  writeFileSync(
    join(dir, `9002-${tag}-index.cypher`),
    `CREATE INDEX ${tag}_other IF NOT EXISTS FOR (n:Probe_${tag}) ON (n.other);\n`,
  );
  return dir;
}

async function remove(tag: string): Promise<void> {
  await first.autoCommit(`DROP CONSTRAINT ${tag}_id IF EXISTS`);
  await first.autoCommit(`DROP INDEX ${tag}_name IF EXISTS`);
  await first.autoCommit(`DROP INDEX ${tag}_other IF EXISTS`);
  await first.write((tx) => tx.run('MATCH (m:Migration) WHERE m.name CONTAINS $tag DELETE m', { tag }));
}

describe('migrations run by several instances starting at once (issue 12)', () => {
  it('all instances start, every migration is applied and recorded once', async () => {
    // Before the fix, all but one instance failed with a deadlock in each of six such rounds.
    for (let round = 0; round < 3; round += 1) {
      const tag = `mig${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      try {
        const migrations = await loadMigrations(migrationsFor(tag));
        const outcomes = await Promise.allSettled(instances.map((db) => migrate(db, migrations)));
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
        const recorded = await first.read((tx) =>
          rows<{ name: string; n: number }>(
            tx,
            'MATCH (m:Migration) WHERE m.name CONTAINS $tag RETURN m.name AS name, count(*) AS n ORDER BY name',
            { tag },
          ),
        );
        expect(recorded).toEqual(migrations.map((m) => ({ name: m.name, n: 1 })));
        const schema = await first.read((tx) =>
          rows<{ name: string }>(tx, 'SHOW INDEXES YIELD name WHERE name STARTS WITH $tag RETURN name ORDER BY name', { tag }),
        );
        expect(schema.map((s) => s.name)).toEqual([`${tag}_id`, `${tag}_name`, `${tag}_other`]);
        // A later start finds everything done.
        const again = await migrate(first, migrations);
        expect(again.applied).toEqual([]);
      } finally {
        await remove(tag);
      }
    }
  });
});
