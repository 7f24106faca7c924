import { randomUUID } from 'node:crypto';
import type { BookmarkManager, SessionConfig } from 'neo4j-driver';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { Database } from './driver.js';
import { DomainError } from './errors.js';
import { one } from './tx.js';

/*
 * Causal views (issue 12): what a request's transactions start from. Two drivers stand for two API
 * instances. On one server every read sees every commit anyway, so these tests look at what the
 * view hands the driver (the bookmarks each session starts from) and at what Neo4j does with a
 * bookmark it has not reached: wait, then fail, and never answer from before it.
 */

const connection = inject('neo4j');
const instanceA = new Database(connection);
const instanceB = new Database(connection);
const LABEL_TAG = `causal-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await instanceA.write((tx) => tx.run('MATCH (n:CausalProbe {tag: $tag}) DELETE n', { tag: LABEL_TAG }));
  await Promise.all([instanceA.close(), instanceB.close()]);
});

/** The bookmarks each session of `db`'s driver was opened with, in order (the driver's own session, watched). */
function watchSessions(db: Database): Promise<string[]>[] {
  const opened: Promise<string[]>[] = [];
  const original = db.driver.session.bind(db.driver);
  vi.spyOn(db.driver, 'session').mockImplementation((config?: SessionConfig) => {
    const manager: BookmarkManager | undefined = config?.bookmarkManager ?? undefined;
    // getBookmarks copies the set before its first await: this is what the session starts from.
    opened.push(manager ? manager.getBookmarks().then((b) => [...b]) : Promise.resolve([]));
    return original(config);
  });
  return opened;
}

/**
 * A Neo4j 5 bookmark for the same database, at a transaction it will not reach for a long time.
 * The format is Neo4j's (PackStream: a list of [database id, transaction id] and a list of
 * external bookmarks); if it ever changes this throws and the test fails, rather than passing.
 */
function futureOf(bookmark: string): string {
  const bytes = Buffer.from(bookmark.replace(/^FB:/, ''), 'base64');
  const intStart = 19; // 0x91, 0xcc 0x10 and a 16-byte database id
  if (!bookmark.startsWith('FB:') || bytes[0] !== 0x91 || bytes[1] !== 0xcc || bytes[2] !== 0x10) {
    throw new Error(`Unexpected bookmark format: ${bookmark}`);
  }
  const marker = bytes[intStart] ?? 0;
  const intLength = marker === 0xc8 ? 2 : marker === 0xc9 ? 3 : marker === 0xca ? 5 : marker === 0xcb ? 9 : 1;
  const future = Buffer.concat([
    bytes.subarray(0, intStart),
    Buffer.from([0xca, 0x7f, 0xff, 0xff, 0xff]),
    bytes.subarray(intStart + intLength),
  ]);
  return `FB:${future.toString('base64')}`;
}

async function writeProbe(db: Database): Promise<string> {
  const id = randomUUID();
  await db.write((tx) => tx.run('CREATE (:CausalProbe {id: $id, tag: $tag})', { id, tag: LABEL_TAG }));
  return id;
}

describe('a causal view of the database (issue 12)', () => {
  it('hands back the bookmark of its write, and reports that it wrote', async () => {
    const view = instanceA.causal([]);
    expect(await view.causalState()).toEqual({ bookmarks: [], wrote: false, refused: false });
    await view.read((tx) => one(tx, 'RETURN 1 AS one'));
    expect((await view.causalState())?.wrote).toBe(false);
    await writeProbe(view);
    const state = await view.causalState();
    expect(state?.wrote).toBe(true);
    expect(state?.refused).toBe(false);
    expect(state?.bookmarks).toHaveLength(1);
    expect(state?.bookmarks[0]).toMatch(/^FB:[A-Za-z0-9+/=]+$/);
    expect(await instanceA.causalState()).toBeUndefined();
  });

  it("starts another instance's sessions from exactly the bookmarks it was given, and reads the write", async () => {
    const writer = instanceA.causal([]);
    const id = await writeProbe(writer);
    const bookmarks = (await writer.causalState())?.bookmarks ?? [];
    expect(bookmarks).toHaveLength(1);

    const opened = watchSessions(instanceB);
    try {
      const reader = instanceB.causal(bookmarks);
      const found = await reader.read((tx) =>
        one<{ id: string }>(tx, 'MATCH (n:CausalProbe {id: $id}) RETURN n.id AS id', { id }),
      );
      expect(found?.id).toBe(id);
      await reader.read((tx) => one(tx, 'RETURN 1 AS one'));
      // A plain Database (outside a request) brings no bookmarks.
      await instanceB.read((tx) => one(tx, 'RETURN 1 AS one'));
      const seen = await Promise.all(opened);
      expect(seen[0]).toEqual(bookmarks);
      // Later sessions start from the view's newest bookmark, never from nothing.
      expect(seen[1]).toHaveLength(1);
      expect(seen[2]).toEqual([]);
      // A read is not a write: the client's cookie is left as it is.
      expect((await reader.causalState())?.wrote).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('runs unchanged on a routing URI (neo4j://), which a single Community server answers too', async () => {
    const routed = new Database({ ...connection, uri: connection.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:') });
    try {
      expect(connection.uri).toMatch(/^bolt/);
      const view = routed.causal([]);
      const id = await writeProbe(view);
      const found = await view.read((tx) => one<{ id: string }>(tx, 'MATCH (n:CausalProbe {id: $id}) RETURN n.id AS id', { id }));
      expect(found?.id).toBe(id);
      expect((await view.causalState())?.bookmarks).toHaveLength(1);
    } finally {
      await routed.close();
    }
  });

  it('keeps its bookmarks when given a transaction timeout, and the timeout when made causal', async () => {
    const view = instanceA.causal([]).withTransactionTimeout(5_000);
    await writeProbe(view);
    expect((await view.causalState())?.wrote).toBe(true);
    const bounded = instanceA.withTransactionTimeout(5_000).causal([]);
    await writeProbe(bounded);
    expect((await bounded.causalState())?.bookmarks).toHaveLength(1);
  });

  it('a malformed bookmark fails the transaction at once, and the view says its bookmarks were refused', async () => {
    const view = instanceA.causal(['FB:AAAA']);
    const failure: unknown = await view.read((tx) => one(tx, 'RETURN 1 AS one')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('DATABASE_UNAVAILABLE');
    expect((await view.causalState())?.refused).toBe(true);
  });

  it('a bookmark the database has not reached makes a read wait and fail, never answer from before it', async () => {
    const writer = instanceA.causal([]);
    const id = await writeProbe(writer);
    const current = (await writer.causalState())?.bookmarks[0] ?? '';
    // Bounded as in the API: a timeout that fails instead of retrying the wait.
    const view = instanceB.withTransactionTimeout(2_000).causal([futureOf(current)]);
    const outcome: unknown = await view
      .read((tx) => one<{ id: string }>(tx, 'MATCH (n:CausalProbe {id: $id}) RETURN n.id AS id', { id }))
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(DomainError);
    expect(['TIMEOUT', 'DATABASE_UNAVAILABLE']).toContain((outcome as DomainError).code);
    expect((await view.causalState())?.refused).toBe(true);
  });
});
