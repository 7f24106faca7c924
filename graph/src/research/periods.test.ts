import { describe, expect, it } from 'vitest';
import { networkDate, parsePeriod, periodsUntil, previousPeriod } from './periods.js';

describe('research periods', () => {
  it('counts months back across a year, oldest first, the running one incomplete', () => {
    const months = periodsUntil('2026-02-14', 'MONTH', 3);
    expect(months.map((p) => p.key)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(months.map((p) => p.end)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
    expect(months.map((p) => p.complete)).toEqual([true, true, false]);
  });

  it('counts quarters back, with leap years in their last days', () => {
    const quarters = periodsUntil('2024-04-01', 'QUARTER', 5);
    expect(quarters.map((p) => p.key)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quarters[3]).toEqual({ key: '2024-Q1', start: '2024-01-01', end: '2024-03-31', complete: true });
    expect(periodsUntil('2024-02-10', 'MONTH', 1)[0]?.end).toBe('2024-02-29');
  });

  it('parses keys and refuses anything else', () => {
    expect(parsePeriod('2026-Q3', '2026-11-30')).toEqual({
      key: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      complete: true,
    });
    expect(parsePeriod('2026-11', '2026-11-30')?.complete).toBe(false);
    for (const bad of ['2026-13', '2026-Q5', '2026-1', 'Q1-2026', '2026-01-01'])
      expect(parsePeriod(bad, '2026-11-30')).toBeUndefined();
  });

  it('steps back one period, across the year', () => {
    const q1 = parsePeriod('2026-Q1', '2026-11-30');
    const jan = parsePeriod('2026-01', '2026-11-30');
    expect(q1 && previousPeriod(q1, '2026-11-30').key).toBe('2025-Q4');
    expect(jan && previousPeriod(jan, '2026-11-30').key).toBe('2025-12');
  });

  it('reads a running period on today and a finished one on its last day', () => {
    const [last, running] = periodsUntil('2026-11-30', 'MONTH', 2);
    expect(last && networkDate(last, '2026-11-30')).toBe('2026-10-31');
    expect(running && networkDate(running, '2026-11-30')).toBe('2026-11-30');
  });
});
