import { z } from 'zod';

/**
 * Settings for finding or starting Neo4j. Read once, validated, from the environment; the API's
 * own configuration lives in api/src/env.ts.
 */
const schema = z.object({
  NEO4J_URI: z.url().optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** `auto` follows the documented order; the others force one way (useful to test a path). */
  WIJKKRING_NEO4J_MODE: z.enum(['auto', 'uri', 'docker', 'local']).default('auto'),
  WIJKKRING_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default('512m'),
  WIJKKRING_NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/)
    .default('256m'),
  WIJKKRING_NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WIJKKRING_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
  DOCKER_HOST: z.string().optional(),
  /** The Java that runs a local Neo4j; `java` from the PATH when unset. */
  JAVA_HOME: z.string().optional(),
});

export type Neo4jSettings = z.infer<typeof schema>;

/**
 * Where project-local state lives (WIJKKRING_STATE_DIR), or undefined for the default
 * (.wijkkring/ in the repository, see paths.ts). Apart from the other settings, so that finding the
 * state folder never fails on an unrelated bad setting.
 */
export function stateDirSetting(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.WIJKKRING_STATE_DIR;
}

/** The environment for a child process (java, docker compose): this process's, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...extra };
}

export function neo4jSettings(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid Neo4j settings: ${issues}`);
  }
  return parsed.data;
}

/**
 * Settings for the live-update bus (issue 12). Apart from the Neo4j settings, so that a bad Neo4j
 * setting never stops Redis from starting, and the other way round.
 */
const redisSchema = z.object({
  /** A Redis the project does not start (a managed one, the compose service); started from PATH when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' }).optional(),
  WIJKKRING_REDIS_START_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
});

export type RedisSettings = z.infer<typeof redisSchema>;

export function redisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings {
  const parsed = redisSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid Redis settings: ${issues}`);
  }
  return parsed.data;
}

/**
 * How many API instances `npm start` runs (WIJKKRING_INSTANCES, 1 when unset). More than one share
 * live updates through Redis (issue 12).
 */
export function instancesSetting(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = z.coerce.number().int().min(1).max(16).default(1).safeParse(env.WIJKKRING_INSTANCES);
  if (!parsed.success) throw new Error('WIJKKRING_INSTANCES must be a whole number from 1 to 16.');
  return parsed.data;
}
