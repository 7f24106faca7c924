import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_SECRET_KEY, type RunningServer } from '@wijkkring/api';
import { Database, totpCode, unseal } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
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
    // Time passing is played by moving the expiry in the database, behind the API's back: a server
    // without the session cache sees it at once (the cache's own expiry checks are unit-tested, issue 13).
    const uncached = await startTestServer(db, { SESSION_CACHE_MS: '0' });
    onTestFinished(() => uncached.close());
    for (const field of ['idleExpiresAt', 'expiresAt']) {
      const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
      const session = await signedIn(uncached, account);
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

const ACCOUNT_LIMIT = 3;
const START_SETUP = 'mutation ($input: StartTotpSetupInput) { startTotpSetup(input: $input) { secret } }';
const CONFIRM_SETUP = 'mutation ($code: String!) { confirmTotpSetup(input: { code: $code }) { status } }';

function codesOf(responses: { errors?: { extensions?: { code?: string } }[] }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const code = response.errors?.[0]?.extensions?.code ?? 'OK';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Six digits that are no valid code of `secret` now (one step of drift either way). */
function wrongCode(secret: string): string {
  const valid = [-30_000, 0, 30_000].map((shift) => totpCode(secret, Date.now() + shift));
  const code = ['000000', '111111', '222222', '333333'].find((candidate) => !valid.includes(candidate));
  if (!code) throw new Error('no wrong code found');
  return code;
}

/** A code of `secret` for a time step the account has not used yet (within the drift the server accepts). */
async function unusedCode(account: TestAccount, secret: string): Promise<string> {
  const stored = await db.read(async (tx) => {
    const result = await tx.run('MATCH (a:Account {id: $id}) RETURN a.totpLastStep AS last', { id: account.id });
    return result.records[0]?.get('last') as number | null | undefined;
  });
  let step = Math.max(Math.floor(Date.now() / 30_000), (stored ?? -1) + 1);
  if (step > Math.floor(Date.now() / 30_000) + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
    step = Math.max(Math.floor(Date.now() / 30_000), step);
  }
  return totpCode(secret, step * 30_000 + 1_000);
}

async function storedSecret(account: TestAccount): Promise<string | null> {
  const sealed = await db.read(async (tx) => {
    const result = await tx.run('MATCH (a:Account {id: $id}) RETURN a.totpSecret AS s', { id: account.id });
    return result.records[0]?.get('s') as string | null | undefined;
  });
  return sealed ? unseal(DEVELOPMENT_SECRET_KEY, sealed) : null;
}

async function failedLoginRecords(username: string): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run(
      "MATCH (r:AuditRecord {actorLabel: $username, action: 'LOGIN', result: 'FAILED'}) RETURN count(r) AS n",
      { username },
    );
    return Number(result.records[0]?.get('n') ?? 0);
  });
}

describe('findings of the outside probe (issue 11)', () => {
  it('checks no more concurrent wrong passwords than the account limit, then refuses the right one (issue 11)', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const burst = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT + 3 }, () => login(new ApiSession(server), account, 'niet-goed')),
    );
    expect(codesOf(burst)).toEqual({ INVALID_CREDENTIALS: ACCOUNT_LIMIT, RATE_LIMITED: 3 });
    // Only the attempts that were let through were checked (and recorded as failed logins).
    expect(await failedLoginRecords(account.username)).toBe(ACCOUNT_LIMIT);
    const right = await login(new ApiSession(server), account);
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(right.data?.login ?? null).toBeNull();
  });

  it('checks no more concurrent wrong second-factor codes than the account limit (issue 11)', async () => {
    const account = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
    const session = new ApiSession(server);
    expect((await login(session, account)).data?.login.status).toBe('TOTP_REQUIRED');
    const wrong = wrongCode(account.totpSecret ?? '');
    const burst = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT + 3 }, () => session.graphql(VERIFY, { input: { code: wrong } })),
    );
    expect(codesOf(burst)).toEqual({ INVALID_CREDENTIALS: ACCOUNT_LIMIT, RATE_LIMITED: 3 });
    const right = await session.graphql<{ verifyTotp: { status: string } | null }>(VERIFY, {
      input: { code: await unusedCode(account, account.totpSecret ?? '') },
    });
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(right.data?.verifyTotp ?? null).toBeNull();
    expect((await session.graphql<{ viewer: unknown }>('{ viewer { username } }')).data?.viewer).toBeNull();
  });

  it('checks no more concurrent failed logins from one address than the address limit (issue 11)', async () => {
    // Behind a trusted proxy, so that this test has an address of its own.
    const address = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    const headers = { 'x-forwarded-for': address };
    const strict = await startTestServer(db, { LOGIN_ADDRESS_MAX_FAILURES: '4', TRUST_PROXY: 'true' });
    const usernames = Array.from({ length: 7 }, () => `niemand-${randomUUID()}`);
    try {
      const burst = await Promise.all(
        usernames.map((username) => new ApiSession(strict).graphql(LOGIN, { input: { username, password: 'x' } }, { headers })),
      );
      expect(codesOf(burst)).toEqual({ INVALID_CREDENTIALS: 4, RATE_LIMITED: 3 });
      const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
      const right = await new ApiSession(strict).graphql(
        LOGIN,
        { input: { username: account.username, password: account.password } },
        { headers },
      );
      expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Another address is not affected.
      const elsewhere = await new ApiSession(strict).graphql<{ login: { status: string } }>(
        LOGIN,
        { input: { username: account.username, password: account.password } },
        { headers: { 'x-forwarded-for': `${address}:1` } },
      );
      expect(elsewhere.data?.login.status).toBe('SIGNED_IN');
    } finally {
      await strict.close();
      const keys = [`address:${address}`, `address:${address}:1`, ...usernames.map((u) => `account:${u}`)];
      await db.write((tx) => tx.run('MATCH (t:LoginThrottle) WHERE t.key IN $keys DELETE t', { keys }));
    }
  });

  it('refuses to replace a second factor without the password and a current code (issue 11)', async () => {
    const account = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
    const oldSecret = account.totpSecret ?? '';
    const session = await signedIn(server, account);
    const start = (input: Record<string, string> | null) =>
      session.graphql<{ startTotpSetup: { secret: string } | null }>(START_SETUP, { input });

    const bare = await start(null);
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.currentPassword' });
    expect(bare.data?.startTotpSetup ?? null).toBeNull();
    const passwordOnly = await start({ currentPassword: account.password });
    expect(passwordOnly.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.currentCode' });
    const wrongCodeAnswer = await start({ currentPassword: account.password, currentCode: wrongCode(oldSecret) });
    expect(wrongCodeAnswer.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const wrongPassword = await start({ currentPassword: 'niet-goed', currentCode: await unusedCode(account, oldSecret) });
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    // Wrong ones count as failed logins; and the session has no secret waiting to be confirmed.
    expect(await failedLoginRecords(account.username)).toBe(2);
    const noPending = await session.graphql(CONFIRM_SETUP, { code: totpCode(oldSecret) });
    expect(noPending.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await storedSecret(account)).toBe(oldSecret);

    const proven = await start({ currentPassword: account.password, currentCode: await unusedCode(account, oldSecret) });
    const newSecret = proven.data?.startTotpSetup?.secret ?? '';
    expect(newSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await storedSecret(account)).toBe(oldSecret);
    const confirmed = await session.graphql<{ confirmTotpSetup: { status: string } }>(CONFIRM_SETUP, {
      code: totpCode(newSecret),
    });
    expect(confirmed.data?.confirmTotpSetup.status).toBe('SIGNED_IN');
    expect(await storedSecret(account)).toBe(newSecret);

    // The old secret's codes no longer sign in; the new one's do.
    const next = new ApiSession(server);
    expect((await login(next, account)).data?.login.status).toBe('TOTP_REQUIRED');
    const old = await next.graphql(VERIFY, { input: { code: await unusedCode(account, oldSecret) } });
    expect(old.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const fresh = await next.graphql<{ verifyTotp: { status: string } }>(VERIFY, {
      input: { code: await unusedCode(account, newSecret) },
    });
    expect(fresh.data?.verifyTotp.status).toBe('SIGNED_IN');
  });

  it('does not let a secret set aside before the account had a second factor replace it later (issue 11)', async () => {
    const account = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
    const stolen = await signedIn(server, account);
    const owner = await signedIn(server, account);
    const early = await stolen.graphql<{ startTotpSetup: { secret: string } }>(START_SETUP, { input: null });
    const earlySecret = early.data?.startTotpSetup.secret ?? '';
    expect(earlySecret).toMatch(/^[A-Z2-7]{32}$/);
    // The owner turns a second factor on (no password needed: the account had none).
    const own = await owner.graphql<{ startTotpSetup: { secret: string } }>(START_SETUP, { input: null });
    const ownSecret = own.data?.startTotpSetup.secret ?? '';
    const confirmed = await owner.graphql<{ confirmTotpSetup: { status: string } }>(CONFIRM_SETUP, {
      code: totpCode(ownSecret),
    });
    expect(confirmed.data?.confirmTotpSetup.status).toBe('SIGNED_IN');
    // The secret set aside earlier no longer confirms.
    const late = await stolen.graphql(CONFIRM_SETUP, { code: totpCode(earlySecret) });
    expect(late.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedSecret(account)).toBe(ownSecret);
  });
});
