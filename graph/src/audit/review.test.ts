import { describe, expect, it } from 'vitest';
import { amsterdamTime, bursts, nightOf, REVIEW_DEFAULTS, reviewAudit, type ReviewRecord } from './review.js';

let seq = 0;
const WORKER = 'worker-1';

/** A record with valid defaults: a support worker's successful read of one client's circle. */
function record(at: string, fields: Partial<ReviewRecord> = {}): ReviewRecord {
  seq += 1;
  return {
    seq,
    at,
    actorAccountId: WORKER,
    actorRole: 'SUPPORT_WORKER',
    actorLabel: null,
    clientRef: 'client-a',
    subject: 'NetworkCircle',
    action: 'READ',
    result: 'SUCCESS',
    origin: '10.0.0.1',
    ...fields,
  };
}

/** `n` records starting at `start`, `stepMinutes` apart. */
function series(start: string, n: number, stepMinutes: number, fields: (i: number) => Partial<ReviewRecord>): ReviewRecord[] {
  return Array.from({ length: n }, (_, i) =>
    record(new Date(Date.parse(start) + i * stepMinutes * 60_000).toISOString(), fields(i)),
  );
}

describe('the local hour in the Netherlands (issue 11)', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(amsterdamTime('2026-01-15T21:00:00.000Z')).toEqual({ date: '2026-01-15', hour: 22 });
    expect(amsterdamTime('2026-07-15T20:00:00.000Z')).toEqual({ date: '2026-07-15', hour: 22 });
    expect(amsterdamTime('2026-07-15T23:30:00.000Z')).toEqual({ date: '2026-07-16', hour: 1 });
  });

  it('follows the switch to summer time (29 March 2026) and back (25 October 2026)', () => {
    expect(amsterdamTime('2026-03-29T00:59:00.000Z').hour).toBe(1); // 01:59 winter time
    expect(amsterdamTime('2026-03-29T01:00:00.000Z').hour).toBe(3); // 03:00 summer time: 02:00 is skipped
    expect(amsterdamTime('2026-10-25T00:30:00.000Z').hour).toBe(2); // 02:30 summer time
    expect(amsterdamTime('2026-10-25T01:30:00.000Z').hour).toBe(2); // 02:30 again, winter time
  });
});

describe('night hours, 22:00 to 06:00 Dutch time (issue 11)', () => {
  it('in winter time: 21:00 UTC is 22:00, 05:00 UTC is 06:00', () => {
    expect(nightOf('2026-01-15T20:59:59.000Z')).toBeNull(); // 21:59
    expect(nightOf('2026-01-15T21:00:00.000Z')).toBe('2026-01-15'); // 22:00
    expect(nightOf('2026-01-16T04:59:59.000Z')).toBe('2026-01-15'); // 05:59, the same night
    expect(nightOf('2026-01-16T05:00:00.000Z')).toBeNull(); // 06:00
  });

  it('in summer time: 20:00 UTC is 22:00, 04:00 UTC is 06:00', () => {
    expect(nightOf('2026-07-15T19:59:59.000Z')).toBeNull(); // 21:59
    expect(nightOf('2026-07-15T20:00:00.000Z')).toBe('2026-07-15'); // 22:00
    expect(nightOf('2026-07-16T03:59:59.000Z')).toBe('2026-07-15'); // 05:59
    expect(nightOf('2026-07-16T04:00:00.000Z')).toBeNull(); // 06:00
    // The same UTC hour is daytime in winter: a rule in UTC would get one of the two wrong.
    expect(nightOf('2026-01-16T04:30:00.000Z')).toBe('2026-01-15'); // 05:30 in winter
    expect(nightOf('2026-07-16T04:30:00.000Z')).toBeNull(); // 06:30 in summer
  });

  it('keeps the night of a clock change as one night', () => {
    expect(nightOf('2026-03-28T21:30:00.000Z')).toBe('2026-03-28'); // 22:30 winter time
    expect(nightOf('2026-03-29T03:59:00.000Z')).toBe('2026-03-28'); // 05:59 summer time
    expect(nightOf('2026-03-29T04:00:00.000Z')).toBeNull(); // 06:00 summer time
    expect(nightOf('2026-10-24T20:00:00.000Z')).toBe('2026-10-24'); // 22:00 summer time
    expect(nightOf('2026-10-25T04:59:00.000Z')).toBe('2026-10-24'); // 05:59 winter time
    expect(nightOf('2026-10-25T05:00:00.000Z')).toBeNull(); // 06:00 winter time
  });
});

describe('bursts (issue 11)', () => {
  const event = (minute: number, key: string) => ({ t: minute * 60_000, key, record: record('2026-01-01T00:00:00Z') });

  it('finds a stretch with enough different keys within the window and joins overlapping windows', () => {
    const events = [event(0, 'a'), event(10, 'b'), event(20, 'c'), event(30, 'd'), event(200, 'e')];
    const found = bursts(events, (e) => e.key, 60 * 60_000, 3);
    expect(found.map((b) => b.map((e) => e.key))).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('counts a key once, however often it occurs', () => {
    const events = [event(0, 'a'), event(1, 'a'), event(2, 'a'), event(3, 'b')];
    expect(bursts(events, (e) => e.key, 60 * 60_000, 3)).toEqual([]);
  });
});

describe('MANY_CLIENTS: one account reading many clients in a short time (issue 11)', () => {
  it('flags ten different clients within an hour, with who, how many and when', () => {
    const records = series('2026-02-10T09:00:00.000Z', 12, 5, (i) => ({ clientRef: `client-${String(i)}` }));
    const flags = reviewAudit(records).filter((f) => f.kind === 'MANY_CLIENTS');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      accountId: WORKER,
      actorRole: 'SUPPORT_WORKER',
      count: 12,
      clients: 12,
      first: '2026-02-10T09:00:00.000Z',
      last: '2026-02-10T09:55:00.000Z',
      filter: { account: WORKER, action: 'READ', result: 'SUCCESS', from: '2026-02-10', to: '2026-02-10' },
    });
  });

  it('does not flag nine clients, the same client many times, or ten clients spread over a day', () => {
    const nine = series('2026-02-10T09:00:00.000Z', 9, 5, (i) => ({ clientRef: `client-${String(i)}` }));
    const same = series('2026-02-11T09:00:00.000Z', 30, 1, () => ({ clientRef: 'client-x' }));
    const spread = series('2026-02-12T08:00:00.000Z', 10, 61, (i) => ({ clientRef: `client-${String(i)}` }));
    expect(reviewAudit([...nine, ...same, ...spread]).filter((f) => f.kind === 'MANY_CLIENTS')).toEqual([]);
  });

  it('counts per account, and follows a configured threshold', () => {
    const two = series('2026-02-10T09:00:00.000Z', 6, 1, (i) => ({
      clientRef: `client-${String(i)}`,
      actorAccountId: i % 2 === 0 ? 'a' : 'b',
    }));
    expect(reviewAudit(two, { manyClients: 4 }).filter((f) => f.kind === 'MANY_CLIENTS')).toEqual([]);
    expect(reviewAudit(two, { manyClients: 3 }).filter((f) => f.kind === 'MANY_CLIENTS')).toHaveLength(2);
  });

  it('ignores refused reads and records without a client', () => {
    const refused = series('2026-02-10T09:00:00.000Z', 12, 1, (i) => ({ clientRef: `c-${String(i)}`, result: 'DENIED' }));
    const noClient = series('2026-02-10T09:00:00.000Z', 12, 1, () => ({ clientRef: null }));
    expect(reviewAudit([...refused, ...noClient]).filter((f) => f.kind === 'MANY_CLIENTS')).toEqual([]);
  });
});

describe('NIGHT_READS: reading client data at night (issue 11)', () => {
  it('flags a professional reading at night, one flag per account and night', () => {
    const records = [
      record('2026-01-15T21:30:00.000Z', { clientRef: 'a' }), // 22:30
      record('2026-01-16T02:00:00.000Z', { clientRef: 'b' }), // 03:00, same night
      record('2026-01-16T10:00:00.000Z', { clientRef: 'c' }), // 11:00, daytime
      record('2026-07-20T20:15:00.000Z', { clientRef: 'a' }), // 22:15 summer time
    ];
    const flags = reviewAudit(records).filter((f) => f.kind === 'NIGHT_READS');
    expect(flags).toHaveLength(2);
    expect(flags[1]).toMatchObject({
      accountId: WORKER,
      count: 2,
      clients: 2,
      first: '2026-01-15T21:30:00.000Z',
      last: '2026-01-16T02:00:00.000Z',
      filter: { account: WORKER, action: 'READ', from: '2026-01-15', to: '2026-01-16' },
    });
    expect(flags[0]?.first).toBe('2026-07-20T20:15:00.000Z');
  });

  it('does not flag 21:30 in summer (19:30 UTC), nor a client reading their own circle at night', () => {
    const records = [
      record('2026-07-20T19:30:00.000Z'),
      record('2026-01-15T23:00:00.000Z', { actorRole: 'CLIENT', actorAccountId: 'client-account' }),
    ];
    expect(reviewAudit(records).filter((f) => f.kind === 'NIGHT_READS')).toEqual([]);
  });
});

describe('REPEATED_REFUSALS and FAILED_LOGINS (issue 11)', () => {
  it('flags five refusals of one account within an hour, not four', () => {
    const five = series('2026-03-02T10:00:00.000Z', 5, 10, () => ({ result: 'DENIED', subject: 'Query.networkCircle' }));
    const four = series('2026-03-03T10:00:00.000Z', 4, 10, () => ({ result: 'DENIED', actorAccountId: 'other' }));
    const flags = reviewAudit([...five, ...four]).filter((f) => f.kind === 'REPEATED_REFUSALS');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      accountId: WORKER,
      count: 5,
      filter: { account: WORKER, result: 'DENIED', action: null, origin: null, from: '2026-03-02', to: '2026-03-02' },
    });
    expect(REVIEW_DEFAULTS.refusals).toBe(5);
  });

  it('counts refusals of signed-out requests by address', () => {
    const anonymous = series('2026-03-02T10:00:00.000Z', 6, 1, () => ({
      result: 'DENIED',
      actorAccountId: null,
      actorRole: null,
      clientRef: null,
      origin: '203.0.113.9',
    }));
    const flags = reviewAudit(anonymous).filter((f) => f.kind === 'REPEATED_REFUSALS');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      accountId: null,
      origin: '203.0.113.9',
      count: 6,
      filter: { account: null, origin: '203.0.113.9' },
    });
  });

  it('does not flag refusals spread over more than an hour', () => {
    const spread = series('2026-03-02T10:00:00.000Z', 8, 20, () => ({ result: 'DENIED' }));
    expect(reviewAudit(spread).filter((f) => f.kind === 'REPEATED_REFUSALS')).toEqual([]);
  });

  it('flags failed logins on one username (any case), refused ones included, and not as refusals', () => {
    const logins = series('2026-03-02T10:00:00.000Z', 5, 2, (i) => ({
      action: 'LOGIN',
      subject: 'Session',
      result: i === 4 ? 'DENIED' : 'FAILED',
      actorAccountId: null,
      actorRole: null,
      clientRef: null,
      actorLabel: i % 2 === 0 ? 'eline' : 'Eline',
    }));
    const flags = reviewAudit(logins);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'FAILED_LOGINS',
      username: 'eline',
      count: 5,
      filter: { account: 'eline', action: 'LOGIN', result: null },
    });
    expect(reviewAudit(logins.slice(0, 4))).toEqual([]);
  });
});
