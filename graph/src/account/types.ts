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
  passwordHash: string;
  /** Sealed (see secrets.ts); null until the second factor is set up. */
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
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
  districtId: string | null;
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
