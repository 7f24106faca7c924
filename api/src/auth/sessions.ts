import { createHash, randomBytes } from 'node:crypto';
import {
  createSession,
  deleteSession,
  findSession,
  touchSession,
  type Database,
  type SessionRecord,
  type SessionStage,
  type SessionView,
} from '@wijkkring/graph';
import type { Env } from '../env.js';
import type { SessionCache } from './session-cache.js';
import { ANONYMOUS, type Viewer } from '../viewer.js';

export const SESSION_COOKIE = 'wk_session';
/** A session that has passed the password but not yet the second factor lives this long. */
export const PENDING_SESSION_MS = 5 * 60_000;
/** The idle timeout is extended at most this often (one write per minute per session, not per request). */
const TOUCH_EVERY_MS = 60_000;

export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

/** 256 random bits; only its SHA-256 is stored, so the database never holds a usable session id. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** httpOnly (no script reads it), Secure, SameSite=Strict (never sent from another site), whole site. */
export function sessionCookie(token: string, maxAgeMs: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${String(Math.floor(maxAgeMs / 1000))}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

export function today(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export async function openSession(
  db: Database,
  env: Env,
  accountId: string,
  stage: SessionStage,
  now: number,
  pendingSecret: string | null = null,
): Promise<{ token: string; record: SessionRecord; cookie: string }> {
  const token = newSessionToken();
  const lifetime = stage === 'FULL' ? env.session.absoluteMs : PENDING_SESSION_MS;
  const record: SessionRecord = {
    idHash: hashToken(token),
    accountId,
    stage,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: now + Math.min(stage === 'FULL' ? env.session.idleMs : PENDING_SESSION_MS, lifetime),
    expiresAt: now + lifetime,
    pendingSecret,
    pendingSecretReplaces: false,
  };
  await db.write((tx) => createSession(tx, record));
  return { token, record, cookie: sessionCookie(token, lifetime) };
}

/**
 * The session behind a cookie, if it is alive; slides the idle timeout (at most once a minute).
 * With `cache`, a signed-in session's view may come from memory (issue 13; see session-cache.ts).
 */
export async function resumeSession(
  db: Database,
  env: Env,
  token: string,
  now: number,
  cache?: SessionCache,
): Promise<SessionView | undefined> {
  const idHash = hashToken(token);
  const read = () => db.read((tx) => findSession(tx, idHash, now, today(now)));
  const view = await (cache ? cache.lookup(idHash, now, today(now), read) : read());
  if (!view) return undefined;
  if (view.session.stage === 'FULL' && now - view.session.lastSeenAt >= TOUCH_EVERY_MS) {
    const idleExpiresAt = Math.min(now + env.session.idleMs, view.session.expiresAt);
    await db.write((tx) => touchSession(tx, idHash, now, idleExpiresAt));
    view.session.lastSeenAt = now;
    view.session.idleExpiresAt = idleExpiresAt;
  }
  return view;
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.write((tx) => deleteSession(tx, hashToken(token)));
}

/**
 * The viewer of a session as it stands now, without counting as activity: a live stream re-checks
 * its session before every event (a logout or a revoked grant ends what the stream may show).
 */
export async function currentViewer(db: Database, token: string | null, now: number): Promise<Viewer> {
  if (!token) return ANONYMOUS;
  const view = await db.read((tx) => findSession(tx, hashToken(token), now, today(now)));
  if (view?.session.stage !== 'FULL') return ANONYMOUS;
  return { kind: 'account', role: view.account.role, account: view.account, session: view.session };
}
