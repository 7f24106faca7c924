import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { activationCodeHash, auditHead, Database, upsertGrants } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount as createTestAccount, freshCode, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, LOGIN, signedIn, startTestServer, VERIFY, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Accounts (issue 11, part A1) through the real server: an admin makes an account for every role
 * with its person, organisation and wijken, and gets a one-time activation code (stored only as a
 * hash, valid 72 hours, once); the person activates it (password, and a second factor for
 * professionals); the admin changes role, organisation and wijken, resets the second factor, turns
 * the account off and on, and lists accounts. Every step is audited, a client's under the client.
 */

const ACCOUNT_LIMIT = 3;
let db: Database;
let server: RunningServer;
let world: World;
let admin: ApiSession;
const refused: Record<string, ApiSession> = {};
const made: { accountIds: string[]; usernames: string[] } = { accountIds: [], usernames: [] };

const tag = (): string => randomUUID().slice(0, 8);

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  server = await startTestServer(db, { LOGIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_LIMIT) });
  admin = await signedIn(server, await createTestAccount(db, { role: 'ADMIN' }));
  refused.ANONYMOUS = new ApiSession(server);
  refused.CLIENT = await signedIn(server, await createTestAccount(db, { role: 'CLIENT', personId: world.clientId }));
  refused.SUPPORT_WORKER = await signedIn(
    server,
    await createTestAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }),
  );
  refused.COORDINATOR = await signedIn(
    server,
    await createTestAccount(db, { role: 'COORDINATOR', districtId: world.districtId }),
  );
  refused.RESEARCHER = await signedIn(server, await createTestAccount(db, { role: 'RESEARCHER' }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run(
      `MATCH (a:Account) WHERE a.id IN $ids
       OPTIONAL MATCH (a)-[:SIGNS_IN_AS]->(p:Person)
       OPTIONAL MATCH (c:NetworkCircle)-[:OF]->(p)
       OPTIONAL MATCH (s:Session {accountId: a.id})
       DETACH DELETE a, p, c, s`,
      { ids: made.accountIds },
    );
    const keys = made.usernames.flatMap((u) => [`account:${u}`, `activation:${u}`]);
    await tx.run('MATCH (t:LoginThrottle) WHERE t.key IN $keys DELETE t', { keys });
  });
  await world.remove();
  await db.close();
});

interface AccountShape {
  id: string;
  username: string;
  role: string;
  displayName: string;
  active: boolean;
  activated: boolean;
  totpEnabled: boolean;
  activationExpiresAt: string | null;
  organisationId: string | null;
  organisationName: string | null;
  districts: { id: string; name: string }[];
}

const ACCOUNT_FIELDS =
  'id username role displayName active activated totpEnabled activationExpiresAt organisationId organisationName districts { id name }';

const CREATE = `mutation ($input: CreateAccountInput!) {
  createAccount(input: $input) { account { ${ACCOUNT_FIELDS} } activation { code expiresAt } }
}`;
const ISSUE = `mutation ($id: ID!) {
  issueActivationCode(input: { accountId: $id }) { account { id activationExpiresAt } activation { code expiresAt } }
}`;
const UPDATE = `mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { account { ${ACCOUNT_FIELDS} } } }`;
const RESET = 'mutation ($id: ID!) { resetSecondFactor(input: { accountId: $id }) { account { id totpEnabled } } }';
const SET_ACTIVE =
  'mutation ($id: ID!, $on: Boolean!) { setAccountActive(input: { accountId: $id, active: $on }) { id active } }';
const ACTIVATE = `mutation ($input: ActivateAccountInput!) {
  activateAccount(input: $input) { status totpSetup { secret uri } viewer { username role district { id } districts { id name } } }
}`;
const CONFIRM =
  'mutation ($code: String!) { confirmTotpSetup(input: { code: $code }) { status viewer { username role district { id } districts { id } } } }';
const LIST = `query ($role: Role, $active: Boolean, $organisationId: ID, $districtId: ID, $search: String, $first: Int!, $after: String) {
  accounts(role: $role, active: $active, organisationId: $organisationId, districtId: $districtId, search: $search, first: $first, after: $after) {
    nodes { id username role displayName active organisationId districts { id } }
    pageInfo { hasNextPage endCursor totalCount }
  }
}`;

interface Created {
  account: AccountShape;
  code: string;
  expiresAt: string;
}

type CreateInput = {
  role: string;
  displayName?: string;
  username?: string;
  organisationId?: string | null;
  districtIds?: string[];
};

function input(values: CreateInput): Record<string, unknown> {
  const suffix = tag();
  return { displayName: `Nieuw ${suffix}`, username: `nieuw-${suffix}`, ...values };
}

async function create(values: CreateInput): Promise<Created> {
  const sent = input(values);
  const response = await admin.graphql<{
    createAccount: { account: AccountShape; activation: { code: string; expiresAt: string } };
  }>(CREATE, { input: sent });
  const payload = response.data?.createAccount;
  if (!payload) throw new Error(`createAccount failed: ${JSON.stringify(response.errors)}`);
  made.accountIds.push(payload.account.id);
  made.usernames.push(payload.account.username);
  return { account: payload.account, code: payload.activation.code, expiresAt: payload.activation.expiresAt };
}

const codeOf = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions?.code;
const fieldOf = (response: GraphQLResponse): string | null | undefined => response.errors?.[0]?.extensions?.field;

function activate(session: ApiSession, username: string, code: string, password = `nieuw-wachtwoord-${tag()}`) {
  return session.graphql<{
    activateAccount: {
      status: string;
      totpSetup: { secret: string; uri: string } | null;
      viewer: {
        username: string;
        role: string;
        district: { id: string } | null;
        districts: { id: string; name: string }[];
      } | null;
    };
  }>(ACTIVATE, { input: { username, code, password } });
}

async function auditSince(seq: number): Promise<Record<string, unknown>[]> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (r:AuditRecord) WHERE r.seq > $seq RETURN r {.*} AS r ORDER BY r.seq', { seq });
    return result.records.map((r) => r.get('r') as Record<string, unknown>);
  });
}

async function headSeq(): Promise<number> {
  return (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
}

/** Every property of an account node, as stored. */
async function storedAccount(id: string): Promise<Record<string, unknown>> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (a:Account {id: $id}) RETURN properties(a) AS a', { id });
    return result.records[0]?.get('a') as Record<string, unknown>;
  });
}

describe('making accounts (issue 11)', () => {
  it('makes a support worker at an organisation, with a code shown once that is stored only as its hash (issue 11)', async () => {
    const before = Date.now();
    const { account, code, expiresAt } = await create({ role: 'SUPPORT_WORKER', organisationId: world.organisations.team.id });
    expect(account).toMatchObject({
      role: 'SUPPORT_WORKER',
      active: true,
      activated: false,
      totpEnabled: false,
      organisationId: world.organisations.team.id,
      districts: [],
    });
    // At least 80 random bits: 20 characters of a 32-letter alphabet, in groups of four.
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    // Valid 72 hours.
    const validFor = Date.parse(expiresAt) - before;
    expect(validFor).toBeGreaterThan(72 * 3600_000 - 60_000);
    expect(validFor).toBeLessThanOrEqual(72 * 3600_000 + 1_000);
    // The database holds the hash and nothing from which the code can be read.
    const stored = await storedAccount(account.id);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(code);
    expect(text).not.toContain(code.replace(/-/g, ''));
    expect(stored.activationHash).toBe(activationCodeHash(code));
    expect(stored.passwordHash ?? null).toBeNull();
    // Nothing in the API gives the code back.
    const listed = await admin.graphql(LIST, { search: account.username, first: 5 });
    expect(JSON.stringify(listed)).not.toContain(code.replace(/-/g, ''));
    // The person works at the organisation, as a support worker a client can find.
    const person = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (:Account {id: $id})-[:SIGNS_IN_AS]->(p:Person:SupportWorker)-[:WORKS_AT]->(o:Organisation)
         RETURN p.name AS name, o.id AS organisationId`,
        { id: account.id },
      );
      return result.records.map((r) => r.toObject());
    });
    expect(person).toEqual([{ name: account.displayName, organisationId: world.organisations.team.id }]);
  });

  it('makes a client with their wijk and an open circle, as the seed does, and records it under the client (issue 11)', async () => {
    const seq = await headSeq();
    const { account } = await create({ role: 'CLIENT', districtIds: [world.districtId] });
    const client = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (:Account {id: $id})-[:SIGNS_IN_AS]->(c:Person:Client)-[:LIVES_IN]->(d:District)
         RETURN c.id AS id, d.id AS districtId,
                [(n:NetworkCircle)-[:OF]->(c) | {frozen: n.frozenAt IS NOT NULL, entries: COUNT { (n)-[:PLACES]->() }}] AS circles`,
        { id: account.id },
      );
      return result.records[0]?.toObject() as { id: string; districtId: string; circles: { frozen: boolean; entries: number }[] };
    });
    expect(client.districtId).toBe(world.districtId);
    expect(client.circles).toEqual([{ frozen: false, entries: 0 }]);
    expect(account.districts.map((d) => d.id)).toEqual([world.districtId]);
    const records = await auditSince(seq);
    expect(records).toContainEqual(
      expect.objectContaining({
        subject: 'Account',
        action: 'CREATE',
        result: 'SUCCESS',
        clientRef: clientRef(DEVELOPMENT_PSEUDONYM_KEY, client.id),
      }),
    );
  });

  it('makes a coordinator with two wijken (the first first), a researcher and an admin (issue 11)', async () => {
    const coordinator = await create({ role: 'COORDINATOR', districtIds: [world.otherDistrictId, world.districtId] });
    expect(coordinator.account.districts.map((d) => d.id)).toEqual([world.otherDistrictId, world.districtId]);
    const researcher = await create({ role: 'RESEARCHER' });
    const administrator = await create({ role: 'ADMIN' });
    expect([researcher.account.role, administrator.account.role]).toEqual(['RESEARCHER', 'ADMIN']);
    expect(researcher.account.organisationId).toBeNull();
  });

  it('refuses bad input with a code and a field, and writes nothing (issue 11)', async () => {
    const suffix = tag();
    const taken = await create({ role: 'RESEARCHER' });
    const cases: [CreateInput, string, string | null][] = [
      [{ role: 'SUPPORT_WORKER', organisationId: randomUUID() }, 'NOT_FOUND', 'input.organisationId'],
      [{ role: 'COORDINATOR', districtIds: [randomUUID()] }, 'NOT_FOUND', 'input.districtIds'],
      [{ role: 'COORDINATOR', districtIds: [] }, 'INVALID_INPUT', 'input.districtIds'],
      [{ role: 'COORDINATOR' }, 'INVALID_INPUT', 'input.districtIds'],
      [{ role: 'SUPPORT_WORKER' }, 'INVALID_INPUT', 'input.organisationId'],
      [{ role: 'CLIENT', districtIds: [world.districtId, world.otherDistrictId] }, 'INVALID_INPUT', 'input.districtIds'],
      [
        { role: 'CLIENT', districtIds: [world.districtId], organisationId: world.organisations.team.id },
        'INVALID_INPUT',
        'input.organisationId',
      ],
      [{ role: 'RESEARCHER', districtIds: [world.districtId] }, 'INVALID_INPUT', 'input.districtIds'],
      [{ role: 'COORDINATOR', districtIds: [world.districtId, world.districtId] }, 'INVALID_INPUT', 'input.districtIds'],
      [{ role: 'RESEARCHER', username: taken.account.username }, 'CONFLICT', 'input.username'],
      [{ role: 'RESEARCHER', username: taken.account.username.toUpperCase() }, 'CONFLICT', 'input.username'],
      [{ role: 'RESEARCHER', displayName: 'x'.repeat(81) }, 'INVALID_INPUT', 'input.displayName'],
      [{ role: 'RESEARCHER', displayName: '   ' }, 'INVALID_INPUT', 'input.displayName'],
      [{ role: 'RESEARCHER', username: `met spatie ${suffix}` }, 'INVALID_INPUT', 'input.username'],
      [{ role: 'RESEARCHER', username: 'a'.repeat(65) }, 'INVALID_INPUT', 'input.username'],
      [{ role: 'RESEARCHER', username: 'ab' }, 'INVALID_INPUT', 'input.username'],
      [{ role: 'RESEARCHER', organisationId: 'geen-uuid' }, 'INVALID_INPUT', 'input.organisationId'],
    ];
    const problems: string[] = [];
    for (const [values, code, field] of cases) {
      const name = `Fout ${suffix} ${String(problems.length)}`;
      const response = await admin.graphql(CREATE, { input: input({ displayName: name, ...values }) });
      if (codeOf(response) !== code || fieldOf(response) !== field)
        problems.push(`${JSON.stringify(values).slice(0, 120)}: ${JSON.stringify(response.errors?.[0]?.extensions)}`);
    }
    expect(problems).toEqual([]);
    // Wrong role values never reach the resolver.
    for (const role of ['BOSS', 'admin', '']) {
      const response = await admin.graphql(CREATE, { input: input({ role }) });
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.length).toBeGreaterThan(0);
    }
    // Nothing half-written: no person or account with these names exists.
    const left = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (n) WHERE (n:Person AND n.name STARTS WITH $prefix) OR (n:Account AND n.displayName STARTS WITH $prefix)
         RETURN count(n) AS n`,
        { prefix: `Fout ${suffix}` },
      );
      return Number(result.records[0]?.get('n') ?? -1);
    });
    expect(left).toBe(0);
  });

  it('refuses every account step to everyone but an admin (issue 11)', async () => {
    const target = await create({ role: 'RESEARCHER' });
    const steps: [string, Record<string, unknown>][] = [
      [CREATE, { input: input({ role: 'RESEARCHER' }) }],
      [ISSUE, { id: target.account.id }],
      [UPDATE, { input: { accountId: target.account.id, role: 'ADMIN' } }],
      [RESET, { id: target.account.id }],
      [SET_ACTIVE, { id: target.account.id, on: false }],
      [LIST, { first: 5 }],
    ];
    const problems: string[] = [];
    for (const [role, session] of Object.entries(refused)) {
      for (const [query, variables] of steps) {
        const response = await session.graphql(query, variables);
        const expected = role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (codeOf(response) !== expected || response.data)
          problems.push(`${role}: ${query.slice(0, 40)} → ${JSON.stringify(response)}`);
      }
    }
    expect(problems).toEqual([]);
    const after = await storedAccount(target.account.id);
    expect(after).toMatchObject({ role: 'RESEARCHER', active: true, activationHash: activationCodeHash(target.code) });
  });
});

describe('activation (issue 11)', () => {
  it('activates a professional: password, then a new second factor, then a normal login (issue 11)', async () => {
    const { account, code } = await create({
      role: 'COORDINATOR',
      organisationId: world.organisations.team.id,
      districtIds: [world.otherDistrictId, world.districtId],
    });
    const seq = await headSeq();
    const session = new ApiSession(server);
    const password = `mijn-wachtwoord-${tag()}`;
    // Typed in lower case, without dashes: the same code.
    const first = await activate(session, account.username.toUpperCase(), code.toLowerCase().replace(/-/g, ' '), password);
    expect(first.data?.activateAccount.status).toBe('TOTP_SETUP_REQUIRED');
    const secret = first.data?.activateAccount.totpSetup?.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    // Not signed in before the second factor is set up.
    expect((await session.graphql<{ viewer: unknown }>('{ viewer { username } }')).data?.viewer).toBeNull();
    const testAccount: TestAccount = {
      id: account.id,
      username: account.username,
      password,
      role: 'COORDINATOR',
      totpSecret: secret,
      personId: '',
    };
    const confirmed = await session.graphql<{
      confirmTotpSetup: { status: string; viewer: { username: string; district: { id: string }; districts: { id: string }[] } };
    }>(CONFIRM, { code: await freshCode(testAccount) });
    expect(confirmed.data?.confirmTotpSetup).toMatchObject({
      status: 'SIGNED_IN',
      viewer: {
        username: account.username,
        // Both wijken, the first one first; `district` is the first.
        district: { id: world.otherDistrictId },
        districts: [{ id: world.otherDistrictId }, { id: world.districtId }],
      },
    });
    // The code worked once.
    const again = await activate(new ApiSession(server), account.username, code);
    expect(codeOf(again)).toBe('INVALID_CREDENTIALS');
    const stored = await storedAccount(account.id);
    expect(stored.activationHash ?? null).toBeNull();
    expect(stored.totpEnabled).toBe(true);
    // The coordinator's second wijk is their own too (ownDistrict holds for every wijk).
    const actions = await session.graphql('query ($d: ID!) { wijkActions(districtId: $d) { id } }', { d: world.districtId });
    expect(actions.errors).toBeUndefined();
    // And the normal login works with the new password and second factor.
    const later = await signedIn(server, testAccount);
    const me = await later.graphql<{ viewer: { username: string } }>('{ viewer { username } }');
    expect(me.data?.viewer.username).toBe(account.username);
    // Activation is audited.
    const records = await auditSince(seq);
    expect(records).toContainEqual(
      expect.objectContaining({ subject: 'Account', action: 'UPDATE', result: 'SUCCESS', detail: 'account activated' }),
    );
  });

  it('signs a client in after activation, with the activation in the client’s trail (issue 11)', async () => {
    const { account, code } = await create({ role: 'CLIENT', districtIds: [world.districtId] });
    const clientId = await clientIdOf(account.id);
    const seq = await headSeq();
    const session = new ApiSession(server);
    const response = await activate(session, account.username, code);
    expect(response.data?.activateAccount).toMatchObject({
      status: 'SIGNED_IN',
      viewer: { username: account.username, role: 'CLIENT' },
    });
    const circle = await session.graphql<{ viewer: { clientId: string } }>('{ viewer { clientId } }');
    expect(circle.data?.viewer.clientId).toBe(clientId);
    const records = await auditSince(seq);
    expect(records).toContainEqual(
      expect.objectContaining({
        detail: 'account activated',
        result: 'SUCCESS',
        clientRef: clientRef(DEVELOPMENT_PSEUDONYM_KEY, clientId),
      }),
    );
  });

  it('answers a wrong, used or expired code and an unknown username alike, and records each (issue 11)', async () => {
    const { account, code } = await create({ role: 'RESEARCHER' });
    const seq = await headSeq();
    const wrongCode = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    const unknown = await activate(new ApiSession(server), `niemand-${tag()}`, code);
    const wrong = await activate(new ApiSession(server), account.username, wrongCode);
    const garbage = await activate(new ApiSession(server), account.username, 'geen code');
    for (const response of [unknown, wrong, garbage]) {
      expect(codeOf(response)).toBe('INVALID_CREDENTIALS');
      expect(response.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
      expect(response.data ?? null).toBeNull();
    }
    // A password that breaks the rules is told as such (before the code is looked at).
    const short = await activate(new ApiSession(server), account.username, code, 'kort');
    expect([codeOf(short), fieldOf(short)]).toEqual(['INVALID_INPUT', 'input.password']);
    // Expired: the clock moved past 72 hours (the stored end moved back instead).
    await db.write((tx) =>
      tx.run('MATCH (a:Account {id: $id}) SET a.activationExpiresAt = $past', { id: account.id, past: Date.now() - 1 }),
    );
    const expired = await activate(new ApiSession(server), account.username, code);
    expect(codeOf(expired)).toBe('INVALID_CREDENTIALS');
    expect(expired.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect((await storedAccount(account.id)).passwordHash ?? null).toBeNull();
    const failedRecords = (await auditSince(seq)).filter((r) => r.detail === 'activation refused');
    expect(failedRecords.length).toBe(4);
  });

  it('limits activation attempts like logins, and a new code replaces the old one (issue 11)', async () => {
    const { account, code } = await create({ role: 'ADMIN' });
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect(codeOf(await activate(new ApiSession(server), account.username, 'AAAA-AAAA-AAAA-AAAA-AAAA'))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const limited = await activate(new ApiSession(server), account.username, code);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect((await storedAccount(account.id)).passwordHash ?? null).toBeNull();
    await db.write((tx) => tx.run('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key: `activation:${account.username}` }));

    // A new code: the old one stops working, the new one works.
    const issued = await admin.graphql<{ issueActivationCode: { activation: { code: string } } }>(ISSUE, { id: account.id });
    const fresh = issued.data?.issueActivationCode.activation.code ?? '';
    expect(fresh).not.toBe(code);
    expect(codeOf(await activate(new ApiSession(server), account.username, code))).toBe('INVALID_CREDENTIALS');
    const ok = await activate(new ApiSession(server), account.username, fresh);
    expect(ok.data?.activateAccount.status).toBe('TOTP_SETUP_REQUIRED');
  });
});

describe('no account taken over through Beheer (issue 11)', () => {
  it('gives no new activation code for an account that was activated, so an admin cannot choose its password (issue 11)', async () => {
    const { account, code } = await create({ role: 'CLIENT', districtIds: [world.districtId] });
    const first = await activate(new ApiSession(server), account.username, code);
    expect(first.data?.activateAccount.status).toBe('SIGNED_IN');
    const before = await storedAccount(account.id);
    const issued = await admin.graphql(ISSUE, { id: account.id });
    expect(codeOf(issued)).toBe('CONFLICT');
    expect(issued.data ?? null).toBeNull();
    // Nothing changed, and the used code does not work a second time either.
    expect(await storedAccount(account.id)).toEqual(before);
    expect(codeOf(await activate(new ApiSession(server), account.username, code))).toBe('INVALID_CREDENTIALS');
  });
});

async function clientIdOf(accountId: string): Promise<string> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (:Account {id: $id})-[:SIGNS_IN_AS]->(c:Client) RETURN c.id AS id', { id: accountId });
    return result.records[0]?.get('id') as string;
  });
}

/** Activates a researcher account and signs it in fully; returns the session and what it needs to sign in again. */
async function activeProfessional(role: 'RESEARCHER' | 'SUPPORT_WORKER' = 'RESEARCHER'): Promise<{
  session: ApiSession;
  account: AccountShape;
  testAccount: TestAccount;
}> {
  const { account, code } = await create(
    role === 'SUPPORT_WORKER' ? { role, organisationId: world.organisations.care.id } : { role },
  );
  const session = new ApiSession(server);
  const password = `wachtwoord-${tag()}`;
  const first = await activate(session, account.username, code, password);
  const secret = first.data?.activateAccount.totpSetup?.secret ?? '';
  const testAccount: TestAccount = {
    id: account.id,
    username: account.username,
    password,
    role,
    totpSecret: secret,
    personId: '',
  };
  const confirmed = await session.graphql<{ confirmTotpSetup: { status: string } }>(CONFIRM, {
    code: await freshCode(testAccount),
  });
  expect(confirmed.data?.confirmTotpSetup.status).toBe('SIGNED_IN');
  return { session, account, testAccount };
}

const viewerOf = async (session: ApiSession): Promise<unknown> =>
  (await session.graphql<{ viewer: unknown }>('{ viewer { username role } }')).data?.viewer ?? null;

describe('changing accounts (issue 11)', () => {
  it('changes role, organisation and wijken; a changed role ends the sessions (issue 11)', async () => {
    const { session, account } = await activeProfessional('SUPPORT_WORKER');
    const seq = await headSeq();
    // Another organisation: the session stays.
    const moved = await admin.graphql<{ updateAccount: { account: AccountShape } }>(UPDATE, {
      input: { accountId: account.id, role: 'SUPPORT_WORKER', organisationId: world.organisations.walkIn.id },
    });
    expect(moved.data?.updateAccount.account.organisationId).toBe(world.organisations.walkIn.id);
    expect(await viewerOf(session)).toMatchObject({ role: 'SUPPORT_WORKER' });
    // A client gave this begeleider access.
    const personId = await db.read(async (tx) => {
      const result = await tx.run('MATCH (:Account {id: $id})-[:SIGNS_IN_AS]->(p) RETURN p.id AS id', { id: account.id });
      return result.records[0]?.get('id') as string;
    });
    await db.write((tx) =>
      upsertGrants(tx, [
        {
          id: randomUUID(),
          clientId: world.clientId,
          supportWorkerId: personId,
          level: 'READ',
          grantedAt: '2026-01-01T00:00:00Z',
          until: null,
        },
      ]),
    );
    // Another role, with wijken: the sessions end, and so does the client's grant (it would come back with the role).
    const promoted = await admin.graphql<{ updateAccount: { account: AccountShape } }>(UPDATE, {
      input: { accountId: account.id, role: 'COORDINATOR', districtIds: [world.districtId, world.otherDistrictId] },
    });
    expect(promoted.data?.updateAccount.account).toMatchObject({
      role: 'COORDINATOR',
      organisationId: null,
      districts: [{ id: world.districtId }, { id: world.otherDistrictId }],
    });
    expect(await viewerOf(session)).toBeNull();
    const labels = await db.read(async (tx) => {
      const result = await tx.run('MATCH (:Account {id: $id})-[:SIGNS_IN_AS]->(p) RETURN labels(p) AS l', { id: account.id });
      return result.records[0]?.get('l') as string[];
    });
    const running = await db.read(async (tx) => {
      const result = await tx.run(
        'MATCH ()-[g:GRANTS_ACCESS]->(:Person {id: $p}) WHERE g.revokedAt IS NULL RETURN count(g) AS n',
        {
          p: personId,
        },
      );
      return Number(result.records[0]?.get('n'));
    });
    expect(running).toBe(0);
    expect(await auditSince(seq)).toContainEqual(
      expect.objectContaining({
        subject: 'Account',
        result: 'SUCCESS',
        clientRef: clientRef(DEVELOPMENT_PSEUDONYM_KEY, world.clientId),
        detail: `account ${account.id}: role changed (SUPPORT_WORKER to COORDINATOR)`,
      }),
    );
    expect(labels).toContain('Coordinator');
    expect(labels).not.toContain('SupportWorker');
    // Only wijken change.
    const narrowed = await admin.graphql<{ updateAccount: { account: AccountShape } }>(UPDATE, {
      input: { accountId: account.id, role: 'COORDINATOR', districtIds: [world.otherDistrictId] },
    });
    expect(narrowed.data?.updateAccount.account.districts.map((d) => d.id)).toEqual([world.otherDistrictId]);
    const records = (await auditSince(seq)).filter((r) => r.subject === 'Account' && r.action === 'UPDATE');
    // Each record names the account it changed.
    expect(records.map((r) => r.detail)).toEqual([
      `account ${account.id} changed`,
      `account ${account.id}: role changed (SUPPORT_WORKER to COORDINATOR)`,
      `account ${account.id} changed`,
    ]);
  });

  it('refuses bad changes with a field, and keeps a client a client (issue 11)', async () => {
    const professional = await create({ role: 'RESEARCHER' });
    const client = await create({ role: 'CLIENT', districtIds: [world.districtId] });
    const cases: [Record<string, unknown>, string, string | null][] = [
      [{ accountId: professional.account.id, role: 'COORDINATOR', districtIds: [] }, 'INVALID_INPUT', 'input.districtIds'],
      [
        { accountId: professional.account.id, role: 'COORDINATOR', districtIds: [randomUUID()] },
        'NOT_FOUND',
        'input.districtIds',
      ],
      [
        { accountId: professional.account.id, role: 'SUPPORT_WORKER', organisationId: randomUUID() },
        'NOT_FOUND',
        'input.organisationId',
      ],
      [{ accountId: professional.account.id, role: 'CLIENT', districtIds: [world.districtId] }, 'INVALID_INPUT', 'input.role'],
      [{ accountId: client.account.id, role: 'RESEARCHER' }, 'INVALID_INPUT', 'input.role'],
      [{ accountId: randomUUID(), role: 'RESEARCHER' }, 'NOT_FOUND', 'input.accountId'],
    ];
    const problems: string[] = [];
    for (const [values, code, field] of cases) {
      const response = await admin.graphql(UPDATE, { input: values });
      if (codeOf(response) !== code || fieldOf(response) !== field)
        problems.push(`${JSON.stringify(values)}: ${JSON.stringify(response.errors?.[0]?.extensions)}`);
    }
    expect(problems).toEqual([]);
    expect(await storedAccount(professional.account.id)).toMatchObject({ role: 'RESEARCHER' });
  });

  it('resets the second factor: every session ends, the next login sets up a new one (issue 11)', async () => {
    const { session, account, testAccount } = await activeProfessional();
    const reset = await admin.graphql<{ resetSecondFactor: { account: { totpEnabled: boolean } } }>(RESET, { id: account.id });
    expect(reset.data?.resetSecondFactor.account.totpEnabled).toBe(false);
    expect(await viewerOf(session)).toBeNull();
    const again = new ApiSession(server);
    const login = await again.graphql<{ login: { status: string; totpSetup: { secret: string } | null } }>(LOGIN, {
      input: { username: testAccount.username, password: testAccount.password },
    });
    expect(login.data?.login.status).toBe('TOTP_SETUP_REQUIRED');
    // The old secret no longer opens anything.
    expect(login.data?.login.totpSetup?.secret).not.toBe(testAccount.totpSecret);
  });

  it('turns an account off (sessions end, no login) and on again, recorded under a client (issue 11)', async () => {
    const { account, code } = await create({ role: 'CLIENT', districtIds: [world.districtId] });
    const clientId = await clientIdOf(account.id);
    const password = `wachtwoord-${tag()}`;
    const session = new ApiSession(server);
    expect((await activate(session, account.username, code, password)).data?.activateAccount.status).toBe('SIGNED_IN');
    const seq = await headSeq();
    const off = await admin.graphql<{ setAccountActive: { active: boolean } }>(SET_ACTIVE, { id: account.id, on: false });
    expect(off.data?.setAccountActive.active).toBe(false);
    expect(await viewerOf(session)).toBeNull();
    const refusedLogin = await new ApiSession(server).graphql(LOGIN, { input: { username: account.username, password } });
    expect(codeOf(refusedLogin)).toBe('INVALID_CREDENTIALS');
    await admin.graphql(SET_ACTIVE, { id: account.id, on: true });
    const back = await new ApiSession(server).graphql<{ login: { status: string } }>(LOGIN, {
      input: { username: account.username, password },
    });
    expect(back.data?.login.status).toBe('SIGNED_IN');
    const ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, clientId);
    const details = (await auditSince(seq)).filter((r) => r.clientRef === ref && r.subject === 'Account').map((r) => r.detail);
    expect(details).toEqual([`account ${account.id} turned off`, `account ${account.id} turned on`]);
    // An unknown account: NOT_FOUND with its field, and the attempt is recorded as FAILED.
    const unknownSeq = await headSeq();
    const unknown = await admin.graphql(SET_ACTIVE, { id: randomUUID(), on: false });
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['NOT_FOUND', 'input.accountId']);
    expect(await auditSince(unknownSeq)).toContainEqual(expect.objectContaining({ subject: 'Account', result: 'FAILED' }));
  });
});

describe('the account list (issue 11)', () => {
  it('filters by role, on or off, organisation, wijk and text, in pages (issue 11)', async () => {
    const word = `filter${tag()}`;
    const worker = await create({
      role: 'SUPPORT_WORKER',
      organisationId: world.organisations.gp.id,
      displayName: `Werker ${word}`,
    });
    const coordinator = await create({
      role: 'COORDINATOR',
      districtIds: [world.otherDistrictId],
      displayName: `Kwartier ${word}`,
    });
    const researcher = await create({ role: 'RESEARCHER', displayName: `Onderzoek ${word}` });
    await admin.graphql(SET_ACTIVE, { id: researcher.account.id, on: false });
    type List = {
      accounts: { nodes: AccountShape[]; pageInfo: { hasNextPage: boolean; endCursor: string | null; totalCount: number } };
    };
    const ids = async (variables: Record<string, unknown>) => {
      const response = await admin.graphql<List>(LIST, { first: 50, ...variables });
      expect(response.errors).toBeUndefined();
      return response.data?.accounts.nodes.map((n) => n.id) ?? [];
    };
    expect(await ids({ search: word })).toHaveLength(3);
    expect(await ids({ search: word.toUpperCase(), role: 'SUPPORT_WORKER' })).toEqual([worker.account.id]);
    expect(await ids({ search: word, active: false })).toEqual([researcher.account.id]);
    expect(await ids({ search: word, active: true })).toHaveLength(2);
    expect(await ids({ organisationId: world.organisations.gp.id })).toEqual([worker.account.id]);
    expect(await ids({ districtId: world.otherDistrictId, role: 'COORDINATOR' })).toContain(coordinator.account.id);
    expect(await ids({ search: worker.account.username })).toEqual([worker.account.id]);
    // Paging: two pages of two and one.
    const first = await admin.graphql<List>(LIST, { search: word, first: 2 });
    expect(first.data?.accounts.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const second = await admin.graphql<List>(LIST, { search: word, first: 2, after: first.data?.accounts.pageInfo.endCursor });
    expect(second.data?.accounts.nodes).toHaveLength(1);
    expect(second.data?.accounts.pageInfo.hasNextPage).toBe(false);
    // Bad filters.
    expect(codeOf(await admin.graphql(LIST, { first: 500 }))).toBe('INVALID_INPUT');
    expect(codeOf(await admin.graphql(LIST, { first: 5, organisationId: 'x' }))).toBe('INVALID_INPUT');
    const badRole = await admin.graphql(LIST, { first: 5, role: 'BOSS' });
    expect(badRole.errors?.length).toBeGreaterThan(0);
    expect(badRole.data ?? null).toBeNull();
  });

  it('records a read of each client whose name the list shows (NEN 7513; issue 11, B4)', async () => {
    const word = `lijst${tag()}`;
    const one = await create({ role: 'CLIENT', districtIds: [world.districtId], displayName: `Een ${word}` });
    const two = await create({ role: 'CLIENT', districtIds: [world.districtId], displayName: `Twee ${word}` });
    const staff = await create({ role: 'RESEARCHER', displayName: `Drie ${word}` });
    const refs = await Promise.all(
      [one, two].map(async (c) => clientRef(DEVELOPMENT_PSEUDONYM_KEY, await clientIdOf(c.account.id))),
    );
    const seq = await headSeq();
    const listed = await admin.graphql<{ accounts: { nodes: { id: string; displayName: string }[] } }>(LIST, {
      search: word,
      first: 10,
    });
    expect(listed.data?.accounts.nodes.map((n) => n.id).sort()).toEqual(
      [one.account.id, two.account.id, staff.account.id].sort(),
    );
    const reads = (await auditSince(seq)).filter((r) => r.action === 'READ' && r.subject === 'Account');
    expect(reads.map((r) => r.clientRef).sort()).toEqual([...refs].sort());
    expect(reads.every((r) => r.actorRole === 'ADMIN' && r.result === 'SUCCESS')).toBe(true);
  });
});

describe('failed logins on a client’s account reach the client’s trail (issue 11, B4)', () => {
  it('records a wrong password, a wrong second-factor code and a throttled attempt under the client (issue 11)', async () => {
    const clientAccount = await createTestAccount(db, { role: 'CLIENT', personId: world.clientId, totp: true });
    made.usernames.push(clientAccount.username);
    const ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, world.clientId);
    const seq = await headSeq();
    const wrongPassword = await new ApiSession(server).graphql(LOGIN, {
      input: { username: clientAccount.username, password: 'niet-goed' },
    });
    expect(codeOf(wrongPassword)).toBe('INVALID_CREDENTIALS');
    const session = new ApiSession(server);
    const first = await session.graphql<{ login: { status: string } }>(LOGIN, {
      input: { username: clientAccount.username, password: clientAccount.password },
    });
    expect(first.data?.login.status).toBe('TOTP_REQUIRED');
    const right = await freshCode(clientAccount);
    const wrongCode = right === '000000' ? '111111' : '000000';
    expect(codeOf(await session.graphql(VERIFY, { input: { code: wrongCode } }))).toBe('INVALID_CREDENTIALS');
    // Used up: the third failure in the window, then the limit.
    expect(
      codeOf(await new ApiSession(server).graphql(LOGIN, { input: { username: clientAccount.username, password: 'x' } })),
    ).toBe('INVALID_CREDENTIALS');
    const throttled = await new ApiSession(server).graphql(LOGIN, { input: { username: clientAccount.username, password: 'y' } });
    expect(codeOf(throttled)).toBe('RATE_LIMITED');
    const records = (await auditSince(seq)).filter((r) => r.actorLabel === clientAccount.username);
    expect(records.map((r) => [r.action, r.result, r.detail, r.clientRef])).toEqual([
      ['LOGIN', 'FAILED', 'wrong username or password', ref],
      ['LOGIN', 'FAILED', 'wrong second-factor code', ref],
      ['LOGIN', 'FAILED', 'wrong username or password', ref],
      ['LOGIN', 'DENIED', 'rate limited', ref],
    ]);
    // A professional's failed login names no client.
    const seq2 = await headSeq();
    const worker = await createTestAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
    await new ApiSession(server).graphql(LOGIN, { input: { username: worker.username, password: 'niet-goed' } });
    const workerRecords = (await auditSince(seq2)).filter((r) => r.actorLabel === worker.username);
    expect(workerRecords.map((r) => r.clientRef ?? null)).toEqual([null]);
  });
});
