import { randomUUID } from 'node:crypto';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY, type RunningServer } from '@wijkkring/api';
import { Database, upsertCircles, upsertClients, upsertContacts, upsertGrants } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { signedIn, startTestServer } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

let db: Database;
let server: RunningServer;
let world: World;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

/** A client of their own (with circles, people only in them, and a grant), so erasing it leaves the world intact. */
async function createClientWithCircles(names: { client: string; contact: string; note?: string }) {
  const ids = { client: randomUUID(), contact: randomUUID(), circle: randomUUID(), old: randomUUID(), grant: randomUUID() };
  await db.write(async (tx) => {
    await upsertClients(tx, [{ id: ids.client, name: names.client, districtId: world.districtId }]);
    await upsertContacts(tx, [{ id: ids.contact, clientId: ids.client, name: names.contact }]);
    const entries = (ring: number) => [
      {
        id: randomUUID(),
        targetId: ids.contact,
        ring,
        sector: 'FAMILY',
        position: 0,
        relation: 'nicht',
        support: ['COMPANY' as const],
        wish: null,
        note: names.note ?? 'zondag',
      },
      {
        id: randomUUID(),
        targetId: world.workerId,
        ring: 4,
        sector: 'PROFESSIONALS',
        position: 0,
        relation: 'begeleider',
        support: [],
        wish: null,
        note: null,
      },
      {
        id: randomUUID(),
        targetId: world.organisations.gp.id,
        ring: 4,
        sector: 'PROFESSIONALS',
        position: 1,
        relation: 'huisarts',
        support: [],
        wish: null,
        note: null,
      },
    ];
    await upsertCircles(tx, [
      {
        id: ids.old,
        clientId: ids.client,
        label: 'Vorig jaar',
        createdAt: '2025-06-01T10:00:00Z',
        frozenAt: '2025-06-01T10:00:00Z',
        entries: entries(3),
      },
      {
        id: ids.circle,
        clientId: ids.client,
        label: null,
        createdAt: '2026-06-01T10:00:00Z',
        frozenAt: null,
        entries: entries(2),
      },
    ]);
    await upsertGrants(tx, [
      {
        id: ids.grant,
        clientId: ids.client,
        supportWorkerId: world.workerId,
        level: 'READ',
        grantedAt: '2026-01-01T00:00:00Z',
        until: null,
      },
    ]);
  });
  return ids;
}

/** Every node or relationship with any property whose text contains `needle`. */
async function occurrences(needle: string): Promise<string[]> {
  return db.read(async (tx) => {
    const nodes = await tx.run(
      'MATCH (n) WHERE any(k IN keys(n) WHERE toStringOrNull(n[k]) CONTAINS $needle) RETURN labels(n)[0] + coalesce(" " + n.id, "") AS what',
      { needle },
    );
    const rels = await tx.run(
      'MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE toStringOrNull(r[k]) CONTAINS $needle) RETURN type(r) + coalesce(" " + r.id, "") AS what',
      { needle },
    );
    return [...nodes.records, ...rels.records].map((r) => r.get('what') as string);
  });
}

describe('data-subject rights (issue 3)', () => {
  it('exports everything about the client in one machine-readable file', async () => {
    const tag = randomUUID().slice(0, 6);
    const ids = await createClientWithCircles({ client: `Export${tag}`, contact: `Nicht${tag}` });
    const account = await createAccount(db, { role: 'CLIENT', personId: ids.client });
    const session = await signedIn(server, account);
    await session.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: ids.circle });
    const response = await session.graphql<{ exportMyData: { fileName: string; json: string } }>(
      'mutation { exportMyData { fileName json } }',
    );
    expect(response.data?.exportMyData.fileName).toMatch(/^wijkkring-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(response.data?.exportMyData.json ?? '{}') as {
      format: string;
      account: { username: string };
      client: { id: string; name: string; analysisConsent: boolean };
      peopleInYourCircles: { name: string }[];
      circles: { id: string; entries: { relation: string; note: string | null }[] }[];
      grants: { id: string; supportWorker: { name: string } }[];
      auditRecords: { action: string; subject: string; clientRef: string }[];
    };
    expect(data.format).toBe('wijkkring-export/1');
    expect(data.account.username).toBe(account.username);
    expect(data.client).toMatchObject({ id: ids.client, name: `Export${tag}`, analysisConsent: false });
    expect(data.peopleInYourCircles.map((p) => p.name)).toEqual([`Nicht${tag}`]);
    expect(data.circles.map((c) => c.id).sort()).toEqual([ids.circle, ids.old].sort());
    expect(data.circles.every((c) => c.entries.length === 3)).toBe(true);
    expect(data.circles[0]?.entries.map((e) => e.note)).toContain('zondag');
    expect(data.grants).toEqual([
      expect.objectContaining({
        id: ids.grant,
        supportWorker: expect.objectContaining({ name: `Begeleider ${world.tag}` }) as unknown,
      }),
    ]);
    const ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, ids.client);
    expect(data.auditRecords.every((r) => r.clientRef === ref)).toBe(true);
    expect(data.auditRecords.map((r) => `${r.action} ${r.subject}`)).toEqual(
      expect.arrayContaining(['LOGIN Session', 'READ NetworkCircle', 'EXPORT Client']),
    );
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|totpSecret|\$argon2/);
    await db.write((tx) =>
      tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [ids.client, ids.contact, ids.circle, ids.old] }),
    );
  });

  it('erases the client, their circles and everyone who appears only in them, and keeps the erasure on record', async () => {
    const tag = randomUUID().slice(0, 6);
    const names = { client: `Wis${tag}`, contact: `Tante${tag}`, note: `zondag ${tag}` };
    const ids = await createClientWithCircles(names);
    const account = await createAccount(db, { role: 'CLIENT', personId: ids.client });
    const session = await signedIn(server, account);

    const refused = await session.graphql('mutation { eraseMyData(input: { confirmation: "ja" }) { ok } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.confirmation' });
    expect(await occurrences(names.client)).not.toEqual([]);

    const erased = await session.graphql<{ eraseMyData: { ok: boolean } }>(
      'mutation { eraseMyData(input: { confirmation: "VERWIJDEREN" }) { ok } }',
    );
    expect(erased.data?.eraseMyData.ok).toBe(true);
    expect(erased.cookies.some((c) => c.startsWith('wk_session=;'))).toBe(true);

    // Nothing of the client or of the people only in their circles is left anywhere.
    for (const needle of [
      names.client,
      names.contact,
      ids.client,
      ids.contact,
      ids.circle,
      ids.old,
      ids.grant,
      names.note,
      account.username,
    ]) {
      expect(await occurrences(needle), needle).toEqual([]);
    }
    // What was not theirs stays: the support worker and the organisation they had placed.
    expect(await occurrences(world.workerId)).not.toEqual([]);
    expect(await occurrences(world.organisations.gp.id)).not.toEqual([]);
    // The erasure itself is on record, under the pseudonym.
    const ref = clientRef(DEVELOPMENT_PSEUDONYM_KEY, ids.client);
    const trail = await db.read(async (tx) => {
      const result = await tx.run("MATCH (r:AuditRecord {clientRef: $ref, action: 'DELETE'}) RETURN r.subject AS subject", {
        ref,
      });
      return result.records.map((r) => r.get('subject') as string);
    });
    expect(trail).toEqual(['Client']);
    // The old session is gone with the account.
    expect((await session.graphql('{ viewer { username } }')).data).toEqual({ viewer: null });
  });

  it('lets an admin find a person who appears in several circles and erase or correct them everywhere', async () => {
    const tag = randomUUID().slice(0, 6);
    const neighbour = `Buurvrouw${tag}`;
    const first = await createClientWithCircles({ client: `Een${tag}`, contact: neighbour });
    const second = await createClientWithCircles({ client: `Twee${tag}`, contact: neighbour });
    const admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));

    const found = await admin.graphql<{
      circlePeople: {
        id: string;
        name: string;
        circleCount: number;
        relations: string[];
        districtName: string;
        firstSeen: string;
        lastSeen: string;
      }[];
    }>('query ($n: String!) { circlePeople(name: $n) { id name circleCount relations districtName firstSeen lastSeen } }', {
      n: neighbour,
    });
    const matches = found.data?.circlePeople ?? [];
    expect(matches.map((m) => m.id).sort()).toEqual([first.contact, second.contact].sort());
    expect(matches.every((m) => m.circleCount === 2)).toBe(true);
    // Enough to tell two people of one name apart without reading a circle (issue 11).
    for (const match of matches) {
      expect(match).toMatchObject({
        relations: ['nicht'],
        districtName: `Testwijk ${world.tag}`,
        firstSeen: '2025-06',
        lastSeen: '2026-06',
      });
    }

    const corrected = await admin.graphql(
      'mutation ($p: ID!, $n: String!) { rectifyCirclePerson(input: { personId: $p, name: $n }) { ok } }',
      {
        p: first.contact,
        n: `Buurvrouw Els ${tag}`,
      },
    );
    expect(corrected.errors).toBeUndefined();
    expect(await occurrences(`Buurvrouw Els ${tag}`)).toEqual([`Person ${first.contact}`]);

    // Ties between every two entries of the first circle (issue 4): those naming the erased person's entries must go.
    await db.write((tx) =>
      tx.run(
        `MATCH (c:NetworkCircle {id: $id})-[p:PLACES]->() WITH c, collect(p.id) AS ids
         SET c.ties = reduce(acc = [], a IN ids | acc + [b IN ids WHERE a < b | a + '~' + b])`,
        { id: first.circle },
      ),
    );
    const erased = await admin.graphql('mutation ($ids: [ID!]!) { eraseCirclePeople(input: { personIds: $ids }) { ok } }', {
      ids: [first.contact, second.contact],
    });
    expect(erased.errors).toBeUndefined();
    for (const needle of [neighbour, `Buurvrouw Els ${tag}`, first.contact, second.contact])
      expect(await occurrences(needle), needle).toEqual([]);
    // The circles themselves stay, with their other entries.
    const remaining = await db.read(async (tx) => {
      const result = await tx.run('MATCH (c:NetworkCircle)-[p:PLACES]->() WHERE c.id IN $ids RETURN count(p) AS n', {
        ids: [first.circle, second.circle],
      });
      return result.records[0]?.get('n') as number;
    });
    expect(remaining).toBe(4);
    const dangling = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (c:NetworkCircle {id: $id}) UNWIND c.ties AS tie
         RETURN count(tie) AS ties, sum(CASE WHEN all(e IN split(tie, '~') WHERE EXISTS { (c)-[:PLACES {id: e}]->() }) THEN 0 ELSE 1 END) AS dangling`,
        { id: first.circle },
      );
      return { ties: result.records[0]?.get('ties') as number, dangling: result.records[0]?.get('dangling') as number };
    });
    expect(dangling).toEqual({ ties: 1, dangling: 0 });
    const deletes = await db.read(async (tx) => {
      const result = await tx.run(
        "MATCH (r:AuditRecord {action: 'DELETE', subject: 'CirclePerson'}) WHERE r.clientRef IN $refs RETURN count(r) AS n",
        {
          refs: [first.client, second.client].map((id) => clientRef(DEVELOPMENT_PSEUDONYM_KEY, id)),
        },
      );
      return result.records[0]?.get('n') as number;
    });
    expect(deletes).toBe(2);
    await db.write((tx) =>
      tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', {
        ids: [first.client, second.client, first.circle, second.circle, first.old, second.old],
      }),
    );
  });
});
