/** What a page shows when loading its data failed. */
export type LoadErrorKind = 'UNAVAILABLE' | 'NOT_FOUND' | 'OTHER';

/** The parts of urql's CombinedError this module looks at (kept structural, so it is testable without urql). */
export interface LoadErrorLike {
  readonly networkError?: unknown;
  readonly graphQLErrors: ReadonlyArray<{ readonly extensions?: Readonly<Record<string, unknown>> | undefined }>;
}

/**
 * Sorts a failed page load into what the user can do about it. The API answers with a stable
 * `extensions.code`; we never look at messages.
 * - DATABASE_UNAVAILABLE, or no answer at all (network failure): try again in a moment.
 * - NOT_FOUND, and INVALID_INPUT: a page's only input is its URL, so a malformed id or slug is,
 *   for the user, a page that does not exist.
 * - anything else: a calm generic message.
 */
export function classifyLoadError(error: LoadErrorLike): LoadErrorKind {
  const codes = error.graphQLErrors.map((e) => e.extensions?.['code']);
  if (codes.includes('DATABASE_UNAVAILABLE')) return 'UNAVAILABLE';
  if (codes.includes('NOT_FOUND') || codes.includes('INVALID_INPUT')) return 'NOT_FOUND';
  if (codes.length === 0 && error.networkError !== undefined) return 'UNAVAILABLE';
  return 'OTHER';
}
