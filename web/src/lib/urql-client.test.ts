import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ViewerDocument } from '../gql/graphql';
import { operationHashes } from '../gql/persisted';
import { operationName, persistedHash } from './urql-client';

describe('persistedHash', () => {
  it('finds the hash of a generated operation by its name', () => {
    expect(operationName(ViewerDocument)).toBe('Viewer');
    expect(persistedHash(ViewerDocument)).toBe(operationHashes['Viewer']);
    expect(persistedHash(ViewerDocument)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has none for a document the app did not generate (then the text is sent; production refuses it)', () => {
    expect(persistedHash(parse('query NotOurs { viewer { username } }'))).toBeUndefined();
    expect(persistedHash(parse('{ viewer { username } }'))).toBeUndefined();
  });
});
