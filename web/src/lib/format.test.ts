import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, todayInAmsterdam } from './format';

describe('format', () => {
  it('shows a UTC time in Amsterdam time, in winter and in summer', () => {
    expect(formatDateTime('2026-03-14T09:30:00Z')).toBe('14 maart 2026 om 10:30');
    expect(formatDateTime('2026-07-01T21:45:00Z')).toBe('1 juli 2026 om 23:45');
  });

  it('puts a late-evening UTC time on the next day when it is past midnight in Amsterdam', () => {
    expect(formatDate('2026-07-01T22:30:00Z')).toBe('2 juli 2026');
  });

  it('shows a calendar date as the same day', () => {
    expect(formatCalendarDate('2026-12-31')).toBe('31 december 2026');
    expect(formatCalendarDate('2026-01-01')).toBe('1 januari 2026');
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDateTime('gisteren')).toBe('gisteren');
    expect(formatCalendarDate('31-12-2026')).toBe('31-12-2026');
  });

  it('knows the date in Amsterdam just after midnight', () => {
    expect(todayInAmsterdam(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});
