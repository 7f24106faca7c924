import { circleSchemas, DomainError } from '@wijkkring/graph';
import { GraphQLError } from 'graphql';

/**
 * Stable error codes the API answers with (in `extensions.code`). Clients switch on these, never
 * on messages. Unexpected errors are masked by the server and carry no code of ours.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'AUDIT_UNAVAILABLE'
  /** A name, relation or note holds an e-mail address or phone number (the circle is not an address book). */
  | 'CONTACT_DETAILS_NOT_ALLOWED'
  /** Someone else changed the entry since the editor saw it; `currentVersion` says where it stands. */
  | 'EDIT_CONFLICT'
  /** A frozen snapshot cannot be changed. */
  | 'CIRCLE_FROZEN'
  /** The circle holds the most entries it may. */
  | 'CIRCLE_FULL'
  /** A wijkkaart change names an organisation or key figure outside the wijk it is made for. */
  | 'OUTSIDE_DISTRICT'
  /** A key figure appears on a map, or in a link, only with their recorded consent. */
  | 'CONSENT_REQUIRED'
  /** A sociale-kaart import was not applied: its dry run has errors (issue 11); `errors` says how many. */
  | 'IMPORT_HAS_ERRORS'
  /**
   * The request ran past its time limit (REQUEST_TIMEOUT_MS) and was stopped; a write that timed out
   * in the database was rolled back (issue 12). Try again, or ask for less.
   */
  | 'TIMEOUT'
  /** The request body is not JSON (or a GraphQL GET): HTTP 415 (issue 12). */
  | 'UNSUPPORTED_MEDIA_TYPE';

export const TIMEOUT_MESSAGE = 'The request took too long and was stopped. Try again in a moment.';

export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

function pathOf(issue: Issue): string {
  return (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
}

/** A validation failure: names the first offending field, and lists every issue. */
export function invalidInput(issues: readonly Issue[]): GraphQLError {
  const list = issues.map((issue) => ({ field: pathOf(issue), message: issue.message }));
  const first = list[0];
  const contact = list.find((issue) => issue.message === circleSchemas.CONTACT_DETAILS_MESSAGE);
  if (contact) {
    return apiError('CONTACT_DETAILS_NOT_ALLOWED', `No e-mail addresses or phone numbers in ${contact.field}.`, {
      field: contact.field,
      issues: list,
    });
  }
  return apiError('INVALID_INPUT', first ? `Invalid value for ${first.field || 'input'}: ${first.message}` : 'Invalid input', {
    field: first?.field ?? null,
    issues: list,
  });
}

/** Domain errors from `graph` become coded GraphQL errors; anything else stays unexpected (masked). */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    switch (error.code) {
      case 'DATABASE_UNAVAILABLE':
        return apiError('DATABASE_UNAVAILABLE', 'The database is not available right now. Try again in a moment.');
      case 'TIMEOUT':
        return apiError('TIMEOUT', TIMEOUT_MESSAGE);
      case 'NOT_FOUND':
        return apiError('NOT_FOUND', error.message, { field: error.field ?? null });
      case 'CONFLICT':
        return apiError('CONFLICT', error.message, { field: error.field ?? null });
      case 'INVALID_INPUT':
        return apiError('INVALID_INPUT', error.message, { field: error.field ?? null });
      case 'EDIT_CONFLICT':
      case 'CIRCLE_FROZEN':
      case 'CIRCLE_FULL':
      case 'OUTSIDE_DISTRICT':
      case 'CONSENT_REQUIRED':
        return apiError(error.code, error.message, { field: error.field ?? null });
      default:
        return error;
    }
  }
  return error;
}
