import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRAPHQL_LIMITS, loadEnv, type RunningServer } from '@wijkkring/api';
import { auditHead, Database, upsertAccounts, upsertStaff } from '@wijkkring/graph';
import { Lexer, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, graphql, LOGIN, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

let db: Database;
let world: World;
let server: RunningServer;
let admin: ApiSession;
let clientAccount: TestAccount;

/** Production secrets for these tests: long enough, different from each other and from the defaults. */
const PRODUCTION = {
  NODE_ENV: 'production',
  SECRET_KEY: 'hardening-test-secret-key-0123456789abcdef',
  AUDIT_PSEUDONYM_KEY: 'hardening-test-pseudonym-key-fedcba9876543210',
  RESEARCH_KEY: 'hardening-test-research-key-00112233445566778899',
};

const ME = 'query Me { viewer { username role } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';
const DISTRICT_NAME = 'query District($slug: String!) { district(slug: $slug) { id name } }';
/** Leaves an audit record for a client (a circle that does not exist is refused): its detail is the operation's name. */
const PROBE_CIRCLE = 'query ProbeCircle($id: ID!) { networkCircle(id: $id) { id } }';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let tempDir: string;
let persistedFile: string;
/** Demo accounts already in the shared test database (the browser tier loads them); hidden while these tests run. */
let hiddenDemoAccounts: string[] = [];

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  tempDir = mkdtempSync(join(tmpdir(), 'wijkkring-hardening-'));
  persistedFile = join(tempDir, 'persisted-operations.json');
  writeFileSync(
    persistedFile,
    JSON.stringify(
      Object.fromEntries([ME, INTROSPECTION, LOGIN, DISTRICT_NAME, PROBE_CIRCLE].map((text) => [sha256(text), text])),
    ),
  );
  hiddenDemoAccounts = await db.write(async (tx) => {
    const result = await tx.run('MATCH (a:Account) WHERE a.demo = true SET a.demo = false RETURN a.id AS id');
    return result.records.map((r) => r.get('id') as string);
  });
  server = await startTestServer(db);
  admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
  clientAccount = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
});

afterAll(async () => {
  try {
    await server.close();
    await removeAccounts(db);
    await world.remove();
  } finally {
    await db.write((tx) => tx.run('MATCH (a:Account) WHERE a.id IN $ids SET a.demo = true', { ids: hiddenDemoAccounts }));
    rmSync(tempDir, { recursive: true, force: true });
    await db.close();
  }
});

function expectLimit(response: GraphQLResponse, limit: string): void {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
}

function expectAccepted(response: GraphQLResponse): void {
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
}

/** Tokens as the GraphQL lexer counts them (what the token limit counts). */
function tokenCount(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** A document whose deepest field is at `depth` (root fields are at depth 1): district → organisations → districts → … */
function nested(depth: number, slug: string): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level -= 1) inner = `${level % 2 === 0 ? 'organisations' : 'districts'} { ${inner} }`;
  return `{ district(slug: "${slug}") { ${inner} } }`;
}

describe('GraphQL limits (issue 3)', () => {
  it('accepts a document of the maximum depth and refuses one level deeper', async () => {
    expect(GRAPHQL_LIMITS.maxDepth).toBeGreaterThanOrEqual(3);
    const atLimit = await admin.graphql<{ district: { organisations: unknown[] } }>(
      nested(GRAPHQL_LIMITS.maxDepth, world.districtSlug),
    );
    expectAccepted(atLimit);
    expect(atLimit.data?.district.organisations).toHaveLength(5);
    expectLimit(await admin.graphql(nested(GRAPHQL_LIMITS.maxDepth + 1, world.districtSlug)), 'depth');
  });

  it('accepts the maximum number of aliases and refuses one more', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${String(i)}: viewer { username }`).join(' ')} }`;
    const atLimit = await admin.graphql<Record<string, { username: string }>>(aliases(GRAPHQL_LIMITS.maxAliases));
    expectAccepted(atLimit);
    expect(Object.keys(atLimit.data ?? {})).toHaveLength(GRAPHQL_LIMITS.maxAliases);
    expectLimit(await admin.graphql(aliases(GRAPHQL_LIMITS.maxAliases + 1)), 'aliases');
  });

  it('accepts a document that costs just under the limit and refuses one just over it', async () => {
    // Cost (graphql-armor): an object field costs 2 plus 1.5 × each child, times its `first`; a scalar 1.
    // `districts(first: F) { nodes { id } }` therefore costs (2 + 1.5 × (2 + 1.5)) × F = 7.25 × F.
    const perItem = 7.25;
    const full = Math.floor(100 * perItem);
    const copies = Math.floor(GRAPHQL_LIMITS.maxCost / full);
    const rest = GRAPHQL_LIMITS.maxCost - copies * full;
    const lastUnder = Math.floor(rest / perItem);
    expect(lastUnder).toBeLessThan(100);
    const document = (last: number) =>
      `{ ${Array.from({ length: copies }, (_, i) => `d${String(i)}: districts(first: 100) { nodes { id } }`).join(' ')}
         last: districts(first: ${String(last)}) { nodes { id } } }`;
    expect(copies * full + lastUnder * perItem).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
    expect(copies * full + (lastUnder + 1) * perItem).toBeGreaterThan(GRAPHQL_LIMITS.maxCost);
    expectAccepted(await admin.graphql(document(lastUnder)));
    expectLimit(await admin.graphql(document(lastUnder + 1)), 'cost');
  });

  it('accepts a document of the maximum number of tokens and refuses one more token', async () => {
    // Padding of inline fragments (6 tokens each) rather than one field repeated: graphql-js gives up
    // validating thousands of copies of one field (its overlap check has a work budget).
    const withFields = (n: number) =>
      `{ viewer { username ${'... on Viewer { role } '.repeat(Math.floor(n / 6))}${'__typename '.repeat(n % 6)}} }`;
    const base = tokenCount(withFields(0));
    const atLimit = withFields(GRAPHQL_LIMITS.maxTokens - base);
    expect(tokenCount(atLimit)).toBe(GRAPHQL_LIMITS.maxTokens);
    expectAccepted(await admin.graphql(atLimit));
    const over = withFields(GRAPHQL_LIMITS.maxTokens - base + 1);
    expect(tokenCount(over)).toBe(GRAPHQL_LIMITS.maxTokens + 1);
    expectLimit(await admin.graphql(over), 'tokens');
  });

  it('accepts the maximum number of directives and refuses one more', async () => {
    const directives = (n: number) => `{ viewer { username ${'__typename @include(if: true) '.repeat(n)}} }`;
    expectAccepted(await admin.graphql(directives(GRAPHQL_LIMITS.maxDirectives)));
    expectLimit(await admin.graphql(directives(GRAPHQL_LIMITS.maxDirectives + 1)), 'directives');
  });
});

describe('CSRF (issue 3)', () => {
  const url = () => `http://127.0.0.1:${String(server.port)}/graphql`;
  const body = JSON.stringify({ query: '{ viewer { username } }' });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json'])(
    'refuses a POST (%s) without the x-wijkkring-csrf header',
    async (contentType) => {
      const response = await fetch(url(), { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('"viewer"');
    },
  );

  it('refuses a GET without the header, and accepts a POST that carries it', async () => {
    const get = await fetch(`${url()}?query=${encodeURIComponent('{ viewer { username } }')}`);
    expect(get.status).toBe(403);
    const ok = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1' },
      body,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { viewer: null } });
  });

  it('does not let a page on another origin send credentialed requests (no permissive CORS)', async () => {
    const preflight = await fetch(url(), {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-wijkkring-csrf',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('production mode (issue 3)', () => {
  let production: RunningServer;
  beforeAll(async () => {
    production = await startTestServer(db, { ...PRODUCTION, PERSISTED_OPERATIONS_FILE: persistedFile });
  });
  afterAll(async () => {
    await production.close();
  });

  const persisted = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

  it('refuses a request that brings its own document, even a known one', async () => {
    const response = await graphql(production, ME);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    const both = await graphql(production, ME, {}, { extensions: persisted(ME) });
    expect(both.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('refuses an unknown hash, and a request with neither document nor hash', async () => {
    const unknown = await graphql(production, '', {}, { omitQuery: true, extensions: persisted('{ viewer { role } }') });
    expect(unknown.data ?? null).toBeNull();
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const none = await graphql(production, '', {}, { omitQuery: true });
    expect(none.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('runs a persisted operation sent by its hash alone', async () => {
    const response = await graphql(production, '', {}, { omitQuery: true, extensions: persisted(ME) });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ viewer: null });
  });

  it('refuses introspection in production even when it is persisted; a test server answers it', async () => {
    const refused = await graphql(production, '', {}, { omitQuery: true, extensions: persisted(INTROSPECTION) });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    const answered = await graphql<{ __schema: { queryType: { name: string } } }>(server, INTROSPECTION);
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.__schema.queryType.name).toBe('Query');
  });

  it('records a persisted operation under its own name, never under an operationName sent with it (issue 11)', async () => {
    const session = new ApiSession(production);
    const login = await session.graphql<{ login: { status: string } }>(
      '',
      { input: { username: clientAccount.username, password: clientAccount.password } },
      { omitQuery: true, extensions: persisted(LOGIN) },
    );
    expect(login.data?.login.status).toBe('SIGNED_IN');
    const send = async (operationName?: string) => {
      const response = await fetch(`http://127.0.0.1:${String(production.port)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1', cookie: session.cookie ?? '' },
        body: JSON.stringify({ variables: { id: randomUUID() }, extensions: persisted(PROBE_CIRCLE), operationName }),
      });
      return ((await response.json()) as GraphQLResponse).errors?.[0]?.extensions?.code;
    };
    const before = (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
    expect(await send()).toBe('FORBIDDEN');
    expect(await send('ProbeCircle')).toBe('FORBIDDEN');
    expect(await send('SomethingElse')).toBe('OPERATION_RESOLUTION_FAILURE');
    const details = await db.read(async (tx) => {
      const result = await tx.run(
        'MATCH (r:AuditRecord) WHERE r.seq > $seq AND r.actorAccountId = $account RETURN r.detail AS detail ORDER BY r.seq',
        { seq: before, account: clientAccount.id },
      );
      return result.records.map((r) => r.get('detail') as string | null);
    });
    expect(details).toEqual(['ProbeCircle', 'ProbeCircle']);
  });

  it('masks unexpected errors: a broken record answers "Unexpected error." with code INTERNAL and no detail', async () => {
    // A district whose name is a number breaks the mapper in `graph`: an unexpected error, not an answer.
    const id = randomUUID();
    const slug = `broken-${world.tag}`;
    await db.write((tx) => tx.run('CREATE (:District {id: $id, slug: $slug, name: 42, focus: false})', { id, slug }));
    const development = await startTestServer(db, { NODE_ENV: 'development', GRAPHQL_MASK_ERRORS: 'false' });
    try {
      const session = new ApiSession(production);
      const login = await session.graphql<{ login: { status: string } }>(
        '',
        { input: { username: clientAccount.username, password: clientAccount.password } },
        { omitQuery: true, extensions: persisted(LOGIN) },
      );
      expect(login.data?.login.status).toBe('SIGNED_IN');
      const masked = await session.graphql('', { slug }, { omitQuery: true, extensions: persisted(DISTRICT_NAME) });
      expect(masked.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } });
      expect(JSON.stringify(masked.errors)).not.toMatch(/42|mapper|Unexpected value|DomainError|stack/);

      // The same request on a development server with masking switched off shows the cause: the test can tell.
      const developer = await signedIn(development, clientAccount);
      const unmasked = await developer.graphql(DISTRICT_NAME, { slug });
      expect(unmasked.errors?.[0]?.extensions?.code).toBe('INTERNAL');
      expect(unmasked.errors?.[0]?.message).toMatch(/Unexpected value for name: 42/);
    } finally {
      await development.close();
      await db.write((tx) => tx.run('MATCH (d:District {id: $id}) DETACH DELETE d', { id }));
    }
  });
});

describe('configuration refuses what is unsafe in production (issue 3)', () => {
  const base = { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x', ...PRODUCTION };

  it('accepts production secrets of its own', () => {
    const env = loadEnv(base);
    expect(env.nodeEnv).toBe('production');
    expect(env.maskErrors).toBe(true);
  });

  it('refuses the development default secrets', () => {
    expect(() => loadEnv({ ...base, SECRET_KEY: undefined })).toThrow(/SECRET_KEY is the development default/);
    expect(() => loadEnv({ ...base, AUDIT_PSEUDONYM_KEY: undefined })).toThrow(/AUDIT_PSEUDONYM_KEY is the development default/);
    expect(() => loadEnv({ ...base, RESEARCH_KEY: undefined })).toThrow(/RESEARCH_KEY is the development default/);
  });

  it('refuses a research key equal to another key (issue 10)', () => {
    expect(() => loadEnv({ ...base, RESEARCH_KEY: base.AUDIT_PSEUDONYM_KEY })).toThrow(/RESEARCH_KEY must differ/);
    expect(() => loadEnv({ ...base, RESEARCH_KEY: base.SECRET_KEY })).toThrow(/RESEARCH_KEY must differ/);
  });

  it('refuses secrets shorter than 32 characters, and accepts 32', () => {
    expect(() => loadEnv({ ...base, SECRET_KEY: 'k'.repeat(31) })).toThrow(/SECRET_KEY must be at least 32 characters/);
    expect(() => loadEnv({ ...base, AUDIT_PSEUDONYM_KEY: 'p'.repeat(31) })).toThrow(
      /AUDIT_PSEUDONYM_KEY must be at least 32 characters/,
    );
    expect(loadEnv({ ...base, SECRET_KEY: 'k'.repeat(32) }).secretKey).toBe('k'.repeat(32));
  });

  it('refuses the same secret for both keys', () => {
    const same = 's'.repeat(40);
    expect(() => loadEnv({ ...base, SECRET_KEY: same, AUDIT_PSEUDONYM_KEY: same })).toThrow(
      /SECRET_KEY and AUDIT_PSEUDONYM_KEY must differ/,
    );
  });

  it('refuses GRAPHQL_MASK_ERRORS=false in production, accepts it in development, and ignores it in test', () => {
    expect(() => loadEnv({ ...base, GRAPHQL_MASK_ERRORS: 'false' })).toThrow(
      /GRAPHQL_MASK_ERRORS=false is allowed in development only/,
    );
    const development = loadEnv({ ...base, NODE_ENV: 'development', GRAPHQL_MASK_ERRORS: 'false' });
    expect(development.maskErrors).toBe(false);
    expect(loadEnv({ ...base, NODE_ENV: 'test', GRAPHQL_MASK_ERRORS: 'false' }).maskErrors).toBe(true);
  });
});

describe('a production start (issue 3)', () => {
  it('refuses while a demo account exists', async () => {
    const personId = randomUUID();
    const accountId = randomUUID();
    try {
      await db.write(async (tx) => {
        await upsertStaff(tx, [{ id: personId, name: `Demo ${world.tag}`, coordinatesDistrictId: null }]);
        await upsertAccounts(tx, [
          {
            id: accountId,
            username: `demo-${world.tag}`,
            role: 'ADMIN',
            displayName: `Demo ${world.tag}`,
            passwordHash: 'not-a-real-hash',
            totpSecret: null,
            personId,
            demo: true,
          },
        ]);
      });
      await expect(startTestServer(db, { ...PRODUCTION, PERSISTED_OPERATIONS_FILE: persistedFile })).rejects.toThrow(
        /Refusing to start in production: the database holds 1 demo account/,
      );
    } finally {
      await db.write(async (tx) => {
        await tx.run('MATCH (a:Account {id: $accountId}) DETACH DELETE a', { accountId });
        await tx.run('MATCH (p:Person {id: $personId}) DETACH DELETE p', { personId });
      });
    }
    const started = await startTestServer(db, { ...PRODUCTION, PERSISTED_OPERATIONS_FILE: persistedFile });
    await started.close();
  });

  it('refuses without a persisted-operation list', async () => {
    await expect(
      startTestServer(db, { ...PRODUCTION, PERSISTED_OPERATIONS_FILE: join(tempDir, 'missing.json') }),
    ).rejects.toThrow(/no persisted operations/);
  });
});
