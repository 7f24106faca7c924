import {
  appendAudit,
  checkTotp,
  clearLoginFailures,
  deleteSession,
  deleteSessionsOf,
  enableTotp,
  findCredentials,
  findCredentialsById,
  findSession,
  hashPassword,
  newTotpSecret,
  passwordSchema,
  PROFESSIONAL_ROLES,
  releaseLoginAttempt,
  reserveLoginAttempt,
  seal,
  setPasswordHash,
  setSessionPendingSecret,
  totpUri,
  unseal,
  useTotpStep,
  verifyAgainstDummy,
  verifyPassword,
  type AccountCredentials,
  type SessionView,
} from '@wijkkring/graph';
import type { Context } from '../context.js';
import { apiError, invalidInput } from '../errors.js';
import { ANONYMOUS, type SignedIn, type Viewer } from '../viewer.js';
import { clearedSessionCookie, hashToken, openSession, today } from './sessions.js';

export type LoginStatus = 'SIGNED_IN' | 'TOTP_REQUIRED' | 'TOTP_SETUP_REQUIRED';

export interface LoginOutcome {
  status: LoginStatus;
  viewer: Viewer | null;
  totpSetup: { secret: string; uri: string } | null;
}

function accountKey(username: string): string {
  return `account:${username}`;
}

function addressKey(context: Context): string {
  return `address:${context.request.origin ?? 'unknown'}`;
}

function normalise(username: string): string {
  return username.trim().toLowerCase();
}

/** An attempt counted against an account and an address before it was checked. */
interface Attempt {
  keys: string[];
  reservedAt: number;
}

/**
 * Counts an attempt (a password or a code) against the account and the address before it is
 * checked, in one write that no concurrent attempt can interleave with; refuses (and records) it
 * when either has used up its attempts in the window. So a burst of guesses sent at once is checked
 * no more often than guesses sent one by one.
 */
async function reserveAttempt(context: Context, username: string): Promise<Attempt> {
  const { accountMaxFailures, addressMaxFailures, windowMs } = context.env.login;
  const limits = [
    { key: accountKey(username), max: accountMaxFailures },
    { key: addressKey(context), max: addressMaxFailures },
  ];
  const reservation = await context.db.write((tx) => reserveLoginAttempt(tx, limits, context.now, windowMs));
  if (reservation.allowed) return { keys: limits.map((limit) => limit.key), reservedAt: context.now };
  await context.audit.writeNow(
    { clientId: null, subject: 'Session', action: 'LOGIN', result: 'DENIED', detail: 'rate limited' },
    username,
  );
  const retryAfterSeconds = Math.max(1, Math.ceil(((reservation.retryAt ?? context.now) - context.now) / 1000));
  throw apiError('RATE_LIMITED', 'Too many failed attempts. Wait a while and try again.', { retryAfterSeconds });
}

/** The attempt was right: it no longer counts as a failure. */
async function release(context: Context, attempt: Attempt): Promise<void> {
  await context.db.write((tx) => releaseLoginAttempt(tx, attempt.keys, attempt.reservedAt));
}

/** Records a wrong password or code; it was counted already when the attempt was reserved. */
async function failed(context: Context, username: string, accountId: string | null, reason: string): Promise<never> {
  await context.db.write((tx) =>
    appendAudit(tx, [
      {
        ...context.audit.entry(
          { clientId: null, subject: 'Session', action: 'LOGIN', result: 'FAILED', detail: reason },
          username,
        ),
        actorAccountId: accountId,
      },
    ]),
  );
  throw apiError('INVALID_CREDENTIALS', 'The username, password or code is not right.');
}

/** Opens the full session and records the login; the viewer of the rest of the request is the new account. */
async function signIn(context: Context, credentials: AccountCredentials): Promise<LoginOutcome> {
  const { db, env } = context;
  const opened = await openSession(db, env, credentials.id, 'FULL', context.now);
  context.request.setCookie(opened.cookie);
  context.request.sessionToken = opened.token;
  const view = await db.read((tx) => findSession(tx, opened.record.idHash, context.now, today(context.now)));
  if (!view) throw new Error('A session just opened cannot be found.');
  const viewer: SignedIn = { kind: 'account', role: view.account.role, account: view.account, session: view.session };
  context.viewer = viewer;
  context.audit.setViewer(viewer);
  await db.write(async (tx) => {
    await clearLoginFailures(tx, accountKey(credentials.username));
    await context.audit.inTx(tx, [{ clientId: view.account.clientId, subject: 'Session', action: 'LOGIN', result: 'SUCCESS' }]);
  });
  return { status: 'SIGNED_IN', viewer, totpSetup: null };
}

export async function login(context: Context, rawUsername: string, password: string): Promise<LoginOutcome> {
  const username = normalise(rawUsername);
  const attempt = await reserveAttempt(context, username);
  const credentials = await context.db.read((tx) => findCredentials(tx, username));
  const ok =
    credentials?.active === true ? await verifyPassword(credentials.passwordHash, password) : await verifyAgainstDummy(password);
  if (!credentials || !ok) return failed(context, username, credentials?.id ?? null, 'wrong username or password');
  await release(context, attempt);
  await endCurrentSession(context);
  if (credentials.totpEnabled && credentials.totpSecret) {
    const opened = await openSession(context.db, context.env, credentials.id, 'TOTP', context.now);
    context.request.setCookie(opened.cookie);
    return { status: 'TOTP_REQUIRED', viewer: null, totpSetup: null };
  }
  if (PROFESSIONAL_ROLES.includes(credentials.role)) {
    const secret = newTotpSecret();
    const opened = await openSession(
      context.db,
      context.env,
      credentials.id,
      'TOTP_SETUP',
      context.now,
      seal(context.env.secretKey, secret),
    );
    context.request.setCookie(opened.cookie);
    return { status: 'TOTP_SETUP_REQUIRED', viewer: null, totpSetup: { secret, uri: totpUri(secret, credentials.username) } };
  }
  return signIn(context, credentials);
}

async function pendingSession(context: Context): Promise<SessionView | undefined> {
  const token = context.request.sessionToken;
  if (!token) return undefined;
  return context.db.read((tx) => findSession(tx, hashToken(token), context.now, today(context.now)));
}

/** Checks a TOTP code for an account (once per time step), counted like a login attempt. */
async function acceptCode(context: Context, credentials: AccountCredentials, secret: string, code: string): Promise<number> {
  const attempt = await reserveAttempt(context, credentials.username);
  const step = checkTotp(secret, code.trim(), context.now);
  const fresh = step !== null && (await context.db.write((tx) => useTotpStep(tx, credentials.id, step)));
  if (step === null || !fresh) return failed(context, credentials.username, credentials.id, 'wrong second-factor code');
  await release(context, attempt);
  return step;
}

export async function verifyTotp(context: Context, code: string): Promise<LoginOutcome> {
  const pending = await pendingSession(context);
  if (pending?.session.stage !== 'TOTP') throw apiError('UNAUTHENTICATED', 'Sign in with your password first.');
  const credentials = await context.db.read((tx) => findCredentialsById(tx, pending.account.id));
  if (!credentials?.totpSecret) throw apiError('UNAUTHENTICATED', 'Sign in with your password first.');
  await acceptCode(context, credentials, unseal(context.env.secretKey, credentials.totpSecret), code);
  await context.db.write((tx) => deleteSession(tx, pending.session.idHash));
  return signIn(context, credentials);
}

/**
 * Confirms a new second factor with its first code: during login (a professional without one), or
 * when a signed-in account turns one on or, after proving its password and current code to
 * startTotpSetup, replaces the one it has.
 */
export async function confirmTotpSetup(context: Context, code: string): Promise<LoginOutcome> {
  const pending = await pendingSession(context);
  const sealed = pending?.session.pendingSecret;
  if (!pending || !sealed || (pending.session.stage !== 'TOTP_SETUP' && pending.session.stage !== 'FULL')) {
    throw apiError('UNAUTHENTICATED', 'Start setting up the second factor first.');
  }
  const credentials = await context.db.read((tx) => findCredentialsById(tx, pending.account.id));
  if (!credentials) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  const replace = pending.session.stage === 'FULL' && pending.session.pendingSecretReplaces;
  if (credentials.totpEnabled && !replace) {
    // A secret set aside before the account had a second factor may not replace the one it has now.
    await context.audit.writeNow({
      clientId: pending.account.clientId,
      subject: 'Account',
      action: 'UPDATE',
      result: 'DENIED',
      detail: 'second factor change without password and code',
    });
    throw apiError('FORBIDDEN', 'Changing the second factor needs your password and a current code: start again.');
  }
  const attempt = await reserveAttempt(context, credentials.username);
  const step = checkTotp(unseal(context.env.secretKey, sealed), code.trim(), context.now);
  // The new secret's own code: the time steps used with the old one do not apply to it.
  const enabled =
    step !== null &&
    (await context.db.write(async (tx) => {
      if (!(await enableTotp(tx, credentials.id, sealed, step, replace))) return false;
      await deleteSession(tx, pending.session.idHash);
      await context.audit.inTx(tx, [
        {
          clientId: pending.account.clientId,
          subject: 'Account',
          action: 'UPDATE',
          result: 'SUCCESS',
          detail: credentials.totpEnabled ? 'second factor replaced' : 'second factor turned on',
        },
      ]);
      return true;
    }));
  if (!enabled) return failed(context, credentials.username, credentials.id, 'wrong second-factor code');
  await release(context, attempt);
  return signIn(context, credentials);
}

/** What a signed-in account proves before it may replace the second factor it has. */
export interface TotpChangeProof {
  currentPassword: string | null;
  currentCode: string | null;
}

/**
 * A signed-in account starts turning on a second factor. An account that has one already must give
 * its password and a current code first (a stolen session alone cannot replace it); wrong ones
 * count as a failed login.
 */
export async function startTotpSetup(
  context: Context,
  viewer: SignedIn,
  proof: TotpChangeProof,
): Promise<{ secret: string; uri: string }> {
  const credentials = await context.db.read((tx) => findCredentialsById(tx, viewer.account.id));
  if (!credentials) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  const current = credentials.totpEnabled ? credentials.totpSecret : null;
  if (current !== null) {
    const missing = !proof.currentPassword ? 'currentPassword' : !proof.currentCode ? 'currentCode' : null;
    if (missing !== null) {
      await context.audit.writeNow({
        clientId: viewer.account.clientId,
        subject: 'Account',
        action: 'UPDATE',
        result: 'DENIED',
        detail: 'second factor change without password and code',
      });
      throw apiError('INVALID_INPUT', 'Changing the second factor needs your password and a current code.', {
        field: `input.${missing}`,
      });
    }
    const attempt = await reserveAttempt(context, credentials.username);
    const passwordOk = await verifyPassword(credentials.passwordHash, proof.currentPassword ?? '');
    // The code is checked (and used up) only after the right password.
    const step = passwordOk
      ? checkTotp(unseal(context.env.secretKey, current), (proof.currentCode ?? '').trim(), context.now)
      : null;
    const fresh = step !== null && (await context.db.write((tx) => useTotpStep(tx, credentials.id, step)));
    if (!fresh)
      return failed(context, credentials.username, credentials.id, 'wrong password or code to change the second factor');
    await release(context, attempt);
  }
  const secret = newTotpSecret();
  await context.db.write((tx) =>
    setSessionPendingSecret(tx, viewer.session.idHash, seal(context.env.secretKey, secret), current !== null),
  );
  return { secret, uri: totpUri(secret, viewer.account.username) };
}

async function endCurrentSession(context: Context): Promise<void> {
  const token = context.request.sessionToken;
  if (token) await context.db.write((tx) => deleteSession(tx, hashToken(token)));
}

export async function logout(context: Context): Promise<void> {
  const viewer = context.viewer;
  await context.db.write(async (tx) => {
    const token = context.request.sessionToken;
    if (token) await deleteSession(tx, hashToken(token));
    if (viewer.kind === 'account') {
      await context.audit.inTx(tx, [
        { clientId: viewer.account.clientId, subject: 'Session', action: 'LOGOUT', result: 'SUCCESS' },
      ]);
    }
  });
  context.request.setCookie(clearedSessionCookie());
  context.viewer = ANONYMOUS;
  context.audit.setViewer(ANONYMOUS);
}

/** Changes the password, ends every session of the account, and opens a fresh one for this device. */
export async function changePassword(context: Context, viewer: SignedIn, current: string, next: string): Promise<void> {
  const parsed = passwordSchema.safeParse(next);
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ ...issue, path: ['input', 'newPassword'] })));
  const credentials = await context.db.read((tx) => findCredentialsById(tx, viewer.account.id));
  if (!credentials) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  const attempt = await reserveAttempt(context, credentials.username);
  if (!(await verifyPassword(credentials.passwordHash, current))) {
    return failed(context, credentials.username, credentials.id, 'wrong current password');
  }
  await release(context, attempt);
  const passwordHash = await hashPassword(next);
  await context.db.write(async (tx) => {
    await setPasswordHash(tx, credentials.id, passwordHash, new Date(context.now).toISOString());
    await deleteSessionsOf(tx, credentials.id);
    await context.audit.inTx(tx, [
      { clientId: viewer.account.clientId, subject: 'Account', action: 'UPDATE', result: 'SUCCESS', detail: 'password changed' },
    ]);
  });
  await signIn(context, credentials);
}
