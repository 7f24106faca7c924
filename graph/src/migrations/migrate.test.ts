import { describe, expect, it } from 'vitest';
import { loadMigrations, splitStatements } from './migrate.js';

describe('migration files (issue 2)', () => {
  it('splits statements and drops comment lines', () => {
    expect(splitStatements('// why\nCREATE A;\n\nCREATE B\n  IF NOT EXISTS;\n')).toEqual([
      'CREATE A',
      'CREATE B\n  IF NOT EXISTS',
    ]);
  });

  it('are numbered without gaps and every statement is idempotent', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, index) => index + 1));
    // Idempotent: a CREATE that skips what exists, a DROP (issue 13) that skips what is gone.
    for (const statement of migrations.flatMap((m) => m.statements))
      expect(statement).toMatch(/^(CREATE\b[\s\S]*\bIF NOT EXISTS\b|DROP\b[\s\S]*\bIF EXISTS\b)/);
  });
});
