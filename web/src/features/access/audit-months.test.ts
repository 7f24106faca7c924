import { describe, expect, it } from 'vitest';
import { byMonth, monthOf } from './audit-months';

describe('the audit trail by month (issue 11)', () => {
  it('names a month in Dutch, in UTC', () => {
    expect(monthOf('2026-11-30T23:30:00Z')).toBe('november 2026');
    expect(monthOf('2026-12-01T00:10:00Z')).toBe('december 2026');
  });

  it('keeps the order and starts a group at every new month', () => {
    const events = [
      { id: 'a', at: '2026-11-20T10:00:00Z' },
      { id: 'b', at: '2026-11-02T10:00:00Z' },
      { id: 'c', at: '2026-10-31T10:00:00Z' },
      { id: 'd', at: '2025-10-15T10:00:00Z' },
    ];
    expect(byMonth(events).map((g) => [g.month, g.events.map((e) => e.id)])).toEqual([
      ['november 2026', ['a', 'b']],
      ['oktober 2026', ['c']],
      ['oktober 2025', ['d']],
    ]);
    expect(byMonth([])).toEqual([]);
  });
});
