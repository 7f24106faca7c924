import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every script, style sheet, SVG and HTML file
 * of the build, compressed once at the highest level; the API's static server sends the one the
 * browser accepts (issue 13: 822 kB of script went over the wire uncompressed, 207 kB gzipped).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return {
    name: 'wijkkring-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => /\.(js|css|svg|html)$/.test(f))) {
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), persistedOperations(), precompress()],
  build: {
    outDir: 'dist',
    // Cytoscape alone is ~400 kB; only the wijkkaart's chunk holds it (the circle is drawn in SVG, issue 13).
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
