import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '@wijkkring/graph';
import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/**
 * Read your own writes on any API instance (issue 12). After a request that wrote, the response
 * hands the client Neo4j's bookmarks for that write in this cookie; the client's next request
 * (on whichever instance) runs its transactions after them, so on a Neo4j cluster a read waits
 * for the follower it is routed to instead of answering from before the write. The web app and
 * live streams carry it without knowing: httpOnly, Secure, SameSite=Strict, like the session.
 */
export const BOOKMARK_COOKIE = 'wk_bm';

/**
 * Short: a healthy cluster applies a write everywhere within milliseconds, and the cookie is
 * renewed by every write. A bookmark the database will not reach soon (it was restored from a
 * backup older than the bookmark) makes requests wait and fail; this bounds how long that lasts.
 */
export const BOOKMARK_COOKIE_MS = 60_000;

/** A Neo4j 5 bookmark is about 40 characters; one per database the client's writes touched. */
const MAX_COOKIE_CHARS = 2_048;
const MAX_BOOKMARKS = 8;
/** "FB:" and base64 in Neo4j 5; any short token of these characters, never a separator of ours. */
const BOOKMARK = /^[A-Za-z0-9+/=:_-]{1,512}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signed because Neo4j trusts a bookmark: a malformed one fails the transaction, and a forged one
 * from the future holds a pooled connection for `db.transaction.bookmark_ready_timeout` (30 s by
 * default) and then fails. Anyone could send fifty of those. Only bookmarks this API handed out
 * (with SECRET_KEY, the same on every instance) reach the driver.
 */
const keyOf = (secretKey: string): Buffer => createHmac('sha256', secretKey).update('wijkkring bookmarks').digest();
const sign = (secretKey: string, body: string): string => createHmac('sha256', keyOf(secretKey)).update(body).digest('base64url');

/**
 * The bookmarks a cookie carries: empty when there is none, null when it cannot be used (too
 * long, malformed, or not signed by us), and is to be dropped.
 */
export function readBookmarkCookie(secretKey: string, value: string | undefined): string[] | null {
  if (value === undefined || value === '') return [];
  if (value.length > MAX_COOKIE_CHARS) return null;
  const dot = value.lastIndexOf('.');
  const body = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (dot <= 0 || !SIGNATURE.test(signature)) return null;
  const bookmarks = body.split('~');
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) return null;
  const expected = Buffer.from(sign(secretKey, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return bookmarks;
}

/** The Set-Cookie header carrying `bookmarks`; a clearing one when there are none or too many to carry. */
export function bookmarkCookie(secretKey: string, bookmarks: readonly string[]): string {
  if (bookmarks.length === 0 || bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((b) => BOOKMARK.test(b))) {
    return clearedBookmarkCookie();
  }
  const body = bookmarks.join('~');
  const value = `${body}.${sign(secretKey, body)}`;
  if (value.length > MAX_COOKIE_CHARS) return clearedBookmarkCookie();
  return `${BOOKMARK_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${String(BOOKMARK_COOKIE_MS / 1000)}`;
}

export function clearedBookmarkCookie(): string {
  return `${BOOKMARK_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/**
 * What the response tells the client's cookie after the request ran on `db` (its causal view):
 * the new bookmarks when it wrote (a login and a logout write sessions, so they count: the code
 * step after the password may reach another instance), a clearing cookie when Neo4j refused the
 * bookmarks it brought, and nothing otherwise (a read leaves the client's bookmarks as they are).
 */
export async function bookmarkCookieAfter(db: Database, secretKey: string): Promise<string | undefined> {
  const state = await db.causalState();
  if (!state) return undefined;
  if (state.refused) return clearedBookmarkCookie();
  return state.wrote ? bookmarkCookie(secretKey, state.bookmarks) : undefined;
}

/** Sets the bookmark cookie once an operation has run (a live stream's headers are gone by then; it does not write). */
export function bookmarkCookiePlugin(secretKey: string): Plugin<Context> {
  return {
    onExecute({ setExecuteFn, executeFn }) {
      setExecuteFn(async (args: ExecutionArgs): Promise<unknown> => {
        const context = args.contextValue as Context;
        try {
          return (await executeFn(args)) as unknown;
        } finally {
          const cookie = await bookmarkCookieAfter(context.db, secretKey).catch(() => undefined);
          if (cookie) context.request.setCookie(cookie);
        }
      });
    },
  };
}
