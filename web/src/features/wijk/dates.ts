/** Dates on the wijkkaart are ISO calendar days (YYYY-MM-DD); shown in Dutch words. */

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

const LONG = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 juli 2025". */
export function longDate(iso: string): string {
  return isIsoDate(iso) ? LONG.format(new Date(`${iso}T00:00:00Z`)) : iso;
}

/** "maart 2021". */
export function monthYear(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return isIsoDate(iso) ? MONTH.format(new Date(`${iso}T00:00:00Z`)) : iso;
}
