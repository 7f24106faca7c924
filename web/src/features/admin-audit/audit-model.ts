import type { AuditFilterInput } from '../../gql/graphql';

/**
 * Pure helpers of the audit page (issue 11): the filter form and what it sends, and the period in
 * Dutch time. The API reads periods in UTC; the admin picks whole days as they are in the
 * Netherlands, so a day becomes the UTC instants of its Dutch midnights (summer and winter time).
 */

const TIME_ZONE = 'Europe/Amsterdam';

export interface FilterForm {
  account: string;
  /** A client's pseudonym. */
  client: string;
  /** Or the username of a client's account (the server makes the pseudonym). */
  clientUsername: string;
  action: string;
  result: string;
  subject: string;
  origin: string;
  /** Dutch calendar days, both included ("2026-11-30"), or empty. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: FilterForm = {
  account: '',
  client: '',
  clientUsername: '',
  action: '',
  result: '',
  subject: '',
  origin: '',
  from: '',
  to: '',
};

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(ms: number): Record<string, string> {
  return Object.fromEntries(wallClock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** How far Dutch time is ahead of UTC at an instant, in milliseconds (one hour in winter, two in summer). */
function offsetAt(ms: number): number {
  const p = parts(ms);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant at which a Dutch calendar day begins. */
export function dutchMidnight(date: string): string {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const first = asUtc - offsetAt(asUtc);
  // Checked once more at the guess itself: the offset may differ a few hours away from it.
  return new Date(asUtc - offsetAt(first)).toISOString();
}

/** The Dutch calendar day of an instant. */
export function dutchDate(iso: string): string {
  const p = parts(Date.parse(iso));
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

const blank = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** What the form sends: empty fields left out, the days as UTC instants (the last day up to its last millisecond). */
export function toFilterInput(form: FilterForm): AuditFilterInput {
  return {
    account: blank(form.account),
    client: blank(form.client),
    clientUsername: blank(form.clientUsername),
    action: blank(form.action),
    result: blank(form.result),
    subject: blank(form.subject),
    origin: blank(form.origin),
    from: isRealDate(form.from) ? dutchMidnight(form.from) : null,
    to: isRealDate(form.to) ? new Date(Date.parse(dutchMidnight(addDays(form.to, 1))) - 1).toISOString() : null,
  };
}

export type FilterProblem = 'clientTwice' | 'fromInvalid' | 'toInvalid' | 'periodBackwards';

/** What is wrong with the form before it is sent, by field. */
export function filterProblems(form: FilterForm): { field: keyof FilterForm; problem: FilterProblem }[] {
  const problems: { field: keyof FilterForm; problem: FilterProblem }[] = [];
  if (blank(form.client) !== null && blank(form.clientUsername) !== null) {
    problems.push({ field: 'clientUsername', problem: 'clientTwice' });
  }
  const fromOk = form.from === '' || isRealDate(form.from);
  const toOk = form.to === '' || isRealDate(form.to);
  if (!fromOk) problems.push({ field: 'from', problem: 'fromInvalid' });
  if (!toOk) problems.push({ field: 'to', problem: 'toInvalid' });
  if (fromOk && toOk && form.from !== '' && form.to !== '' && form.to < form.from) {
    problems.push({ field: 'to', problem: 'periodBackwards' });
  }
  return problems;
}

/** The last week, today included. */
export function lastWeek(today: string): { from: string; to: string } {
  return { from: addDays(today, -6), to: today };
}

export interface FlagFilter {
  account: string | null;
  origin: string | null;
  action: string | null;
  result: string | null;
}

/** The search that shows the records behind a flag: its filter, over the Dutch days of its first and last record. */
export function flagForm(flag: { first: string; last: string; filter: FlagFilter }): FilterForm {
  return {
    ...EMPTY_FILTER,
    account: flag.filter.account ?? '',
    origin: flag.filter.origin ?? '',
    action: flag.filter.action ?? '',
    result: flag.filter.result ?? '',
    from: dutchDate(flag.first),
    to: dutchDate(flag.last),
  };
}

const timeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: TIME_ZONE });

/** "30-11-2026 18:44:12", Dutch time: short enough for a table row. */
export function formatLogTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : timeFormat.format(new Date(ms)).replace(',', '');
}

/** A pseudonym is long; its first characters tell rows apart. */
export function shortRef(ref: string): string {
  return ref.length > 10 ? `${ref.slice(0, 10)}…` : ref;
}
