import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, LiveStream, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

// The rest of the outside probe's findings (issue 12, item 5): batched organisation details,
// bounded request time, input errors with a code, security headers.

let queries = 0;
/** Counts every Cypher statement its servers send. */
let db: Database;
let server: RunningServer;
let worlds: World[];
let admin: ApiSession;
let adminAccount: TestAccount;
let clientAccount: TestAccount;

beforeAll(async () => {
  db = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
  // Two worlds: at least 12 organisations, more than the round trips the whole list may take.
  worlds = [await createWorld(db), await createWorld(db)];
  server = await startTestServer(db);
  adminAccount = await createAccount(db, { role: 'ADMIN' });
  clientAccount = await createAccount(db, { role: 'CLIENT', personId: worlds[0]?.clientId ?? '' });
  admin = await signedIn(server, adminAccount);
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  for (const world of worlds) await world.remove();
  await db.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function world(index = 0): World {
  const found = worlds[index];
  if (!found) throw new Error('no world');
  return found;
}

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const before = queries;
  const result = await work();
  return { result, roundTrips: queries - before };
}

/** Everything the server writes to console.error while `work` runs: incidents and yoga's complaints. */
async function errorLog<T>(work: () => Promise<T>): Promise<{ result: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
    original(...args);
  });
  const result = await work();
  vi.restoreAllMocks();
  return { result, logged };
}

interface ListedOrganisation {
  id: string;
  links: { id: string }[];
  offerings: { id: string }[];
  partnerships: { id: string }[];
}

/** The probe's query, as it sent it: within the cost limit. */
const PROBE_QUERY = '{ districts(first: 100) { nodes { organisations { links { id } offerings { id } partnerships { id } } } } }';

describe('organisation details in a list are batched (issue 12)', () => {
  it('answers the probe query in a few round trips, however many organisations it lists (issue 12)', async () => {
    const { result, roundTrips } = await counted(() =>
      admin.graphql<{ districts: { nodes: { organisations: Omit<ListedOrganisation, 'id'>[] }[] } }>(PROBE_QUERY),
    );
    expect(result.errors).toBeUndefined();
    const listed = (result.data?.districts.nodes ?? []).flatMap((d) => d.organisations);
    // One statement per organisation, as before, would take at least this many.
    expect(listed.length).toBeGreaterThanOrEqual(12);
    expect(listed.some((o) => o.links.length > 0 && o.partnerships.length > 0)).toBe(true);
    // Resume the session, list the districts, their organisations, then links, offerings and partnerships.
    expect(roundTrips).toBeLessThanOrEqual(6);
  });

  it('gives listed organisations the same details as the single-organisation query (issue 12)', async () => {
    const listedQuery =
      'query ($slug: String!) { district(slug: $slug) { organisations { id links { id } offerings { id } partnerships { id } } } }';
    const { result, roundTrips } = await counted(() =>
      admin.graphql<{ district: { organisations: ListedOrganisation[] } }>(listedQuery, { slug: world().districtSlug }),
    );
    expect(result.errors).toBeUndefined();
    expect(roundTrips).toBeLessThanOrEqual(5);
    const listed = result.data?.district.organisations ?? [];
    expect(listed).toHaveLength(5);
    const ids = (items: { id: string }[] | undefined) => (items ?? []).map((item) => item.id).sort();
    for (const organisation of listed) {
      // One statement for one organisation (findOrganisation), not batched.
      const single = await admin.graphql<{ organisation: ListedOrganisation }>(
        'query ($id: ID!) { organisation(id: $id) { id links { id } offerings { id } partnerships { id } } }',
        { id: organisation.id },
      );
      expect(ids(organisation.links)).toEqual(ids(single.data?.organisation.links));
      expect(ids(organisation.offerings)).toEqual(ids(single.data?.organisation.offerings));
      expect(ids(organisation.partnerships)).toEqual(ids(single.data?.organisation.partnerships));
    }
    const { walkIn, team } = world().organisations;
    // The walk-in: its referral to the buurtteam and the consenting key figure's link. The buurtteam: the referral
    // and the handover; the hidden key figure's link is not shown.
    expect(listed.find((o) => o.id === walkIn.id)?.links).toHaveLength(2);
    expect(listed.find((o) => o.id === team.id)?.links).toHaveLength(2);
    expect(listed.find((o) => o.id === team.id)?.partnerships.map((p) => p.id)).toEqual([world().partnershipId]);
    expect(listed.find((o) => o.id === walkIn.id)?.offerings).toHaveLength(1);
  });

  it('loads note, classification and districts of listed organisations in one statement each (issue 12)', async () => {
    const query = `query ($slug: String!) { district(slug: $slug) { organisations { id classification note districts { id } } } }`;
    const { result, roundTrips } = await counted(() =>
      admin.graphql<{
        district: { organisations: { id: string; classification: string | null; districts: { id: string }[] }[] };
      }>(query, { slug: world().districtSlug }),
    );
    expect(result.errors).toBeUndefined();
    const organisations = result.data?.district.organisations ?? [];
    expect(organisations).toHaveLength(5);
    expect(organisations.every((o) => o.classification === 'assumed')).toBe(true);
    expect(
      organisations
        .find((o) => o.id === world().organisations.team.id)
        ?.districts.map((d) => d.id)
        .sort(),
    ).toEqual([world().districtId, world().otherDistrictId].sort());
    // Resume, the district with its organisations, notes, districts.
    expect(roundTrips).toBeLessThanOrEqual(4);
  });
});

const UPDATE_ORG =
  'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { id name } } }';

/** Holds the write lock of an organisation in a transaction of its own until `release`. */
async function lockOrganisation(database: Database, id: string): Promise<{ release(): Promise<void> }> {
  const session = database.driver.session();
  const tx = await session.beginTransaction();
  await tx.run('MATCH (o:Organisation {id: $id}) SET o.lockedByTest = true', { id });
  return {
    release: async () => {
      await tx.rollback();
      await session.close();
    },
  };
}

async function organisationName(id: string): Promise<string> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (o:Organisation {id: $id}) RETURN o.name AS name', { id });
    return result.records[0]?.get('name') as string;
  });
}

describe('every request is bounded in time (issue 12)', () => {
  it('ends a write that waits on a lock with the Neo4j transaction timeout: TIMEOUT, and nothing changed (issue 12)', async () => {
    const bounded = await startTestServer(db, { REQUEST_TIMEOUT_MS: '30000', NEO4J_TX_TIMEOUT_MS: '500' });
    const organisation = world().organisations.island;
    const lock = await lockOrganisation(db, organisation.id);
    try {
      // Another admin: signing the same one in again would wait for a fresh TOTP code.
      const session = await signedIn(bounded, await createAccount(db, { role: 'ADMIN' }));
      const { result: response, logged } = await errorLog(() =>
        session.graphql(UPDATE_ORG, {
          input: {
            id: organisation.id,
            name: `Hernoemd ${world().tag}`,
            sector: organisation.sector,
            districtIds: organisation.districtIds,
            note: null,
          },
        }),
      );
      // Answered by GraphQL (200): the database ended the transaction, not the server's clock.
      expect(response.status).toBe(200);
      expect(response.data ?? null).toBeNull();
      expect(codeOf(response)).toBe('TIMEOUT');
      expect(logged.filter((line) => line.includes('unexpected error'))).toEqual([]);
    } finally {
      await lock.release();
      await bounded.close();
    }
    expect(await organisationName(organisation.id)).toBe(organisation.name);
  });

  it('answers 503 TIMEOUT when nothing of the response has begun within REQUEST_TIMEOUT_MS (issue 12)', async () => {
    // One connection in the pool, held by the test: the request waits for the database until the server gives up.
    const single = new Database(inject('neo4j'), { maxPoolSize: 1, acquisitionTimeoutMs: 30_000 });
    const bounded = await startTestServer(single, { REQUEST_TIMEOUT_MS: '500' });
    try {
      // Signed in on the unbounded server (a login with TOTP may itself take longer than this limit); the session is the same.
      const account = await createAccount(single, { role: 'ADMIN' });
      const session = new ApiSession(bounded);
      session.cookie = (await signedIn(server, account)).cookie;
      const held = single.driver.session();
      const tx = await held.beginTransaction();
      await tx.run('RETURN 1');
      let response: GraphQLResponse;
      try {
        response = await session.graphql('{ viewer { username } }');
      } finally {
        await tx.rollback();
        await held.close();
      }
      expect(response.status).toBe(503);
      expect(response.errors).toEqual([{ message: expect.any(String) as string, extensions: { code: 'TIMEOUT' } }]);
      // The server answers the next request as usual.
      const next = await session.graphql<{ viewer: { username: string } }>('{ viewer { username } }');
      expect(next.data?.viewer.username).toBe(account.username);
    } finally {
      await bounded.close();
      await single.close();
    }
  });

  it('never commits a write whose request was answered 503 TIMEOUT, and records it as failed (issue 12)', async () => {
    // A crash drill found edits answered TIMEOUT that committed seconds later (a retry would make them twice).
    const single = new Database(inject('neo4j'), { maxPoolSize: 1, acquisitionTimeoutMs: 30_000 });
    const bounded = await startTestServer(single, { REQUEST_TIMEOUT_MS: '500' });
    const organisation = world().organisations.island;
    try {
      const account = await createAccount(single, { role: 'ADMIN' });
      const session = new ApiSession(bounded);
      session.cookie = (await signedIn(server, account)).cookie;
      const held = single.driver.session();
      const tx = await held.beginTransaction();
      await tx.run('RETURN 1');
      let response: GraphQLResponse;
      try {
        response = await session.graphql(UPDATE_ORG, {
          input: {
            id: organisation.id,
            name: `Te laat ${world().tag}`,
            sector: organisation.sector,
            districtIds: organisation.districtIds,
            note: null,
          },
        });
      } finally {
        await tx.rollback();
        await held.close();
      }
      expect(response.status).toBe(503);
      expect(codeOf(response)).toBe('TIMEOUT');
      // The request goes on once the connection is free; its write must be refused, and is recorded as FAILED.
      const failed = async (): Promise<number> =>
        db.read(async (read) => {
          const result = await read.run(
            "MATCH (a:AuditRecord {actorAccountId: $account, result: 'FAILED', detail: 'TIMEOUT'}) RETURN count(a) AS n",
            { account: account.id },
          );
          return Number(result.records[0]?.get('n'));
        });
      const deadline = Date.now() + 20_000;
      while ((await failed()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await failed()).toBe(1);
      expect(await organisationName(organisation.id)).toBe(organisation.name);
    } finally {
      await bounded.close();
      await single.close();
    }
  });

  it('does not cut a live stream that outlasts REQUEST_TIMEOUT_MS (issue 12)', async () => {
    const bounded = await startTestServer(db, { REQUEST_TIMEOUT_MS: '300' });
    const client = await signedIn(bounded, clientAccount);
    const stream = await LiveStream.open(
      bounded,
      'subscription ($id: ID!) { circleChanged(circleId: $id) { version } }',
      { id: world().circle.id },
      client.cookie,
    );
    try {
      expect(stream.status).toBe(200);
      expect(await stream.next(900)).toBeUndefined();
      expect(stream.ended).toBe(false);
    } finally {
      stream.close();
      await bounded.close();
    }
  });

  it('refuses a Neo4j transaction timeout that is not below the request timeout (issue 12)', async () => {
    await expect(startTestServer(db, { REQUEST_TIMEOUT_MS: '1000', NEO4J_TX_TIMEOUT_MS: '1000' })).rejects.toThrow(
      /NEO4J_TX_TIMEOUT_MS must be below REQUEST_TIMEOUT_MS/,
    );
  });
});

describe('input errors are answers with a code, not incidents (issue 12)', () => {
  async function expectInvalid(
    query: string,
    variables: Record<string, unknown>,
    field: string | null,
  ): Promise<GraphQLResponse> {
    const { result, logged } = await errorLog(() => admin.graphql(query, variables));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(logged).toEqual([]);
    return result;
  }

  it('answers an Int variable given "abc" with INVALID_INPUT naming the variable (issue 12)', async () => {
    const response = await expectInvalid('query ($n: Int) { districts(first: $n) { nodes { id } } }', { n: 'abc' }, 'n');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value/);
  });

  it('answers an ID variable given an object with INVALID_INPUT naming the variable (issue 12)', async () => {
    await expectInvalid('query ($id: ID!) { organisation(id: $id) { id } }', { id: { nested: 1 } }, 'id');
  });

  it('answers a bad Date inside an input with INVALID_INPUT and its path (issue 12)', async () => {
    const organisation = world().organisations.island;
    await expectInvalid(
      'mutation ($input: EndOrganisationInput!) { endOrganisation(input: $input) { organisation { id } } }',
      { input: { id: organisation.id, until: '31-12-2026' } },
      'input.until',
    );
    expect(await organisationName(organisation.id)).toBe(organisation.name);
  });

  it('answers a date that is not in the calendar (31 February) with INVALID_INPUT and its path (issue 12)', async () => {
    const organisation = world().organisations.island;
    await expectInvalid(
      'mutation ($input: EndOrganisationInput!) { endOrganisation(input: $input) { organisation { id } } }',
      { input: { id: organisation.id, until: '2026-02-31' } },
      'input.until',
    );
    expect(await organisationName(organisation.id)).toBe(organisation.name);
  });

  it('answers a bad Date written in the document with INVALID_INPUT (issue 12)', async () => {
    const { result, logged } = await errorLog(() =>
      admin.graphql(
        `mutation { endOrganisation(input: { id: "${world().organisations.island.id}", until: "31-12-2026" }) { organisation { id } } }`,
      ),
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.until' });
    expect(logged).toEqual([]);
  });

  it('answers a missing required variable 400 with INVALID_INPUT naming it (issue 12)', async () => {
    const response = await expectInvalid('query ($id: ID!) { organisation(id: $id) { id } }', {}, 'id');
    expect(response.status).toBe(400);
  });

  it('answers a text/plain body 415 in the GraphQL error shape, UNSUPPORTED_MEDIA_TYPE (issue 12)', async () => {
    const { result: response, logged } = await errorLog(() =>
      fetch(`http://127.0.0.1:${String(server.port)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-wijkkring-csrf': '1', cookie: admin.cookie ?? '' },
        body: JSON.stringify({ query: '{ viewer { username } }' }),
      }),
    );
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toEqual([{ message: expect.any(String) as string, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }]);
    expect(logged).toEqual([]);
  });
});

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  const policy = response.headers.get('content-security-policy') ?? '';
  const directives = new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
}

describe('security headers on every response (issue 12)', () => {
  let web: RunningServer;
  beforeAll(async () => {
    web = await startTestServer(db, { WEB_DIST });
  });
  afterAll(async () => {
    await web.close();
  });

  it('sends them, and no-store, with GraphQL answers and refusals (issue 12)', async () => {
    const ok = await fetch(`http://127.0.0.1:${String(web.port)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1', cookie: admin.cookie ?? '' },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`http://127.0.0.1:${String(web.port)}/graphql?query=%7Bviewer%7Busername%7D%7D`);
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('sends them with the web app, its assets, /healthz, a download and the upload (issue 12)', async () => {
    const page = await fetch(`http://127.0.0.1:${String(web.port)}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expectSecurityHeaders(page);
    // The built page has no inline script the policy would have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expectSecurityHeaders(await fetch(`http://127.0.0.1:${String(web.port)}${asset ?? ''}`));
    expectSecurityHeaders(await fetch(`http://127.0.0.1:${String(web.port)}/kaart/onbekend`));
    expectSecurityHeaders(await fetch(`http://127.0.0.1:${String(web.port)}/healthz`));
    const download = await fetch(`http://127.0.0.1:${String(web.port)}/export/ego-network/not-a-ticket`);
    expect(download.status).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(download);
    const upload = await fetch(`http://127.0.0.1:${String(web.port)}/import/sociale-kaart`, { method: 'POST', body: 'x' });
    expect(upload.status).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(upload);
  });
});

describe('/healthz tells the Neo4j version only to the machine itself (issue 12)', () => {
  async function healthz(port: number, host = '127.0.0.1', headers: Record<string, string> = {}) {
    const response = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${String(port)}/healthz`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('tells a request from loopback the version (issue 12)', async () => {
    const health = await healthz(server.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', neo4j: { version: expect.stringMatching(/^5\./) as string } });
  });

  it('tells a forwarded request only the status, even from loopback (issue 12)', async () => {
    const health = await healthz(server.port, '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' });
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('tells a request to the machine’s network address only the status (issue 12)', async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((candidate) => candidate && !candidate.internal && candidate.family === 'IPv4')?.address;
    expect(address, 'this test needs a non-loopback IPv4 address').toBeDefined();
    const open = await startTestServer(db, { HOST: '0.0.0.0' });
    try {
      expect(await healthz(open.port, address)).toEqual({ status: 200, body: { status: 'ok' } });
      expect((await healthz(open.port)).body).toHaveProperty('neo4j');
    } finally {
      await open.close();
    }
  });
});
