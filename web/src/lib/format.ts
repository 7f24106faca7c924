/** Dates and times as people in Utrecht read them, whatever the device's own time zone. */
const TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });

/** "14 maart 2026" for an ISO date-time; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "14 maart 2026 om 10:30" (Amsterdam time) for an ISO date-time in UTC. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/**
 * "14 maart 2026" for a calendar date ("2026-03-14", a GraphQL Date). Read as noon UTC, so the day
 * is the same in Amsterdam in winter and summer.
 */
export function formatCalendarDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(`${date}T12:00:00Z`) : date;
}

/** Today's date in Amsterdam as "2026-03-14", for the `min` of a date field. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return parts.format(now);
}
