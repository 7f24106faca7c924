import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toCypherParams } from './driver.js';
import { DatabaseUnavailableError, DomainError, toDomainError } from './errors.js';

describe('parameters sent to Cypher (issue 2)', () => {
  it('turns whole numbers into Neo4j integers, deeply, and leaves the rest alone', () => {
    const params = toCypherParams({
      limit: 20,
      ratio: 0.5,
      rows: [{ ring: 2, name: 'a', tags: [1, 'x'] }],
      none: null,
    }) as Record<string, unknown>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.ratio).toBe(0.5);
    const row = (params.rows as Record<string, unknown>[])[0];
    expect(neo4j.isInt(row?.ring)).toBe(true);
    expect(row?.name).toBe('a');
    expect(neo4j.isInt((row?.tags as unknown[])[0])).toBe(true);
    expect(params.none).toBeNull();
  });
});

describe('driver errors become domain errors (issue 2)', () => {
  it('maps unavailability and constraint violations, and passes others through', () => {
    expect(toDomainError(new neo4j.Neo4jError('gone', 'ServiceUnavailable', 'x', 'y'))).toBeInstanceOf(DatabaseUnavailableError);
    const conflict = toDomainError(new neo4j.Neo4jError('dup', 'Neo.ClientError.Schema.ConstraintValidationFailed', 'x', 'y'));
    expect(conflict).toBeInstanceOf(DomainError);
    expect((conflict as DomainError).code).toBe('CONFLICT');
    const syntax = new neo4j.Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'x', 'y');
    expect(toDomainError(syntax)).toBe(syntax);
  });
});
