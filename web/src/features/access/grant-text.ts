import { formatCalendarDate, formatDate } from '../../lib/format';
import { nl } from '../../messages/nl';

export interface GrantDates {
  readonly active: boolean;
  /** ISO date-time. */
  readonly grantedAt: string;
  /** Calendar date ("2026-11-30"), the last day included; null: no end chosen. */
  readonly until: string | null;
  /** ISO date-time; null while it runs, and when it ended by reaching `until`. */
  readonly revokedAt: string | null;
}

/**
 * How long someone may look, in one line, and when it began (issue 14). A grant that ended says
 * when it ended and nothing about an end date it no longer has: not "Gestopt op 30 november"
 * beside "geen einddatum".
 */
export function grantPeriod(grant: GrantDates): { readonly period: string; readonly since: string } {
  const since = nl.access.grantedOn(formatDate(grant.grantedAt));
  if (grant.active) {
    return { period: grant.until ? nl.access.until(formatCalendarDate(grant.until)) : nl.access.noEnd, since };
  }
  if (grant.revokedAt) return { period: nl.access.endedOn(formatDate(grant.revokedAt)), since };
  if (grant.until) return { period: nl.access.ranUntil(formatCalendarDate(grant.until)), since };
  return { period: nl.access.ended, since };
}
