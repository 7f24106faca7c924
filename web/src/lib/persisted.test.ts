import { createHash } from 'node:crypto';
import { formatDocument } from '@urql/core';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../gql/graphql';
import persistedOperations from '../gql/persisted-operations.json';
import { operationHashes } from '../gql/persisted';

/** Every typed document the app can send, by operation name. */
const documents = Object.entries(generated as Record<string, unknown>)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, document]) => [name.slice(0, -'Document'.length), document as DocumentNode] as const);

const stored: Readonly<Record<string, string>> = persistedOperations;

/** Each definition printed on its own, sorted: the same set in any order compares equal. */
function definitionTexts(document: DocumentNode): string[] {
  return document.definitions.map((d) => print(d)).sort();
}

describe('persisted operations (web/codegen.mjs)', () => {
  it('has a hash for every operation, and the hash is the sha256 of the stored text', () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const [name] of documents) {
      const hash = operationHashes[name];
      expect(hash, name).toMatch(/^[0-9a-f]{64}$/);
      const text = stored[hash ?? ''];
      expect(text, name).toBeDefined();
      expect(
        createHash('sha256')
          .update(text ?? '', 'utf8')
          .digest('hex'),
      ).toBe(hash);
    }
    expect(Object.keys(stored)).toHaveLength(documents.length);
  });

  it('stores exactly what urql would send, __typename included, so the server answers what the cache expects', () => {
    for (const [name, document] of documents) {
      const text = stored[operationHashes[name] ?? ''] ?? '';
      // urql's cacheExchange adds __typename to every selection set below the root before sending.
      expect(definitionTexts(parse(text)), name).toEqual(definitionTexts(formatDocument(document) as DocumentNode));
    }
  });

  it('prints the operation first, then its fragments sorted by name', () => {
    for (const [name] of documents) {
      const definitions = parse(stored[operationHashes[name] ?? ''] ?? '').definitions;
      expect(definitions[0]?.kind, name).toBe(Kind.OPERATION_DEFINITION);
      const fragments = definitions.slice(1).map((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? d.name.value : ''));
      expect(fragments).toEqual([...fragments].sort());
    }
  });
});
