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
  registerLoginFailure,
  seal,
  setPasswordHash,
  setSessionPendingSecret,
  throttleStates,
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

/** Refuses (and records) a login attempt while too many recent attempts failed for this account or address. */
async function refuseWhileThrottled(context: Context, username: string, keys: string[]): Promise<void> {
  const { accountMaxFailures, addressMaxFailures, windowMs } = context.env.login;
  const states = await context.db.read((tx) => throttleStates(tx, keys));
  let retryAt = 0;
  for (const state of states) {
    const max = state.key.startsWith('account:') ? accountMaxFailures : addressMaxFailures;
    const until = state.firstFailureAt + windowMs;
    if (state.failures >= max && until > context.now) retryAt = Math.max(retryAt, until);
  }
  if (retryAt === 0) return;
  await context.audit.writeNow(
    { clientId: null, subject: 'Session', action: 'LOGIN', result: 'DENIED', detail: 'rate limited' },
    username,
  );
  const retryAfterSeconds = Math.ceil((retryAt - context.now) / 1000);
  throw apiError('RATE_LIMITED', 'Too many failed attempts. Wait a while and try again.', { retryAfterSeconds });
}

async function failed(
  context: Context,
  username: string,
  keys: string[],
  accountId: string | null,
  reason: string,
): Promise<never> {
  await context.db.write(async (tx) => {
    await registerLoginFailure(tx, keys, context.now, context.env.login.windowMs);
    await appendAudit(tx, [
      {
        ...context.audit.entry(
          { clientId: null, subject: 'Session', action: 'LOGIN', result: 'FAILED', detail: reason },
          username,
        ),
        actorAccountId: accountId,
      },
    ]);
  });
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
  const keys = [accountKey(username), addressKey(context)];
  await refuseWhileThrottled(context, username, keys);
  const credentials = await context.db.read((tx) => findCredentials(tx, username));
  const ok =
    credentials?.active === true ? await verifyPassword(credentials.passwordHash, password) : await verifyAgainstDummy(password);
  if (!credentials || !ok) return failed(context, username, keys, credentials?.id ?? null, 'wrong username or password');
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

/** Checks a TOTP code for an account (once per time step) and counts a wrong one as a failed login. */
async function acceptCode(context: Context, credentials: AccountCredentials, secret: string, code: string): Promise<number> {
  const keys = [accountKey(credentials.username), addressKey(context)];
  await refuseWhileThrottled(context, credentials.username, keys);
  const step = checkTotp(secret, code.trim(), context.now);
  const fresh = step !== null && (await context.db.write((tx) => useTotpStep(tx, credentials.id, step)));
  if (step === null || !fresh) return failed(context, credentials.username, keys, credentials.id, 'wrong second-factor code');
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

/** Confirms a new second factor: during login (professionals) or when a signed-in client turns it on. */
export async function confirmTotpSetup(context: Context, code: string): Promise<LoginOutcome> {
  const pending = await pendingSession(context);
  const sealed = pending?.session.pendingSecret;
  if (!pending || !sealed || (pending.session.stage !== 'TOTP_SETUP' && pending.session.stage !== 'FULL')) {
    throw apiError('UNAUTHENTICATED', 'Start setting up the second factor first.');
  }
  const credentials = await context.db.read((tx) => findCredentialsById(tx, pending.account.id));
  if (!credentials) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  const step = await acceptCode(context, credentials, unseal(context.env.secretKey, sealed), code);
  await context.db.write(async (tx) => {
    await enableTotp(tx, credentials.id, sealed, step);
    await deleteSession(tx, pending.session.idHash);
    await context.audit.inTx(tx, [
      {
        clientId: pending.account.clientId,
        subject: 'Account',
        action: 'UPDATE',
        result: 'SUCCESS',
        detail: 'second factor turned on',
      },
    ]);
  });
  return signIn(context, credentials);
}

/** A signed-in account (a client, say) starts turning on a second factor. */
export async function startTotpSetup(context: Context, viewer: SignedIn): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  await context.db.write((tx) => setSessionPendingSecret(tx, viewer.session.idHash, seal(context.env.secretKey, secret)));
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
  const keys = [accountKey(credentials.username), addressKey(context)];
  await refuseWhileThrottled(context, credentials.username, keys);
  if (!(await verifyPassword(credentials.passwordHash, current))) {
    return failed(context, credentials.username, keys, credentials.id, 'wrong current password');
  }
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
