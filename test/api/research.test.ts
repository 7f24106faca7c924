import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@wijkkring/api';
import { Database, upsertCircles, upsertClients, upsertDistricts, type CircleRow } from '@wijkkring/graph';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Onderzoek (issue 10) through the real server: the organisation-network series, the client-derived
 * table with nothing below K by any field, the exports and their audit records, and the ego-network
 * download that only its own researcher's session can fetch.
 */

const K = 10;
let db: Database;
let server: RunningServer;
let world: World;
let researcher: ApiSession;
let researcherAccount: TestAccount;
let otherResearcher: ApiSession;
let admin: ApiSession;
const smallDistrictId = randomUUID();
const cohort: string[] = [];

/** A client who opted in, with one snapshot frozen in the third quarter of 2026. */
function client(districtId: string, n: number, inner: number): { id: string; circle: CircleRow } {
  const id = randomUUID();
  return {
    id,
    circle: {
      id: randomUUID(),
      clientId: id,
      label: null,
      createdAt: '2026-07-01T10:00:00Z',
      frozenAt: `2026-08-${String(10 + (n % 15)).padStart(2, '0')}T10:00:00Z`,
      entries: Array.from({ length: inner }, (_, i) => ({
        id: randomUUID(),
        targetId: world.organisations.walkIn.id,
        ring: 1 + (i % 4),
        sector: 'PROFESSIONALS',
        position: i,
        relation: null,
        support: i === 0 ? ['SAFETY_NET'] : [],
        wish: null,
        note: null,
      })),
    },
  };
}

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  // Fourteen opted-in clients in the world's wijk, three in a small wijk (below K), one who did not opt in.
  const large = Array.from({ length: 14 }, (_, n) => client(world.districtId, n, 2 + (n % 3)));
  const small = Array.from({ length: 3 }, (_, n) => client(smallDistrictId, n, 3));
  const notIn = client(world.districtId, 99, 3);
  cohort.push(...[...large, ...small, notIn].map((c) => c.id));
  await db.write(async (tx) => {
    await upsertDistricts(tx, [
      { id: smallDistrictId, name: `Kleine wijk ${world.tag}`, slug: `klein-${world.tag}`, focus: false, partOfId: null },
    ]);
    await upsertClients(tx, [
      ...large.map((c, n) => ({ id: c.id, name: `Onderzoek ${String(n)}`, districtId: world.districtId })),
      ...small.map((c, n) => ({ id: c.id, name: `Klein ${String(n)}`, districtId: smallDistrictId })),
      { id: notIn.id, name: 'Doet niet mee', districtId: world.districtId },
    ]);
    await upsertCircles(
      tx,
      [...large, ...small, notIn].map((c) => c.circle),
    );
    await tx.run('MATCH (c:Client) WHERE c.id IN $ids SET c.analysisConsent = true', {
      ids: [...large, ...small].map((c) => c.id),
    });
  });
  server = await startTestServer(db);
  researcherAccount = await createAccount(db, { role: 'RESEARCHER' });
  researcher = await signedIn(server, researcherAccount);
  otherResearcher = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
  admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run('MATCH (c:NetworkCircle)-[:OF]->(p:Client) WHERE p.id IN $ids DETACH DELETE c, p', { ids: cohort });
    await tx.run('MATCH (d:District {id: $id}) DETACH DELETE d', { id: smallDistrictId });
    await tx.run('MATCH (s:ResearchStudy) WHERE s.name STARTS WITH $tag DETACH DELETE s', { tag: world.tag });
  });
  await world.remove();
  await db.close();
});

async function exportRecords(account: TestAccount, subject: string): Promise<number> {
  const found = await db.read((tx) =>
    tx.run(
      `MATCH (r:AuditRecord {actorAccountId: $account, subject: $subject, action: 'EXPORT', result: 'SUCCESS'}) RETURN count(r) AS n`,
      { account: account.id, subject },
    ),
  );
  return Number(found.records[0]?.get('n') ?? 0);
}

const FIGURE = 'value suppressed';
const AGGREGATES = `query ($q: String!) { researchAggregates(quarter: $q) { period k primary secondary rows {
  districtId districtName clients { ${FIGURE} } entries { ${FIGURE} } meanCircleSize { ${FIGURE} }
  rings { ring count { ${FIGURE} } share { ${FIGURE} } }
  binary { measure count { ${FIGURE} } share { ${FIGURE} } }
  change { measure count { ${FIGURE} } share { ${FIGURE} } }
  signals { kind count { ${FIGURE} } share { ${FIGURE} } } } } }`;

interface Figure {
  value: number | null;
  suppressed: boolean;
}
interface Row {
  districtId: string | null;
  clients: Figure;
  entries: Figure;
  meanCircleSize: Figure;
  rings: { count: Figure; share: Figure }[];
  binary: { measure: string; count: Figure; share: Figure }[];
  change: { measure: string; count: Figure; share: Figure }[];
  signals: { kind: string; count: Figure; share: Figure }[];
}

describe('research figures (issue 10)', () => {
  it('gives the organisation network of a wijk per quarter, from the link history', async () => {
    const response = await researcher.graphql<{
      researchNetworkSeries: {
        districtName: string;
        periods: { period: string; organisations: number; links: number; density: number }[];
      }[];
    }>(
      'query ($d: ID!) { researchNetworkSeries(granularity: QUARTER, periods: 4, districtIds: [$d]) { districtName periods { period organisations links density } } }',
      {
        d: world.districtId,
      },
    );
    const [series] = response.data?.researchNetworkSeries ?? [];
    expect(series?.periods).toHaveLength(4);
    // The world's two organisation links began on 2024-01-01; five organisations are active.
    expect(series?.periods.at(-1)).toMatchObject({ organisations: 5, links: 2, density: 0.2 });
  });

  it('refuses a running or made-up quarter, and lists the completed ones', async () => {
    const quarters =
      (await researcher.graphql<{ researchQuarters: string[] }>('{ researchQuarters }')).data?.researchQuarters ?? [];
    expect(quarters).toHaveLength(8);
    const running = `${new Date().toISOString().slice(0, 4)}-Q${String(Math.floor(new Date().getUTCMonth() / 3) + 1)}`;
    expect(quarters).not.toContain(running);
    for (const quarter of [running, '1999-Q1', '2026-Q5', 'alles']) {
      const response = await researcher.graphql(AGGREGATES, { q: quarter });
      expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    }
  });

  it('never returns a client-derived count below K, nor a share or mean resting on fewer than K clients', async () => {
    const response = await researcher.graphql<{ researchAggregates: { k: number; rows: Row[] } }>(AGGREGATES, { q: '2026-Q3' });
    const table = response.data?.researchAggregates;
    expect(table?.k).toBe(K);
    const mine = table?.rows.find((r) => r.districtId === world.districtId);
    const small = table?.rows.find((r) => r.districtId === smallDistrictId);
    // Fourteen opted in here; the fifteenth client did not and does not count.
    expect(mine?.clients.value === 14 || mine?.clients.suppressed).toBe(true);
    expect(small?.clients).toEqual({ value: null, suppressed: true });
    for (const row of table?.rows ?? []) {
      const counts = [
        row.clients,
        row.entries,
        ...row.rings.map((f) => f.count),
        ...[...row.binary, ...row.change, ...row.signals].map((f) => f.count),
      ];
      for (const count of counts) {
        if (count.value !== null) expect(count.value === 0 || count.value >= K, JSON.stringify(row)).toBe(true);
        else expect(count.suppressed).toBe(true);
      }
      const ratios = [
        row.meanCircleSize,
        ...row.rings.map((f) => f.share),
        ...[...row.binary, ...row.signals].map((f) => f.share),
      ];
      for (const ratio of ratios) if (ratio.value !== null) expect(row.clients.value ?? 0).toBeGreaterThanOrEqual(K);
    }
  });
});

describe('research exports (issue 10)', () => {
  it('exports the organisation network as GraphML and CSV, each recorded as an export', async () => {
    const before = await exportRecords(researcherAccount, 'Query.researchNetworkExport');
    const query =
      'query ($d: ID!, $f: NetworkExportFormat!) { researchNetworkExport(districtId: $d, date: "2026-11-30", format: $f) { filename mediaType content } }';
    const graphml = await researcher.graphql<{ researchNetworkExport: { filename: string; mediaType: string; content: string } }>(
      query,
      { d: world.districtId, f: 'GRAPHML' },
    );
    expect(graphml.data?.researchNetworkExport.mediaType).toBe('application/graphml+xml');
    expect(graphml.data?.researchNetworkExport.filename).toMatch(/^wijkkring-testwijk-.*-2026-11-30\.graphml$/);
    expect(graphml.data?.researchNetworkExport.content).toContain(`>Inloop ${world.tag}<`);
    expect(graphml.data?.researchNetworkExport.content).not.toContain('Samira');
    const nodes = await researcher.graphql<{ researchNetworkExport: { content: string } }>(query, {
      d: world.districtId,
      f: 'NODES_CSV',
    });
    expect(nodes.data?.researchNetworkExport.content.split('\r\n')).toHaveLength(7);
    expect(await exportRecords(researcherAccount, 'Query.researchNetworkExport')).toBe(before + 2);
  });

  it('streams the ego networks as a zip of the three egor tables, to its own session only, after an export record', async () => {
    const before = await exportRecords(researcherAccount, 'Mutation.startEgoNetworkExport');
    const started = await researcher.graphql<{ startEgoNetworkExport: { url: string; expiresAt: string } }>(
      'mutation { startEgoNetworkExport { url expiresAt } }',
    );
    const url = started.data?.startEgoNetworkExport.url ?? '';
    expect(url).toMatch(/^\/export\/ego-network\//);
    expect(await exportRecords(researcherAccount, 'Mutation.startEgoNetworkExport')).toBe(before + 1);
    const base = `http://127.0.0.1:${String(server.port)}`;
    // Another researcher's session, no session, or a changed ticket: refused.
    for (const [cookie, path] of [
      [otherResearcher.cookie, url],
      [null, url],
      [researcher.cookie, `${url.slice(0, -3)}abc`],
    ] as const) {
      const refused = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
      expect(refused.status).toBe(403);
    }
    const response = await fetch(`${base}${url}`, { headers: { cookie: researcher.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['aaties.csv', 'alters.csv', 'egos.csv']);
    const egos = strFromU8(files['egos.csv'] ?? new Uint8Array()).split('\r\n');
    expect(egos[0]).toBe('egoID,clientID,wave,created,wijk,alters,ties');
    // Fourteen clients of the world's wijk opted in: at least K, so the wijk is named on their rows.
    expect(egos.filter((line) => line.includes(`,Testwijk ${world.tag},`))).toHaveLength(14);
    expect(egos.some((line) => line.includes(`Kleine wijk ${world.tag}`))).toBe(false);
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const secret of ['Onderzoek 1', 'Doet niet mee', ...cohort]) expect(everything).not.toContain(secret);
  });

  it('keeps a study’s pseudonyms from one export to the next, and only an admin sets one up', async () => {
    const refused = await researcher.graphql('mutation ($n: String!) { createResearchStudy(name: $n) { id } }', {
      n: `${world.tag} studie`,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await admin.graphql<{ createResearchStudy: { id: string } }>(
      'mutation ($n: String!) { createResearchStudy(name: $n) { id name } }',
      {
        n: `${world.tag} studie`,
      },
    );
    const studyId = created.data?.createResearchStudy.id;
    const twice = await admin.graphql('mutation ($n: String!) { createResearchStudy(name: $n) { id } }', {
      n: `${world.tag} studie`,
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const download = async (study: string | null): Promise<string[]> => {
      const started = await researcher.graphql<{ startEgoNetworkExport: { url: string } }>(
        'mutation ($s: ID) { startEgoNetworkExport(studyId: $s) { url } }',
        { s: study },
      );
      const response = await fetch(`http://127.0.0.1:${String(server.port)}${started.data?.startEgoNetworkExport.url ?? ''}`, {
        headers: { cookie: researcher.cookie ?? '' },
      });
      const egos = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['egos.csv'] ?? new Uint8Array());
      return egos
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[1] ?? '')
        .sort();
    };
    const [first, second] = [await download(studyId ?? null), await download(studyId ?? null)];
    expect(first.length).toBeGreaterThanOrEqual(17);
    expect(second).toEqual(first);
    const fresh = await download(null);
    expect(fresh.filter((id) => first.includes(id))).toEqual([]);
    const unknown = await researcher.graphql('mutation ($s: ID) { startEgoNetworkExport(studyId: $s) { url } }', {
      s: randomUUID(),
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
