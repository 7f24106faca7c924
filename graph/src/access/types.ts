import type { AccessLevel } from '../account/types.js';

export interface AccessGrant {
  id: string;
  clientId: string;
  supportWorkerId: string;
  level: AccessLevel;
  grantedAt: string;
  /** Last valid day (YYYY-MM-DD), inclusive; null for no end. */
  until: string | null;
  revokedAt: string | null;
}

export interface SupportWorkerSummary {
  id: string;
  name: string;
  organisationId: string | null;
}

export function grantIsActive(grant: AccessGrant, today: string): boolean {
  return grant.revokedAt === null && (grant.until === null || grant.until >= today);
}
