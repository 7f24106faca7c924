// `node seed/dist/main.js demo [--accounts]`: loads the demo data (and, for a demo on your own
// machine, the demo accounts) into the database named by NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.
// Used by docker-compose.yml; `npm start` loads the same data in-process.
import { Database, DEVELOPMENT_SECRET_KEY, migrate } from '@wijkkring/graph';
import { z } from 'zod';
import { loadDemoAccounts } from './demo-accounts.js';
import { loadDemo } from './demo.js';

const env = z
  .object({
    NEO4J_URI: z.string().min(1),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1),
    NEO4J_DATABASE: z.string().optional(),
    // The same key the API seals TOTP secrets with.
    SECRET_KEY: z.string().min(1).default(DEVELOPMENT_SECRET_KEY),
  })
  .parse(process.env);

const [command, ...flags] = process.argv.slice(2);
if (command !== 'demo') {
  console.error('usage: node seed/dist/main.js demo [--accounts]');
  process.exit(2);
}
const db = new Database({ uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD, database: env.NEO4J_DATABASE });
try {
  await migrate(db);
  console.log((await loadDemo(db)).summary);
  if (flags.includes('--accounts')) {
    const accounts = await loadDemoAccounts(db, env.SECRET_KEY);
    console.log(`demo accounts: ${String(accounts.accounts)}${accounts.skipped ? ' (already there)' : ''}`);
  }
} finally {
  await db.close();
}
