import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@wijkkring/api';
import { Database, totpCode } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, freshCode, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, LOGIN, signedIn, startTestServer, VERIFY } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

let db: Database;
let server: RunningServer;
let world: World;

const PROTECTED = 'query ($id: ID!) { client(id: $id) { id } }';

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  server = await startTestServer(db, { LOGIN_ACCOUNT_MAX_FAILURES: '3' });
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

async function login(session: ApiSession, account: TestAccount, password = account.password) {
  return session.graphql<{
    login: { status: string; totpSetup: { secret: string } | null; viewer: { username: string } | null };
  }>(LOGIN, {
    input: { username: account.username, password },
  });
}

describe('login, second factor and sessions (issue 3)', () => {
  it('signs a client in with a password alone and sets a strict session cookie', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const session = new ApiSession(server);
    const response = await login(session, account);
    expect(response.data?.login).toMatchObject({ status: 'SIGNED_IN', viewer: { username: account.username } });
    const cookie = response.cookies.find((c) => c.startsWith('wk_session='));
    expect(cookie).toBeDefined();
    const flags = (cookie ?? '').split(';').map((part) => part.trim());
    expect(flags).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', `Max-Age=${String(12 * 3600)}`]),
    );
    const me = await session.graphql<{ client: { id: string } }>(PROTECTED, { id: world.clientId });
    expect(me.data?.client.id).toBe(world.clientId);
  });

  it('requires the second factor for professionals, and a code works only once', async () => {
    const account = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
    const session = new ApiSession(server);
    const first = await login(session, account);
    expect(first.data?.login).toEqual({ status: 'TOTP_REQUIRED', totpSetup: null, viewer: null });
    // Half-way (password only) is not signed in.
    const halfway = await session.graphql<{ viewer: unknown }>('{ viewer { username } }');
    expect(halfway.data?.viewer).toBeNull();
    expect((await session.graphql('{ myGrants { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const wrong = await session.graphql(VERIFY, { input: { code: totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const code = await freshCode(account);
    const right = await session.graphql<{ verifyTotp: { status: string } }>(VERIFY, { input: { code } });
    expect(right.data?.verifyTotp.status).toBe('SIGNED_IN');

    const again = new ApiSession(server);
    await login(again, account);
    const replay = await again.graphql(VERIFY, { input: { code } });
    expect(replay.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('makes a professional without a second factor set one up before signing in', async () => {
    const account = await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId });
    await db.write((tx) =>
      tx.run('MATCH (a:Account {id: $id}) SET a.totpSecret = null, a.totpEnabled = false', { id: account.id }),
    );
    const session = new ApiSession(server);
    const first = await login(session, account);
    expect(first.data?.login.status).toBe('TOTP_SETUP_REQUIRED');
    const secret = first.data?.login.totpSetup?.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const confirmed = await session.graphql<{ confirmTotpSetup: { status: string; viewer: { totpEnabled: boolean } } }>(
      'mutation ($code: String!) { confirmTotpSetup(input: { code: $code }) { status viewer { totpEnabled } } }',
      { code: totpCode(secret) },
    );
    expect(confirmed.data?.confirmTotpSetup).toEqual({ status: 'SIGNED_IN', viewer: { totpEnabled: true } });
    const next = await login(new ApiSession(server), account);
    expect(next.data?.login.status).toBe('TOTP_REQUIRED');
  });

  it('lets a client turn a second factor on', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const session = await signedIn(server, account);
    const setup = await session.graphql<{ startTotpSetup: { secret: string } }>('mutation { startTotpSetup { secret } }');
    const secret = setup.data?.startTotpSetup.secret ?? '';
    const confirmed = await session.graphql<{ confirmTotpSetup: { status: string } }>(
      'mutation ($code: String!) { confirmTotpSetup(input: { code: $code }) { status } }',
      { code: totpCode(secret) },
    );
    expect(confirmed.data?.confirmTotpSetup.status).toBe('SIGNED_IN');
    expect((await login(new ApiSession(server), account)).data?.login.status).toBe('TOTP_REQUIRED');
  });

  it('rate-limits wrong passwords per account, even when the right one follows', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const session = new ApiSession(server);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(session, account, 'niet-goed')).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await login(session, account);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.data?.login ?? null).toBeNull();
  });

  it('rate-limits failed logins per address', async () => {
    const clearAddresses = () => db.write((tx) => tx.run("MATCH (t:LoginThrottle) WHERE t.key STARTS WITH 'address:' DELETE t"));
    await clearAddresses();
    const strict = await startTestServer(db, { LOGIN_ADDRESS_MAX_FAILURES: '4' });
    try {
      const session = new ApiSession(strict);
      for (let i = 0; i < 4; i += 1) {
        const response = await session.graphql(LOGIN, { input: { username: `niemand-${randomUUID()}`, password: 'x' } });
        expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      }
      const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
      expect((await login(session, account)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
      await clearAddresses();
    }
  });

  it('ends the session on logout: the old cookie is refused', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const session = await signedIn(server, account);
    const oldCookie = session.cookie;
    const out = await session.graphql<{ logout: { ok: boolean } }>('mutation { logout { ok } }');
    expect(out.data?.logout.ok).toBe(true);
    expect(out.cookies.some((c) => c.startsWith('wk_session=;') && c.includes('Max-Age=0'))).toBe(true);
    const replay = new ApiSession(server);
    replay.cookie = oldCookie;
    expect((await replay.graphql(PROTECTED, { id: world.clientId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a session that was idle too long, or lived past its absolute lifetime', async () => {
    for (const field of ['idleExpiresAt', 'expiresAt']) {
      const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
      const session = await signedIn(server, account);
      expect((await session.graphql(PROTECTED, { id: world.clientId })).errors).toBeUndefined();
      // Time passes: the session's own expiry lies in the past.
      await db.write((tx) =>
        tx.run(`MATCH (s:Session {accountId: $id}) SET s.${field} = $past`, { id: account.id, past: Date.now() - 1000 }),
      );
      expect((await session.graphql(PROTECTED, { id: world.clientId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ends every other session when the password changes, and keeps this device signed in', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const laptop = await signedIn(server, account);
    const tablet = await signedIn(server, account);
    const tooShort = await tablet.graphql(
      'mutation ($c: String!) { changePassword(input: { currentPassword: $c, newPassword: "kort" }) { ok } }',
      {
        c: account.password,
      },
    );
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.newPassword' });
    const changed = await tablet.graphql<{ changePassword: { ok: boolean } }>(
      'mutation ($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { ok } }',
      { c: account.password, n: 'een nieuw wachtwoord' },
    );
    expect(changed.data?.changePassword.ok).toBe(true);
    expect((await laptop.graphql(PROTECTED, { id: world.clientId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await tablet.graphql(PROTECTED, { id: world.clientId })).errors).toBeUndefined();
    expect((await login(new ApiSession(server), account)).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect((await login(new ApiSession(server), account, 'een nieuw wachtwoord')).data?.login.status).toBe('SIGNED_IN');
  });

  it('ends the sessions of a deactivated account and refuses its login', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const session = await signedIn(server, account);
    const admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
    const off = await admin.graphql<{ setAccountActive: { active: boolean } }>(
      'mutation ($a: ID!) { setAccountActive(input: { accountId: $a, active: false }) { active } }',
      { a: account.id },
    );
    expect(off.data?.setAccountActive.active).toBe(false);
    expect((await session.graphql(PROTECTED, { id: world.clientId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(new ApiSession(server), account)).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });
});
