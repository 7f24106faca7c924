import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@wijkkring/api';
import { AUDIT_CSV_COLUMNS, Database, upsertClients, upsertGrants } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, LOGIN, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Audit review (issue 11) through the real server: the admin searches the log by every filter,
 * exports a selection as CSV (itself recorded), verifies the chain and reviews unusual access.
 * The log is shared with every other test: each search here is narrowed to this file's own
 * accounts and today's period, never assuming an empty log.
 */

let db: Database;
let server: RunningServer;
let world: World;
let admin: ApiSession;
let adminAccount: TestAccount;
let client: ApiSession;
let clientAccount: TestAccount;
let worker: ApiSession;
let workerAccount: TestAccount;
let coordinator: ApiSession;
let coordinatorAccount: TestAccount;
let researcher: ApiSession;
/** Three more clients who gave the world's support worker access. */
const others = [randomUUID(), randomUUID(), randomUUID()];
/** A username nobody has, for failed logins. */
const stranger = `niemand-${randomUUID().slice(0, 8)}`;

const today = (): string => new Date().toISOString().slice(0, 10);
const dayOffset = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Entry {
  id: string;
  seq: number;
  at: string;
  actorAccountId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  actorLabel: string | null;
  onBehalfOf: string | null;
  clientRef: string | null;
  subject: string;
  action: string;
  result: string;
  origin: string | null;
  detail: string | null;
}
interface SearchData {
  auditSearch: { nodes: Entry[]; pageInfo: { totalCount: number; hasNextPage: boolean; endCursor: string | null } };
}

const SEARCH = `query ($filter: AuditFilterInput, $first: Int, $after: String) {
  auditSearch(filter: $filter, first: $first, after: $after) {
    nodes { id seq at actorAccountId actorName actorUsername actorRole actorLabel onBehalfOf clientRef subject action result origin detail }
    pageInfo { totalCount hasNextPage endCursor }
  }
}`;
const EXPORT = `query ($filter: AuditFilterInput) { auditExport(filter: $filter) { filename mediaType content rows truncated limit } }`;
const VERIFY = `mutation { verifyAuditChain { ok checked headSeq headHash brokenSeq brokenReason verifiedAt } }`;
const REVIEW = `query ($from: String!, $to: String!, $manyClients: Int, $refusals: Int) {
  auditReview(from: $from, to: $to, manyClients: $manyClients, refusals: $refusals) {
    from to recordsRead truncated manyClients refusals failedLogins windowMinutes
    flags { kind accountId accountName accountUsername actorRole username origin count clients first last
      filter { account origin action result from to } }
  }
}`;

async function search(filter: Record<string, unknown>, first = 100): Promise<SearchData['auditSearch']> {
  const response = await admin.graphql<SearchData>(SEARCH, { filter, first });
  expect(response.errors).toBeUndefined();
  const result = response.data?.auditSearch;
  if (!result) throw new Error('no search result');
  return result;
}

function code(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** A `;`-separated CSV as RFC 4180 reads it: quoted fields may hold `;`, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const table: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      table.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) table.push([...row, field]);
  return table;
}

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  await db.write(async (tx) => {
    await upsertClients(
      tx,
      others.map((id, n) => ({ id, name: `Ander ${String(n)} ${world.tag}`, districtId: world.districtId })),
    );
    await upsertGrants(
      tx,
      [world.clientId, ...others].map((clientId) => ({
        id: randomUUID(),
        clientId,
        supportWorkerId: world.workerId,
        level: 'READ' as const,
        grantedAt: '2026-01-01T00:00:00Z',
        until: null,
      })),
    );
  });
  server = await startTestServer(db);
  adminAccount = await createAccount(db, { role: 'ADMIN' });
  admin = await signedIn(server, adminAccount);
  clientAccount = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
  client = await signedIn(server, clientAccount);
  workerAccount = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
  worker = await signedIn(server, workerAccount);
  coordinatorAccount = await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId });
  coordinator = await signedIn(server, coordinatorAccount);
  researcher = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));

  // What the admin will look for: the client reads their circle; the support worker opens four
  // clients; the coordinator is refused a client's circle five times; someone guesses a password.
  await client.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
  for (const id of [world.clientId, ...others]) await worker.graphql('query ($id: ID!) { client(id: $id) { id } }', { id });
  for (let i = 0; i < 5; i += 1) {
    await coordinator.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
  }
  for (let i = 0; i < 2; i += 1) {
    await new ApiSession(server).graphql(LOGIN, { input: { username: clientAccount.username, password: 'fout-wachtwoord-1' } });
  }
  for (let i = 0; i < 5; i += 1) {
    await new ApiSession(server).graphql(LOGIN, { input: { username: stranger, password: 'fout-wachtwoord-1' } });
  }
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write((tx) => tx.run('MATCH (c:Client) WHERE c.id IN $ids DETACH DELETE c', { ids: others }));
  await world.remove();
  await db.close();
});

describe('searching the audit log (issue 11)', () => {
  it('finds an account’s records by id and by username, newest first, with name and role', async () => {
    const byId = await search({ account: coordinatorAccount.id, from: today(), to: today() });
    const byName = await search({ account: coordinatorAccount.username, from: today(), to: today() });
    expect(byId.pageInfo.totalCount).toBeGreaterThanOrEqual(6); // the login and five refusals
    expect(byName.nodes.map((n) => n.id)).toEqual(byId.nodes.map((n) => n.id));
    const seqs = byId.nodes.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const node of byId.nodes) {
      expect(node).toMatchObject({
        actorAccountId: coordinatorAccount.id,
        actorUsername: coordinatorAccount.username,
        actorRole: 'COORDINATOR',
      });
      expect(node.actorName).toMatch(/^Test /);
    }
  });

  it('shows refused attempts with result DENIED', async () => {
    const refused = await search({ account: coordinatorAccount.id, result: 'DENIED', from: today(), to: today() });
    expect(refused.pageInfo.totalCount).toBe(5);
    expect(refused.nodes.every((n) => n.result === 'DENIED' && n.action === 'READ')).toBe(true);
    const succeeded = await search({ account: coordinatorAccount.id, result: 'SUCCESS' });
    expect(succeeded.nodes.every((n) => n.result === 'SUCCESS')).toBe(true);
    expect(succeeded.nodes.some((n) => n.action === 'LOGIN')).toBe(true);
  });

  it('finds a client’s records by the client’s username and by the pseudonym, without showing the client id', async () => {
    const byUsername = await search({ clientUsername: clientAccount.username, from: today(), to: today() });
    const ref = byUsername.nodes[0]?.clientRef;
    expect(ref).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(byUsername.nodes.every((n) => n.clientRef === ref)).toBe(true);
    // The client's own read and the support worker's look are both there.
    expect(byUsername.nodes.some((n) => n.actorAccountId === clientAccount.id && n.action === 'READ')).toBe(true);
    expect(byUsername.nodes.some((n) => n.actorAccountId === workerAccount.id && n.action === 'READ')).toBe(true);
    const byRef = await search({ client: ref, from: today(), to: today() });
    expect(byRef.nodes.map((n) => n.id)).toEqual(byUsername.nodes.map((n) => n.id));
    expect(JSON.stringify(byUsername)).not.toContain(world.clientId);
  });

  it('filters by action, subject and period', async () => {
    const logins = await search({ account: clientAccount.username, action: 'LOGIN' });
    expect(logins.nodes.map((n) => n.result).sort()).toEqual(['FAILED', 'FAILED', 'SUCCESS']);
    expect(logins.nodes.filter((n) => n.result === 'FAILED').every((n) => n.actorLabel === clientAccount.username)).toBe(true);
    const sessions = await search({ account: coordinatorAccount.id, subject: 'Session' });
    expect(sessions.nodes.length).toBeGreaterThan(0);
    expect(sessions.nodes.every((n) => n.subject === 'Session')).toBe(true);
    const longAgo = await search({ account: coordinatorAccount.id, from: '2020-01-01', to: '2020-12-31' });
    expect(longAgo.pageInfo.totalCount).toBe(0);
    const exact = await search({ account: coordinatorAccount.id, from: `${dayOffset(-1)}T00:00:00Z`, to: dayOffset(1) });
    expect(exact.pageInfo.totalCount).toBeGreaterThanOrEqual(6);
  });

  it('finds failed logins on a username that has no account', async () => {
    const found = await search({ account: stranger, action: 'LOGIN' });
    expect(found.pageInfo.totalCount).toBe(5);
    expect(found.nodes.every((n) => n.actorLabel === stranger && n.actorAccountId === null && n.result !== 'SUCCESS')).toBe(true);
  });

  it('pages through a selection', async () => {
    const all = await search({ account: coordinatorAccount.id });
    const first = await admin.graphql<SearchData>(SEARCH, { filter: { account: coordinatorAccount.id }, first: 2 });
    const page = first.data?.auditSearch;
    expect(page?.nodes).toHaveLength(2);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await admin.graphql<SearchData>(SEARCH, {
      filter: { account: coordinatorAccount.id },
      first: 2,
      after: page?.pageInfo.endCursor,
    });
    expect(second.data?.auditSearch.nodes.map((n) => n.id)).toEqual(all.nodes.slice(2, 4).map((n) => n.id));
  });

  it('records every search as a read of the audit log, with the filter and no name', async () => {
    await search({ clientUsername: clientAccount.username, result: 'DENIED' });
    const records = await search({ account: adminAccount.id, subject: 'AuditLog', action: 'READ' });
    const last = records.nodes[0];
    expect(last?.detail).toContain('search');
    expect(last?.detail).toContain('result=DENIED');
    expect(last?.detail).toMatch(/client=[A-Za-z0-9_-]{32}/);
    expect(last?.detail).not.toContain(clientAccount.username);
  });

  it('searches the last 30 days when neither an account, a client nor a start date is given (issue 11)', async () => {
    const before = Date.now();
    const recent = await search({ result: 'DENIED' });
    expect(recent.nodes.every((n) => Date.parse(n.at) >= before - 31 * 86_400_000)).toBe(true);
    const records = await search({ account: adminAccount.id, subject: 'AuditLog', action: 'READ' });
    const from = /from=(\S+?)(?:,|$| )/.exec(records.nodes[0]?.detail ?? '')?.[1] ?? '';
    const days = (before - Date.parse(from)) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });
});

describe('exporting a selection (issue 11)', () => {
  it('gives a CSV for Dutch spreadsheets whose rows match the search, and records the export', async () => {
    const filter = { account: coordinatorAccount.id, from: today(), to: today() };
    const found = await search(filter);
    const response = await admin.graphql<{
      auditExport: { filename: string; mediaType: string; content: string; rows: number; truncated: boolean; limit: number };
    }>(EXPORT, { filter });
    expect(response.errors).toBeUndefined();
    const file = response.data?.auditExport;
    expect(file?.filename).toMatch(/^wijkkring-auditlog-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file?.mediaType).toContain('text/csv');
    expect(file).toMatchObject({ rows: found.pageInfo.totalCount, truncated: false, limit: 50_000 });
    const content = file?.content ?? '';
    expect(content.startsWith('\uFEFF')).toBe(true);
    expect(content).toContain('\r\n');
    const [header, ...rows] = parseCsv(content.slice(1));
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(found.pageInfo.totalCount);
    const column = (name: (typeof AUDIT_CSV_COLUMNS)[number]): number => AUDIT_CSV_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const node = found.nodes[i];
      expect(row).toHaveLength(AUDIT_CSV_COLUMNS.length);
      expect(row[column('volgnummer')]).toBe(String(node?.seq));
      expect(row[column('tijd_utc')]).toBe(node?.at);
      expect(row[column('account_id')]).toBe(coordinatorAccount.id);
      expect(row[column('gebruikersnaam')]).toBe(coordinatorAccount.username);
      expect(row[column('resultaat')]).toBe(node?.result);
      expect(row[column('actie')]).toBe(node?.action);
    });

    const exports = await search({ account: adminAccount.id, action: 'EXPORT', from: today(), to: today() });
    expect(exports.pageInfo.totalCount).toBe(1);
    expect(exports.nodes[0]).toMatchObject({ subject: 'AuditLog', result: 'SUCCESS', actorRole: 'ADMIN' });
    expect(exports.nodes[0]?.detail).toContain(`account=${coordinatorAccount.id}`);
    expect(exports.nodes[0]?.detail).toContain(`${String(found.pageInfo.totalCount)} records`);
    expect(exports.nodes[0]?.detail).not.toContain(coordinatorAccount.username);
  });
});

describe('verifying the chain from the screen (issue 11)', () => {
  it('walks the real chain and finds it intact, and records the check', async () => {
    const response = await admin.graphql<{
      verifyAuditChain: { ok: boolean; checked: number; headSeq: number; headHash: string; brokenSeq: number | null };
    }>(VERIFY);
    expect(response.errors).toBeUndefined();
    const result = response.data?.verifyAuditChain;
    expect(result?.ok).toBe(true);
    expect(result?.brokenSeq).toBeNull();
    expect(result?.checked).toBeGreaterThan(0);
    expect(result?.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result?.headSeq).toBeGreaterThanOrEqual(result?.checked ?? 0);
    const records = await search({ account: adminAccount.id, subject: 'AuditLog', action: 'READ' });
    expect(records.nodes.some((n) => n.detail?.startsWith('chain verified: ') === true)).toBe(true);
  });
});

describe('reviewing unusual access (issue 11)', () => {
  it('flags a support worker opening many clients, repeated refusals and failed logins, each with its search', async () => {
    const response = await admin.graphql<{
      auditReview: {
        manyClients: number;
        refusals: number;
        failedLogins: number;
        windowMinutes: number;
        truncated: boolean;
        flags: {
          kind: string;
          accountId: string | null;
          accountName: string | null;
          accountUsername: string | null;
          actorRole: string | null;
          username: string | null;
          count: number;
          clients: number;
          first: string;
          last: string;
          filter: {
            account: string | null;
            origin: string | null;
            action: string | null;
            result: string | null;
            from: string;
            to: string;
          };
        }[];
      };
    }>(REVIEW, { from: dayOffset(-1), to: today(), manyClients: 4 });
    expect(response.errors).toBeUndefined();
    const review = response.data?.auditReview;
    expect(review).toMatchObject({ manyClients: 4, refusals: 5, failedLogins: 5, windowMinutes: 60 });
    const flags = review?.flags ?? [];

    const many = flags.find((f) => f.kind === 'MANY_CLIENTS' && f.accountId === workerAccount.id);
    expect(many).toMatchObject({ actorRole: 'SUPPORT_WORKER', accountUsername: workerAccount.username, clients: 4 });
    expect(many?.accountName).toMatch(/^Test /);
    expect(Date.parse(many?.last ?? '') - Date.parse(many?.first ?? '')).toBeLessThan(3_600_000);

    const refusals = flags.find((f) => f.kind === 'REPEATED_REFUSALS' && f.accountId === coordinatorAccount.id);
    expect(refusals).toMatchObject({ count: 5, actorRole: 'COORDINATOR' });
    expect(refusals?.filter).toMatchObject({ account: coordinatorAccount.username, result: 'DENIED' });
    // The flag's filter opens exactly the records behind it.
    const opened = await search({ ...refusals?.filter });
    expect(opened.pageInfo.totalCount).toBe(5);

    const logins = flags.find((f) => f.kind === 'FAILED_LOGINS' && f.username === stranger);
    expect(logins).toMatchObject({ count: 5, accountId: null });
    // Two failed logins on the client's account stay below the threshold.
    expect(flags.some((f) => f.kind === 'FAILED_LOGINS' && f.username === clientAccount.username)).toBe(false);
    // Reading one's own circle is not unusual.
    expect(flags.some((f) => f.accountId === clientAccount.id)).toBe(false);

    const records = await search({ account: adminAccount.id, subject: 'AuditLog', action: 'READ' });
    expect(records.nodes.some((n) => n.detail?.startsWith('review from=') === true)).toBe(true);
  });

  it('with the default threshold of ten clients, four clients are not flagged', async () => {
    const response = await admin.graphql<{
      auditReview: { manyClients: number; flags: { kind: string; accountId: string | null }[] };
    }>(REVIEW, { from: today(), to: today() });
    expect(response.data?.auditReview.manyClients).toBe(10);
    expect(response.data?.auditReview.flags.some((f) => f.kind === 'MANY_CLIENTS' && f.accountId === workerAccount.id)).toBe(
      false,
    );
  });
});

describe('who may review the audit log (issue 11)', () => {
  it('refuses every role but the admin, for every operation, and gives no data', async () => {
    const sessions: Record<string, ApiSession> = {
      ANONYMOUS: new ApiSession(server),
      CLIENT: client,
      SUPPORT_WORKER: worker,
      COORDINATOR: coordinator,
      RESEARCHER: researcher,
    };
    const operations: [string, Record<string, unknown>][] = [
      [SEARCH, { filter: {} }],
      [EXPORT, { filter: {} }],
      [REVIEW, { from: today(), to: today() }],
      [VERIFY, {}],
    ];
    for (const [role, session] of Object.entries(sessions)) {
      for (const [query, variables] of operations) {
        const response = await session.graphql(query, variables);
        expect([role, code(response)]).toEqual([role, role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
        expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
      }
    }
  });
});

describe('bad input (issue 11)', () => {
  it('answers INVALID_INPUT with the field for a period backwards, an unknown action, or too long a text', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ from: '2026-11-30', to: '2026-11-01' }, 'filter.to'],
      [{ action: 'PEEK' }, 'filter.action'],
      [{ result: 'MAYBE' }, 'filter.result'],
      [{ account: 'x'.repeat(81) }, 'filter.account'],
      [{ subject: 'S'.repeat(81) }, 'filter.subject'],
      [{ clientUsername: 'x'.repeat(81) }, 'filter.clientUsername'],
      [{ client: 'not a pseudonym!' }, 'filter.client'],
      [{ from: '30-11-2026' }, 'filter.from'],
      [{ from: '2026-02-31' }, 'filter.from'],
      [{ client: 'abc', clientUsername: clientAccount.username }, 'filter.clientUsername'],
    ];
    for (const [filter, field] of cases) {
      for (const query of [SEARCH, EXPORT]) {
        const response = await admin.graphql(query, { filter });
        expect([JSON.stringify(filter), code(response), response.errors?.[0]?.extensions?.field]).toEqual([
          JSON.stringify(filter),
          'INVALID_INPUT',
          field,
        ]);
      }
    }
    const backwards = await admin.graphql(REVIEW, { from: '2026-11-30', to: '2026-11-01' });
    expect(code(backwards)).toBe('INVALID_INPUT');
    const tooLong = await admin.graphql(REVIEW, { from: '2026-01-01', to: '2026-11-30' });
    expect(code(tooLong)).toBe('INVALID_INPUT');
    const badThreshold = await admin.graphql(REVIEW, { from: today(), to: today(), manyClients: 1 });
    expect(code(badThreshold)).toBe('INVALID_INPUT');
  });

  it('answers NOT_FOUND for a username that is not a client’s', async () => {
    for (const username of [`niemand-${randomUUID().slice(0, 8)}`, workerAccount.username]) {
      const response = await admin.graphql(SEARCH, { filter: { clientUsername: username } });
      expect(code(response)).toBe('NOT_FOUND');
      expect(response.errors?.[0]?.extensions?.field).toBe('filter.clientUsername');
    }
  });
});
