// Generates, from ../api/schema.graphql and every src/**/*.graphql document:
// - src/gql/graphql.ts: typed documents and result types;
// - src/gql/persisted-operations.json: { sha256 hex: document text } for every operation, the list
//   of persisted operations the API accepts in production (vite.config.ts copies it into dist/);
// - src/gql/persisted.ts: the hash of each operation by name, which the urql client sends.
// The graphql-codegen CLI and client-preset need Node 22 (through their dependencies); Wijkkring
// must build on Node 20, so this script calls @graphql-codegen/core with the plugins directly.
//
// Only typescript-operations and typed-document-node run. Since codegen 6, typescript-operations
// emits the enum types its operations use by itself; adding the `typescript` plugin as well emits
// every enum twice ("Duplicate identifier") and adds schema object types the web app must not use
// (it knows the API through its operations only).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { Kind, buildASTSchema, parse, print, visit } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const schemaFile = join(here, '..', 'api', 'schema.graphql');
const sourceDir = join(here, 'src');
const outDir = join(sourceDir, 'gql');
const outFile = join(outDir, 'graphql.ts');

/** Every .graphql file under src, sorted so the output does not depend on directory order. */
function documentFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

const schema = parse(readFileSync(schemaFile, 'utf8'));
const documents = documentFiles(sourceDir).map((file) => ({
  location: relative(here, file),
  document: parse(readFileSync(file, 'utf8')),
}));

const config = {
  // Enums as unions of string literals: no runtime code, and `verbatimModuleSyntax`-friendly.
  enumType: 'string-literal',
  useTypeImports: true,
  // Fields the API may omit are `T | null`, never optional: one shape for every answer.
  avoidOptionals: true,
  strictScalars: true,
  scalars: { Date: 'string', DateTime: 'string' },
  skipTypename: false,
  nonOptionalTypename: false,
  dedupeFragments: true,
  // urql re-exports TypedDocumentNode; a direct dependency, unlike @graphql-typed-document-node/core.
  documentNodeImport: '@urql/core#TypedDocumentNode',
};

const output = await codegen({
  filename: outFile,
  schema,
  schemaAst: buildASTSchema(schema),
  documents,
  config,
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: {
    'typescript-operations': typescriptOperations,
    'typed-document-node': typedDocumentNode,
  },
});

/**
 * Adds `__typename` to every selection set below the operation's root, exactly where urql's
 * cacheExchange adds it to the documents it sends (formatDocument). The server executes the stored
 * text, so without this the answers would lack the typenames urql's cache needs to know which
 * queries a mutation makes stale.
 */
function withTypenames(definition) {
  return visit(definition, {
    SelectionSet(node, _key, parent) {
      if (!parent || Array.isArray(parent) || parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias);
      if (has) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
}

/** Names of the fragments a definition spreads, directly or through other fragments. */
function usedFragments(definition, fragments, found = new Set()) {
  visit(definition, {
    FragmentSpread(node) {
      const name = node.name.value;
      if (found.has(name)) return;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`codegen: fragment ${name} is not defined`);
      found.add(name);
      usedFragments(fragment, fragments, found);
    },
  });
  return found;
}

/**
 * The persisted text of each operation: the operation first, then the fragments it uses sorted by
 * name, each printed by graphql-js, joined by a blank line. The hash is the sha256 (hex) of that text.
 */
function persistedOperations() {
  const fragments = new Map();
  const operations = [];
  for (const { location, document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) throw new Error(`codegen: fragment ${definition.name.value} is defined twice`);
        fragments.set(definition.name.value, withTypenames(definition));
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`codegen: ${location} has an operation without a name`);
        operations.push(withTypenames(definition));
      }
    }
  }
  const byName = new Map();
  for (const operation of operations) {
    const name = operation.name.value;
    if (byName.has(name)) throw new Error(`codegen: operation ${name} is defined twice`);
    const names = [...usedFragments(operation, fragments)].sort();
    const text = [operation, ...names.map((n) => fragments.get(n))].map((d) => print(d)).join('\n\n');
    byName.set(name, { text, hash: createHash('sha256').update(text, 'utf8').digest('hex') });
  }
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const persisted = persistedOperations();
const persistedJson = Object.fromEntries(persisted.map(([, { text, hash }]) => [hash, text]));
const persistedTs = [
  '/* Generated by web/codegen.mjs. Do not edit. */',
  "/** The sha256 (hex) of each operation's persisted text (persisted-operations.json), by operation name. */",
  'export const operationHashes: Readonly<Record<string, string>> = {',
  ...persisted.map(([name, { hash }]) => `  ${name}: '${hash}',`),
  '};',
  '',
].join('\n');

mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, `/* Generated by web/codegen.mjs from api/schema.graphql. Do not edit. */\n${output}`);
writeFileSync(join(outDir, 'persisted-operations.json'), `${JSON.stringify(persistedJson, null, 2)}\n`);
writeFileSync(join(outDir, 'persisted.ts'), persistedTs);
console.log(
  `codegen: ${String(documents.length)} documents, ${String(persisted.length)} persisted operations -> ${relative(process.cwd(), outDir)}`,
);
