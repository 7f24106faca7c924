import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { upsertCircles, upsertContacts, upsertOrganisations, type OrganisationRow } from '@wijkkring/graph';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';
import { seriousViolations } from './axe.js';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * Issue 14, "legible at arm's length", in real Chromium: every text on the circle at 16 px or more
 * on a tablet (measured on the page), long names broken over lines instead of cut off (on screen and
 * in the printed PDF), no name on another name or a shape, also at 200 % zoom and with the larger
 * text spacing of WCAG 1.4.12, and the printed page one A4 sheet with the list of who is in each ring.
 * The circle is the test's own (a world with long names added), removed afterwards.
 */

const session = new Session();
const db = testDatabase();
let world: World;
let client: TestAccount;

/** 40 characters: the longest name a person in a circle may have. */
const LONG_PERSON = 'Maria Fernanda Oliveira dos Santos Lopes';
const LONG_ORGANISATIONS = ['Huisarts Kanaleneiland Zuid', 'Buurtteam Sociaal Kanaleneiland'] as const;
/** Every name in the test circle with its ring, as the drawing shows it (the begeleider by first name). */
let expected: { name: string; ring: number }[];

const RINGS = ['Heel dichtbij', 'Dichtbij', 'Bekenden', 'Diensten'];
/** A tablet in landscape at 200 % zoom: the page gets half the CSS pixels (WCAG 1.4.4). */
const ZOOMED = { width: 512, height: 384 };
const SCROLL_BOX = 'De hele tekening. Schuif opzij om alles te zien.';

beforeAll(async () => {
  expect(LONG_PERSON).toHaveLength(40);
  await session.start();
  world = await createWorld(db);
  client = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
  const organisations: OrganisationRow[] = LONG_ORGANISATIONS.map((name) => ({
    id: randomUUID(),
    name,
    slug: `${name.toLowerCase().replace(/\s+/g, '-')}-${world.tag}`,
    tier: 2,
    sector: 'NEIGHBOURHOOD_TEAMS',
    classification: 'assumed',
    note: null,
    districtIds: [],
  }));
  // world.remove() deletes what its id list holds, and every contact and circle of its client.
  world.ids.push(...organisations.map((o) => o.id));
  const personId = randomUUID();
  const [huisarts, buurtteam] = organisations;
  if (!huisarts || !buurtteam) throw new Error('two organisations');
  const entry = (targetId: string, ring: number, sector: string, position: number) => ({
    id: randomUUID(),
    targetId,
    ring,
    sector,
    position,
    relation: null,
    support: [],
    wish: null,
    note: null,
  });
  await db.write(async (tx) => {
    await upsertOrganisations(tx, organisations);
    await upsertContacts(tx, [{ id: personId, clientId: world.clientId, name: LONG_PERSON }]);
    // Added to the world's open circle (Fatima in ring 2, the begeleider in 3, the huisarts in 4).
    await upsertCircles(tx, [
      {
        ...world.circle,
        entries: [
          entry(personId, 1, 'FAMILY', 1),
          entry(huisarts.id, 4, 'PROFESSIONALS', 2),
          entry(buurtteam.id, 3, 'PROFESSIONALS', 1),
        ],
      },
    ]);
  });
  expected = [
    { name: LONG_PERSON, ring: 1 },
    { name: 'Fatima', ring: 2 },
    { name: 'Begeleider', ring: 3 },
    { name: LONG_ORGANISATIONS[1], ring: 3 },
    { name: world.organisations.gp.name, ring: 4 },
    { name: LONG_ORGANISATIONS[0], ring: 4 },
  ];
});

afterAll(async () => {
  await session.stop();
  await world.remove();
  await removeAccounts(db);
  await db.close();
});

async function signedIn(path: string, viewport = LANDSCAPE): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await session.open('/inloggen', { viewport });
  await page.getByLabel('Gebruikersnaam').fill(client.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(client.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.goto(new URL(path, page.url()).href);
  return { page, errors };
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface MeasuredText {
  readonly role: string;
  /** The lines joined with spaces: the name as a reader sees it. */
  readonly text: string;
  /** Rendered size in CSS pixels: the font size times the drawing's scale on the screen. */
  readonly size: number;
  readonly box: Rect;
}

interface Measured {
  readonly texts: MeasuredText[];
  readonly shapes: Rect[];
  readonly drawing: Rect;
}

/** Every text and entry shape of the drawing `selector`, as Chromium laid it out. */
async function measure(page: Page, selector: string): Promise<Measured> {
  await page.locator(selector).waitFor();
  return page.evaluate((sel) => {
    const svg = document.querySelector<SVGSVGElement>(sel);
    if (!svg) throw new Error(`no ${sel}`);
    const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const texts = [...svg.querySelectorAll<SVGTextElement>('text[data-text]')].map((t) => {
      const ctm = t.getScreenCTM();
      return {
        role: t.dataset['text'] ?? '',
        text: [...t.querySelectorAll('tspan')].map((s) => s.textContent.trim()).join(' '),
        size: Number.parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 0),
        box: rect(t.getBoundingClientRect()),
      };
    });
    const shapes = [...svg.querySelectorAll('[data-shape="entry"]')].map((s) => rect(s.getBoundingClientRect()));
    return { texts, shapes, drawing: rect(svg.getBoundingClientRect()) };
  }, selector);
}

/** Two boxes that share more than a hairline (anti-aliasing may make touching boxes share a fraction of a pixel). */
function overlap(a: Rect, b: Rect): boolean {
  const slack = 0.5;
  return a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
}

/** What a reader would notice: texts under 16 px, texts on texts or shapes, texts outside the drawing. */
function problems(measured: Measured): string[] {
  const found: string[] = [];
  const { texts, shapes, drawing } = measured;
  for (const t of texts) if (t.size < 16 - 0.01) found.push(`${t.text}: ${t.size.toFixed(1)} px`);
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) found.push(`"${a.text}" on "${b.text}"`);
    }),
  );
  for (const t of texts) {
    if (t.role !== 'client' && shapes.some((s) => overlap(t.box, s))) found.push(`"${t.text}" on a shape`);
    const inside =
      t.box.left >= drawing.left - 0.5 &&
      t.box.right <= drawing.right + 0.5 &&
      t.box.top >= drawing.top - 0.5 &&
      t.box.bottom <= drawing.bottom + 0.5;
    if (!inside) found.push(`"${t.text}" outside the drawing`);
  }
  return found;
}

const EDITOR = 'svg.circle-drawing';

async function openEditor(viewport: typeof LANDSCAPE): Promise<{ page: Page; errors: string[] }> {
  const opened = await signedIn(`/kring/${world.circle.id}`, viewport);
  await opened.page.locator(`${EDITOR}[data-graph-ready="true"]`).waitFor();
  return opened;
}

/** Nothing is lost sideways: the page itself does not scroll horizontally (the drawing may, inside its own box). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe('the circle legible at arm’s length (issue 14)', () => {
  for (const [name, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    it(`shows every text on the editor's drawing at 16 px or more, whole, apart and inside the drawing, ${name} (issue 14)`, async () => {
      const { page, errors } = await openEditor(viewport);
      const measured = await measure(page, EDITOR);
      const names = measured.texts.filter((t) => t.role === 'node').map((t) => t.text);
      // Every word of every name, in order: nothing cut off, no "…".
      for (const { name: full } of expected) expect(names).toContain(full);
      expect(measured.texts.some((t) => t.text.includes('…'))).toBe(false);
      const long = measured.texts.find((t) => t.text === LONG_PERSON);
      expect(long && long.box.bottom - long.box.top).toBeGreaterThan(2 * 16);
      expect(measured.texts.filter((t) => t.role === 'ring').map((t) => t.text)).toEqual(RINGS);
      expect(problems(measured)).toEqual([]);
      expect(await pageScrollsSideways(page)).toBe(false);
      await page.locator('.map-panel').screenshot({ path: `${SHOTS}leesbaar-cirkel-${name}.png` });
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('keeps the texts at 16 px and apart at 200 % zoom, scrolling the drawing inside its own box (issue 14)', async () => {
    const { page, errors } = await openEditor(ZOOMED);
    const measured = await measure(page, EDITOR);
    expect(problems(measured)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    // Wider than the column, the drawing scrolls in a box a screen reader names; the keyboard reaches
    // every entry in it (one Tab stop, then the arrow keys), and a focused entry scrolls into view.
    const box = page.getByRole('region', { name: SCROLL_BOX });
    expect(await box.locator('[data-entry-id][tabindex="0"]').count()).toBe(1);
    await page.locator('.map-panel').screenshot({ path: `${SHOTS}leesbaar-cirkel-200-procent.png` });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps names apart with the larger letter, word and line spacing of WCAG 1.4.12 (issue 14)', async () => {
    const { page } = await openEditor(LANDSCAPE);
    // The spacing a reader may set (the WCAG 1.4.12 test values), through the CSSOM: the app's CSP allows no inline <style>.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const measured = await measure(page, EDITOR);
    expect(problems(measured)).toEqual([]);
    await page.locator('.map-panel').screenshot({ path: `${SHOTS}leesbaar-cirkel-tekstafstand.png` });
  });

  it('shows the texts of "Wat is er veranderd" at 16 px or more, apart, portrait, landscape and zoomed (issue 14)', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE, ZOOMED]) {
      const { page, errors } = await signedIn(`/kring/${world.circle.id}/veranderd`, viewport);
      const measured = await measure(page, 'svg.compare-drawing');
      expect(measured.texts.filter((t) => t.role === 'node').length).toBeGreaterThanOrEqual(expected.length);
      expect(problems(measured)).toEqual([]);
      expect(await pageScrollsSideways(page)).toBe(false);
      // On a tablet the drawing has room (on a landscape tablet it takes the whole width, above the
      // list). At 200 % zoom it is wider than its column: a picture only, so its box is a Tab stop
      // and the keyboard can scroll it.
      const box = page.getByRole('region', { name: SCROLL_BOX });
      expect(await box.count()).toBe(viewport === ZOOMED ? 1 : 0);
      if (viewport === ZOOMED) expect(await box.getAttribute('tabindex')).toBe('0');
      const shot = viewport === ZOOMED ? '200-procent' : viewport === LANDSCAPE ? 'landscape' : 'portrait';
      await page.locator('.map-panel').screenshot({ path: `${SHOTS}leesbaar-veranderd-${shot}.png` });
      expect(errors).toEqual([]);
    }
  });
});

/** The text of each page of a PDF, as PDF.js reads it. */
async function pdfText(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages;
}

/** Without any white space: lines may break anywhere a name wraps, and PDF runs may split words. */
function squashed(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('Afdrukken legible (issue 14)', () => {
  it('prints one A4 page with the whole circle and, per ring, who is in it, long names whole (issue 14)', async () => {
    const { page, errors } = await signedIn(`/kring/${world.circle.id}/afdrukken`, PORTRAIT);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Wie staat in welke ring' });
    await list.waitFor();
    // On screen: a ring heading per ring, each name under its own ring.
    for (const [i, ring] of RINGS.entries()) {
      const section = list.getByRole('region', { name: `Ring ${String(i + 1)}: ${ring}` });
      const shown = await section.innerText();
      for (const entry of expected.filter((e) => e.ring === i + 1)) expect(shown).toContain(entry.name);
    }
    const headings = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((all) => all.map((h) => Number(h.tagName[1])));
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => expect(level - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1));

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SHOTS}leesbaar-afdrukken-print.png` });
    await page.emulateMedia({ media: 'screen' });
    await writeFile(`${SHOTS}leesbaar-afdrukken.pdf`, pdf);

    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(1);
    const text = squashed(pages[0] ?? '');
    expect(text).not.toContain('…');
    // The list comes after the drawing: each name after its ring's heading and before the next ring's.
    const listStart = text.indexOf(squashed('Wie staat in welke ring'));
    expect(listStart).toBeGreaterThan(0);
    const ringAt = RINGS.map((ring, i) => text.indexOf(squashed(`Ring ${String(i + 1)}: ${ring}`), listStart));
    ringAt.forEach((at, i) => expect(at).toBeGreaterThan(i === 0 ? listStart : (ringAt[i - 1] ?? 0)));
    for (const entry of expected) {
      const from = ringAt[entry.ring - 1] ?? -1;
      const to = ringAt[entry.ring] ?? text.length;
      const at = text.indexOf(squashed(entry.name), from);
      expect(at, entry.name).toBeGreaterThan(from);
      expect(at, entry.name).toBeLessThan(to);
    }
    // The drawing on the page has every word of every name too, in order (its lines come before the
    // list; Chromium writes text with a white halo twice, once for the halo and once for the letters).
    const drawing = text.slice(0, listStart);
    for (const entry of expected) {
      let at = 0;
      for (const word of entry.name.split(' ')) {
        at = drawing.indexOf(word, at);
        expect(at, `${word} of ${entry.name}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
