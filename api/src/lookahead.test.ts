import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './lookahead.js';

describe('selected fields (issue 2)', () => {
  it('sees fields in direct selections, inline fragments and named fragments', async () => {
    const schema = buildSchema('type D { a: Int b: Int c: Int d: Int } type Query { d: D }');
    let seen: string[] = [];
    await execute({
      schema,
      document: parse('query { d { a ... on D { b } ...F } } fragment F on D { c }'),
      rootValue: {
        d: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
          seen = [...selectedFields(info)].sort();
          return {};
        },
      },
    });
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
