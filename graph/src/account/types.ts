export const ROLES = ['CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work for an organisation or the municipality: they must use a second factor. */
export const PROFESSIONAL_ROLES: readonly Role[] = ['SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'];

export const ACCESS_LEVELS = ['READ', 'EDIT'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** What login needs to know about an account. Never leaves the API. */
export interface AccountCredentials {
  id: string;
  username: string;
  role: Role;
  active: boolean;
  /** Null until the account is activated (issue 11): such an account cannot sign in. */
  passwordHash: string | null;
  /** Sealed (see secrets.ts); null until the second factor is set up. */
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  /** For a client's account: the client (a failed login on it reaches the client's audit trail). */
  clientId: string | null;
}

/** An active grant a support worker holds, as the session carries it. */
export interface HeldGrant {
  clientId: string;
  level: AccessLevel;
}

export interface AccountProfile {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  totpEnabled: boolean;
  personId: string | null;
  /** For a CLIENT: their own client id. */
  clientId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /**
   * A coordinator's wijken in the order the admin gave them (issue 11: one or more); a client's
   * wijk. Empty for everyone else.
   */
  districtIds: string[];
  /** For a SUPPORT_WORKER: the grants that are active today. */
  grants: HeldGrant[];
}

export type SessionStage = 'FULL' | 'TOTP' | 'TOTP_SETUP';

export interface SessionRecord {
  idHash: string;
  accountId: string;
  stage: SessionStage;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  expiresAt: number;
  /** During TOTP setup: the sealed secret waiting for its first code. */
  pendingSecret: string | null;
  /** The pending secret may replace a second factor the account has (its password and code were checked). */
  pendingSecretReplaces: boolean;
}

export interface SessionView {
  session: SessionRecord;
  account: AccountProfile;
}

export interface AccountRow {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  passwordHash: string;
  totpSecret: string | null;
  personId: string;
  /** Marks accounts made by the demo seed; a production start refuses to run while any exist. */
  demo: boolean;
}

export interface ThrottleState {
  key: string;
  /** Attempts counted in the window: failed ones, and those still being checked. */
  failures: number;
  firstFailureAt: number;
  lastAttemptAt: number | null;
}
