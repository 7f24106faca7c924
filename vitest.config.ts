import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * One project per test tier (see docs/TESTING.md). Tests import the packages' TypeScript sources
 * directly, so no build is needed except for the browser tier, which runs the built server and app.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: '@wijkkring/graph', replacement: here('./graph/src/index.ts') },
      { find: '@wijkkring/seed', replacement: here('./seed/src/index.ts') },
      { find: '@wijkkring/servers', replacement: here('./servers/src/index.ts') },
      { find: '@wijkkring/api', replacement: here('./api/src/index.ts') },
      // graphql 16 ships CommonJS (main) and ESM (module) side by side. Node loads the CommonJS
      // build for Pothos and graphql-yoga; our own imports must get the same one, or the schema's
      // types come from "another realm".
      { find: /^graphql$/, replacement: 'graphql/index.js' },
    ],
  },
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{graph,seed,api,web}/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'schema', include: ['test/schema/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['{graph,seed,api}/src/**/*.int.test.ts', 'test/int/**/*.int.test.ts'],
          globalSetup: ['test/setup/neo4j.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          globalSetup: ['test/setup/neo4j.global.ts'],
          // One file at a time: the audit chain, the injection fingerprint and the failing-audit test
          // look at the whole database, which other files would change under them.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/e2e.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One browser at a time: two cores, and screenshots should not fight for them.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Operations drills (issue 12): each file starts its own Neo4j in a temporary home, kills
          // it or the API, backs up and restores. One at a time: each holds a JVM.
          name: 'ops',
          include: ['test/ops/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
