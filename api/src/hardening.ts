import { existsSync, readFileSync } from 'node:fs';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Env } from './env.js';

/**
 * Limits on what one GraphQL document may ask (docs/SECURITY.md explains the numbers). The web
 * app's largest operation (the wijk page) has depth 5, no aliases, about 60 tokens and a cost of
 * a few hundred; these limits leave room for growth and stop abuse long before it costs anything.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 10,
} as const;

/** The header every request must carry (a form on another site cannot set it). */
export const CSRF_HEADER = 'x-wijkkring-csrf';

export const LIMIT_CODE = 'QUERY_LIMIT_EXCEEDED';

/** Armor's errors carry no code; ours do, with the limit that was hit. */
function tagged(limit: string) {
  return [
    (_context: unknown, error: GraphQLError): void => {
      const extensions = error.extensions as Record<string, unknown>;
      extensions.code = LIMIT_CODE;
      extensions.limit = limit;
    },
  ];
}

export function armorPlugins(): Plugin[] {
  return [
    maxTokensPlugin({ n: GRAPHQL_LIMITS.maxTokens, onReject: tagged('tokens') }),
    maxDepthPlugin({ n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject: tagged('depth') }),
    maxAliasesPlugin({ n: GRAPHQL_LIMITS.maxAliases, onReject: tagged('aliases') }),
    maxDirectivesPlugin({ n: GRAPHQL_LIMITS.maxDirectives, onReject: tagged('directives') }),
    costLimitPlugin({ maxCost: GRAPHQL_LIMITS.maxCost, onReject: tagged('cost') }),
  ] as Plugin[];
}

/** The web app's operations, persisted at build time: sha256 → document text. */
export function loadPersistedOperations(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(parsed));
}

/**
 * In production only persisted operations run (no arbitrary documents, so no introspection
 * either); elsewhere a request may carry its own document, and a known hash works too.
 */
export function persistedOperationsPlugin(env: Env, store: Map<string, string>): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: env.nodeEnv !== 'production',
    getPersistedOperation: (key) => store.get(key) ?? null,
    customErrors: {
      // Clients (urql's persisted exchange, Apollo) resend the document text on exactly this message.
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: {
        message: 'Only the web app’s own operations are accepted.',
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      },
      keyNotFound: { message: 'Send a persisted operation id.', extensions: { code: 'PERSISTED_QUERY_ONLY' } },
    },
  });
}

/**
 * CSRF: every request to /graphql must carry our header. A form or a plain link on another site
 * cannot set a custom header, and a script on another origin cannot without a CORS preflight,
 * which this server never grants (no CORS headers at all). The SameSite=Strict cookie is the
 * second line. Checked before GraphQL sees the request, for every method and content type.
 */
export function hasCsrfHeader(headers: Record<string, string | string[] | undefined>): boolean {
  return headers[CSRF_HEADER] !== undefined;
}

/** Introspection is refused in production (belt and braces: arbitrary documents are refused there already). */
export function noIntrospectionPlugin(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
