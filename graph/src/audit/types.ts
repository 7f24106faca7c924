export const AUDIT_ACTIONS = ['READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE', 'PRINT', 'EXPORT', 'LOGIN', 'LOGOUT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['SUCCESS', 'DENIED', 'FAILED'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** What the API records about one action (NEN 7513: who, in which role, for whom, about whom, what, when, from where). */
export interface AuditEntry {
  /** The account that acted; null when nobody is signed in. */
  actorAccountId: string | null;
  actorRole: string | null;
  /** For a failed login: the username that was tried (accounts that do not exist have no id). */
  actorLabel: string | null;
  /** The organisation the actor acted for (professionals), or null. */
  onBehalfOf: string | null;
  /** The client the data is about, as a keyed pseudonym (never the client's id or name). */
  clientRef: string | null;
  /** The kind of data: NetworkCircle, Client, AccessGrant, AuditLog, Account, Session, ... */
  subject: string;
  action: AuditAction;
  result: AuditResult;
  /** Where the request came from (address). */
  origin: string | null;
  /** The GraphQL operation or a short reason; never personal data. */
  detail: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  seq: number;
  /** UTC, ISO-8601 with milliseconds. */
  at: string;
  prevHash: string;
  hash: string;
}
