import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields, selectedFieldsAt } from './lookahead.js';

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

  it('follows a path through fields, inline fragments on a union and named fragments (issue 13)', async () => {
    const schema = buildSchema(`
      type P { id: ID name: String professional: Boolean }
      type O { id: ID tier: Int }
      union T = P | O
      type E { id: ID target: T }
      type C { id: ID entries: [E] signals: [Int] }
      type Query { c: C }`);
    let target: string[] = [];
    let top: string[] = [];
    let missing: string[] = ['x'];
    await execute({
      schema,
      document: parse(`query { c { ...Circle } }
        fragment Circle on C { entries { id target { ... on P { name professional } ...Org } } }
        fragment Org on O { tier }`),
      rootValue: {
        c: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
          target = [...selectedFieldsAt(info, ['entries', 'target'])].sort();
          top = [...selectedFieldsAt(info, [])].sort();
          missing = [...selectedFieldsAt(info, ['signals', 'x'])];
          return null;
        },
      },
    });
    expect(target).toEqual(['name', 'professional', 'tier']);
    expect(top).toEqual(['entries']);
    expect(missing).toEqual([]);
  });
});
