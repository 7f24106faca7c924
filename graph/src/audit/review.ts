import { groupBy } from '../group-by.js';
import type { AuditAction, AuditResult } from './types.js';

/**
 * The review of unusual access in the audit log (issue 11): pure rules over the records of one
 * period, read once by `auditRecordsForReview` (search.ts). No database here, so each rule is
 * tested with fixed records (review.test.ts). The rules and their thresholds are described in
 * docs/SECURITY.md, "Audit review".
 */

/** The part of an audit record the rules look at. */
export interface ReviewRecord {
  seq: number;
  /** UTC, ISO-8601. */
  at: string;
  actorAccountId: string | null;
  actorRole: string | null;
  actorLabel: string | null;
  clientRef: string | null;
  subject: string;
  action: AuditAction;
  result: AuditResult;
  origin: string | null;
}

export const AUDIT_FLAG_KINDS = ['MANY_CLIENTS', 'NIGHT_READS', 'REPEATED_REFUSALS', 'FAILED_LOGINS'] as const;
export type AuditFlagKind = (typeof AUDIT_FLAG_KINDS)[number];

export interface ReviewThresholds {
  /** MANY_CLIENTS: this many different clients' data read by one account within the window. */
  manyClients: number;
  /** REPEATED_REFUSALS: this many refused requests by one account (or, signed out, one address) within the window. */
  refusals: number;
  /** FAILED_LOGINS: this many failed or refused logins on one username within the window. */
  failedLogins: number;
  windowMinutes: number;
}

export const REVIEW_DEFAULTS: ReviewThresholds = { manyClients: 10, refusals: 5, failedLogins: 5, windowMinutes: 60 };

/** NIGHT_READS: reads of client data from 22:00 up to 06:00, local time in the Netherlands (summer and winter time). */
export const NIGHT = { timeZone: 'Europe/Amsterdam', startHour: 22, endHour: 6 } as const;

/** The search a flag opens: the search's filter fields, with the period as UTC dates (both days included). */
export interface AuditFlagFilter {
  /** An account id, or the username a failed login tried. */
  account: string | null;
  origin: string | null;
  action: AuditAction | null;
  result: AuditResult | null;
  from: string;
  to: string;
}

export interface AuditFlag {
  kind: AuditFlagKind;
  /** Who: the account (MANY_CLIENTS, NIGHT_READS, and REPEATED_REFUSALS of a signed-in account). */
  accountId: string | null;
  actorRole: string | null;
  /** FAILED_LOGINS: the username tried. */
  username: string | null;
  /** REPEATED_REFUSALS without an account: the address they came from. */
  origin: string | null;
  /** Records in the flag. */
  count: number;
  /** Different clients (pseudonyms) among them. */
  clients: number;
  first: string;
  last: string;
  filter: AuditFlagFilter;
}

interface Timed {
  t: number;
  record: ReviewRecord;
}

/**
 * The bursts in a time-ordered list: stretches where, within `windowMs`, at least `threshold`
 * different keys occur. Overlapping windows are joined into one burst, so one spree is one flag.
 */
export function bursts<T extends Timed>(
  events: readonly T[],
  key: (event: T) => string,
  windowMs: number,
  threshold: number,
): T[][] {
  const found: [number, number][] = [];
  const inWindow = new Map<string, number>();
  let left = 0;
  events.forEach((event, right) => {
    const k = key(event);
    inWindow.set(k, (inWindow.get(k) ?? 0) + 1);
    for (let first = events[left]; first && event.t - first.t > windowMs; first = events[left]) {
      const firstKey = key(first);
      const n = (inWindow.get(firstKey) ?? 1) - 1;
      if (n === 0) inWindow.delete(firstKey);
      else inWindow.set(firstKey, n);
      left += 1;
    }
    if (inWindow.size < threshold) return;
    const last = found[found.length - 1];
    if (last && left <= last[1]) last[1] = right;
    else found.push([left, right]);
  });
  return found.map(([from, to]) => events.slice(from, to + 1));
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: NIGHT.timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The local date and hour in the Netherlands of a UTC instant (the time-zone database knows summer time). */
export function amsterdamTime(at: string): { date: string; hour: number } {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`, hour: Number(parts.hour) };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The night an instant falls in, named by its evening's local date; null in the daytime. */
export function nightOf(at: string): string | null {
  const { date, hour } = amsterdamTime(at);
  if (hour >= NIGHT.startHour) return date;
  if (hour < NIGHT.endHour) return dayBefore(date);
  return null;
}

const utcDate = (at: string): string => new Date(at).toISOString().slice(0, 10);

function flagOf(
  kind: AuditFlagKind,
  events: readonly Timed[],
  who: Pick<AuditFlag, 'accountId' | 'actorRole' | 'username' | 'origin'>,
  filter: Pick<AuditFlagFilter, 'action' | 'result'>,
): AuditFlag {
  const records = events.map((e) => e.record);
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) throw new Error('a flag needs at least one record');
  return {
    kind,
    ...who,
    count: records.length,
    clients: new Set(records.map((r) => r.clientRef).filter((ref) => ref !== null)).size,
    first: first.at,
    last: last.at,
    filter: {
      account: who.accountId ?? who.username,
      origin: who.accountId === null && who.username === null ? who.origin : null,
      ...filter,
      from: utcDate(first.at),
      to: utcDate(last.at),
    },
  };
}

const isClientRead = (r: ReviewRecord): boolean =>
  r.action === 'READ' && r.result === 'SUCCESS' && r.clientRef !== null && r.actorAccountId !== null;

/** (a) One account reading the data of many different clients within the window. */
function manyClients(events: readonly Timed[], limits: ReviewThresholds): AuditFlag[] {
  const flags: AuditFlag[] = [];
  for (const group of groupBy(
    events.filter((e) => isClientRead(e.record)),
    (e) => e.record.actorAccountId,
  ).values()) {
    for (const burst of bursts(group, (e) => e.record.clientRef ?? '', limits.windowMinutes * 60_000, limits.manyClients)) {
      const { actorAccountId, actorRole } = burst[0]?.record ?? { actorAccountId: null, actorRole: null };
      flags.push(
        flagOf(
          'MANY_CLIENTS',
          burst,
          { accountId: actorAccountId, actorRole, username: null, origin: null },
          {
            action: 'READ',
            result: 'SUCCESS',
          },
        ),
      );
    }
  }
  return flags;
}

/** (b) Reads of client data at night by anyone but the client (a client reading their own circle at night is normal). */
function nightReads(events: readonly Timed[]): AuditFlag[] {
  const atNight = events
    .filter((e) => isClientRead(e.record) && e.record.actorRole !== 'CLIENT')
    .map((e) => ({ event: e, night: nightOf(e.record.at) }))
    .filter((e) => e.night !== null);
  const flags: AuditFlag[] = [];
  for (const group of groupBy(atNight, (e) => `${e.event.record.actorAccountId ?? ''} ${e.night ?? ''}`).values()) {
    const first = group[0]?.event.record;
    if (!first) continue;
    flags.push(
      flagOf(
        'NIGHT_READS',
        group.map((e) => e.event),
        { accountId: first.actorAccountId, actorRole: first.actorRole, username: null, origin: null },
        { action: 'READ', result: 'SUCCESS' },
      ),
    );
  }
  return flags;
}

/** (c) Repeated refusals by one account, or (signed out) from one address; logins are counted by username instead. */
function repeatedRefusals(events: readonly Timed[], limits: ReviewThresholds): AuditFlag[] {
  const refused = events.filter((e) => e.record.result === 'DENIED' && e.record.action !== 'LOGIN');
  const flags: AuditFlag[] = [];
  const who = (r: ReviewRecord): string | null =>
    r.actorAccountId !== null ? `account ${r.actorAccountId}` : r.origin !== null ? `origin ${r.origin}` : null;
  for (const group of groupBy(refused, (e) => who(e.record)).values()) {
    for (const burst of bursts(group, (e) => String(e.record.seq), limits.windowMinutes * 60_000, limits.refusals)) {
      const first = burst[0]?.record;
      if (!first) continue;
      flags.push(
        flagOf(
          'REPEATED_REFUSALS',
          burst,
          {
            accountId: first.actorAccountId,
            actorRole: first.actorRole,
            username: null,
            origin: first.actorAccountId === null ? first.origin : null,
          },
          { action: null, result: 'DENIED' },
        ),
      );
    }
  }
  return flags;
}

/** (c) Failed (wrong password or code) and refused (rate-limited) logins on one username. */
function failedLogins(events: readonly Timed[], limits: ReviewThresholds): AuditFlag[] {
  const failed = events.filter((e) => e.record.action === 'LOGIN' && e.record.result !== 'SUCCESS');
  const flags: AuditFlag[] = [];
  for (const [username, group] of groupBy(failed, (e) => e.record.actorLabel?.toLowerCase() ?? null)) {
    for (const burst of bursts(group, (e) => String(e.record.seq), limits.windowMinutes * 60_000, limits.failedLogins)) {
      flags.push(
        flagOf(
          'FAILED_LOGINS',
          burst,
          { accountId: null, actorRole: null, username, origin: null },
          { action: 'LOGIN', result: null },
        ),
      );
    }
  }
  return flags;
}

/** Every flag of a period's records (in any order), the most recent first. */
export function reviewAudit(records: readonly ReviewRecord[], thresholds: Partial<ReviewThresholds> = {}): AuditFlag[] {
  const limits = { ...REVIEW_DEFAULTS, ...thresholds };
  const events: Timed[] = records
    .map((record) => ({ t: Date.parse(record.at), record }))
    .sort((a, b) => a.t - b.t || a.record.seq - b.record.seq);
  return [
    ...manyClients(events, limits),
    ...nightReads(events),
    ...repeatedRefusals(events, limits),
    ...failedLogins(events, limits),
  ].sort((a, b) => b.last.localeCompare(a.last) || AUDIT_FLAG_KINDS.indexOf(a.kind) - AUDIT_FLAG_KINDS.indexOf(b.kind));
}
