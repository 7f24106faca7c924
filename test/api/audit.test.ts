import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { auditHead, Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commandEnv } from '../setup/neo4j.js';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { signedIn, startTestServer, type ApiSession } from '../support/api-client.js';
import { createWorld, grantWorkerAccess, type World } from '../support/fixtures.js';

let db: Database;
let server: RunningServer;
let world: World;
let client: ApiSession;
let worker: ApiSession;
let ref: string;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  await grantWorkerAccess(db, world, 'READ');
  server = await startTestServer(db);
  client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  worker = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, world.clientId);
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

interface Row {
  action: string;
  subject: string;
  result: string;
  actorRole: string | null;
  onBehalfOf: string | null;
  origin: string | null;
  at: string;
}

async function recordsSince(seq: number): Promise<Row[]> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (r:AuditRecord) WHERE r.seq > $seq AND r.clientRef = $ref
       RETURN r {.action, .subject, .result, .actorRole, .onBehalfOf, .origin, .at} AS r ORDER BY r.seq`,
      { seq, ref },
    );
    return result.records.map((record) => record.get('r') as Row);
  });
}

async function headSeq(): Promise<number> {
  return (await db.read((tx) => auditHead(tx)))?.seq ?? 0;
}

describe('the audit log (issue 3)', () => {
  const cases: [string, () => ApiSession, string, () => Record<string, unknown>, Partial<Row>][] = [
    [
      'a client reads their circle',
      () => client,
      'query ($id: ID!) { networkCircle(id: $id) { id entries { id } } }',
      () => ({ id: world.circle.id }),
      { action: 'READ', subject: 'NetworkCircle', result: 'SUCCESS', actorRole: 'CLIENT', onBehalfOf: null },
    ],
    [
      'a support worker reads the client and all its snapshots',
      () => worker,
      'query ($id: ID!) { client(id: $id) { name circles { id entries { id } } } }',
      () => ({ id: world.clientId }),
      { action: 'READ', subject: 'Client', result: 'SUCCESS', actorRole: 'SUPPORT_WORKER' },
    ],
    [
      'a support worker lists their clients',
      () => worker,
      '{ clients(first: 10) { nodes { id } } }',
      () => ({}),
      { action: 'SEARCH', subject: 'Client', result: 'SUCCESS' },
    ],
    [
      'a client looks at their grants',
      () => client,
      '{ myGrants { id } }',
      () => ({}),
      { action: 'READ', subject: 'AccessGrant', result: 'SUCCESS' },
    ],
    [
      'a client reads who looked',
      () => client,
      '{ myAuditTrail(first: 3) { nodes { id } } }',
      () => ({}),
      { action: 'READ', subject: 'AuditLog', result: 'SUCCESS' },
    ],
    [
      'a client changes analysis consent',
      () => client,
      'mutation { setAnalysisConsent(input: { consent: true }) { analysisConsent } }',
      () => ({}),
      { action: 'UPDATE', subject: 'Client', result: 'SUCCESS' },
    ],
    [
      'a client exports their data',
      () => client,
      'mutation { exportMyData { fileName } }',
      () => ({}),
      { action: 'EXPORT', subject: 'Client', result: 'SUCCESS' },
    ],
  ];

  for (const [name, session, query, variables, expected] of cases) {
    it(`writes exactly one record when ${name}`, async () => {
      const before = await headSeq();
      const response = await session().graphql(query, variables());
      expect(response.errors).toBeUndefined();
      const records = await recordsSince(before);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ ...expected, origin: expect.stringMatching(/127\.0\.0\.1/) as unknown });
      if (expected.actorRole === 'SUPPORT_WORKER') expect(records[0]?.onBehalfOf).toBe(world.organisations.care.id);
      expect(records[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
  }

  it('records a grant and its revocation, and a denied look', async () => {
    const before = await headSeq();
    const granted = await client.graphql<{ grantAccess: { id: string } }>(
      'mutation ($w: ID!) { grantAccess(input: { supportWorkerId: $w, level: READ }) { id } }',
      { w: world.workerId },
    );
    const grantId = granted.data?.grantAccess.id ?? '';
    await client.graphql('mutation ($g: ID!) { revokeAccess(input: { grantId: $g }) { id } }', { g: grantId });
    const denied = await worker.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const records = await recordsSince(before);
    expect(records.map((r) => [r.action, r.subject, r.result])).toEqual([
      ['CREATE', 'AccessGrant', 'SUCCESS'],
      ['UPDATE', 'AccessGrant', 'SUCCESS'],
      ['READ', 'NetworkCircle', 'DENIED'],
    ]);
    // Give the grant back for the other tests.
    await client.graphql('mutation ($w: ID!) { grantAccess(input: { supportWorkerId: $w, level: READ }) { id } }', {
      w: world.workerId,
    });
  });

  it('records failed logins', async () => {
    const before = await headSeq();
    const username = `niemand-${randomUUID().slice(0, 8)}`;
    await client.graphql('mutation ($u: String!) { login(input: { username: $u, password: "x" }) { status } }', { u: username });
    const found = await db.read(async (tx) => {
      const result = await tx.run(
        'MATCH (r:AuditRecord) WHERE r.seq > $seq AND r.actorLabel = $u RETURN r.action AS action, r.result AS result',
        {
          seq: before,
          u: username,
        },
      );
      return result.records.map((r) => [r.get('action') as string, r.get('result') as string]);
    });
    expect(found).toEqual([['LOGIN', 'FAILED']]);
  });

  it('shows the client who looked at their circle', async () => {
    await worker.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
    const trail = await client.graphql<{
      myAuditTrail: {
        nodes: { actorName: string; actorIsYou: boolean; action: string; subject: string; actorOrganisation: string | null }[];
      };
    }>('{ myAuditTrail(first: 20) { nodes { actorName actorIsYou action subject actorOrganisation } } }');
    expect(trail.data?.myAuditTrail.nodes).toContainEqual(
      expect.objectContaining({
        actorIsYou: false,
        action: 'READ',
        subject: 'NetworkCircle',
        actorOrganisation: world.organisations.care.name,
      }),
    );
  });

  it('folds the client’s own looks away unless asked for, and keeps the begeleider’s look and the client’s own changes (issue 11)', async () => {
    await client.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
    await worker.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id });
    await client.graphql('mutation { setAnalysisConsent(input: { consent: false }) { analysisConsent } }');
    type Trail = {
      myAuditTrail: { nodes: { actorIsYou: boolean; action: string; subject: string }[]; pageInfo: { totalCount: number } };
    };
    const query =
      'query ($own: Boolean!) { myAuditTrail(first: 100, includeOwnLooks: $own) { nodes { actorIsYou action subject } pageInfo { totalCount } } }';
    const folded = (await client.graphql<Trail>(query, { own: false })).data?.myAuditTrail;
    const all = (await client.graphql<Trail>(query, { own: true })).data?.myAuditTrail;
    expect(folded?.nodes.some((n) => n.actorIsYou && (n.action === 'READ' || n.action === 'SEARCH'))).toBe(false);
    expect(folded?.nodes).toContainEqual(
      expect.objectContaining({ actorIsYou: false, action: 'READ', subject: 'NetworkCircle' }),
    );
    expect(folded?.nodes.some((n) => n.actorIsYou && n.action === 'UPDATE')).toBe(true);
    expect(all?.nodes).toContainEqual(expect.objectContaining({ actorIsYou: true, action: 'READ', subject: 'NetworkCircle' }));
    expect((all?.pageInfo.totalCount ?? 0) > (folded?.pageInfo.totalCount ?? 0)).toBe(true);
  });

  it('fails the request, returning nothing, when the audit record cannot be written', async () => {
    // A record already holding the next sequence number makes the append fail on the unique constraint.
    const next = (await headSeq()) + 1;
    await db.write((tx) => tx.run("CREATE (:AuditRecord {seq: $seq, id: 'blocker-' + $seq})", { seq: next }));
    try {
      const read = await client.graphql('query ($id: ID!) { networkCircle(id: $id) { id clientName entries { id } } }', {
        id: world.circle.id,
      });
      expect(read.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(read.data ?? null).toBeNull();
      expect(JSON.stringify(read)).not.toContain(world.tag);

      const grant = await client.graphql(
        'mutation ($w: ID!) { grantAccess(input: { supportWorkerId: $w, level: EDIT }) { id } }',
        { w: world.workerId },
      );
      expect(grant.data ?? null).toBeNull();
      const edits = await db.read(async (tx) => {
        const result = await tx.run("MATCH (:Client {id: $c})-[g:GRANTS_ACCESS {level: 'EDIT'}]->() RETURN count(g) AS n", {
          c: world.clientId,
        });
        return result.records[0]?.get('n') as number;
      });
      expect(edits).toBe(0);
    } finally {
      await db.write((tx) =>
        tx.run('MATCH (r:AuditRecord {seq: $seq}) WHERE r.id STARTS WITH "blocker-" DELETE r', { seq: next }),
      );
    }
  });

  it('npm run audit:verify accepts the chain, and names the first altered record', () => {
    const neo = inject('neo4j');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = () =>
      spawnSync(process.execPath, ['scripts/wk.mjs', 'audit', 'verify'], {
        cwd: root,
        encoding: 'utf8',
        env: commandEnv(neo),
        timeout: 120_000,
      });
    const ok = run();
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    return db
      .write((tx) =>
        tx.run(
          "MATCH (r:AuditRecord) WITH r ORDER BY r.seq DESC LIMIT 1 SET r.detail = coalesce(r.detail, '') + ' (gewijzigd)' RETURN r.seq AS seq",
          {},
        ),
      )
      .then(async (result) => {
        const seq = result.records[0]?.get('seq') as number;
        try {
          const broken = run();
          expect(broken.status).toBe(1);
          expect(broken.stdout + broken.stderr).toContain(`record ${String(seq)}`);
        } finally {
          await db.write((tx) =>
            tx.run(
              "MATCH (r:AuditRecord {seq: $seq}) SET r.detail = CASE WHEN r.detail = ' (gewijzigd)' THEN null ELSE substring(r.detail, 0, size(r.detail) - 12) END",
              {
                seq,
              },
            ),
          );
        }
        expect(run().status).toBe(0);
      });
  });
});
