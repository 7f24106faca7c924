import { Neo4jError } from 'neo4j-driver';

/**
 * Domain errors leave `graph` with a stable code. The API turns them into GraphQL errors or
 * typed results; nothing outside this file looks at Neo4j error codes.
 */
export type DomainErrorCode =
  | 'DATABASE_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'INTEGRITY'
  /** Someone else changed the entry since the editor saw it. */
  | 'EDIT_CONFLICT'
  /** A frozen snapshot ("vastgelegd") cannot be changed. */
  | 'CIRCLE_FROZEN'
  /** The circle holds the most entries it may hold. */
  | 'CIRCLE_FULL'
  /** A wijkkaart change names an organisation or key figure outside the wijk it is made for. */
  | 'OUTSIDE_DISTRICT'
  /** A key figure appears on a map, or in a link, only with their recorded consent. */
  | 'CONSENT_REQUIRED';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.field = options?.field;
  }
}

export class DatabaseUnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super('DATABASE_UNAVAILABLE', 'The database does not answer.', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps anything the driver throws to a domain error; unknown errors pass through unchanged. */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new DatabaseUnavailableError(error);
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new DomainError('CONFLICT', 'A record with this identity already exists.', { cause: error });
    }
    // The driver reports refused or dropped connections with an empty or network-ish code.
    if (error.code === '' || /connect|socket|ECONNREFUSED|ECONNRESET|acquisition/i.test(error.message)) {
      return new DatabaseUnavailableError(error);
    }
  }
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|EPIPE/.test(error.message)) {
    return new DatabaseUnavailableError(error);
  }
  return error;
}
