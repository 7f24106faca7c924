import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater, type PubSub, type PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';

/** What changed in a circle; the event carries no data, subscribers read the circle fresh (and audited). */
export const CIRCLE_CHANGES = [
  'ENTRY_ADDED',
  'ENTRY_UPDATED',
  'ENTRY_MOVED',
  'ENTRY_REMOVED',
  'TIE_ADDED',
  'TIE_REMOVED',
  'FROZEN',
] as const;
export type CircleChangeKind = (typeof CIRCLE_CHANGES)[number];

export interface CircleEvent {
  circleId: string;
  clientId: string;
  /** The circle's version after the change. */
  version: number;
  change: CircleChangeKind;
  entryId: string | null;
  /** The account that made the change, so a device can tell its own changes from others'. */
  actorAccountId: string;
}

type Channels = { circleChanged: [circleId: string, event: CircleEvent] };

export interface Live extends PubSub<Channels> {
  /** `memory` (one instance) or `redis` (shared between instances). */
  readonly kind: 'memory' | 'redis';
  /** Closes the Redis connections, if any; the server calls it when it closes. */
  close(): Promise<void>;
}

export interface LiveOptions {
  /** Live updates go through this Redis; in-process when unset. */
  redisUrl?: string | undefined;
  log?: (line: string) => void;
}

/**
 * Keeps an outage of Redis to one line in the log (ioredis reports every failed reconnection), and
 * says when it is back. Without an `error` listener ioredis would print each failure itself.
 */
function watch(client: Redis, name: string, log: (line: string) => void): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(`[live] Redis (${name}) unreachable, live updates between instances pause: ${error.message}`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log(`[live] Redis (${name}) reachable again, live updates resume`);
  });
}

/**
 * The subscriber as the event target library sees it. The library drops the promises of `subscribe`
 * and `unsubscribe`; one rejected (a stream closing while the server shuts the connection) would be
 * unhandled and end the process, so they are caught here.
 */
function caughtCommands(client: Redis, failed: (error: unknown) => void): Redis {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'subscribe' && property !== 'unsubscribe') return value.bind(target) as unknown;
      return (...args: unknown[]): unknown => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) result.catch(failed);
        return result;
      };
    },
  });
}

function redisBus(url: string, log: (line: string) => void): Live {
  // The subscriber waits for Redis however long it is away (no per-command retry limit), and ioredis
  // subscribes its channels again when it reconnects: streams opened during an outage start working
  // once Redis is back.
  const subscribeClient = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // Events are not queued while Redis is away: a change is announced now or never (subscribers read
  // the whole circle at the next one), and a long outage cannot fill the memory.
  const publishClient = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  watch(subscribeClient, 'subscribe', log);
  watch(publishClient, 'publish', log);
  let closing: Promise<void> | undefined;
  const target = createRedisEventTarget({
    publishClient,
    subscribeClient: caughtCommands(subscribeClient, (error) => {
      if (!closing) log(`[live] Redis (subscribe) refused a command: ${String(error)}`);
    }),
  });
  // The library's dispatchEvent drops the promise of `publish`: a rejection while Redis is away would
  // be unhandled and end the process. Same wire format (JSON of the detail), with the failure caught.
  const eventTarget: PubSubEventTarget<Channels> = {
    addEventListener: (type, callback) => target.addEventListener(type, callback),
    removeEventListener: (type, callback) => target.removeEventListener(type, callback),
    dispatchEvent: (event) => {
      publishClient.publish(event.type, JSON.stringify(event.detail)).catch((error: unknown) => {
        if (publishClient.status === 'ready') log(`[live] an event could not be published: ${String(error)}`);
      });
      return true;
    },
  };
  const bus = createPubSub<Channels>({ eventTarget });
  return {
    ...bus,
    kind: 'redis',
    close: () => {
      closing ??= Promise.all(
        [subscribeClient, publishClient].map((client) => client.quit().catch(() => client.disconnect())),
      ).then(() => undefined);
      return closing;
    },
  };
}

/**
 * Live updates between devices drawing one circle. One instance: an in-process bus, nothing else to
 * run. Several instances behind a load balancer: Redis (REDIS_URL) carries each event to every
 * instance, so a device on one sees an edit made on another (issue 12, docs/ARCHITECTURE.md).
 */
export function createLive({ redisUrl, log = (line) => console.warn(line) }: LiveOptions = {}): Live {
  if (redisUrl) return redisBus(redisUrl, log);
  return { ...createPubSub<Channels>(), kind: 'memory', close: () => Promise.resolve() };
}

type Verdict = 'allowed' | 'refused' | 'unknown';

/** Marks the event a stream ends with: the resolver answers it with the refusal instead of data. */
export type Final<T> = T & { final?: true };

/**
 * Passes a live stream's events on while the viewer may still see them (issue 12). `allowed` runs
 * before every event and, without events, every `recheckMs`. When it no longer holds (the session
 * ended, the grant was revoked, the account was turned off) or cannot be checked, the stream ends:
 * an event that arrived is passed on once more marked `final` (the resolver answers it with the
 * refusal, never with data); a re-check without an event, or a check that could not be made, ends
 * the stream without sending anything.
 * After that the source is closed, so no later change reaches this viewer.
 */
export function whileAllowed<T extends object>(
  source: AsyncIterable<T>,
  allowed: () => Promise<boolean>,
  recheckMs: number,
): AsyncIterable<Final<T>> {
  return new Repeater<Final<T>>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    // One check at a time: the timer's and an event's must not interleave their session reads. A
    // check that fails (the database away) ends the stream too, but silently: there is no refusal to tell.
    let queue: Promise<Verdict> = Promise.resolve('allowed');
    const check = (): Promise<Verdict> =>
      (queue = queue.then((verdict) =>
        verdict === 'allowed'
          ? allowed().then(
              (ok): Verdict => (ok ? 'allowed' : 'refused'),
              (): Verdict => 'unknown',
            )
          : verdict,
      ));
    const timer = setInterval(() => {
      void check().then((verdict) => {
        if (verdict !== 'allowed') stop();
      });
    }, recheckMs);
    timer.unref();
    void stop.then(async () => {
      clearInterval(timer);
      await iterator.return?.();
    });
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const verdict = await check();
      if (verdict === 'allowed') {
        await push(next.value);
        continue;
      }
      if (verdict === 'refused') await push({ ...next.value, final: true });
      break;
    }
    stop();
  });
}
