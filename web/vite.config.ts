import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and forwards API calls to the API server on port 4000.
// In production the API server itself serves web/dist, so the app always calls its own origin.
const api = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Cytoscape alone is ~400 kB; it sits in its own chunk, loaded only by the graph pages.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
    },
  },
});
