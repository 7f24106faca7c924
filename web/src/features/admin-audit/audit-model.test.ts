import { describe, expect, it } from 'vitest';
import { dutchDate, dutchMidnight, EMPTY_FILTER, filterProblems, flagForm, formatLogTime, toFilterInput } from './audit-model';

describe('the audit page’s period in Dutch time (issue 11)', () => {
  it('starts a day at the Dutch midnight, in winter and in summer', () => {
    expect(dutchMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(dutchMidnight('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    // The days of the clock changes.
    expect(dutchMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(dutchMidnight('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(dutchMidnight('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(dutchMidnight('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('sends whole Dutch days as UTC instants, the last day up to its last millisecond', () => {
    expect(
      toFilterInput({ ...EMPTY_FILTER, from: '2026-07-01', to: '2026-07-02', result: 'DENIED', account: ' sanne ' }),
    ).toEqual({
      account: 'sanne',
      client: null,
      clientUsername: null,
      action: null,
      result: 'DENIED',
      subject: null,
      origin: null,
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-07-02T21:59:59.999Z',
    });
  });

  it('reads the Dutch day of an instant', () => {
    expect(dutchDate('2026-07-15T22:30:00.000Z')).toBe('2026-07-16');
    expect(dutchDate('2026-01-15T22:30:00.000Z')).toBe('2026-01-15');
    expect(formatLogTime('2026-07-15T22:30:05.000Z')).toBe('16-07-2026 00:30:05');
  });
});

describe('the audit filter form (issue 11)', () => {
  it('names what is wrong, by field', () => {
    expect(filterProblems(EMPTY_FILTER)).toEqual([]);
    expect(filterProblems({ ...EMPTY_FILTER, client: 'abc', clientUsername: 'eline' })).toEqual([
      { field: 'clientUsername', problem: 'clientTwice' },
    ]);
    expect(filterProblems({ ...EMPTY_FILTER, from: '2026-11-30', to: '2026-11-01' })).toEqual([
      { field: 'to', problem: 'periodBackwards' },
    ]);
    expect(filterProblems({ ...EMPTY_FILTER, from: '2026-02-31' })).toEqual([{ field: 'from', problem: 'fromInvalid' }]);
  });

  it('turns a flag into the search that shows its records', () => {
    const form = flagForm({
      first: '2026-07-15T20:10:00.000Z',
      last: '2026-07-15T22:30:00.000Z',
      filter: { account: 'sanne', origin: null, action: 'READ', result: 'SUCCESS' },
    });
    expect(form).toEqual({
      ...EMPTY_FILTER,
      account: 'sanne',
      action: 'READ',
      result: 'SUCCESS',
      from: '2026-07-15',
      to: '2026-07-16',
    });
  });
});
