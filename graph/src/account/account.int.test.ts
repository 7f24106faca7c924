import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../driver.js';
import { upsertStaff } from '../person/writes.js';
import { one } from '../tx.js';
import { findSession, throttleStates } from './reads.js';
import type { SessionRecord } from './types.js';
import {
  clearLoginFailures,
  createSession,
  deleteSessionsOf,
  enableTotp,
  releaseLoginAttempt,
  reserveLoginAttempt,
  setAccountActive,
  upsertAccounts,
  useTotpStep,
} from './writes.js';

const db = new Database(inject('neo4j'));
const tag = randomUUID().slice(0, 8);
const throttleKeys: string[] = [];
const personIds: string[] = [];
const accountIds: string[] = [];

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 14, 9, 30);
const TODAY = '2026-03-14';

/** A staff person with an account (not a demo account), for this file only. */
async function account(): Promise<string> {
  const personId = randomUUID();
  const id = randomUUID();
  personIds.push(personId);
  accountIds.push(id);
  await db.write(async (tx) => {
    await upsertStaff(tx, [{ id: personId, name: `Account-test ${tag}`, coordinatesDistrictId: null }]);
    await upsertAccounts(tx, [
      {
        id,
        username: `int-${tag}-${String(accountIds.length)}`,
        role: 'ADMIN',
        displayName: `Int ${tag}`,
        passwordHash: 'not-a-real-hash',
        totpSecret: null,
        personId,
        demo: false,
      },
    ]);
  });
  return id;
}

function session(accountId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    idHash: randomUUID().replaceAll('-', ''),
    accountId,
    stage: 'FULL',
    createdAt: T0 - 10 * MINUTE,
    lastSeenAt: T0 - MINUTE,
    idleExpiresAt: T0 + 29 * MINUTE,
    expiresAt: T0 + 11 * 60 * MINUTE,
    pendingSecret: null,
    pendingSecretReplaces: false,
    ...overrides,
  };
}

function key(name: string): string {
  const value = `account:int-${tag}-${name}`;
  throttleKeys.push(value);
  return value;
}

async function throttle(k: string) {
  const [state] = await db.read((tx) => throttleStates(tx, [k]));
  return state;
}

/** Counts an attempt that fails, with limits high enough never to refuse it. */
async function fail(keys: string[], now: number, windowMs = 15 * MINUTE): Promise<void> {
  const reservation = await reserve(
    keys.map((k) => ({ key: k, max: 1_000 })),
    now,
    windowMs,
  );
  expect(reservation.allowed).toBe(true);
}

function reserve(limits: { key: string; max: number }[], now: number, windowMs = 15 * MINUTE) {
  return db.write((tx) => reserveLoginAttempt(tx, limits, now, windowMs));
}

afterAll(async () => {
  await db.write(async (tx) => {
    await tx.run('MATCH (s:Session) WHERE s.accountId IN $accountIds DELETE s', { accountIds });
    await tx.run('MATCH (a:Account) WHERE a.id IN $accountIds DETACH DELETE a', { accountIds });
    await tx.run('MATCH (p:Person) WHERE p.id IN $personIds DETACH DELETE p', { personIds });
    for (const k of throttleKeys) await clearLoginFailures(tx, k);
  });
  const left = await db.read((tx) =>
    one<{ n: number }>(
      tx,
      'RETURN COUNT { (a:Account) WHERE a.id IN $accountIds } + COUNT { (s:Session) WHERE s.accountId IN $accountIds } AS n',
      { accountIds },
    ),
  );
  await db.close();
  expect(left?.n).toBe(0);
});

describe('failed logins are counted within a window (issue 3)', () => {
  it('counts each failure and remembers when the window started and the last failure', async () => {
    const k = key('count');
    await fail([k], T0);
    await fail([k], T0 + MINUTE);
    await fail([k], T0 + 2 * MINUTE);
    expect(await throttle(k)).toEqual({ key: k, failures: 3, firstFailureAt: T0, lastAttemptAt: T0 + 2 * MINUTE });
  });

  it('keeps counting until the window has passed, then starts again at one', async () => {
    const k = key('window');
    const window = 15 * MINUTE;
    await fail([k], T0, window);
    await fail([k], T0 + window - 1, window);
    expect(await throttle(k)).toMatchObject({ failures: 2, firstFailureAt: T0 });
    await fail([k], T0 + window, window);
    expect(await throttle(k)).toEqual({ key: k, failures: 1, firstFailureAt: T0 + window, lastAttemptAt: T0 + window });
    await fail([k], T0 + window + MINUTE, window);
    expect(await throttle(k)).toMatchObject({ failures: 2, firstFailureAt: T0 + window });
  });

  it('loses no failure when attempts arrive at the same time', async () => {
    const k = key('concurrent');
    await Promise.all(Array.from({ length: 10 }, (_, i) => fail([k], T0 + i)));
    expect((await throttle(k))?.failures).toBe(10);
  });

  it('counts every key of one attempt separately (account and address)', async () => {
    const byAccount = key('account');
    const byAddress = key('address');
    await fail([byAccount, byAddress], T0);
    await fail([byAddress], T0 + 1_000);
    expect((await throttle(byAccount))?.failures).toBe(1);
    expect((await throttle(byAddress))?.failures).toBe(2);
    await db.write((tx) => clearLoginFailures(tx, byAddress));
    expect(await throttle(byAddress)).toBeUndefined();
    expect((await throttle(byAccount))?.failures).toBe(1);
  });
});

describe('login attempts are counted before they are checked (issue 11)', () => {
  it('allows no more concurrent attempts than the limit, and says when the window ends', async () => {
    const k = key('burst');
    const results = await Promise.all(Array.from({ length: 10 }, () => reserve([{ key: k, max: 4 }], T0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
    expect(results.filter((r) => !r.allowed).map((r) => r.retryAt)).toEqual(Array(6).fill(T0 + 15 * MINUTE));
    expect((await throttle(k))?.failures).toBe(4);
  });

  it('counts nothing when one key of the attempt has no attempt left', async () => {
    const byAccount = key('room');
    const byAddress = key('full');
    await fail([byAddress], T0);
    await fail([byAddress], T0 + 1);
    const refused = await reserve(
      [
        { key: byAccount, max: 5 },
        { key: byAddress, max: 2 },
      ],
      T0 + 2,
    );
    expect(refused).toEqual({ allowed: false, retryAt: T0 + 15 * MINUTE });
    expect((await throttle(byAccount))?.failures).toBe(0);
    expect((await throttle(byAddress))?.failures).toBe(2);
  });

  it('allows attempts again once the window has passed', async () => {
    const k = key('again');
    await fail([k], T0);
    expect((await reserve([{ key: k, max: 1 }], T0 + MINUTE)).allowed).toBe(false);
    expect((await reserve([{ key: k, max: 1 }], T0 + 15 * MINUTE)).allowed).toBe(true);
    expect(await throttle(k)).toMatchObject({ failures: 1, firstFailureAt: T0 + 15 * MINUTE });
  });

  it('gives back a right attempt, but not into a window that started after it', async () => {
    const k = key('release');
    await fail([k], T0);
    await fail([k], T0 + 1);
    await db.write((tx) => releaseLoginAttempt(tx, [k], T0 + 1));
    expect((await throttle(k))?.failures).toBe(1);
    await db.write((tx) => releaseLoginAttempt(tx, [k], T0 - 1));
    expect((await throttle(k))?.failures).toBe(1);
    await db.write((tx) => releaseLoginAttempt(tx, [k], T0 + 2));
    await db.write((tx) => releaseLoginAttempt(tx, [k], T0 + 3));
    expect((await throttle(k))?.failures).toBe(0);
  });
});

describe('a TOTP code works once (issue 3)', () => {
  let accountId: string;
  beforeAll(async () => {
    accountId = await account();
  });

  it('accepts a step once, refuses it again and refuses any older step, and accepts a later one', async () => {
    const step = Math.floor(T0 / 30_000);
    expect(await db.write((tx) => useTotpStep(tx, accountId, step))).toBe(true);
    expect(await db.write((tx) => useTotpStep(tx, accountId, step))).toBe(false);
    expect(await db.write((tx) => useTotpStep(tx, accountId, step - 1))).toBe(false);
    const stored = await db.read((tx) =>
      one<{ last: number }>(tx, 'MATCH (a:Account {id: $accountId}) RETURN a.totpLastStep AS last', { accountId }),
    );
    expect(stored?.last).toBe(step);
    expect(await db.write((tx) => useTotpStep(tx, accountId, step + 1))).toBe(true);
    expect(await db.write((tx) => useTotpStep(tx, accountId, step))).toBe(false);
  });

  it('accepts only one of several concurrent uses of the same code (no replay by racing)', async () => {
    for (let round = 1; round <= 5; round += 1) {
      const step = Math.floor(T0 / 30_000) + 100 * round;
      const results = await Promise.all(Array.from({ length: 8 }, () => db.write((tx) => useTotpStep(tx, accountId, step))));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('turns a second factor on once, and replaces it only when allowed (issue 11)', async () => {
    const id = await account();
    const step = Math.floor(T0 / 30_000);
    expect(await db.write((tx) => enableTotp(tx, id, 'sealed-first', step))).toBe(true);
    // A second confirmation that is not a proven replacement changes nothing.
    expect(await db.write((tx) => enableTotp(tx, id, 'sealed-other', step + 1))).toBe(false);
    // A proven replacement does, with its own time step; the same code of it works once.
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () => db.write((tx) => enableTotp(tx, id, 'sealed-second', step - 5, true))),
    );
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    const stored = await db.read((tx) =>
      one<{ secret: string; last: number }>(
        tx,
        'MATCH (a:Account {id: $id}) RETURN a.totpSecret AS secret, a.totpLastStep AS last',
        {
          id,
        },
      ),
    );
    expect(stored).toEqual({ secret: 'sealed-second', last: step - 5 });
  });

  it('refuses a step for an account that does not exist', async () => {
    expect(await db.write((tx) => useTotpStep(tx, randomUUID(), 1))).toBe(false);
  });
});

describe('sessions (issue 3)', () => {
  let accountId: string;
  beforeAll(async () => {
    accountId = await account();
  });

  async function find(record: SessionRecord, now = T0) {
    return db.read((tx) => findSession(tx, record.idHash, now, TODAY));
  }

  it('finds a live session with its account', async () => {
    const live = session(accountId);
    await db.write((tx) => createSession(tx, live));
    const view = await find(live);
    expect(view?.session).toEqual(live);
    expect(view?.account).toMatchObject({ id: accountId, role: 'ADMIN', grants: [] });
    expect(await db.read((tx) => findSession(tx, 'no-such-session', T0, TODAY))).toBeUndefined();
  });

  it('ignores a session that was idle too long, even before its absolute end', async () => {
    const idle = session(accountId, { idleExpiresAt: T0 });
    await db.write((tx) => createSession(tx, idle));
    expect(await find(idle)).toBeUndefined();
    expect(await find(idle, T0 - 1)).toBeDefined();
  });

  it('ignores a session past its absolute end, even when it was used a moment ago', async () => {
    const old = session(accountId, { lastSeenAt: T0 - 1_000, idleExpiresAt: T0 + 29 * MINUTE, expiresAt: T0 });
    await db.write((tx) => createSession(tx, old));
    expect(await find(old)).toBeUndefined();
    expect(await find(old, T0 - 1)).toBeDefined();
  });

  it('ignores the sessions of an account that is no longer active', async () => {
    const other = await account();
    const live = session(other);
    await db.write((tx) => createSession(tx, live));
    expect(await find(live)).toBeDefined();
    // Deactivated directly (not through setAccountActive, which also deletes the sessions).
    await db.write((tx) => tx.run('MATCH (a:Account {id: $other}) SET a.active = false', { other }));
    expect(await find(live)).toBeUndefined();
    await db.write((tx) => tx.run('MATCH (a:Account {id: $other}) SET a.active = true', { other }));
    expect(await find(live)).toBeDefined();
    // And deactivation through the domain function ends the sessions as well.
    expect(await db.write((tx) => setAccountActive(tx, other, false))).toBe(true);
    const left = await db.read((tx) =>
      one<{ n: number }>(tx, 'RETURN COUNT { (s:Session {accountId: $other}) } AS n', { other }),
    );
    expect(left?.n).toBe(0);
  });

  it('ends every session of one account, and only of that account', async () => {
    const mine = await account();
    const someoneElse = await account();
    const sessions = [session(mine), session(mine), session(mine, { stage: 'TOTP' })];
    const theirs = session(someoneElse);
    await db.write(async (tx) => {
      for (const s of [...sessions, theirs]) await createSession(tx, s);
    });
    expect(await db.write((tx) => deleteSessionsOf(tx, mine))).toBe(3);
    for (const s of sessions) expect(await find(s)).toBeUndefined();
    expect(await find(theirs)).toBeDefined();
    expect(await db.write((tx) => deleteSessionsOf(tx, mine))).toBe(0);
  });

  it('can keep the current session while ending the others (password change)', async () => {
    const mine = await account();
    const current = session(mine);
    const others = [session(mine), session(mine)];
    await db.write(async (tx) => {
      for (const s of [current, ...others]) await createSession(tx, s);
    });
    expect(await db.write((tx) => deleteSessionsOf(tx, mine, current.idHash))).toBe(2);
    expect(await find(current)).toBeDefined();
    for (const s of others) expect(await find(s)).toBeUndefined();
  });
});
