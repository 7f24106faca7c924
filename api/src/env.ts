import { fileURLToPath } from 'node:url';
import { circleLayoutSchema, LENSINK_LAYOUT, type CircleLayout } from '@wijkkring/graph';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The API's configuration. Nothing else in `api/` reads process.env. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NEO4J_URI: z.string().min(1),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1),
  NEO4J_DATABASE: z.string().optional(),
  /** The built web app; served on `/`. */
  WEB_DIST: z.string().default(fileURLToPath(new URL('../../web/dist/', import.meta.url))),
  /** A JSON file with another ring and sector set (see docs/ARCHITECTURE.md). */
  CIRCLE_LAYOUT_FILE: z.string().optional(),
  /** How long a request waits for a database connection before answering DATABASE_UNAVAILABLE. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
});

export interface Env {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  neo4j: { uri: string; user: string; password: string; database?: string | undefined };
  webDist: string;
  circleLayout: CircleLayout;
  dbAcquireTimeoutMs: number;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const env = parsed.data;
  let circleLayout = LENSINK_LAYOUT;
  if (env.CIRCLE_LAYOUT_FILE) {
    const layout = circleLayoutSchema.safeParse(JSON.parse(readFileSync(env.CIRCLE_LAYOUT_FILE, 'utf8')));
    if (!layout.success) throw new Error(`Invalid CIRCLE_LAYOUT_FILE: ${layout.error.message}`);
    circleLayout = layout.data;
  }
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    neo4j: { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD, database: env.NEO4J_DATABASE },
    webDist: env.WEB_DIST,
    circleLayout,
    dbAcquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
  };
}
