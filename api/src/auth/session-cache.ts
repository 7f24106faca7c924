import type { SessionView } from '@wijkkring/graph';
import { Redis } from 'ioredis';

/**
 * The generation of the session views: every change that may alter one (a logout, a grant given
 * or revoked, an account turned off or changed) moves it on, and a view read before that no longer
 * counts. One instance keeps it in memory; several share it in Redis, so a revocation on one
 * instance holds at the next request on every other (issue 13).
 */
export interface SessionGenerations {
  /** The generation now; null when it cannot be known (Redis away): then nothing is taken from memory. */
  current(): Promise<number | null> | number | null;
  /** A change that may alter a session view has committed: views read before it are stale everywhere. */
  bump(): Promise<void> | void;
  close(): Promise<void>;
}

export function localGenerations(): SessionGenerations {
  let generation = 0;
  return {
    current: () => generation,
    bump: () => {
      generation += 1;
    },
    close: () => Promise.resolve(),
  };
}

const GENERATION_KEY = 'wijkkring:session-generation';

/**
 * The generation in Redis: one GET per request that has a session (far cheaper than the session's
 * statement in Neo4j), one INCR per change. While Redis cannot be reached nothing is served from
 * memory; a change that could not move the generation then is made up for as soon as it can.
 */
export function redisGenerations(url: string, log: (line: string) => void = (line) => console.warn(line)): SessionGenerations {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let owed = false;
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(`[sessions] Redis unreachable, sessions are read from the database until it is back: ${error.message}`);
  });
  client.on('ready', () => {
    down = false;
  });
  const incr = async (): Promise<void> => {
    await client.incr(GENERATION_KEY);
    owed = false;
  };
  return {
    current: async () => {
      try {
        if (owed) await incr();
        const value = await client.get(GENERATION_KEY);
        return value === null ? 0 : Number(value);
      } catch {
        return null;
      }
    },
    bump: async () => {
      owed = true;
      await incr().catch(() => undefined);
    },
    close: () => {
      client.disconnect();
      return Promise.resolve();
    },
  };
}

interface Entry {
  view: SessionView;
  generation: number;
  /** The request date the view was read for (grants and districts depend on it). */
  today: string;
  readAt: number;
}

/**
 * Signed-in sessions' views (session and account with grants and districts), kept in memory for at
 * most `ttlMs` so a read does not first ask Neo4j who is asking (issue 13). A view is taken from
 * memory only when the generation has not moved since it was read, it was read for the same day,
 * and the session has not expired; anything else reads the database. Only fully signed-in
 * sessions are kept (a half-finished login changes with every step).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly generations: SessionGenerations,
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  async lookup(
    idHash: string,
    now: number,
    today: string,
    load: () => Promise<SessionView | undefined>,
  ): Promise<SessionView | undefined> {
    if (this.ttlMs === 0) return load();
    const generation = await this.generations.current();
    if (generation === null) {
      this.entries.clear();
      return load();
    }
    const hit = this.entries.get(idHash);
    if (
      hit &&
      hit.generation === generation &&
      hit.today === today &&
      now - hit.readAt < this.ttlMs &&
      hit.view.session.idleExpiresAt > now &&
      hit.view.session.expiresAt > now
    )
      return hit.view;
    if (hit) this.entries.delete(idHash);
    // Tagged with the generation seen before the read: a change committed meanwhile makes it stale at once.
    const view = await load();
    if (view?.session.stage === 'FULL') {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(idHash, { view, generation, today, readAt: now });
    }
    return view;
  }

  /** A change that may alter a session view committed (awaited before the answer leaves). */
  async changed(): Promise<void> {
    this.entries.clear();
    await this.generations.bump();
  }

  close(): Promise<void> {
    return this.generations.close();
  }
}

/**
 * Changes that cannot alter anyone's session view: the circle and wijkkaart edits and research
 * studies (the hot paths). Every other audited change ends the cached views (see auditedWrite).
 */
export const SESSION_NEUTRAL_SUBJECTS: ReadonlySet<string> = new Set([
  'CircleEntry',
  'CircleTie',
  'NetworkCircle',
  'Link',
  'Offering',
  'WijkAction',
  'KeyFigure',
  'Partnership',
  'ResearchStudy',
]);
