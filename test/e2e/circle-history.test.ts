import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY } from '@wijkkring/api';
import { upsertCircles, upsertContacts, type CircleRow } from '@wijkkring/graph';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Issue 4 in real Chromium: "Wat is er veranderd", the Aandachtspunten en kansen, Afdrukken (one
 * A4 page, PNG) and Vastleggen. The demo client Mohamed is only read; everything that writes uses
 * a world of its own (test/support/fixtures.ts), removed afterwards.
 */

const session = new Session();
const db = testDatabase();
/** A client with a March snapshot (Fatima in ring 3) and an open circle (Fatima in ring 2, two new). */
let world: World;
/** A second world, only for Vastleggen, so freezing does not change what the other tests compare. */
let freezeWorld: World;
let client: TestAccount;
let freezeClient: TestAccount;
/** An old snapshot of the world's client with 40 entries: the longest circle the API allows. */
let longCircleId: string;

beforeAll(async () => {
  await session.start();
  world = await createWorld(db);
  freezeWorld = await createWorld(db);
  client = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
  freezeClient = await createAccount(db, { role: 'CLIENT', personId: freezeWorld.clientId });
  const contacts = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(),
    clientId: world.clientId,
    name: ['Annemarie', 'Mohammed', 'Fleur', 'Giovanni', 'Sevgi'][i % 5] ?? 'Anna',
  }));
  const sectors = ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'] as const;
  const long: CircleRow = {
    id: randomUUID(),
    clientId: world.clientId,
    label: 'Veertig',
    createdAt: '2025-10-01T10:00:00Z',
    // Older than the March snapshot, so the defaults of "Wat is er veranderd" stay March against now.
    frozenAt: '2025-12-01T10:00:00Z',
    entries: contacts.map((contact, i) => ({
      id: randomUUID(),
      targetId: contact.id,
      ring: (i % 4) + 1,
      sector: sectors[Math.floor(i / 10)] ?? 'FAMILY',
      position: i,
      relation: 'kennis',
      support: i % 7 === 0 ? ['SAFETY_NET'] : [],
      wish: null,
      note: 'geheime notitie',
    })),
  };
  longCircleId = long.id;
  await db.write(async (tx) => {
    await upsertContacts(tx, contacts);
    await upsertCircles(tx, [long]);
  });
});

afterAll(async () => {
  await session.stop();
  // world.remove() deletes every circle and contact of its client, the ones made here included.
  await world.remove();
  await freezeWorld.remove();
  await removeAccounts(db);
  await db.close();
});

/** Signs in a test account through the login page (clients have no second factor unless they chose one). */
async function signedIn(account: TestAccount, path: string): Promise<Page> {
  const { page } = await session.open('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(account.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.goto(new URL(path, page.url()).href);
  return page;
}

/** Mohamed's open circle, through "Mijn kring"; the page stays signed in as him. */
async function asMohamed(): Promise<{ page: Page; circleId: string; errors: string[] }> {
  const { page, errors } = await session.open('/mijn-kring', { as: 'mohamed' });
  await page.waitForURL(/\/kring\/[^/]+$/);
  return { page, errors, circleId: new URL(page.url()).pathname.split('/').pop() ?? '' };
}

/** Screenshots of the whole page in both tablet orientations. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(LANDSCAPE);
  await page.screenshot({ path: `${SHOTS}${name}-landscape.png`, fullPage: true });
  await page.setViewportSize(PORTRAIT);
  await page.screenshot({ path: `${SHOTS}${name}-portrait.png`, fullPage: true });
  await page.setViewportSize(LANDSCAPE);
}

/** "maart 2026", as the app writes the month of a snapshot. */
function monthYear(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

interface Moved {
  name: string;
  fromRing: number;
  toRing: number;
}

/** What changed between a client's newest frozen snapshot and the open circle, straight from the database. */
async function demoChanges(clientId: string): Promise<{ frozenAt: string; frozenId: string; joined: string[]; moved: Moved[] }> {
  return db.read(async (tx) => {
    const snapshots = await tx.run(
      `MATCH (c:NetworkCircle)-[:OF]->(:Client {id: $clientId}) WHERE c.frozenAt IS NOT NULL
       RETURN c.id AS id, toString(c.frozenAt) AS frozenAt ORDER BY c.frozenAt DESC LIMIT 1`,
      { clientId },
    );
    const frozenId = String(snapshots.records[0]?.get('id') ?? '');
    const frozenAt = String(snapshots.records[0]?.get('frozenAt') ?? '');
    const joined = await tx.run(
      `MATCH (open:NetworkCircle)-[:OF]->(:Client {id: $clientId}) WHERE open.frozenAt IS NULL
       MATCH (open)-[:PLACES]->(t)
       WHERE NOT EXISTS { MATCH (:NetworkCircle {id: $frozenId})-[:PLACES]->(t) }
       RETURN t.name AS name`,
      { clientId, frozenId },
    );
    const moved = await tx.run(
      `MATCH (open:NetworkCircle)-[:OF]->(:Client {id: $clientId}) WHERE open.frozenAt IS NULL
       MATCH (open)-[now:PLACES]->(t)<-[then:PLACES]-(:NetworkCircle {id: $frozenId})
       WHERE now.ring <> then.ring
       RETURN t.name AS name, then.ring AS fromRing, now.ring AS toRing`,
      { clientId, frozenId },
    );
    return {
      frozenId,
      frozenAt,
      joined: joined.records.map((r) => String(r.get('name'))),
      moved: moved.records.map((r) => ({
        name: String(r.get('name')),
        fromRing: Number(r.get('fromRing')),
        toRing: Number(r.get('toRing')),
      })),
    };
  });
}

async function mohamedsClientId(): Promise<string> {
  return db.read(async (tx) => {
    const found = await tx.run(
      `MATCH (c:Client {name: 'Mohamed'})-[:LIVES_IN]->(:District {name: 'Kanaleneiland'}) RETURN c.id AS id`,
    );
    return String(found.records[0]?.get('id') ?? '');
  });
}

async function printRecords(clientId: string, format: 'PDF' | 'PNG'): Promise<number> {
  return db.read(async (tx) => {
    const found = await tx.run(
      `MATCH (r:AuditRecord {clientRef: $ref}) WHERE r.action = 'PRINT' AND r.result = 'SUCCESS' AND r.detail = $format
       RETURN count(r) AS n`,
      { ref: clientRef(DEVELOPMENT_PSEUDONYM_KEY, clientId), format },
    );
    return Number(found.records[0]?.get('n') ?? 0);
  });
}

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function printedPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

describe('Wat is er veranderd (issue 4)', () => {
  it('shows a demo client, in sentences and on the drawing, who joined and who moved since the last snapshot (issue 4)', async () => {
    const { page, circleId, errors } = await asMohamed();
    const expected = await demoChanges(await mohamedsClientId());
    // The demo gives Mohamed an older snapshot in which one person had not joined yet and one sat elsewhere.
    expect(expected.joined.length + expected.moved.length).toBeGreaterThan(0);

    await page.goto(new URL(`/kring/${circleId}/veranderd`, page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Wat is er veranderd' }).waitFor();
    const list = page.getByRole('region', { name: 'Wat er veranderd is' });
    await list.getByRole('listitem').first().waitFor();

    // Defaults: the newest frozen snapshot against the open circle.
    expect(await page.getByLabel('Eerder').inputValue()).toBe(expected.frozenId);
    expect(await page.getByLabel('Later').inputValue()).toBe(circleId);

    const sentences = (await list.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const month = monthYear(expected.frozenAt);
    for (const name of expected.joined)
      expect(sentences.some((s) => s.startsWith(`Nieuw: ${name}`) && s.includes('is er nieuw bij.'))).toBe(true);
    for (const move of expected.moved) {
      const phrase =
        move.toRing < move.fromRing ? `staat nu dichterbij dan in ${month}.` : `staat nu verder weg dan in ${month}.`;
      expect(sentences.some((s) => s.includes(move.name) && s.includes(phrase))).toBe(true);
    }

    // The drawing marks each change with a sign, and says how many there are.
    const drawing = page.getByRole('img', { name: /^Kring van Mohamed nu, met \d+ veranderingen?\./ });
    await drawing.waitFor();
    const label = (await drawing.getAttribute('aria-label')) ?? '';
    expect(label).toContain(`met ${String(expected.joined.length + expected.moved.length)} verandering`);
    const legend = await page.locator('.map-panel .legend-list').innerText();
    for (const word of ['Nieuw', 'Dichterbij', 'Verder weg', 'Niet meer in de kring']) expect(legend).toContain(word);

    // The demo names its snapshots after their month: the choice shows the date once (issue 14).
    const moments = await page.getByLabel('Eerder').locator('option').allTextContents();
    expect(moments.filter((m) => /^\d+ \w+ \d{4}$/.test(m.trim())).length).toBeGreaterThan(0);
    for (const moment of moments) expect(moment).not.toMatch(/\d{4}: /);

    await page.getByRole('heading', { level: 2, name: 'Aandachtspunten en kansen' }).waitFor();
    await shoot(page, 'veranderd-mohamed');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds whose circle it is for a begeleider who came from the circle itself (issue 4)', async () => {
    const clientId = await mohamedsClientId();
    const openId = await db.read(async (tx) => {
      const found = await tx.run(
        'MATCH (c:NetworkCircle)-[:OF]->(:Client {id: $clientId}) WHERE c.frozenAt IS NULL RETURN c.id AS id',
        { clientId },
      );
      return String(found.records[0]?.get('id') ?? '');
    });
    // The page finds the client through the circle (NetworkCircle.clientId).
    const { page, errors } = await session.open(`/kring/${openId}/veranderd`, { as: 'eline' });
    await page.getByRole('heading', { level: 1, name: 'Wat is er veranderd' }).waitFor();
    await page.getByRole('region', { name: 'Wat er veranderd is' }).getByRole('listitem').first().waitFor();
    expect(await page.getByLabel('Later').inputValue()).toBe(openId);
    expect(errors).toEqual([]);
  });

  it('says "Fatima (zus) staat nu dichterbij dan in maart 2026", and lets the client pick other moments (issue 4)', async () => {
    const page = await signedIn(client, `/kring/${world.circle.id}/veranderd`);
    const list = page.getByRole('region', { name: 'Wat er veranderd is' });
    await list.getByRole('listitem').first().waitFor();
    const sentences = (await list.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(sentences).toContain(
      'Dichterbij: Fatima (zus) staat nu dichterbij dan in maart 2026. Eerst: ring 3 (Bekenden). Nu: ring 2 (Dichtbij).',
    );
    expect(sentences).toContain(
      `Nieuw: ${world.organisations.gp.name} (huisarts) is er nieuw bij. Staat bij: ring 4 (Diensten).`,
    );

    // Later first: the page puts them in order, and says so.
    await page.getByLabel('Eerder').selectOption(world.circle.id);
    await page.getByLabel('Later').selectOption(world.oldCircle.id);
    await page.getByText('Het eerste moment is later dan het tweede. We hebben ze omgedraaid.').waitFor();

    // From the 40-entry snapshot of December to March: Fatima was not there yet, the forty were.
    await page.getByLabel('Eerder').selectOption(longCircleId);
    await page.getByLabel('Later').selectOption(world.oldCircle.id);
    await list.getByText('Fatima (zus) is er nieuw bij.', { exact: false }).waitFor();
    expect(await list.getByText('staat er niet meer in.', { exact: false }).count()).toBe(40);
  });
});

describe('Aandachtspunten en kansen (issue 4)', () => {
  it('words the signals positively, names local offers and has no serious accessibility problems (issue 4)', async () => {
    const page = await signedIn(client, `/kring/${world.circle.id}/veranderd`);
    const panel = page.getByRole('region', { name: 'Aandachtspunten en kansen' });
    await panel.waitFor();
    // The world's open circle has no one from the sociale basis; its wijk has an inloop.
    await panel.getByRole('heading', { name: 'Mensen uit de buurt leren kennen' }).waitFor();
    const text = await panel.innerText();
    expect(text).toContain(
      'Er is nog niemand uit de buurt in je kring. Een inloop of maatje kan helpen om mensen te leren kennen.',
    );
    expect(text).toContain(`In jouw wijk: ${world.organisations.walkIn.name} (inloop)`);
    expect(text).not.toMatch(/\b(probleem|fout|slecht|helaas)\b/i);
    // Chromium has speech synthesis, so every signal can be read aloud.
    const signals = await panel.getByRole('heading', { level: 3 }).count();
    expect(await panel.getByRole('button', { name: /^Lees voor: / }).count()).toBe(signals);

    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await page.setViewportSize(viewport);
      await panel.screenshot({ path: `${SHOTS}signalen-${viewport === LANDSCAPE ? 'landscape' : 'portrait'}.png` });
    }
    await page.setViewportSize(LANDSCAPE);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('Afdrukken (issue 4)', () => {
  it('prints a demo circle on exactly one A4 page, with the name and the date (issue 4)', async () => {
    const { page, circleId, errors } = await asMohamed();
    await page.goto(new URL(`/kring/${circleId}/afdrukken`, page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Kring van Mohamed' }).waitFor();
    await page.getByText(/^Stand van \d+ \w+ \d{4}$/).waitFor();
    await shoot(page, 'afdrukken-mohamed');
    expect(pdfPages(await printedPdf(page))).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fits a circle of 40 on one page too, without notes or surnames (issue 4)', async () => {
    const page = await signedIn(client, `/kring/${longCircleId}/afdrukken`);
    const drawing = page.getByRole('img', { name: /met 40 personen en organisaties/ });
    await drawing.waitFor();
    expect(await page.getByText('Vastgelegd op 1 december 2025 (Veertig)').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('geheime notitie');
    const pdf = await printedPdf(page);
    await writeFile(`${SHOTS}afdrukken-40.pdf`, pdf);
    expect(pdfPages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SHOTS}afdrukken-40-print.png` });
    await page.emulateMedia({ media: 'screen' });

    // The open circle: the begeleider and the huisarts without their notes; the begeleider by first name only.
    await page.goto(new URL(`/kring/${world.circle.id}/afdrukken`, page.url()).href);
    await page.getByRole('img', { name: /met 3 personen en organisaties/ }).waitFor();
    const shown = await page.locator('main').innerText();
    expect(shown).not.toContain('spreekuur');
    expect(await page.locator('svg[role="img"]').textContent()).not.toContain(`Begeleider ${world.tag}`);
  });

  it('records every print and PNG download in the audit log, and downloads a PNG (issue 4)', async () => {
    const page = await signedIn(client, `/kring/${world.circle.id}/afdrukken`);
    await page.getByRole('img', { name: /Kring van/ }).waitFor();
    // The browser's print dialog does not exist headless; note that it was asked for.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });

    const pdfBefore = await printRecords(world.clientId, 'PDF');
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await page.locator('body[data-printed="yes"]').waitFor({ state: 'attached' });
    expect(await printRecords(world.clientId, 'PDF')).toBe(pdfBefore + 1);

    const pngBefore = await printRecords(world.clientId, 'PNG');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bewaar de kring als plaatje' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kring-client-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/);
    await download.saveAs(`${SHOTS}afdrukken-download.png`);
    const file = await download.path();
    const png = await readFile(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A4 portrait at 150 dpi × 1.5.
    expect(png.readUInt32BE(16)).toBe(1860);
    expect(png.readUInt32BE(20)).toBe(2631);
    await page.getByText('Klaar. Het plaatje staat nu op je computer, tablet of telefoon.').waitFor();
    expect(await printRecords(world.clientId, 'PNG')).toBe(pngBefore + 1);
  });
});

describe('Vastleggen (issue 4)', () => {
  it('keeps the circle as a dated snapshot after a calm question, and editing goes on (issue 4)', async () => {
    const page = await signedIn(freezeClient, `/kring/${freezeWorld.circle.id}`);
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Je kring vastleggen' });
    await dialog.waitFor();
    await dialog.getByText('Je kring wordt bewaard met de datum van vandaag. Daarna kun je gewoon verder.').waitFor();
    await shoot(page, 'vastleggen');
    await dialog.getByLabel(/Naam voor dit moment/).fill('Na de verhuizing');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await page
      .getByRole('status')
      .getByText(/Je kring is vastgelegd op \d+ \w+ \d{4}\. Je kunt gewoon verder\./)
      .waitFor();
    expect(await dialog.isVisible()).toBe(false);

    const frozen = await db.read(async (tx) => {
      const found = await tx.run(
        `MATCH (c:NetworkCircle)-[:OF]->(:Client {id: $clientId}) WHERE c.frozenAt IS NOT NULL AND c.label = 'Na de verhuizing'
         RETURN count(c) AS n`,
        { clientId: freezeWorld.clientId },
      );
      return Number(found.records[0]?.get('n') ?? 0);
    });
    expect(frozen).toBe(1);

    // "Wat is er veranderd" now starts from the new snapshot: nothing changed since.
    await page.getByRole('link', { name: 'Wat is er veranderd' }).click();
    await page.getByText(/^Er is niets veranderd sinds /).waitFor();
    expect(await page.getByLabel('Eerder').locator('option:checked').textContent()).toContain('Na de verhuizing');
  });
});
