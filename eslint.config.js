// One lint configuration for the whole workspace. Type-aware rules catch floating promises and
// `any`; formatting is left to Prettier. The last blocks enforce the package boundaries described
// in docs/ARCHITECTURE.md ("Packages").
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PACKAGE_TSCONFIGS = [
  'graph/tsconfig.json',
  'seed/tsconfig.json',
  'servers/tsconfig.json',
  'api/tsconfig.json',
  'test/tsconfig.json',
  'web/tsconfig.json',
  'tsconfig.eslint.json',
];

// import-x's no-cycle skips `import type` edges and has no option to count them (4.18.1). A type
// cycle is still two modules that cannot be understood apart, so we count them: the rule sees every
// import as a value import, in the file being linted and in the files it follows.
function asValueImport(node) {
  return {
    ...node,
    importKind: 'value',
    exportKind: 'value',
    specifiers: (node.specifiers ?? []).map((specifier) => ({ ...specifier, importKind: 'value', exportKind: 'value' })),
  };
}
const valueImportParser = {
  meta: { name: 'wijkkring/value-import-parser' },
  parseForESLint(code, options) {
    const result = tseslint.parser.parseForESLint(code, options);
    result.ast.body = result.ast.body.map((statement) =>
      'source' in statement && statement.source ? asValueImport(statement) : statement,
    );
    return result;
  },
};
const noCycle = importX.rules['no-cycle'];
const noCycleWithTypes = {
  meta: noCycle.meta,
  create(context) {
    const withParser = Object.create(context, {
      languageOptions: { value: { ...context.languageOptions, parser: valueImportParser } },
    });
    const visitor = noCycle.create(withParser);
    const importer = visitor.ImportDeclaration;
    return importer ? { ...visitor, ImportDeclaration: (node) => importer(asValueImport(node)) } : visitor;
  },
};

// Package boundaries. Flat config replaces a rule's options per block, so each folder lists all of
// its restrictions.
const ENTRY_POINTS_ONLY = {
  regex: '^@wijkkring/[^/]+/',
  message: 'Import a workspace package through its entry point (@wijkkring/<name>), never a file inside it.',
};
const NEO4J_DRIVER = {
  regex: '^neo4j-driver(/|$)',
  message: 'Only graph/ talks to Neo4j: call a function of @wijkkring/graph instead.',
};
const GRAPHQL_SERVER = {
  regex: '^(graphql-yoga|@graphql-yoga/.*|@pothos/.*)$',
  message: 'Only api/ builds and serves the GraphQL schema.',
};
const workspacePackages = (names, why) => ({ regex: `^@wijkkring/(${names.join('|')})(/|$)`, message: why });
const ENV_IMPORT = [
  { name: 'process', importNames: ['env'], message: 'Read configuration in api/src/env.ts or servers/src/settings.ts.' },
  {
    name: 'node:process',
    importNames: ['env'],
    message: 'Read configuration in api/src/env.ts or servers/src/settings.ts.',
  },
];
const restrictImports = (...patterns) => ['error', { paths: ENV_IMPORT, patterns }];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'web/src/gql/**', '.wijkkring/**', 'test-results/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.eslint.json', './web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Flags every options object passed to neo4j-driver (typed as classes there) and classes seen
      // through two paths (package types in tests, sources in the package): noise, not defects.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (bootstrap scripts, configs) is not type-checked.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Boundaries between the workspace packages. scripts/ is left out: it runs before anything is
    // installed and loads the built packages (dist/) on purpose.
    files: ['{graph,api,seed,servers,web,test}/**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX, wijkkring: { rules: { 'no-cycle': noCycleWithTypes } } },
    settings: {
      // One tsconfig per package on purpose (web resolves like a bundler, the others like Node).
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: PACKAGE_TSCONFIGS, noWarnOnMultipleProjects: true })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      // Built output and installed packages cannot close a cycle through our sources.
      'import-x/ignore': ['/dist/', '/node_modules/'],
    },
    rules: {
      // `../../graph/src/x.js` from another package: go through the package's entry point.
      'import-x/no-relative-packages': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./graph', './api', './seed', './servers', './web'],
              from: './test',
              message: 'Packages never depend on test/; a test that needs its fixtures lives in test/.',
            },
          ],
        },
      ],
      // Dependency cycles, type-only imports included (see noCycleWithTypes above).
      'wijkkring/no-cycle': ['error', { ignoreExternal: true }],
      // Configuration is read in one place per package; everything else takes it as an argument.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in api/src/env.ts or servers/src/settings.ts and pass it in.',
        },
      ],
    },
  },
  {
    files: ['graph/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ENTRY_POINTS_ONLY,
        workspacePackages(
          ['api', 'seed', 'servers', 'web', 'test'],
          'Imports flow one way: api, seed and servers use graph, never the reverse.',
        ),
        GRAPHQL_SERVER,
      ),
    },
  },
  {
    files: ['api/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ENTRY_POINTS_ONLY,
        workspacePackages(['seed', 'servers', 'web', 'test'], 'The API depends on @wijkkring/graph only.'),
        NEO4J_DRIVER,
      ),
    },
  },
  {
    // One path for a change and its audit record (issue 11): resolvers and services use
    // auditedWrite / recordAttempt (api/src/audit/audited-write.ts), never the audit log's own writers.
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/audit/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(inTx|writeNow)$/]',
          message:
            'Write a change and its audit record with auditedWrite, an attempt with recordAttempt (api/src/audit/audited-write.ts).',
        },
        {
          selector: 'ImportSpecifier[imported.name=/^appendAudit/]',
          message: 'Audit records are appended only through api/src/audit/ (auditedWrite, recordAttempt, the request audit).',
        },
      ],
    },
  },
  {
    files: ['seed/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ENTRY_POINTS_ONLY,
        workspacePackages(['api', 'servers', 'web', 'test'], 'The seed depends on @wijkkring/graph only.'),
        NEO4J_DRIVER,
        GRAPHQL_SERVER,
      ),
    },
  },
  {
    files: ['web/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        workspacePackages(
          ['graph', 'api', 'seed', 'servers', 'test'],
          'The web app knows the API only through schema.graphql and the generated types.',
        ),
        NEO4J_DRIVER,
        GRAPHQL_SERVER,
      ),
    },
  },
  {
    // Starting servers is this package's job; talking to them is graph's (neo4jAnswers).
    files: ['servers/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ENTRY_POINTS_ONLY,
        workspacePackages(['api', 'seed', 'web', 'test'], 'servers depends on @wijkkring/graph only.'),
        NEO4J_DRIVER,
        GRAPHQL_SERVER,
      ),
    },
  },
  {
    files: ['test/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': restrictImports(ENTRY_POINTS_ONLY) },
  },
  {
    // Where reading the environment is the job: the settings files, the seed's command line, the
    // test run's setup and benchmarks.
    files: ['api/src/env.ts', 'servers/src/settings.ts', 'seed/src/main.ts', 'test/setup/**', 'test/bench/**', 'test/ops/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
);
