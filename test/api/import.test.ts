import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@wijkkring/api';
import { Database, socialMapCsv, type CsvRow } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * Import of a sociale kaart (issue 11) through the real server: the upload endpoint, the dry run
 * and the apply. Every name carries this run's tag, so the data of other tests (and the demo
 * organisations) is never touched; afterAll removes what the imports made.
 */

let db: Database;
let server: RunningServer;
let world: World;
let admin: ApiSession;
let otherAdmin: ApiSession;
const others = {} as Record<'ANONYMOUS' | 'CLIENT' | 'SUPPORT_WORKER' | 'COORDINATOR' | 'RESEARCHER', ApiSession>;
const tag = randomUUID().slice(0, 8);

const PREVIEW = `query ($id: ID!) {
  socialMapImportPreview(uploadId: $id) {
    uploadId canApply errorCount
    totals { lines create change unchanged error byKind { kind create change unchanged } }
    errors(first: 50) { line column code message }
    lines(first: 100) { totalCount nodes { line kind label outcome changes } }
  }
}`;
const APPLY = `mutation ($id: ID!) {
  applySocialMapImport(uploadId: $id) { closedActions totals { lines create change unchanged error } }
}`;

interface Totals {
  lines: number;
  create: number;
  change: number;
  unchanged: number;
  error: number;
}
interface Preview {
  uploadId: string;
  canApply: boolean;
  errorCount: number;
  totals: Totals & { byKind: { kind: string; create: number; change: number; unchanged: number }[] };
  errors: { line: number; column: string | null; code: string; message: string }[];
  lines: {
    totalCount: number;
    nodes: { line: number; kind: string | null; label: string; outcome: string; changes: string[] }[];
  };
}

async function upload(
  session: ApiSession,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { uploadId?: string; errors?: { extensions: { code: string } }[] } }> {
  const response = await fetch(`http://127.0.0.1:${String(server.port)}/import/sociale-kaart`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      'x-wijkkring-csrf': '1',
      ...(session.cookie ? { cookie: session.cookie } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

async function preview(session: ApiSession, body: string | Uint8Array): Promise<Preview> {
  const uploaded = await upload(session, body);
  expect(uploaded.status).toBe(201);
  const response = await session.graphql<{ socialMapImportPreview: Preview }>(PREVIEW, { id: uploaded.json.uploadId });
  expect(response.errors).toBeUndefined();
  const result = response.data?.socialMapImportPreview;
  if (!result) throw new Error('no preview');
  return result;
}

async function apply(session: ApiSession, id: string) {
  return session.graphql<{ applySocialMapImport: { closedActions: number; totals: Totals } }>(APPLY, { id });
}

/** What this run's imports put in the database, counted. */
async function counts(): Promise<Record<string, number>> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL () { MATCH (o:Organisation) WHERE o.slug CONTAINS $tag RETURN count(o) AS organisations }
       CALL () { MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.slug CONTAINS $tag RETURN count(f) AS offerings }
       CALL () { MATCH (p:Partnership) WHERE p.name CONTAINS $tag RETURN count(p) AS partnerships }
       CALL () { MATCH (:Organisation)-[m:MEMBER_OF]->(p:Partnership) WHERE p.name CONTAINS $tag RETURN count(m) AS memberships }
       CALL () { MATCH (a:Organisation)-[l:COLLABORATES_WITH]->(:Organisation) WHERE a.slug CONTAINS $tag RETURN count(l) AS links }
       CALL () { MATCH (o:Organisation)-[r:ACTIVE_IN]->() WHERE o.slug CONTAINS $tag RETURN count(r) AS activeIn }
       RETURN organisations, offerings, partnerships, memberships, links, activeIn`,
      { tag },
    );
    return result.records[0]?.toObject() as Record<string, number>;
  });
}

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  server = await startTestServer(db);
  admin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
  otherAdmin = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
  others.ANONYMOUS = new ApiSession(server);
  others.CLIENT = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  others.SUPPORT_WORKER = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  others.COORDINATOR = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
  others.RESEARCHER = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
});

afterAll(async () => {
  await server.close();
  await db.write(async (tx) => {
    await tx.run('MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.slug CONTAINS $tag DETACH DELETE f', { tag });
    await tx.run('MATCH (o:Organisation) WHERE o.slug CONTAINS $tag DETACH DELETE o', { tag });
    await tx.run('MATCH (p:Partnership) WHERE p.name CONTAINS $tag DETACH DELETE p', { tag });
  });
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

/** A small, valid file: every kind of line, in the world's wijk. */
function goodRows(suffix = tag): CsvRow[] {
  const wijk = `Testwijk ${world.tag}`;
  return [
    { soort: 'organisatie', naam: `Inloophuis ${suffix}`, spoor: '1', wijk, notitie: 'Open op dinsdag; "welkom"' },
    { soort: 'organisatie', naam: `Buurtteam Sociaal ${suffix}`, sector: 'buurtteams', wijk },
    {
      soort: 'organisatie',
      naam: `Huisartsenpraktijk ${suffix}`,
      sector: 'eerstelijnszorg',
      wijk: `${wijk}, Andere wijk ${world.tag}`,
    },
    { soort: 'aanbod', organisatie: `Inloophuis ${suffix}`, naam: 'Taalcafé', wijk, categorie: 'taal', talen: 'nl, ar' },
    { soort: 'samenwerkingsverband', naam: `Kernteam ${suffix}`, type: 'kernteam', wijk },
    { soort: 'lid', organisatie: `Inloophuis ${suffix}`, samenwerkingsverband: `Kernteam ${suffix}`, vanaf: '01-03-2024' },
    {
      soort: 'koppeling',
      organisatie: `Inloophuis ${suffix}`,
      met: `Buurtteam Sociaal ${suffix}`,
      type: 'doorverwijzing',
      vanaf: '2024-01-15',
      sterkte: '3',
      bron: 'eigen kennis',
    },
    // A link to an organisation that is only in the database (the world's).
    {
      soort: 'koppeling',
      organisatie: `Huisartsenpraktijk ${suffix}`,
      met: world.organisations.walkIn.name,
      type: 'samenwerking',
    },
  ];
}

describe('import of a sociale kaart (issue 11)', () => {
  it('plans a new file as creates, applies it all, and a second import of the same file changes nothing', async () => {
    const text = socialMapCsv(goodRows());
    const first = await preview(admin, text);
    expect(first.errors).toEqual([]);
    expect(first.canApply).toBe(true);
    expect(first.totals).toMatchObject({ lines: 8, create: 8, change: 0, unchanged: 0, error: 0 });
    expect(first.lines.nodes.map((l) => [l.line, l.kind, l.outcome])).toEqual([
      [2, 'ORGANISATION', 'CREATE'],
      [3, 'ORGANISATION', 'CREATE'],
      [4, 'ORGANISATION', 'CREATE'],
      [5, 'OFFERING', 'CREATE'],
      [6, 'PARTNERSHIP', 'CREATE'],
      [7, 'MEMBERSHIP', 'CREATE'],
      [8, 'LINK', 'CREATE'],
      [9, 'LINK', 'CREATE'],
    ]);
    // The dry run changed nothing.
    expect((await counts()).organisations).toBe(0);

    const applied = await apply(admin, first.uploadId);
    expect(applied.errors).toBeUndefined();
    expect(applied.data?.applySocialMapImport.totals).toMatchObject({ create: 8, change: 0, unchanged: 0 });
    const after = await counts();
    expect(after).toEqual({ organisations: 3, offerings: 1, partnerships: 1, memberships: 1, links: 2, activeIn: 4 });

    // What was written is what the file says.
    const stored = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (o:Organisation {slug: $slug})-[:OFFERS]->(f:Offering)-[:IN]->(d:District)
         MATCH (o)-[m:MEMBER_OF]->(p:Partnership)-[:IN]->(d)
         MATCH (o)-[l:COLLABORATES_WITH]->(b:Organisation)
         RETURN o.name AS name, o.tier AS tier, o.sector AS sector, o.note AS note, f.category AS category, f.languages AS languages,
                d.id AS districtId, toString(m.since) AS since, l.kind AS kind, toString(l.since) AS linkSince, l.strength AS strength,
                l.source AS source, b.name AS other`,
        { slug: `inloophuis-${tag}` },
      );
      return result.records.map((r) => r.toObject());
    });
    expect(stored).toEqual([
      {
        name: `Inloophuis ${tag}`,
        tier: 1,
        sector: 'SOCIAL_BASE',
        note: 'Open op dinsdag; "welkom"',
        category: 'LANGUAGE',
        languages: ['nl', 'ar'],
        districtId: world.districtId,
        since: '2024-03-01',
        kind: 'REFERRAL',
        linkSince: '2024-01-15',
        strength: 3,
        source: 'USER',
        other: `Buurtteam Sociaal ${tag}`,
      },
    ]);

    // The apply is in the audit log, with its counts and no client.
    const audit = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (r:AuditRecord {subject: 'SocialMap'}) WHERE r.detail CONTAINS '8 new'
         RETURN r.action AS action, r.result AS result, r.clientRef AS clientRef ORDER BY r.seq DESC LIMIT 1`,
      );
      return result.records[0]?.toObject();
    });
    expect(audit).toEqual({ action: 'CREATE', result: 'SUCCESS', clientRef: null });

    // The applied upload is gone.
    const again = await apply(admin, first.uploadId);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The same file once more: everything unchanged, and applying it changes nothing.
    const second = await preview(admin, text);
    expect(second.totals).toMatchObject({ lines: 8, create: 0, change: 0, unchanged: 8, error: 0 });
    expect(second.lines.nodes.every((l) => l.outcome === 'UNCHANGED')).toBe(true);
    const reapplied = await apply(admin, second.uploadId);
    expect(reapplied.data?.applySocialMapImport.totals).toMatchObject({ create: 0, change: 0, unchanged: 8 });
    expect(await counts()).toEqual(after);
  });

  it('says which columns a changed line changes, and changes only those', async () => {
    const suffix = `wijzig-${tag}`;
    const rows = goodRows(suffix);
    const first = await preview(admin, socialMapCsv(rows));
    expect((await apply(admin, first.uploadId)).errors).toBeUndefined();
    const changed = rows.map((row) =>
      row.naam === `Inloophuis ${suffix}`
        ? { ...row, spoor: '', sector: 'gemeente', notitie: 'Nu ook op woensdag' }
        : row.soort === 'koppeling' && row.type === 'doorverwijzing'
          ? { ...row, sterkte: '5', tot: '31-12-2026' }
          : row,
    );
    const second = await preview(admin, socialMapCsv(changed));
    expect(second.lines.nodes.filter((l) => l.outcome !== 'UNCHANGED').map((l) => [l.line, l.outcome, l.changes])).toEqual([
      [2, 'CHANGE', ['sector', 'notitie']],
      [8, 'CHANGE', ['tot', 'sterkte']],
    ]);
    const applied = await apply(admin, second.uploadId);
    expect(applied.data?.applySocialMapImport.totals).toMatchObject({ create: 0, change: 2, unchanged: 6 });
    const org = await db.read(async (tx) => {
      const result = await tx.run(
        'MATCH (o:Organisation {slug: $slug}) RETURN o.sector AS sector, o.tier AS tier, o.note AS note',
        {
          slug: `inloophuis-wijzig-${tag}`,
        },
      );
      return result.records[0]?.toObject();
    });
    expect(org).toEqual({ sector: 'MUNICIPALITY', tier: null, note: 'Nu ook op woensdag' });
  });

  it('finds an organisation by its name without case or accents, and a merged one as the one it was merged into', async () => {
    const survivor = world.organisations.team;
    const merged = { id: randomUUID(), name: `Oude Naam ${tag}` };
    await db.write(async (tx) => {
      await tx.run(
        `CREATE (o:Organisation {id: $id, name: $name, slug: $slug, sector: 'SOCIAL_BASE', tier: 1, mergedInto: $into})`,
        { ...merged, slug: `oude-naam-${tag}`, into: survivor.id },
      );
    });
    try {
      const result = await preview(
        admin,
        socialMapCsv([
          { soort: 'organisatie', naam: `Nieuw Huis ${tag}`, spoor: '1' },
          { soort: 'koppeling', organisatie: `Nieuw Huis ${tag}`, met: `OUDE naam ${tag}`, type: 'financiering' },
          {
            soort: 'koppeling',
            organisatie: `Nieuw Huis ${tag}`,
            met: world.organisations.gp.name.toUpperCase(),
            type: 'financiering',
          },
        ]),
      );
      expect(result.errors).toEqual([]);
      expect((await apply(admin, result.uploadId)).errors).toBeUndefined();
      const ends = await db.read(async (tx) => {
        const found = await tx.run(
          `MATCH (:Organisation {slug: $slug})-[l:COLLABORATES_WITH {kind: 'FUNDING'}]->(b) RETURN b.id AS id ORDER BY id`,
          { slug: `nieuw-huis-${tag}` },
        );
        return found.records.map((r) => r.get('id') as string);
      });
      expect(ends).toEqual([survivor.id, world.organisations.gp.id].sort());
    } finally {
      await db.write((tx) => tx.run('MATCH (o:Organisation {id: $id}) DETACH DELETE o', { id: merged.id }));
    }
  });

  describe('a malformed file gets every error with line, column and a Dutch message, and cannot be applied', () => {
    const wijk = (): string => `Testwijk ${world.tag}`;
    const cases: { name: string; file: () => string | Uint8Array; expected: [number, string | null, string][]; text?: RegExp }[] =
      [
        {
          name: 'unknown tier',
          file: () => socialMapCsv([{ soort: 'organisatie', naam: `Spoorloos ${tag}`, spoor: '7', wijk: wijk() }]),
          expected: [[2, 'spoor', 'UNKNOWN_TIER']],
          text: /Het spoor "7" kennen we niet/,
        },
        {
          name: 'unknown wijk',
          file: () => socialMapCsv([{ soort: 'organisatie', naam: `Zwerver ${tag}`, spoor: '1', wijk: 'Atlantis' }]),
          expected: [[2, 'wijk', 'UNKNOWN_WIJK']],
          text: /De wijk "Atlantis" kennen we niet/,
        },
        {
          name: 'link to an organisation that does not exist',
          file: () =>
            socialMapCsv([
              { soort: 'organisatie', naam: `Echt ${tag}`, spoor: '1', wijk: wijk() },
              { soort: 'koppeling', organisatie: `Echt ${tag}`, met: `Verzonnen ${tag}`, type: 'samenwerking' },
            ]),
          expected: [[3, 'met', 'UNKNOWN_ORGANISATION']],
          text: /staat niet in het bestand en niet in Wijkkring/,
        },
        {
          name: 'duplicated rows',
          file: () =>
            socialMapCsv([
              { soort: 'organisatie', naam: `Dubbel ${tag}`, spoor: '1', wijk: wijk() },
              { soort: 'organisatie', naam: `dubbel ${tag}`, spoor: '1', wijk: wijk() },
            ]),
          expected: [[3, null, 'DUPLICATE_ROW']],
          text: /hetzelfde als regel 2/,
        },
        {
          name: 'field too long',
          file: () => socialMapCsv([{ soort: 'organisatie', naam: `Lang ${tag} ${'x'.repeat(200)}`, spoor: '1' }]),
          expected: [[2, 'naam', 'FIELD_TOO_LONG']],
          text: /hooguit 120 tekens/,
        },
        {
          name: 'wrong encoding (Windows-1252)',
          file: () => {
            const head = new TextEncoder().encode(`soort;naam;spoor\r\norganisatie;Goed ${tag};1\r\norganisatie;Wijkco`);
            const tail = new TextEncoder().encode(`peratie ${tag};1\r\n`);
            return new Uint8Array([...head, 0xf6, ...tail]);
          },
          expected: [[3, null, 'WRONG_ENCODING']],
          text: /Sla het bestand op als CSV UTF-8/,
        },
        {
          name: 'bad quoting',
          file: () => `soort;naam;spoor\r\norganisatie;"Stichting "Aanhalingsteken" ${tag}";1\r\norganisatie;Goed ${tag};1\r\n`,
          expected: [[2, null, 'BAD_QUOTING']],
          text: /aanhalingsteken/,
        },
        {
          name: 'missing header column',
          file: () => `soort;naam;organisatie\r\nkoppeling;;Een ${tag}\r\n`,
          expected: [
            [1, 'met', 'MISSING_COLUMN'],
            [1, 'type', 'MISSING_COLUMN'],
          ],
          text: /De kolom "met" ontbreekt in de eerste regel/,
        },
        {
          name: 'a link to an organisation whose own line has an error: one error, not two',
          file: () =>
            socialMapCsv([
              { soort: 'organisatie', naam: `Eerste ${tag}`, spoor: '1', wijk: wijk() },
              { soort: 'organisatie', naam: `Tweede ${tag}`, spoor: '1', wijk: 'Atlantis' },
              { soort: 'organisatie', naam: `Derde ${tag}`, spoor: '1', notitie: 'x'.repeat(281) },
              { soort: 'koppeling', organisatie: `Eerste ${tag}`, met: `Tweede ${tag}`, type: 'samenwerking' },
              { soort: 'koppeling', organisatie: `Eerste ${tag}`, met: `Derde ${tag}`, type: 'samenwerking' },
            ]),
          expected: [
            [3, 'wijk', 'UNKNOWN_WIJK'],
            [4, 'notitie', 'FIELD_TOO_LONG'],
          ],
        },
        {
          name: 'no soort column at all',
          file: () => `naam;spoor\r\nKolomloos ${tag};1\r\n`,
          expected: [[1, 'soort', 'MISSING_COLUMN']],
        },
      ];
    for (const c of cases) {
      it(c.name, async () => {
        const before = await counts();
        const result = await preview(admin, c.file());
        expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual(c.expected);
        if (c.text) expect(result.errors[0]?.message).toMatch(c.text);
        expect(result.canApply).toBe(false);
        expect(result.errorCount).toBe(c.expected.length);
        const applied = await apply(admin, result.uploadId);
        expect(applied.errors?.[0]?.extensions?.code).toBe('IMPORT_HAS_ERRORS');
        expect(await counts()).toEqual(before);
      });
    }
  });

  it('applies all or nothing: one bad line among good ones changes nothing', async () => {
    const rows = [
      ...goodRows(`heel-${tag}`),
      { soort: 'aanbod', organisatie: `Inloophuis heel-${tag}`, naam: 'Yoga', wijk: 'Nergensland', categorie: 'sport' },
    ];
    const before = await counts();
    const result = await preview(admin, socialMapCsv(rows));
    expect(result.totals).toMatchObject({ create: 8, error: 1 });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([[10, 'UNKNOWN_WIJK']]);
    const applied = await apply(admin, result.uploadId);
    expect(applied.errors?.[0]?.extensions?.code).toBe('IMPORT_HAS_ERRORS');
    expect(await counts()).toEqual(before);
    const found = await db.read(
      async (tx) =>
        (
          await tx.run('MATCH (o:Organisation) WHERE o.slug CONTAINS $s RETURN count(o) AS n', { s: `heel-${tag}` })
        ).records[0]?.get('n') as number,
    );
    expect(found).toBe(0);
    // The refused attempt is in the audit log as FAILED.
    const failed = await db.read(
      async (tx) =>
        (
          await tx.run(
            `MATCH (r:AuditRecord {subject: 'SocialMap', result: 'FAILED'}) WHERE r.detail = 'IMPORT_HAS_ERRORS' RETURN count(r) AS n`,
          )
        ).records[0]?.get('n') as number,
    );
    expect(failed).toBeGreaterThan(0);
  });

  it('refuses the upload, the dry run and the apply to everyone but the admin who uploaded (issue 11)', async () => {
    const text = socialMapCsv(goodRows(`geheim-${tag}`));
    const own = await upload(admin, text);
    expect(own.status).toBe(201);
    const id = own.json.uploadId ?? '';
    const refusalsOfUpload = async (): Promise<number> =>
      db.read(
        async (tx) =>
          (
            await tx.run(
              `MATCH (r:AuditRecord {subject: 'SocialMap', result: 'DENIED'}) WHERE r.detail = 'import upload refused' RETURN count(r) AS n`,
            )
          ).records[0]?.get('n') as number,
      );
    let refusedSoFar = await refusalsOfUpload();
    for (const [role, session] of Object.entries(others)) {
      const refused = await upload(session, text);
      expect(refused.status, role).toBe(role === 'ANONYMOUS' ? 401 : 403);
      // Refused at the upload endpoint too: on record, like every refusal of the policy.
      refusedSoFar += 1;
      expect(await refusalsOfUpload(), role).toBe(refusedSoFar);
      expect(refused.json.errors?.[0]?.extensions.code, role).toBe(role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      const previewed = await session.graphql(PREVIEW, { id });
      expect(previewed.data ?? null, role).toBeNull();
      expect(previewed.errors?.[0]?.extensions?.code, role).toBe(role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      const applied = await apply(session, id);
      expect(applied.errors?.[0]?.extensions?.code, role).toBe(role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    // Another admin gets what a made-up id gets: NOT_FOUND, and nothing of the file.
    for (const uploadId of [id, randomUUID()]) {
      const previewed = await otherAdmin.graphql(PREVIEW, { id: uploadId });
      expect(previewed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(previewed.data ?? null)).not.toContain('geheim');
      const applied = await apply(otherAdmin, uploadId);
      expect(applied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const found = await db.read(
      async (tx) =>
        (
          await tx.run('MATCH (o:Organisation) WHERE o.slug CONTAINS $s RETURN count(o) AS n', { s: `geheim-${tag}` })
        ).records[0]?.get('n') as number,
    );
    expect(found).toBe(0);
    // The admin's own upload still works.
    const mine = await admin.graphql<{ socialMapImportPreview: Preview }>(PREVIEW, { id });
    expect(mine.data?.socialMapImportPreview.totals.create).toBe(8);
  });

  it('refuses an upload without the CSRF header, of the wrong type, or larger than 5 MiB', async () => {
    const noCsrf = await fetch(`http://127.0.0.1:${String(server.port)}/import/sociale-kaart`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: admin.cookie ?? '' },
      body: 'soort\r\n',
    });
    expect(noCsrf.status).toBe(403);
    expect((await upload(admin, 'soort\r\n', { 'content-type': 'application/json' })).status).toBe(415);
    const big = await upload(admin, 'x'.repeat(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.json.errors?.[0]?.extensions.code).toBe('REQUEST_TOO_LARGE');
  });

  it('imports a 10,000-line file through the endpoint, and a second import of it changes nothing', async () => {
    const suffix = `groot-${tag}`;
    const wijk = `Testwijk ${world.tag}`;
    const org = (i: number): string => `Organisatie ${String(i)} ${suffix}`;
    const rows: CsvRow[] = [];
    for (let i = 0; i < 2_000; i += 1) rows.push({ soort: 'organisatie', naam: org(i), spoor: String(1 + (i % 3)), wijk });
    for (let i = 0; i < 2_000; i += 1)
      rows.push({ soort: 'aanbod', organisatie: org(i), naam: `Inloop ${String(i)}`, wijk, categorie: 'inloop' });
    for (let i = 0; i < 100; i += 1)
      rows.push({ soort: 'samenwerkingsverband', naam: `Netwerk ${String(i)} ${suffix}`, type: 'kernteam', wijk });
    for (let i = 0; i < 2_900; i += 1)
      rows.push({
        soort: 'lid',
        organisatie: org(i % 2_000),
        samenwerkingsverband: `Netwerk ${String((i + (i < 2_000 ? 0 : 50)) % 100)} ${suffix}`,
        vanaf: '01-01-2025',
      });
    for (let i = 0; i < 3_000; i += 1)
      rows.push({
        soort: 'koppeling',
        organisatie: org(i % 2_000),
        met: org((i * 7 + 1) % 2_000),
        type: i < 2_000 ? 'samenwerking' : 'doorverwijzing',
      });
    expect(rows).toHaveLength(10_000);
    const text = socialMapCsv(rows);

    const first = await preview(admin, text);
    expect(first.errors).toEqual([]);
    expect(first.totals).toMatchObject({ lines: 10_000, create: 10_000, error: 0 });
    expect(first.lines.totalCount).toBe(10_000);
    expect((await apply(admin, first.uploadId)).data?.applySocialMapImport.totals.create).toBe(10_000);
    const counted = await db.read(async (tx) => {
      const result = await tx.run(
        `CALL () { MATCH (o:Organisation) WHERE o.slug ENDS WITH $suffix RETURN count(o) AS organisations }
         CALL () { MATCH (o:Organisation)-[:OFFERS]->(f) WHERE o.slug ENDS WITH $suffix RETURN count(f) AS offerings }
         CALL () { MATCH (o:Organisation)-[m:MEMBER_OF]->() WHERE o.slug ENDS WITH $suffix RETURN count(m) AS memberships }
         CALL () { MATCH (o:Organisation)-[l:COLLABORATES_WITH]->() WHERE o.slug ENDS WITH $suffix RETURN count(l) AS links }
         CALL () { MATCH (p:Partnership) WHERE p.name ENDS WITH $suffix RETURN count(p) AS partnerships }
         RETURN organisations, offerings, memberships, links, partnerships`,
        { suffix },
      );
      return result.records[0]?.toObject();
    });
    expect(counted).toEqual({ organisations: 2_000, offerings: 2_000, memberships: 2_900, links: 3_000, partnerships: 100 });

    const second = await preview(admin, text);
    expect(second.totals).toMatchObject({ lines: 10_000, create: 0, change: 0, unchanged: 10_000, error: 0 });
  });
});
