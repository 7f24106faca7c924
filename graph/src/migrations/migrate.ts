import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import type { Database } from '../driver.js';
import { DomainError } from '../errors.js';
import { rows } from '../tx.js';

/** `graph/migrations`, reached the same way from `src/` (tests) and `dist/` (runtime). */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const FILE_PATTERN = /^(\d{4})-[a-z0-9-]+\.cypher$/;

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => FILE_PATTERN.test(file)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const text = await readFile(`${dir}/${file}`, 'utf8');
    migrations.push({
      version: Number(FILE_PATTERN.exec(file)?.[1]),
      name: file.replace(/\.cypher$/, ''),
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    });
  }
  const versions = migrations.map((m) => m.version);
  if (new Set(versions).size !== versions.length) {
    throw new DomainError('INTEGRITY', `Two migrations share a number: ${versions.join(', ')}`);
  }
  return migrations;
}

/** Migration files hold statements ending in `;`; lines starting with `//` are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies the migrations that are not yet recorded, in order. Every statement is idempotent
 * (`IF NOT EXISTS`), so a run that stopped half-way is simply repeated. A recorded migration whose
 * file changed afterwards is an error: landed migrations are never edited.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<MigrationReport> {
  const all = migrations ?? (await loadMigrations());
  const recorded = await db.read((tx) =>
    rows<{ name: string; checksum: string }>(tx, 'MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum'),
  );
  const byName = new Map(recorded.map((m) => [m.name, m.checksum]));
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of all) {
    const checksum = byName.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new DomainError('INTEGRITY', `Migration ${migration.name} was changed after it was applied.`);
      }
      report.alreadyApplied.push(migration.name);
      continue;
    }
    for (const statement of migration.statements) await applyStatement(db, statement);
    await db.write((tx) =>
      tx.run(
        `MERGE (m:Migration {name: $name})
         ON CREATE SET m.version = $version, m.checksum = $checksum, m.appliedAt = datetime()`,
        { name: migration.name, version: migration.version, checksum: migration.checksum },
      ),
    );
    report.applied.push(migration.name);
  }
  return report;
}

/** Enough for a handful of instances starting at once; each retry waits longer, with jitter. */
const STATEMENT_ATTEMPTS = 8;

/**
 * Two API instances that start together apply the same schema statements at the same moment, and
 * Neo4j breaks the tie with a deadlock (a transient error), or fails the slower one's commit with
 * "an equivalent rule already exists" (`IF NOT EXISTS` looked before the other's commit): that
 * instance would exit at its start (issue 12). Every statement is idempotent, so the loser runs it
 * again and finds it done. The migration's record is a MERGE under `migration_name`, the first
 * statement of the first migration, so it is written once however many instances race.
 */
async function applyStatement(db: Database, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.autoCommit(statement);
      return;
    } catch (error) {
      if (attempt >= STATEMENT_ATTEMPTS || !(isRetryableError(error) || raced(error))) throw error;
      await sleep(Math.round((25 + Math.random() * 75) * attempt));
    }
  }
}

/** Another instance committed the same index or constraint between this statement's check and its commit. */
function raced(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists';
}

export async function appliedMigrations(db: Database): Promise<{ name: string; version: number; appliedAt: string }[]> {
  return db.read((tx) =>
    rows<{ name: string; version: number; appliedAt: string }>(
      tx,
      'MATCH (m:Migration) RETURN m.name AS name, m.version AS version, toString(m.appliedAt) AS appliedAt ORDER BY m.version',
    ),
  );
}
