import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development Vite serves the app and forwards API calls to the API server on port 4000.
// In production the API server itself serves web/dist, so the app always calls its own origin.
const api = 'http://localhost:4000';

/**
 * Puts the persisted operations that codegen.mjs wrote into src/gql/ beside the built app, as
 * dist/persisted-operations.json: the API reads the documents it accepts in production from there.
 * Generated output stays out of public/, which holds only files we write by hand.
 */
function persistedOperations(): Plugin {
  const file = new URL('./src/gql/persisted-operations.json', import.meta.url);
  return {
    name: 'wijkkring-persisted-operations',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'persisted-operations.json', source: readFileSync(file, 'utf8') });
    },
  };
}

export default defineConfig({
  plugins: [react(), persistedOperations()],
  build: {
    outDir: 'dist',
    // Cytoscape alone is ~400 kB; it sits in its own chunk, loaded only by the graph pages.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/import': api,
      '/export': api,
      '/healthz': api,
    },
  },
});
