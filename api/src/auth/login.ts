import {
  activationCodeHash,
  checkTotp,
  clearLoginFailures,
  clientOfUsername,
  consumeActivation,
  deleteSession,
  deleteSessionsOf,
  enableTotp,
  findActivation,
  findCredentials,
  findCredentialsById,
  findSession,
  hashPassword,
  newTotpSecret,
  passwordSchema,
  PROFESSIONAL_ROLES,
  releaseLoginAttempt,
  reserveLoginAttempt,
  sameCodeHash,
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
import { GraphQLError } from 'graphql';
import { auditedWrite, recordAttempt } from '../audit/audited-write.js';
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
async function reserveAttempt(context: Context, username: string, key = accountKey(username)): Promise<Attempt> {
  const { accountMaxFailures, addressMaxFailures, windowMs } = context.env.login;
  const limits = [
    { key, max: accountMaxFailures },
    { key: addressKey(context), max: addressMaxFailures },
  ];
  const reservation = await context.db.write((tx) => reserveLoginAttempt(tx, limits, context.now, windowMs));
  if (reservation.allowed) return { keys: limits.map((limit) => limit.key), reservedAt: context.now };
  // A refused attempt on a client's account reaches that client's trail too (NEN 7513; issue 11).
  const clientId = await context.db.read((tx) => clientOfUsername(tx, username));
  await recordAttempt(
    context,
    { clientId, subject: 'Session', action: 'LOGIN', result: 'DENIED', detail: 'rate limited' },
    username,
  );
  const retryAfterSeconds = Math.max(1, Math.ceil(((reservation.retryAt ?? context.now) - context.now) / 1000));
  throw apiError('RATE_LIMITED', 'Too many failed attempts. Wait a while and try again.', { retryAfterSeconds });
}

/** The attempt was right: it no longer counts as a failure. */
async function release(context: Context, attempt: Attempt): Promise<void> {
  await context.db.write((tx) => releaseLoginAttempt(tx, attempt.keys, attempt.reservedAt));
}

/**
 * Records a wrong password, code or activation code; it was counted already when the attempt was
 * reserved. Nothing else is written, so the record has a transaction of its own (`recordAttempt`).
 * For a client's account it names the client, so the attempt reaches the client's trail (NEN 7513;
 * issue 11); the actor is whoever tried (the username in `actorLabel`), never the account holder,
 * so someone else's guesses do not read as the client's own doing. Recorded as a failed LOGIN, so
 * the audit review counts guessed activation codes with guessed passwords.
 */
async function refused(
  context: Context,
  username: string,
  account: { clientId: string | null } | null,
  what: { subject: 'Session' | 'Account'; reason: string; message: string },
): Promise<never> {
  await recordAttempt(
    context,
    { clientId: account?.clientId ?? null, subject: what.subject, action: 'LOGIN', result: 'FAILED', detail: what.reason },
    username,
  );
  throw apiError('INVALID_CREDENTIALS', what.message);
}

function failed(context: Context, username: string, account: { clientId: string | null } | null, reason: string): Promise<never> {
  return refused(context, username, account, {
    subject: 'Session',
    reason,
    message: 'The username, password or code is not right.',
  });
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
  await auditedWrite(context, { subject: 'Session', action: 'LOGIN', clientId: view.account.clientId, detail: null }, (tx) =>
    clearLoginFailures(tx, accountKey(credentials.username)),
  );
  return { status: 'SIGNED_IN', viewer, totpSetup: null };
}

/**
 * After a right password (a login, or an activation): the second factor next, or setting one up
 * for a professional who has none (new, or reset by an admin), or the full session.
 */
async function afterPassword(context: Context, credentials: AccountCredentials): Promise<LoginOutcome> {
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

export async function login(context: Context, rawUsername: string, password: string): Promise<LoginOutcome> {
  const username = normalise(rawUsername);
  const attempt = await reserveAttempt(context, username);
  const credentials = await context.db.read((tx) => findCredentials(tx, username));
  const ok =
    credentials?.active === true && credentials.passwordHash !== null
      ? await verifyPassword(credentials.passwordHash, password)
      : await verifyAgainstDummy(password);
  if (!credentials || !ok) return failed(context, username, credentials ?? null, 'wrong username or password');
  await release(context, attempt);
  return afterPassword(context, credentials);
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
  if (step === null || !fresh) return failed(context, credentials.username, credentials, 'wrong second-factor code');
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
  await context.sessions.changed();
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
    await recordAttempt(context, {
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
  if (step === null) return failed(context, credentials.username, credentials, 'wrong second-factor code');
  // The new secret's own code: the time steps used with the old one do not apply to it.
  try {
    await auditedWrite(
      context,
      {
        subject: 'Account',
        action: 'UPDATE',
        clientId: pending.account.clientId,
        detail: credentials.totpEnabled ? 'second factor replaced' : 'second factor turned on',
      },
      async (tx) => {
        // Refused when another confirmation used this code first, or a second factor appeared meanwhile.
        if (!(await enableTotp(tx, credentials.id, sealed, step, replace))) {
          throw apiError('INVALID_CREDENTIALS', 'The username, password or code is not right.');
        }
        await deleteSession(tx, pending.session.idHash);
      },
    );
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'INVALID_CREDENTIALS')
      return failed(context, credentials.username, credentials, 'wrong second-factor code');
    throw error;
  }
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
      await recordAttempt(context, {
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
    const passwordOk =
      credentials.passwordHash !== null && (await verifyPassword(credentials.passwordHash, proof.currentPassword ?? ''));
    // The code is checked (and used up) only after the right password.
    const step = passwordOk
      ? checkTotp(unseal(context.env.secretKey, current), (proof.currentCode ?? '').trim(), context.now)
      : null;
    const fresh = step !== null && (await context.db.write((tx) => useTotpStep(tx, credentials.id, step)));
    if (!fresh) return failed(context, credentials.username, credentials, 'wrong password or code to change the second factor');
    await release(context, attempt);
  }
  const secret = newTotpSecret();
  await context.db.write((tx) =>
    setSessionPendingSecret(tx, viewer.session.idHash, seal(context.env.secretKey, secret), current !== null),
  );
  await context.sessions.changed();
  return { secret, uri: totpUri(secret, viewer.account.username) };
}

async function endCurrentSession(context: Context): Promise<void> {
  const token = context.request.sessionToken;
  if (token) await context.db.write((tx) => deleteSession(tx, hashToken(token)));
  await context.sessions.changed();
}

export async function logout(context: Context): Promise<void> {
  const viewer = context.viewer;
  const token = context.request.sessionToken;
  if (viewer.kind === 'account') {
    await auditedWrite(
      context,
      { subject: 'Session', action: 'LOGOUT', clientId: viewer.account.clientId, detail: null },
      async (tx) => {
        if (token) await deleteSession(tx, hashToken(token));
      },
    );
  } else if (token) {
    await context.db.write((tx) => deleteSession(tx, hashToken(token)));
    await context.sessions.changed();
  }
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
  if (credentials.passwordHash === null || !(await verifyPassword(credentials.passwordHash, current))) {
    return failed(context, credentials.username, credentials, 'wrong current password');
  }
  await release(context, attempt);
  const passwordHash = await hashPassword(next);
  await auditedWrite(
    context,
    { subject: 'Account', action: 'UPDATE', clientId: viewer.account.clientId, detail: 'password changed' },
    async (tx) => {
      await setPasswordHash(tx, credentials.id, passwordHash, new Date(context.now).toISOString());
      await deleteSessionsOf(tx, credentials.id);
    },
  );
  await signIn(context, credentials);
}

/** The key that counts activation attempts for a username (the address is counted with logins). */
function activationKey(username: string): string {
  return `activation:${username}`;
}

/**
 * Activation (issue 11): a username and the one-time code an admin handed over, and a new
 * password (the same rules as changePassword). Counted like a login attempt before the code is
 * checked. A wrong, used or expired code, an unknown username and an account that is off all get
 * the one answer INVALID_CREDENTIALS, so nothing tells which usernames exist. Then, like a login:
 * a professional sets up the second factor (confirmTotpSetup), a client is signed in.
 */
export async function activateAccount(
  context: Context,
  rawUsername: string,
  code: string,
  password: string,
): Promise<LoginOutcome> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ ...issue, path: ['input', 'password'] })));
  const username = normalise(rawUsername);
  const attempt = await reserveAttempt(context, username, activationKey(username));
  const codeHash = activationCodeHash(code);
  const pending = await context.db.read((tx) => findActivation(tx, username));
  const valid =
    pending !== undefined && pending.active && pending.expiresAt > context.now && sameCodeHash(pending.codeHash, codeHash);
  if (!valid) {
    const clientId = pending ? pending.clientId : await context.db.read((tx) => clientOfUsername(tx, username));
    return failedActivation(context, username, { clientId });
  }
  const passwordHash = await hashPassword(password);
  try {
    await auditedWrite(
      context,
      { subject: 'Account', action: 'UPDATE', clientId: pending.clientId, detail: 'account activated', actorLabel: username },
      async (tx) => {
        // Used by a concurrent activation a moment ago, or expired meanwhile: nothing changes.
        if (!(await consumeActivation(tx, pending.accountId, codeHash, passwordHash, context.now))) {
          throw apiError('INVALID_CREDENTIALS', 'The username or activation code is not right, or the code is no longer valid.');
        }
      },
    );
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'INVALID_CREDENTIALS')
      return failedActivation(context, username, { clientId: pending.clientId });
    throw error;
  }
  await release(context, attempt);
  const credentials = await context.db.read((tx) => findCredentialsById(tx, pending.accountId));
  if (!credentials) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  return afterPassword(context, credentials);
}

/** A refused activation: recorded like a failed login, answered with the one refusal. */
function failedActivation(context: Context, username: string, account: { clientId: string | null } | null): Promise<never> {
  return refused(context, username, account, {
    subject: 'Account',
    reason: 'activation refused',
    message: 'The username or activation code is not right, or the code is no longer valid.',
  });
}
