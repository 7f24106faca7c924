import { randomUUID } from 'node:crypto';
import { BOOKMARK_COOKIE, bookmarkCookie, DEVELOPMENT_SECRET_KEY, readBookmarkCookie, type RunningServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createAccount, freshCode, removeAccounts, type TestAccount } from '../support/accounts.js';
import { graphql, LOGIN, startTestServer, VERIFY, type GraphQLResponse } from '../support/api-client.js';

/*
 * Read your own writes across API instances (issue 12). Two servers on two drivers stand for two
 * instances behind a proxy; a browser-like cookie jar carries the session and bookmark cookies
 * between them. On one Neo4j server every read sees every commit, so staleness cannot show here:
 * these tests check that the bookmarks reach the driver exactly, and that a bookmark the database
 * has not reached makes a request wait and fail instead of answering from before it.
 */

const ME = 'query Me { viewer { username } }';
const CREATE_DISTRICT = 'mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { district { id slug } } }';
const DISTRICT = 'query District($slug: String!) { district(slug: $slug) { id name } }';

let dbA: Database;
let dbB: Database;
let instanceA: RunningServer;
let instanceB: RunningServer;
/** Instance B again, answering TIMEOUT after 4 s (the default is 15 s). */
let impatientB: RunningServer;
let admin: TestAccount;
const districts: string[] = [];

/** The cookies a browser keeps: a Set-Cookie with Max-Age=0 removes one. */
class CookieJar {
  readonly values = new Map<string, string>();

  take(response: GraphQLResponse): void {
    for (const header of response.cookies) {
      const pair = header.split(';')[0] ?? '';
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (/Max-Age=0(;|$)/.test(header)) this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  header(replace: Record<string, string> = {}): string {
    const all = new Map([...this.values, ...Object.entries(replace)]);
    return [...all].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function bookmarkHeader(response: GraphQLResponse): string | undefined {
  return response.cookies.find((c) => c.startsWith(`${BOOKMARK_COOKIE}=`));
}

/** Signs in on `server` (password, then the TOTP code), keeping what each response sets. */
async function signIn(server: RunningServer, account: TestAccount, jar: CookieJar): Promise<GraphQLResponse[]> {
  const first = await graphql<{ login: { status: string } }>(server, LOGIN, {
    input: { username: account.username, password: account.password },
  });
  jar.take(first);
  expect(first.data?.login.status).toBe('TOTP_REQUIRED');
  const second = await graphql<{ verifyTotp: { status: string } }>(
    server,
    VERIFY,
    { input: { code: await freshCode(account) } },
    { cookie: jar.header() },
  );
  jar.take(second);
  expect(second.data?.verifyTotp.status).toBe('SIGNED_IN');
  return [first, second];
}

/** The bookmarks each session of `db`'s driver starts from, for sessions of requests (the audit writer's have none). */
function watchRequestSessions(db: Database): Promise<string[]>[] {
  const opened: Promise<string[]>[] = [];
  const original = db.driver.session.bind(db.driver);
  vi.spyOn(db.driver, 'session').mockImplementation((config?: Parameters<Database['driver']['session']>[0]) => {
    const manager = config?.bookmarkManager ?? undefined;
    if (manager) opened.push(manager.getBookmarks().then((b) => [...b]));
    return original(config);
  });
  return opened;
}

/** Same database, a transaction it will not reach for a long time (Neo4j 5's format; throws if it changed). */
function futureOf(bookmark: string): string {
  const bytes = Buffer.from(bookmark.replace(/^FB:/, ''), 'base64');
  if (!bookmark.startsWith('FB:') || bytes[0] !== 0x91 || bytes[1] !== 0xcc || bytes[2] !== 0x10) {
    throw new Error(`Unexpected bookmark format: ${bookmark}`);
  }
  const marker = bytes[19] ?? 0;
  const intLength = marker === 0xc8 ? 2 : marker === 0xc9 ? 3 : marker === 0xca ? 5 : marker === 0xcb ? 9 : 1;
  return `FB:${Buffer.concat([bytes.subarray(0, 19), Buffer.from([0xca, 0x7f, 0xff, 0xff, 0xff]), bytes.subarray(19 + intLength)]).toString('base64')}`;
}

beforeAll(async () => {
  dbA = new Database(inject('neo4j'));
  dbB = new Database(inject('neo4j'));
  instanceA = await startTestServer(dbA);
  instanceB = await startTestServer(dbB);
  impatientB = await startTestServer(dbB, { REQUEST_TIMEOUT_MS: '4000' });
  admin = await createAccount(dbA, { role: 'ADMIN' });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all([instanceA.close(), instanceB.close(), impatientB.close()]);
  await dbA.write((tx) => tx.run('MATCH (d:District) WHERE d.id IN $ids DETACH DELETE d', { ids: districts }));
  await removeAccounts(dbA);
  await Promise.all([dbA.close(), dbB.close()]);
});

describe('bookmarks: a client reads its own write on any instance (issue 12)', () => {
  const jar = new CookieJar();
  let slug = '';

  it('a request that wrote (a login too) answers with the bookmark cookie; a read does not', async () => {
    const [password, code] = await signIn(instanceA, admin, jar);
    for (const response of [password, code]) {
      expect(bookmarkHeader(response as GraphQLResponse)).toMatch(
        /^wk_bm=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=60$/,
      );
    }
    const afterLogin = jar.values.get(BOOKMARK_COOKIE);
    expect(readBookmarkCookie(DEVELOPMENT_SECRET_KEY, afterLogin)).toHaveLength(1);

    const read = await graphql<{ viewer: { username: string } }>(instanceA, ME, {}, { cookie: jar.header() });
    expect(read.data?.viewer.username).toBe(admin.username);
    expect(bookmarkHeader(read)).toBeUndefined();

    slug = `boekenlegger-${randomUUID().slice(0, 8)}`;
    const write = await graphql<{ createDistrict: { district: { id: string } } }>(
      instanceA,
      CREATE_DISTRICT,
      { input: { name: `Boekenlegger ${slug}`, slug } },
      { cookie: jar.header() },
    );
    const id = write.data?.createDistrict.district.id;
    expect(id).toBeTruthy();
    if (id) districts.push(id);
    jar.take(write);
    const afterWrite = jar.values.get(BOOKMARK_COOKIE);
    expect(afterWrite).toBeDefined();
    expect(afterWrite).not.toBe(afterLogin);
  });

  it('the next request, on the other instance, starts from exactly those bookmarks and reads the write', async () => {
    const brought = readBookmarkCookie(DEVELOPMENT_SECRET_KEY, jar.values.get(BOOKMARK_COOKIE));
    expect(brought).toHaveLength(1);
    const opened = watchRequestSessions(dbB);
    try {
      const read = await graphql<{ district: { name: string } | null }>(instanceB, DISTRICT, { slug }, { cookie: jar.header() });
      expect(read.errors).toBeUndefined();
      expect(read.data?.district?.name).toBe(`Boekenlegger ${slug}`);
      expect(bookmarkHeader(read)).toBeUndefined();
      const seen = await Promise.all(opened);
      // The session lookup is the request's first transaction: it too waits for the client's write.
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]).toEqual(brought);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a garbage, oversized, unsigned or altered cookie is ignored, not an error, and dropped', async () => {
    const valid = jar.values.get(BOOKMARK_COOKIE) ?? '';
    const signature = valid.slice(valid.lastIndexOf('.') + 1);
    const bad = [
      'garbage',
      'x'.repeat(3_000),
      `FB:AAAA.${'a'.repeat(43)}`,
      // A real bookmark of this database with another's signature: not one we handed out.
      `FB:kcwQZ1jvE3rkRy6od9CAxJ5uUcka5pA=.${signature}`,
      `${valid}x`,
    ];
    const opened = watchRequestSessions(dbB);
    try {
      for (const value of bad) {
        // A read of the database (the session may come from memory, issue 13).
        const read = await graphql<{ district: { name: string } | null }>(
          instanceB,
          DISTRICT,
          { slug },
          { cookie: jar.header({ [BOOKMARK_COOKIE]: value }) },
        );
        expect(read.errors, value.slice(0, 40)).toBeUndefined();
        expect(read.data?.district?.name).toBe(`Boekenlegger ${slug}`);
        expect(bookmarkHeader(read)).toBe(`${BOOKMARK_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`);
      }
      const seen = await Promise.all(opened);
      expect(seen.length).toBeGreaterThanOrEqual(bad.length);
      expect(seen.every((bookmarks) => bookmarks.length === 0)).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a bookmark the database has not reached makes the request wait and fail, never answer from before it', async () => {
    const current = readBookmarkCookie(DEVELOPMENT_SECRET_KEY, jar.values.get(BOOKMARK_COOKIE))?.[0] ?? '';
    const answered = await graphql<{ viewer: { username: string } }>(impatientB, ME, {}, { cookie: jar.header() });
    expect(answered.data?.viewer.username).toBe(admin.username);

    // Signed like ours: only a restore from an older backup would hand a real client such a bookmark.
    const future = (bookmarkCookie(DEVELOPMENT_SECRET_KEY, [futureOf(current)]).split(';')[0] ?? '').slice(
      BOOKMARK_COOKIE.length + 1,
    );
    // A read of the database: it waits for the bookmark, whether the session came from memory or not (issue 13).
    const waited = await graphql<{ district: { name: string } | null }>(
      impatientB,
      DISTRICT,
      { slug },
      { cookie: jar.header({ [BOOKMARK_COOKIE]: future }) },
    );
    expect(waited.data ?? null).toBeNull();
    expect(waited.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
  });
});
