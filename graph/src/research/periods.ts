/**
 * Research figures are computed per fixed calendar period, never for an arbitrary date range
 * (ANALYSIS.md, differencing): a month `2026-03` or a quarter `2026-Q1`, in UTC.
 */
export const GRANULARITIES = ['MONTH', 'QUARTER'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Period {
  /** `2026-03` or `2026-Q1`. */
  key: string;
  /** First day (YYYY-MM-DD). */
  start: string;
  /** Last day (YYYY-MM-DD). */
  end: string;
  /** The period has ended before today: its figures no longer change with new circle edits. */
  complete: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function monthPeriod(year: number, month: number, today: string): Period {
  const end = `${String(year)}-${pad(month)}-${pad(lastDay(year, month))}`;
  return { key: `${String(year)}-${pad(month)}`, start: `${String(year)}-${pad(month)}-01`, end, complete: end < today };
}

function quarterPeriod(year: number, quarter: number, today: string): Period {
  const first = (quarter - 1) * 3 + 1;
  const end = `${String(year)}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`;
  return { key: `${String(year)}-Q${String(quarter)}`, start: `${String(year)}-${pad(first)}-01`, end, complete: end < today };
}

/** The `count` periods up to and including the one holding `today` (YYYY-MM-DD), oldest first. */
export function periodsUntil(today: string, granularity: Granularity, count: number): Period[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const periods: Period[] = [];
  if (granularity === 'MONTH') {
    for (let i = count - 1; i >= 0; i -= 1) {
      const index = year * 12 + (month - 1) - i;
      periods.push(monthPeriod(Math.floor(index / 12), (index % 12) + 1, today));
    }
  } else {
    const current = year * 4 + Math.floor((month - 1) / 3);
    for (let i = count - 1; i >= 0; i -= 1) {
      const index = current - i;
      periods.push(quarterPeriod(Math.floor(index / 4), (index % 4) + 1, today));
    }
  }
  return periods;
}

/** The period a key names, or undefined when the key is not a month or quarter. */
export function parsePeriod(key: string, today: string): Period | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return monthPeriod(Number(month[1]), Number(month[2]), today);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]), today);
  return undefined;
}

/** The period before this one, of the same granularity. */
export function previousPeriod(period: Period, today: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period.key);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 2;
    return quarterPeriod(Math.floor(index / 4), (index % 4) + 1, today);
  }
  const index = Number(period.key.slice(0, 4)) * 12 + Number(period.key.slice(5, 7)) - 2;
  return monthPeriod(Math.floor(index / 12), (index % 12) + 1, today);
}

/**
 * The day a period's organisation network is read on: its last day, or today for the running
 * period (a link recorded today shows in this month's figure at once).
 */
export const networkDate = (period: Period, today: string): string => (period.end < today ? period.end : today);
