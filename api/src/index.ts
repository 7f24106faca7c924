// The public entry of @wijkkring/api.
export { DEVELOPMENT_PSEUDONYM_KEY, DEVELOPMENT_SECRET_KEY, loadEnv, type Env } from './env.js';
export { clientRef } from './audit/request-audit.js';
export { POLICY, POLICY_ROLES, type PolicyRole, type Rule } from './access/policy.js';
export { GRAPHQL_LIMITS, REQUEST_LIMITS } from './hardening.js';
export { BOOKMARK_COOKIE, bookmarkCookie, readBookmarkCookie } from './auth/bookmarks.js';
export { createYogaApp, startServer, type RunningServer, type ServerOptions } from './server.js';
export { createUncheckedYogaForBenchmark } from './data-path.js';
export { schema } from './schema/index.js';
export { accessMatrixMarkdown } from './access/matrix-doc.js';
