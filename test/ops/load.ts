// Load for the operations drills (issue 12): signing in over HTTP as a real browser does, and a
// generator of circle edits (moves, adds, ties, grants) that records, for every edit, whether the API
// acknowledged it. Shared by the crash drill (test/ops/crash.test.ts) and the soak run
// (test/bench/soak-bench.ts), so it imports nothing from vitest.
import { POLICY } from '@wijkkring/api';
import { totpCode, type AuditAction } from '@wijkkring/graph';

export interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string | null } }[];
}

/** What went wrong with a request: the first error's code, the HTTP status, or the network failure. */
export function failureOf(answer: Answer<unknown> | Error): string {
  if (answer instanceof Error) return `NETWORK (${answer.cause instanceof Error ? answer.cause.message : answer.message})`;
  const error = answer.errors?.[0];
  if (error) return error.extensions?.code ?? `HTTP ${String(answer.status)}: ${error.message}`;
  return answer.data ? 'OK' : `HTTP ${String(answer.status)} without data`;
}

/** Acknowledged: the API answered with data and no errors (what the web app takes as "saved"). */
export const acknowledged = (answer: Answer<unknown> | Error): boolean =>
  !(answer instanceof Error) && !answer.errors?.length && answer.data !== null && answer.data !== undefined;

/** A browser-like session over real HTTP: keeps the session cookie and sends the CSRF header. */
export class HttpSession {
  cookie: string | null = null;

  constructor(private readonly base: () => string) {}

  get url(): string {
    return `${this.base()}/graphql`;
  }

  /** One GraphQL request; throws only when no HTTP answer came (connection refused or reset). */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<Answer<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-wijkkring-csrf': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
    const value = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('wk_session='))
      ?.split(';')[0];
    if (value !== undefined) this.cookie = value === 'wk_session=' ? null : value;
    const text = await response.text();
    let body: Omit<Answer<T>, 'status'>;
    try {
      body = JSON.parse(text) as Omit<Answer<T>, 'status'>;
    } catch {
      body = { errors: [{ message: text.slice(0, 200) }] };
    }
    return { status: response.status, ...body };
  }

  /** `graphql`, with a network failure returned as an Error instead of thrown. */
  async attempt<T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T> | Error> {
    try {
      return await this.graphql<T>(query, variables);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}

export interface Credentials {
  username: string;
  password: string;
  /** Base32; null for a client who signs in with the password only. */
  totpSecret: string | null;
}

const LOGIN = 'mutation SignIn($input: LoginInput!) { login(input: $input) { status } }';
const VERIFY = 'mutation SecondFactor($input: VerifyTotpInput!) { verifyTotp(input: $input) { status } }';
const LOGOUT = 'mutation SignOut { logout { ok } }';

const usedSteps = new Map<string, number>();

/**
 * A TOTP code this process has not used yet for the account: a code works once, so a second sign-in
 * within the same 30 s takes the next time step (the server accepts one step of drift), and a third
 * waits for the step after.
 */
async function unusedCode(username: string, secret: string): Promise<string> {
  const current = Math.floor(Date.now() / 30_000);
  let step = Math.max(current, (usedSteps.get(username) ?? -1) + 1);
  if (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
    step = Math.max(Math.floor(Date.now() / 30_000), step);
  }
  usedSteps.set(username, step);
  return totpCode(secret, step * 30_000 + 1_000);
}

/** Whether `signIn` can sign this account in now without waiting for an unused TOTP time step. */
export function signInReady(account: Credentials): boolean {
  if (!account.totpSecret) return true;
  return (usedSteps.get(account.username) ?? -1) < Math.floor(Date.now() / 30_000) + 1;
}

/** Password, then (for professionals) a fresh TOTP code; throws when the session is not signed in. */
export async function signIn(session: HttpSession, account: Credentials): Promise<void> {
  const first = await session.graphql<{ login: { status: string } }>(LOGIN, {
    input: { username: account.username, password: account.password },
  });
  let status = first.data?.login.status;
  if (status === 'TOTP_REQUIRED' && account.totpSecret) {
    const second = await session.graphql<{ verifyTotp: { status: string } }>(VERIFY, {
      input: { code: await unusedCode(account.username, account.totpSecret) },
    });
    status = second.data?.verifyTotp.status;
    if (status !== 'SIGNED_IN') throw new Error(`${account.username}: second factor refused: ${failureOf(second)}`);
  }
  if (status !== 'SIGNED_IN') throw new Error(`${account.username}: not signed in: ${failureOf(first)}`);
}

export async function signOut(session: HttpSession): Promise<void> {
  const answer = await session.graphql<{ logout: { ok: boolean } }>(LOGOUT);
  if (!acknowledged(answer)) throw new Error(`logout failed: ${failureOf(answer)}`);
}

// ---------------------------------------------------------------------------------------------
// Circle edits and their ledger
// ---------------------------------------------------------------------------------------------

export type EditKind = 'add' | 'move' | 'tie' | 'grant' | 'remove';

/** One edit as sent, and what came back. */
export interface EditRecord {
  /**
   * The GraphQL operation's name, unique per edit: the audit log records it as the `detail` of the
   * change's record, so each edit can be matched to its own record.
   */
  name: string;
  kind: EditKind;
  /** The account that sent it. */
  accountId: string;
  clientId: string;
  circleId: string | null;
  /** What its audit record says (subject and action). */
  subject: string;
  action: AuditAction;
  acknowledged: boolean;
  /** The failure (error code, HTTP status or network error) when not acknowledged. */
  failure: string | null;
  /** The entry an add created (known only when acknowledged) or a move moved. */
  entryId: string | null;
  ring: number | null;
  sector: string | null;
  /** The entry's version in the answer. */
  version: number | null;
  tieId: string | null;
  /** The grant's id in the answer (known only when acknowledged) and whom it was for. */
  grantId: string | null;
  supportWorkerId: string | null;
  /** When it was sent (ms since the epoch), and how long the answer took. */
  sentAt: number;
  ms: number;
}

const auditOf = (operation: keyof typeof POLICY.operations, subject: string): { subject: string; action: AuditAction } => {
  const action = (POLICY.operations as Record<string, { audit?: AuditAction }>)[operation]?.audit;
  if (!action) throw new Error(`${operation} has no audit action in the policy`);
  return { subject, action };
};

/** The audit record each kind of edit writes in its own transaction (api/src/schema/circle-edit.ts, access.ts). */
export const EDIT_AUDIT: Readonly<Record<EditKind, { subject: string; action: AuditAction }>> = {
  add: auditOf('Mutation.addCircleEntry', 'CircleEntry'),
  move: auditOf('Mutation.moveCircleEntry', 'CircleEntry'),
  tie: auditOf('Mutation.addCircleTie', 'CircleTie'),
  // grantAccess names its record itself (it has no audit column in the policy).
  grant: { subject: 'AccessGrant', action: 'CREATE' },
  remove: auditOf('Mutation.removeCircleEntry', 'CircleEntry'),
};

/** Every edit sent, in the order sent, with a unique operation name for each. */
export class Ledger {
  readonly edits: EditRecord[] = [];
  private counter = 0;

  constructor(readonly prefix: string) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(prefix)) throw new Error('the prefix must be a GraphQL name without underscores');
  }

  nextName(kind: EditKind): string {
    this.counter += 1;
    return `${this.prefix}_${kind}_${String(this.counter)}`;
  }

  get sent(): number {
    return this.edits.length;
  }

  get acknowledged(): number {
    return this.edits.filter((e) => e.acknowledged).length;
  }
}

/** A small, seeded random source (mulberry32): the same seed gives the same load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const RINGS = [1, 2, 3, 4] as const;
export const SECTORS = ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'] as const;
const NAMES = ['Kees', 'Fatima', 'Joost', 'Noor', 'Bram', 'Yara', 'Ruud', 'Mila', 'Sem', 'Ilse', 'Daan', 'Aylin'];

export interface CircleRef {
  circleId: string;
  clientId: string;
}

/** Who sends edits: an account and the circles it may edit; a client also grants access. */
export interface EditorOptions {
  accountId: string;
  circles: readonly CircleRef[];
  /** Support workers a client may give access to (empty for a support worker: only clients grant). */
  grantTo: readonly string[];
  /** The client's own id, for grants. */
  clientId?: string;
  random: () => number;
  /** Relative weights of the kinds of edit (a kind that is not possible yet falls back to an add). */
  weights?: Partial<Record<EditKind, number>>;
  /**
   * At most this many entries of its own in the circles: at the limit an add becomes a remove, so a
   * long run does not grow the circles (the soak). Unbounded when unset (the crash drill only adds).
   */
  maxOwnEntries?: number;
}

interface OwnEntry {
  circleId: string;
  ring: number;
  sector: string;
  /** The version the editor last saw; null after an edit whose outcome it does not know. */
  version: number | null;
}

const entryFields = 'id ring sector version';
const ADD = (name: string): string =>
  `mutation ${name}($input: AddCircleEntryInput!) { addCircleEntry(input: $input) { version entry { ${entryFields} } } }`;
const MOVE = (name: string): string =>
  `mutation ${name}($input: MoveCircleEntryInput!) { moveCircleEntry(input: $input) { version entry { ${entryFields} } } }`;
const TIE = (name: string): string =>
  `mutation ${name}($input: AddCircleTieInput!) { addCircleTie(input: $input) { version tie { id } } }`;
const GRANT = (name: string): string =>
  `mutation ${name}($input: GrantAccessInput!) { grantAccess(input: $input) { id level active } }`;
const REMOVE = (name: string): string =>
  `mutation ${name}($input: RemoveCircleEntryInput!) { removeCircleEntry(input: $input) { version entry { id } } }`;
export const CIRCLE_ENTRIES = `query CircleEntries($id: ID!) { networkCircle(id: $id) { id version entries { ${entryFields} } } }`;

interface EntryAnswer {
  version: number;
  entry: { id: string; ring: number; sector: string; version: number };
}

/**
 * Sends one edit at a time for one account, the way a person drawing does: adds new people, moves
 * the entries it added (with the version it saw), ties two of them, and (a client) grants a support
 * worker access. Each entry is moved by one editor only, so the ledger says exactly what its final
 * place must be. After an edit whose outcome is unknown, the editor reads the circle again before it
 * moves that entry.
 */
export class CircleEditor {
  private readonly own = new Map<string, OwnEntry>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly session: HttpSession,
    private readonly ledger: Ledger,
    private readonly options: EditorOptions,
  ) {}

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.options.random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }

  private chooseKind(): EditKind {
    const weights = {
      add: 3,
      move: 4,
      tie: 2,
      grant: this.options.grantTo.length > 0 ? 1 : 0,
      remove: 0,
      ...this.options.weights,
    };
    const kinds = (Object.keys(weights) as EditKind[]).filter((k) => weights[k] > 0);
    let roll = this.options.random() * kinds.reduce((sum, k) => sum + weights[k], 0);
    for (const kind of kinds) {
      roll -= weights[kind];
      if (roll < 0) return kind;
    }
    return 'add';
  }

  /** Reads the circles whose entries' versions it no longer knows; false when that read fails. */
  private async refresh(): Promise<boolean> {
    for (const circleId of [...this.stale]) {
      const answer = await this.session.attempt<{
        networkCircle: { entries: { id: string; ring: number; sector: string; version: number }[] } | null;
      }>(CIRCLE_ENTRIES, { id: circleId });
      if (!acknowledged(answer) || answer instanceof Error || !answer.data?.networkCircle) return false;
      for (const e of answer.data.networkCircle.entries) {
        const mine = this.own.get(e.id);
        if (mine) Object.assign(mine, { ring: e.ring, sector: e.sector, version: e.version });
      }
      this.stale.delete(circleId);
    }
    return true;
  }

  /** Sends the next edit and records it in the ledger. */
  async step(): Promise<EditRecord> {
    let kind = this.chooseKind();
    if (kind !== 'add' && kind !== 'grant' && this.stale.size > 0 && !(await this.refresh())) kind = 'add';
    const movable = [...this.own].filter(([, e]) => e.version !== null);
    if (kind === 'move' && movable.length === 0) kind = 'add';
    const tieable = this.options.circles
      .map((c) => [...this.own].filter(([, e]) => e.circleId === c.circleId).map(([id]) => id))
      .filter((ids) => ids.length >= 2);
    if (kind === 'tie' && tieable.length === 0) kind = 'add';
    if (kind === 'grant' && (this.options.grantTo.length === 0 || !this.options.clientId)) kind = 'add';
    if (kind === 'add' && this.own.size >= (this.options.maxOwnEntries ?? Infinity)) kind = 'remove';
    if (kind === 'remove' && movable.length === 0) kind = 'add';
    switch (kind) {
      case 'add':
        return this.add();
      case 'move':
        return this.move(this.pick(movable));
      case 'tie':
        return this.tie(this.pick(tieable));
      case 'grant':
        return this.grant();
      case 'remove':
        return this.remove(this.pick(movable));
    }
  }

  private async send(
    kind: EditKind,
    query: (name: string) => string,
    variables: Record<string, unknown>,
    base: Omit<EditRecord, 'name' | 'kind' | 'accountId' | 'subject' | 'action' | 'acknowledged' | 'failure' | 'sentAt' | 'ms'>,
    read: (data: unknown, record: EditRecord) => void,
  ): Promise<EditRecord> {
    const name = this.ledger.nextName(kind);
    const record: EditRecord = {
      name,
      kind,
      accountId: this.options.accountId,
      ...EDIT_AUDIT[kind],
      ...base,
      acknowledged: false,
      failure: null,
      sentAt: Date.now(),
      ms: 0,
    };
    this.ledger.edits.push(record);
    const started = performance.now();
    const answer = await this.session.attempt(query(name), variables);
    record.ms = performance.now() - started;
    record.acknowledged = acknowledged(answer);
    if (record.acknowledged && !(answer instanceof Error) && answer.data) read(answer.data, record);
    else record.failure = failureOf(answer);
    return record;
  }

  private add(): Promise<EditRecord> {
    const circle = this.pick(this.options.circles);
    const ring = this.pick(RINGS);
    const sector = this.pick(SECTORS);
    return this.send(
      'add',
      ADD,
      { input: { circleId: circle.circleId, ring, sector, person: { name: this.pick(NAMES) }, relation: 'kennis' } },
      { ...this.blank(circle), ring, sector },
      (data, record) => {
        const { entry } = (data as { addCircleEntry: EntryAnswer }).addCircleEntry;
        record.entryId = entry.id;
        record.version = entry.version;
        this.own.set(entry.id, { circleId: circle.circleId, ring: entry.ring, sector: entry.sector, version: entry.version });
      },
    ).then((record) => {
      if (!record.acknowledged) this.stale.add(circle.circleId);
      return record;
    });
  }

  private async move([entryId, entry]: [string, OwnEntry]): Promise<EditRecord> {
    const circle = this.options.circles.find((c) => c.circleId === entry.circleId) as CircleRef;
    // Another ring (and now and then another sector): every move changes the placement.
    const ring = this.pick(RINGS.filter((r) => r !== entry.ring));
    const sector = this.options.random() < 0.3 ? this.pick(SECTORS) : entry.sector;
    const record = await this.send(
      'move',
      MOVE,
      { input: { circleId: entry.circleId, entryId, expectedVersion: entry.version, ring, sector } },
      { ...this.blank(circle), entryId, ring, sector },
      (data, r) => {
        const moved = (data as { moveCircleEntry: EntryAnswer }).moveCircleEntry.entry;
        r.version = moved.version;
        Object.assign(entry, { ring: moved.ring, sector: moved.sector, version: moved.version });
      },
    );
    if (!record.acknowledged) {
      entry.version = null;
      this.stale.add(entry.circleId);
    }
    return record;
  }

  private async remove([entryId, entry]: [string, OwnEntry]): Promise<EditRecord> {
    const circle = this.options.circles.find((c) => c.circleId === entry.circleId) as CircleRef;
    const record = await this.send(
      'remove',
      REMOVE,
      { input: { circleId: entry.circleId, entryId, expectedVersion: entry.version } },
      { ...this.blank(circle), entryId },
      () => undefined,
    );
    // Gone, or (not acknowledged) perhaps gone: either way no longer moved or tied by this editor.
    this.own.delete(entryId);
    return record;
  }

  private tie(ids: readonly string[]): Promise<EditRecord> {
    const from = this.pick(ids);
    const to = this.pick(ids.filter((id) => id !== from));
    const circleId = (this.own.get(from) as OwnEntry).circleId;
    const circle = this.options.circles.find((c) => c.circleId === circleId) as CircleRef;
    return this.send(
      'tie',
      TIE,
      { input: { circleId, fromEntryId: from, toEntryId: to } },
      { ...this.blank(circle), tieId: from < to ? `${from}~${to}` : `${to}~${from}` },
      (data, record) => {
        record.tieId = (data as { addCircleTie: { tie: { id: string } } }).addCircleTie.tie.id;
      },
    );
  }

  private grant(): Promise<EditRecord> {
    const supportWorkerId = this.pick(this.options.grantTo);
    const clientId = this.options.clientId ?? '';
    return this.send(
      'grant',
      GRANT,
      { input: { supportWorkerId, level: 'READ' } },
      { ...this.blank({ circleId: '', clientId }), circleId: null, supportWorkerId },
      (data, record) => {
        record.grantId = (data as { grantAccess: { id: string } }).grantAccess.id;
      },
    );
  }

  private blank(
    circle: CircleRef,
  ): Omit<EditRecord, 'name' | 'kind' | 'accountId' | 'subject' | 'action' | 'acknowledged' | 'failure' | 'sentAt' | 'ms'> {
    return {
      clientId: circle.clientId,
      circleId: circle.circleId,
      entryId: null,
      ring: null,
      sector: null,
      version: null,
      tieId: null,
      grantId: null,
      supportWorkerId: null,
    };
  }
}

/**
 * The environment of the built API (`node api/dist/main.js`) run as a child process by the crash
 * drills and the soak: development mode (they send their own documents, which production refuses),
 * no web app, and every request from 127.0.0.1, so the per-address login limit is not what is tested.
 */
export function apiProcessEnv(neo: { uri: string; user: string; password: string }, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: '/nonexistent',
    LOGIN_ADDRESS_MAX_FAILURES: '10000',
  };
}
