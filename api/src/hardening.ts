import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  BREAK,
  getOperationAST,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  visit,
  type ASTNode,
  type DocumentNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Env } from './env.js';
import { apiError, type ErrorCode } from './errors.js';

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

/**
 * Limits on the request itself (issue 11). The web app's largest persisted operation is under 2 kB
 * and it sends only the hash; the largest document the limits above let through (2,000 tokens) is
 * a few kB; an edit of a circle entry carries a note of at most 280 characters. A body above the
 * limit is refused before it is read to the end. An operation name is a GraphQL name; the web
 * app's longest is under 40 characters.
 */
export const REQUEST_LIMITS = {
  maxBodyBytes: 100 * 1024,
  maxOperationNameLength: 100,
} as const;

/** The grammar of a GraphQL Name (spec, section 2.1.9). */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function isOperationName(value: string): boolean {
  return value.length <= REQUEST_LIMITS.maxOperationNameLength && GRAPHQL_NAME.test(value);
}

/**
 * The operation name the audit log records: the executed operation's own name in the document
 * (for a persisted operation, the name in the stored document), never the text the client sent.
 * Null for an anonymous operation, or a name longer than the limit (issue 11: records are kept
 * for years and cannot be deleted, so nobody may write text of their choosing into them).
 */
export function auditedOperationName(document: DocumentNode, operationName: string | null | undefined): string | null {
  const name = getOperationAST(document, operationName)?.name?.value;
  return name !== undefined && isOperationName(name) ? name : null;
}

/**
 * Refuses an `operationName` parameter that is not a GraphQL name of at most
 * `maxOperationNameLength` characters, before the document is parsed: INVALID_INPUT with the
 * field `operationName`, HTTP 400. (A well-formed name that is not in the document is refused
 * by GraphQL itself: "Unknown operation named …".)
 */
export function operationNamePlugin(): Plugin {
  return {
    onParams({ params }) {
      const name = params.operationName;
      if (name === undefined || name === null || isOperationName(name)) return;
      throw apiError(
        'INVALID_INPUT',
        `operationName must be a GraphQL name of at most ${String(REQUEST_LIMITS.maxOperationNameLength)} characters.`,
        { field: 'operationName', http: { status: 400 } },
      );
    },
  };
}

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

/**
 * Reads a request body of at most `limit` bytes (issue 11). Undefined, without reading on, when
 * the declared `content-length` or the bytes that arrive (a chunked body declares nothing) pass
 * the limit; the caller answers 413 and closes the connection, so the rest is never read.
 */
export function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      req.pause();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => onError(new Error('The connection closed before the request body ended.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

// ---------------------------------------------------------------------------------------------
// Issue 12: input errors, media types, security headers, the request time limit
// ---------------------------------------------------------------------------------------------

/** graphql-js's words for a variable that does not fit its type, or is missing (no other tag marks them). */
const VARIABLE_INVALID = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value [\s\S]*?(?: at "([^"]+)")?; /;
const VARIABLE_MISSING =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\./;
/** A literal in the document that its scalar refuses (a Date "31-12-2026", say): a validation error. */
const LITERAL_INVALID = /^Expected value of type "[^"]+", found /;

/**
 * The coded answer for a request whose variables (or literal values) do not fit their types:
 * INVALID_INPUT with `field` the variable, or its path inside an input (`input.until`), keeping
 * the HTTP status graphql-yoga chose (400). Undefined for any other error. Such requests are the
 * client's mistake, not incidents: the server logs none of them (issue 12).
 */
export function requestInputError(error: unknown, document?: DocumentNode): GraphQLError | undefined {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return undefined;
  const invalid = VARIABLE_INVALID.exec(error.message);
  const missing = invalid ? null : VARIABLE_MISSING.exec(error.message);
  let field: string | null | undefined = invalid ? (invalid[2] ?? invalid[1]) : missing?.[1];
  if (field === undefined && LITERAL_INVALID.test(error.message)) {
    const value = error.nodes?.[0];
    field = document && value ? argumentPath(document, value) : null;
  }
  if (field === undefined) return undefined;
  const { http } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { code: 'INVALID_INPUT' satisfies ErrorCode, field, ...(http === undefined ? {} : { http }) },
  });
}

/** The argument (and input fields) a value in the document is given for: `input.until`. */
function argumentPath(document: DocumentNode, target: ASTNode): string | null {
  let found: string | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== target) return undefined;
      // `ancestors` stops before the parent.
      const names = [...ancestors, parent ?? []].flatMap((ancestor) =>
        'kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)
          ? [ancestor.name.value]
          : [],
      );
      found = names.length > 0 ? names.join('.') : null;
      return BREAK;
    },
  });
  return found;
}

/** A literal its scalar refuses is a validation error: INVALID_INPUT with its argument path, like a variable's. */
export function literalInputErrorsPlugin(): Plugin {
  return {
    onValidate({ params }) {
      // envelop types the document and the errors as any.
      const { documentAST } = params as { documentAST: DocumentNode };
      return ({ valid, result, setResult }) => {
        if (!valid) setResult((result as readonly GraphQLError[]).map((error) => requestInputError(error, documentAST) ?? error));
      };
    },
  };
}

function errorBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * A body graphql-yoga has no parser for (text/plain, say) is refused 415 in the GraphQL error
 * shape, UNSUPPORTED_MEDIA_TYPE, instead of yoga's empty 415 (issue 12). The request parsers are
 * yoga's own plugins and run first, so no parser here means none will take the body.
 */
export function unsupportedMediaTypePlugin(): Plugin {
  return {
    onRequestParse({ requestParser, endResponse, fetchAPI }) {
      if (requestParser) return;
      endResponse(
        new fetchAPI.Response(
          errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send GraphQL requests as application/json (or a GET with the query in the URL).'),
          { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}

/**
 * The web app's only inline style: cytoscape adds `<style>` with this text to the page once
 * (its container must be positioned). Allowed by its hash, so `style-src` needs no 'unsafe-inline'.
 * React's `style` props and cytoscape's element styles are set through the CSSOM, which `style-src` does not govern.
 */
const CYTOSCAPE_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/**
 * The Content-Security-Policy of every response (issue 12): scripts only from this server (the
 * built app has no inline script), no framing, no plugins, no `<base>`, forms only to here.
 * `data:` and `blob:` images: the favicon and a printed wijkkaart are data URLs, a printed circle is drawn from a blob.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${CYTOSCAPE_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Headers every response carries, set before routing (writeHead later merges its own over them).
 * Referrer-Policy no-referrer rather than strict-origin: the app's addresses name clients' circles
 * (`/kring/<id>`), and nothing here reads the Referer (the CSRF check is a header of our own), so
 * no other site, and no log of ours, needs to learn where a visitor came from. GraphQL answers
 * are never stored by a browser or a proxy.
 */
export function setSecurityHeaders(res: ServerResponse, path: string): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  if (path === '/graphql' || path.startsWith('/graphql/')) res.setHeader('cache-control', 'no-store');
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A request made on this machine itself: from a loopback address, and not passed on by a proxy
 * (a forwarded request comes from the proxy's address, on the machine or not, on behalf of anyone).
 */
export function isFromThisMachine(
  req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined } },
): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  return LOOPBACK.test(req.socket.remoteAddress ?? '');
}

/** The answer when a request ran out of time before anything of its response was sent (issue 12). */
export function timeoutBody(message: string): string {
  return errorBody('TIMEOUT', message);
}
