import { randomUUID } from 'node:crypto';
import { REQUEST_LIMITS, type RunningServer } from '@wijkkring/api';
import { auditHead, Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { graphql, signedIn, startTestServer, type ApiSession } from '../support/api-client.js';

/**
 * Issue 11, finding B2: anyone, without signing in, could write text of any length into the audit
 * log (kept for years, never deleted) as the operation name, and the server parsed bodies of any
 * size. The log now records the executed operation's own name from the document, bounded; a bad
 * operationName is refused; bodies above the limit are refused before they are read to the end.
 */

let db: Database;
let server: RunningServer;
let adminAccount: TestAccount;
let admin: ApiSession;
const tag = randomUUID().slice(0, 8);

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  server = await startTestServer(db);
  adminAccount = await createAccount(db, { role: 'ADMIN' });
  admin = await signedIn(server, adminAccount);
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.close();
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  ms: number;
}

/** A POST to /graphql with any body, as a client of our own making would send it. */
async function post(body: string | ReadableStream<Uint8Array>, cookie: string | null = null): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${String(server.port)}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-wijkkring-csrf': '1',
      ...(cookie ? { cookie } : {}),
    },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'], ms: Date.now() - started };
}

/** An operation every viewer here is refused (the row of networkCircle denies admins and anonymous viewers): it always leaves a record. */
const refusedRead = (name: string | null): string => `query ${name ?? ''} { networkCircle(id: "${randomUUID()}") { id } }`;

async function headSeq(): Promise<number> {
  return (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
}

/** Records written since `seq`: by the admin of this file, and the longest detail of anyone's. */
async function since(seq: number): Promise<{ adminDetails: (string | null)[]; longestDetail: number }> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (r:AuditRecord) WHERE r.seq > $seq
       WITH r ORDER BY r.seq
       RETURN [x IN collect(r) WHERE x.actorAccountId = $admin | x.detail] AS adminDetails,
              coalesce(max(size(r.detail)), 0) AS longestDetail`,
      { seq, admin: adminAccount.id },
    );
    const record = result.records[0];
    return {
      adminDetails: (record?.get('adminDetails') as (string | null)[] | undefined) ?? [],
      longestDetail: Number(record?.get('longestDetail') ?? 0),
    };
  });
}

const viewerAnswers = async (): Promise<void> => {
  const next = await graphql<{ viewer: null }>(server, '{ viewer { username } }');
  expect(next.status).toBe(200);
  expect(next.data).toEqual({ viewer: null });
};

describe('the operation name in the audit log (issue 11)', () => {
  it('records the operation’s own name from the document, whether or not operationName is sent (issue 11)', async () => {
    const name = `Probe_${tag}`;
    const before = await headSeq();
    const query = refusedRead(name);
    expect((await post(JSON.stringify({ query }), admin.cookie)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(JSON.stringify({ query, operationName: name }), admin.cookie)).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await since(before)).adminDetails).toEqual([name, name]);
  });

  it('refuses an operationName of 4,000 characters, and no record holds it or any long text (issue 11)', async () => {
    const name = `L${'o'.repeat(3_998)}${tag.slice(0, 1)}`;
    expect(name).toHaveLength(4_000);
    const before = await headSeq();
    for (const cookie of [null, admin.cookie]) {
      const refused = await post(JSON.stringify({ query: refusedRead(name), operationName: name }), cookie);
      expect(refused.status).toBe(400);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'operationName' });
    }
    // The same name only in the document: the request runs (and is refused by the policy), its record has no name.
    const unnamed = await post(JSON.stringify({ query: refusedRead(name) }), admin.cookie);
    expect(unnamed.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const written = await since(before);
    expect(written.adminDetails).toEqual([null]);
    expect(written.longestDetail).toBeLessThanOrEqual(REQUEST_LIMITS.maxOperationNameLength);
  });

  it('refuses an operationName of 1 MB with the body limit, and no record holds it (issue 11)', async () => {
    const name = `M${'e'.repeat(1024 * 1024)}`;
    const before = await headSeq();
    for (const cookie of [null, admin.cookie]) {
      const refused = await post(JSON.stringify({ query: refusedRead(name), operationName: name }), cookie);
      expect(refused.status).toBe(413);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
    }
    const written = await since(before);
    expect(written.adminDetails).toEqual([]);
    expect(written.longestDetail).toBeLessThanOrEqual(REQUEST_LIMITS.maxOperationNameLength);
    await viewerAnswers();
  });

  it('refuses an operationName that is not in the document, and records nothing under it (issue 11)', async () => {
    const absent = `Absent_${tag}`;
    const before = await headSeq();
    for (const query of [refusedRead(`Real_${tag}`), refusedRead(null)]) {
      const refused = await post(JSON.stringify({ query, operationName: absent }), admin.cookie);
      expect(refused.status).toBe(400);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
    expect((await since(before)).adminDetails).toEqual([]);
  });

  it('refuses an operationName that is not a GraphQL name (issue 11)', async () => {
    for (const name of ['two words', '1st', 'naïef', `x'); MATCH (n) DETACH DELETE n //`]) {
      const refused = await post(JSON.stringify({ query: refusedRead(null), operationName: name }));
      expect(refused.body.errors?.[0]?.extensions, name).toMatchObject({ code: 'INVALID_INPUT', field: 'operationName' });
    }
    const longest = `N${'x'.repeat(REQUEST_LIMITS.maxOperationNameLength - 1)}`;
    const accepted = await post(JSON.stringify({ query: refusedRead(longest), operationName: longest }));
    expect(accepted.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

/** A valid request body of exactly `bytes` bytes (ASCII): an unused variable pads it. */
function bodyOf(bytes: number): string {
  const shape = (pad: string) => JSON.stringify({ query: '{ viewer { username } }', variables: { pad } });
  const body = shape('x'.repeat(bytes - shape('').length));
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
}

/** Sends `text` without a length (chunked), in pieces of `size` bytes. */
function chunked(text: string | { bytes: number }, size = 16 * 1024): ReadableStream<Uint8Array> {
  const whole = typeof text === 'string' ? Buffer.from(text) : Buffer.alloc(text.bytes, 0x20);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= whole.length) {
        controller.close();
        return;
      }
      controller.enqueue(whole.subarray(offset, offset + size));
      offset += size;
    },
  });
}

describe('request bodies (issue 11)', () => {
  const limit = REQUEST_LIMITS.maxBodyBytes;

  it('reads a body of exactly the limit, and refuses one byte more with 413 REQUEST_TOO_LARGE (issue 11)', async () => {
    const atLimit = await post(bodyOf(limit));
    expect(atLimit.status).toBe(200);
    expect(atLimit.body).toEqual({ data: { viewer: null } });
    const over = await post(bodyOf(limit + 1));
    expect(over.status).toBe(413);
    expect(over.body.data ?? null).toBeNull();
    expect(over.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
    await viewerAnswers();
  });

  it('answers a body of 10 MB with 413 at once, and the server answers the next request (issue 11)', async () => {
    const answer = await post(bodyOf(10 * 1024 * 1024));
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
    expect(answer.ms).toBeLessThan(5_000);
    await viewerAnswers();
  });

  it('counts a chunked body as it arrives: 10 MB is refused with 413, a chunked body within the limit is read (issue 11)', async () => {
    const answer = await post(chunked({ bytes: 10 * 1024 * 1024 }));
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
    expect(answer.ms).toBeLessThan(5_000);
    await viewerAnswers();
    const within = await post(chunked(bodyOf(limit)));
    expect(within.status).toBe(200);
    expect(within.body).toEqual({ data: { viewer: null } });
    const over = await post(chunked(bodyOf(limit + 1)));
    expect(over.status).toBe(413);
  });
});
