import { fileURLToPath } from 'node:url';
import {
  circleLayoutSchema,
  DEVELOPMENT_PSEUDONYM_KEY,
  DEVELOPMENT_SECRET_KEY,
  LENSINK_LAYOUT,
  type CircleLayout,
} from '@wijkkring/graph';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export { DEVELOPMENT_PSEUDONYM_KEY, DEVELOPMENT_SECRET_KEY };
const MIN_SECRET_LENGTH = 32;
export const DEVELOPMENT_RESEARCH_KEY = 'development-only-research-key-do-not-use-in-production';

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
  /**
   * The longest a GraphQL request may take before it is answered TIMEOUT (issue 12); a live stream
   * is bounded only until it starts. Neo4j ends each transaction a little sooner (NEO4J_TX_TIMEOUT_MS,
   * 90% of this unless set), so a slow write is rolled back before the server gives up on it.
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(15_000),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).optional(),
  /** Sessions end after this long without a request, and after the absolute lifetime whatever happens. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** Seals TOTP secrets at rest. Development has a fixed default; production refuses it. */
  SECRET_KEY: z.string().min(1).default(DEVELOPMENT_SECRET_KEY),
  /** The HMAC key of client pseudonyms in the audit log (and, later, in research exports). */
  AUDIT_PSEUDONYM_KEY: z.string().min(1).default(DEVELOPMENT_PSEUDONYM_KEY),
  /**
   * The HMAC key of pseudonyms in research exports (ANALYSIS.md): separate from the audit key, so a
   * researcher who learns one pseudonym scheme learns nothing of the other. Never shown to anyone.
   */
  RESEARCH_KEY: z.string().min(1).default(DEVELOPMENT_RESEARCH_KEY),
  /** NEN 7513 asks for at least five years. */
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(5).max(100).default(7),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Only a developer may switch masking of unexpected errors off, and only in development. */
  GRAPHQL_MASK_ERRORS: z.enum(['true', 'false']).default('true'),
  /** The web app's operations, persisted at build time; in production only these are accepted. */
  PERSISTED_OPERATIONS_FILE: z.string().optional(),
  /** Failed logins allowed per account and per address within the window before login is refused for a while. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * K: the smallest number of clients a figure derived from client circles may rest on. Anything
   * below it is never shown (../shared/domain/ANALYSIS.md). Never below 5: a lower value refuses to start.
   */
  ANALYSIS_K: z.coerce.number().int().min(5, 'ANALYSIS_K must be at least 5').max(1_000).default(10),
  /**
   * The shared bus for live updates when more than one API instance runs (issue 12); unset, the bus
   * is in-process and every device of one circle must reach the same instance.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' }).optional(),
  /** How often an open live stream checks, without any change to send, that its session and access still hold. */
  LIVE_RECHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /**
   * How long a signed-in session's view may be taken from memory instead of the database (issue 13);
   * 0 turns the cache off. Every change that may alter a session (logout, grants, accounts) ends it
   * on every instance at once; this bounds only changes made outside the API (a script, a restore).
   */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
});

export interface Env {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  neo4j: { uri: string; user: string; password: string; database?: string | undefined };
  webDist: string;
  circleLayout: CircleLayout;
  dbAcquireTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS, and the Neo4j transaction timeout below it (issue 12). */
  requestTimeoutMs: number;
  neo4jTxTimeoutMs: number;
  session: { idleMs: number; absoluteMs: number };
  secretKey: string;
  pseudonymKey: string;
  researchKey: string;
  auditRetentionYears: number;
  trustProxy: boolean;
  maskErrors: boolean;
  persistedOperationsFile: string;
  login: { accountMaxFailures: number; addressMaxFailures: number; windowMs: number };
  /** K of the suppression rule (at least 5). */
  analysisK: number;
  /** REDIS_URL: live updates go through Redis (issue 12); in-process when undefined. */
  redisUrl: string | undefined;
  liveRecheckMs: number;
  /** SESSION_CACHE_MS (issue 13); 0: every request reads its session from the database. */
  sessionCacheMs: number;
}

/**
 * A production start refuses what is only safe on a developer's machine: default secrets and
 * unmasked errors. (Demo accounts in the database are refused by `startServer`.)
 */
function productionProblems(env: z.infer<typeof schema>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const [name, value, fallback] of [
    ['SECRET_KEY', env.SECRET_KEY, DEVELOPMENT_SECRET_KEY],
    ['AUDIT_PSEUDONYM_KEY', env.AUDIT_PSEUDONYM_KEY, DEVELOPMENT_PSEUDONYM_KEY],
    ['RESEARCH_KEY', env.RESEARCH_KEY, DEVELOPMENT_RESEARCH_KEY],
  ] as const) {
    if (value === fallback) problems.push(`${name} is the development default; set a secret of your own`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} must be at least ${String(MIN_SECRET_LENGTH)} characters`);
  }
  if (env.SECRET_KEY === env.AUDIT_PSEUDONYM_KEY) problems.push('SECRET_KEY and AUDIT_PSEUDONYM_KEY must differ');
  if (env.RESEARCH_KEY === env.AUDIT_PSEUDONYM_KEY || env.RESEARCH_KEY === env.SECRET_KEY)
    problems.push('RESEARCH_KEY must differ from SECRET_KEY and AUDIT_PSEUDONYM_KEY');
  if (env.GRAPHQL_MASK_ERRORS === 'false') problems.push('GRAPHQL_MASK_ERRORS=false is allowed in development only');
  return problems;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const env = parsed.data;
  const problems = productionProblems(env);
  if (problems.length > 0) throw new Error(`Refusing to start in production: ${problems.join('; ')}`);
  const neo4jTxTimeoutMs = env.NEO4J_TX_TIMEOUT_MS ?? Math.max(1, Math.floor(env.REQUEST_TIMEOUT_MS * 0.9));
  if (env.NEO4J_TX_TIMEOUT_MS !== undefined && neo4jTxTimeoutMs >= env.REQUEST_TIMEOUT_MS) {
    throw new Error('Invalid configuration: NEO4J_TX_TIMEOUT_MS must be below REQUEST_TIMEOUT_MS');
  }
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
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    neo4jTxTimeoutMs,
    session: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    secretKey: env.SECRET_KEY,
    pseudonymKey: env.AUDIT_PSEUDONYM_KEY,
    researchKey: env.RESEARCH_KEY,
    auditRetentionYears: env.AUDIT_RETENTION_YEARS,
    trustProxy: env.TRUST_PROXY === 'true',
    maskErrors: env.NODE_ENV !== 'development' || env.GRAPHQL_MASK_ERRORS === 'true',
    persistedOperationsFile: env.PERSISTED_OPERATIONS_FILE ?? join(env.WEB_DIST, 'persisted-operations.json'),
    login: {
      accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      addressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
      windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
    },
    analysisK: env.ANALYSIS_K,
    redisUrl: env.REDIS_URL,
    liveRecheckMs: env.LIVE_RECHECK_MS,
    sessionCacheMs: env.SESSION_CACHE_MS,
  };
}
