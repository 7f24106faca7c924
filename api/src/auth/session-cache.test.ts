import type { SessionView } from '@wijkkring/graph';
import { describe, expect, it } from 'vitest';
import { localGenerations, SessionCache, type SessionGenerations } from './session-cache.js';

function view(stage: 'FULL' | 'PENDING_TOTP', expires: { idle: number; absolute: number }): SessionView {
  return {
    session: {
      idHash: 'h',
      accountId: 'a',
      stage,
      createdAt: 0,
      lastSeenAt: 0,
      idleExpiresAt: expires.idle,
      expiresAt: expires.absolute,
      pendingSecret: null,
      pendingSecretReplaces: false,
    },
    account: {
      id: 'a',
      username: 'u',
      role: 'CLIENT',
      displayName: 'U',
      totpEnabled: false,
      personId: null,
      clientId: null,
      organisationId: null,
      organisationName: null,
      districtIds: [],
      grants: [],
    },
  } as SessionView;
}

/** A database stand-in that counts reads: what the cache saves is exactly these. */
function loader(value: SessionView | undefined) {
  const counter = { reads: 0, load: () => Promise.resolve(value) };
  counter.load = () => {
    counter.reads += 1;
    return Promise.resolve(value);
  };
  return counter;
}

const FAR = { idle: 10_000_000, absolute: 10_000_000 };

describe('session cache (issue 13)', () => {
  it('serves a signed-in session from memory until a change that may alter sessions', async () => {
    const cache = new SessionCache(localGenerations(), 30_000);
    const db = loader(view('FULL', FAR));
    await cache.lookup('h', 1_000, '2026-11-30', db.load);
    await cache.lookup('h', 2_000, '2026-11-30', db.load);
    expect(db.reads).toBe(1);
    await cache.changed();
    await cache.lookup('h', 3_000, '2026-11-30', db.load);
    expect(db.reads).toBe(2);
  });

  it('reads again after its time in memory, on another day, or when the session expired', async () => {
    const cache = new SessionCache(localGenerations(), 30_000);
    const db = loader(view('FULL', { idle: 50_000, absolute: 60_000 }));
    await cache.lookup('h', 0, '2026-11-30', db.load);
    await cache.lookup('h', 29_999, '2026-11-30', db.load);
    expect(db.reads).toBe(1);
    await cache.lookup('h', 30_000, '2026-11-30', db.load);
    expect(db.reads).toBe(2);
    await cache.lookup('h', 30_001, '2026-12-01', db.load);
    expect(db.reads).toBe(3);
    // Idle expiry at 50 s: from then on every lookup asks the database (which refuses the session).
    await cache.lookup('h', 50_000, '2026-12-01', db.load);
    await cache.lookup('h', 50_001, '2026-12-01', db.load);
    expect(db.reads).toBe(5);
  });

  it('keeps neither a half-finished login nor a missing session', async () => {
    const cache = new SessionCache(localGenerations(), 30_000);
    const pending = loader(view('PENDING_TOTP', FAR));
    await cache.lookup('p', 0, '2026-11-30', pending.load);
    await cache.lookup('p', 1, '2026-11-30', pending.load);
    expect(pending.reads).toBe(2);
    const missing = loader(undefined);
    await cache.lookup('m', 0, '2026-11-30', missing.load);
    await cache.lookup('m', 1, '2026-11-30', missing.load);
    expect(missing.reads).toBe(2);
  });

  it('does not keep a view read while a change committed (it was read under the old generation)', async () => {
    const generations = localGenerations();
    const cache = new SessionCache(generations, 30_000);
    let reads = 0;
    // The change commits and moves the generation while the view is being read.
    await cache.lookup('h', 0, '2026-11-30', async () => {
      reads += 1;
      await generations.bump();
      return view('FULL', FAR);
    });
    await cache.lookup('h', 1, '2026-11-30', () => {
      reads += 1;
      return Promise.resolve(view('FULL', FAR));
    });
    expect(reads).toBe(2);
  });

  it('sees a change made through another instance (a shared generation), and reads the database when it cannot know', async () => {
    let shared: number | null = 0;
    const generations: SessionGenerations = {
      current: () => shared,
      bump: () => {
        if (shared !== null) shared += 1;
      },
      close: () => Promise.resolve(),
    };
    const here = new SessionCache(generations, 30_000);
    const there = new SessionCache(generations, 30_000);
    const db = loader(view('FULL', FAR));
    await here.lookup('h', 0, '2026-11-30', db.load);
    await there.changed();
    await here.lookup('h', 1, '2026-11-30', db.load);
    expect(db.reads).toBe(2);
    shared = null;
    await here.lookup('h', 2, '2026-11-30', db.load);
    await here.lookup('h', 3, '2026-11-30', db.load);
    expect(db.reads).toBe(4);
  });

  it('is off at 0 ms', async () => {
    const cache = new SessionCache(localGenerations(), 0);
    const db = loader(view('FULL', FAR));
    await cache.lookup('h', 0, '2026-11-30', db.load);
    await cache.lookup('h', 1, '2026-11-30', db.load);
    expect(db.reads).toBe(2);
  });
});
