/** What a page shows when loading its data failed. */
export type LoadErrorKind = 'UNAVAILABLE' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'OTHER';

/** One GraphQL error as far as this module looks at it. */
export interface GraphQLErrorLike {
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/** The parts of urql's CombinedError this module looks at (kept structural, so it is testable without urql). */
export interface LoadErrorLike {
  readonly networkError?: unknown;
  readonly graphQLErrors: readonly GraphQLErrorLike[];
}

/** The stable `extensions.code` of each GraphQL error (never the message: that is for developers). */
export function errorCodes(error: LoadErrorLike): unknown[] {
  return error.graphQLErrors.map((e) => e.extensions?.['code']);
}

export function hasErrorCode(error: LoadErrorLike | undefined | null, code: string): boolean {
  return error ? errorCodes(error).includes(code) : false;
}

/**
 * Sorts a failed page load into what the user can do about it. The API answers with a stable
 * `extensions.code`; we never look at messages.
 * - UNAUTHENTICATED: the session ended; the app sends the user to /inloggen (this is the fallback text).
 * - FORBIDDEN: signed in, but this is not for them: a calm "not allowed" with a way back.
 * - RATE_LIMITED: too many attempts; wait a moment.
 * - DATABASE_UNAVAILABLE, AUDIT_UNAVAILABLE, TIMEOUT, or no answer at all (network failure): try
 *   again in a moment.
 * - NOT_FOUND, and INVALID_INPUT: a page's only input is its URL, so a malformed id or slug is,
 *   for the user, a page that does not exist.
 * - anything else: a calm generic message.
 * The order matters when several errors come back: what the user must do first wins.
 */
export function classifyLoadError(error: LoadErrorLike): LoadErrorKind {
  const codes = errorCodes(error);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  if (codes.includes('RATE_LIMITED')) return 'RATE_LIMITED';
  // The database did not answer, or the read could not be recorded in the audit log (which the
  // database holds), or the request ran out of time: all pass, so "try again in a moment" (issue 14).
  if (codes.includes('DATABASE_UNAVAILABLE') || codes.includes('AUDIT_UNAVAILABLE') || codes.includes('TIMEOUT'))
    return 'UNAVAILABLE';
  if (codes.includes('NOT_FOUND') || codes.includes('INVALID_INPUT')) return 'NOT_FOUND';
  if (codes.length === 0 && error.networkError !== undefined) return 'UNAVAILABLE';
  return 'OTHER';
}

/**
 * Whole minutes to wait after RATE_LIMITED (extensions.retryAfterSeconds), at least 1; null when
 * the API did not say.
 */
export function retryAfterMinutes(error: LoadErrorLike): number | null {
  for (const e of error.graphQLErrors) {
    if (e.extensions?.['code'] !== 'RATE_LIMITED') continue;
    const seconds = e.extensions['retryAfterSeconds'];
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds / 60));
  }
  return null;
}

/** The `extensions.field` of the first INVALID_INPUT error, e.g. "input.newPassword". */
export function invalidField(error: LoadErrorLike): string | null {
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.['field'];
    if (e.extensions?.['code'] === 'INVALID_INPUT' && typeof field === 'string') return field;
  }
  return null;
}
