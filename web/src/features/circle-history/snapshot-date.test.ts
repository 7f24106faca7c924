import { describe, expect, it } from 'vitest';
import { defaultPair, monthYear, oldestFirst, orderPair } from './snapshot-date';

const open = { id: 'open', createdAt: '2026-05-01T10:00:00Z', frozenAt: null };
const may = { id: 'may', createdAt: '2026-03-01T10:00:00Z', frozenAt: '2026-05-01T10:00:00Z' };
const march = { id: 'march', createdAt: '2025-10-01T10:00:00Z', frozenAt: '2026-03-01T10:00:00Z' };
// The API lists snapshots newest first.
const circles = [open, may, march];

describe('snapshot dates and pairs (issue 4)', () => {
  it('writes month and year in Dutch', () => {
    expect(monthYear('2026-03-14T10:00:00Z')).toBe('maart 2026');
    expect(monthYear('not a date')).toBe('not a date');
  });

  it('puts the open circle last, after every frozen snapshot', () => {
    expect(oldestFirst(circles).map((c) => c.id)).toEqual(['march', 'may', 'open']);
  });

  it('starts from the open circle with the newest frozen snapshot against it', () => {
    expect(defaultPair(circles, 'open')).toEqual({ earlierId: 'may', laterId: 'open' });
    expect(defaultPair(circles, 'unknown')).toEqual({ earlierId: 'may', laterId: 'open' });
  });

  it('starts from a frozen snapshot with the one before it, or the one after the oldest', () => {
    expect(defaultPair(circles, 'may')).toEqual({ earlierId: 'march', laterId: 'may' });
    expect(defaultPair(circles, 'march')).toEqual({ earlierId: 'march', laterId: 'may' });
  });

  it('has nothing to compare with one circle', () => {
    expect(defaultPair([open], 'open')).toBeNull();
  });

  it('orders two choices in time, and says when it swapped them', () => {
    expect(orderPair(circles, 'march', 'open')).toEqual({ earlierId: 'march', laterId: 'open', swapped: false });
    expect(orderPair(circles, 'open', 'may')).toEqual({ earlierId: 'may', laterId: 'open', swapped: true });
    expect(orderPair(circles, 'may', 'may')).toBeNull();
    expect(orderPair(circles, 'may', 'gone')).toBeNull();
  });
});
