import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, h1, PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * The web app in real Chromium, against the real API on the real Neo4j with the demo data and
 * demo accounts (started by test/setup/e2e.global.ts). Every page needs a login now: the
 * kwartiermaker for the wijk pages, the begeleider Eline for the circles her clients shared.
 */

/** Spoor colours on the wijk map (web/src/features/wijk/wijk-style.ts). */
const SPOOR_COLOURS = { 'spoor 1': [0x00, 0x9e, 0x73], 'spoor 2': [0x00, 0x72, 0xb2], 'spoor 3': [0xd5, 0x5e, 0x00] } as const;

const session = new Session();

beforeAll(() => session.start());
afterAll(() => session.stop());

/** Waits until the cytoscape drawing has been laid out, and returns its box. */
async function drawing(page: Page) {
  const graph = page.locator('[role="img"][data-graph-ready="true"]');
  await graph.waitFor({ state: 'visible' });
  return graph;
}

interface CanvasStats {
  canvases: number;
  painted: number;
  /** How many pixels are close to each of the given colours. */
  matches: number[];
}

/** Reads the pixels of the drawing's canvases: is anything drawn, and in which colours? */
async function canvasStats(page: Page, colours: readonly (readonly number[])[] = []): Promise<CanvasStats> {
  const graph = page.locator('[role="img"][data-graph-ready="true"]');
  return graph.evaluate(
    (element, wanted) => {
      const stats = { canvases: 0, painted: 0, matches: wanted.map(() => 0) };
      for (const canvas of Array.from(element.querySelectorAll('canvas'))) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        stats.canvases += 1;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i + 3] ?? 0) < 250) continue;
          stats.painted += 1;
          wanted.forEach(([r, g, b], j) => {
            if (
              Math.abs((data[i] ?? 0) - (r ?? 0)) <= 8 &&
              Math.abs((data[i + 1] ?? 0) - (g ?? 0)) <= 8 &&
              Math.abs((data[i + 2] ?? 0) - (b ?? 0)) <= 8
            ) {
              stats.matches[j] = (stats.matches[j] ?? 0) + 1;
            }
          });
        }
      }
      return stats;
    },
    colours.map((c) => [...c]),
  );
}

/** Names on the buttons of one spoor's group in the text alternative (each opens the card). */
async function organisationsUnder(page: Page, spoor: RegExp): Promise<string[]> {
  const section = page.getByRole('region', { name: spoor });
  return (await section.locator('.node-button-name').allTextContents()).map((t) => t.trim());
}

describe('wijk page', () => {
  it('shows Kanaleneiland as a map coloured by spoor, with a legend and a text alternative (landscape tablet)', async () => {
    const { page, errors } = await session.open('/wijk/kanaleneiland', { as: 'kwartiermaker' });
    const graph = await drawing(page);

    expect(await h1(page)).toBe('Kanaleneiland');
    // The drawing's text for screen readers says how much it shows: at least the 19 kernteam organisations.
    const label = (await graph.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^Kaart van Kanaleneiland: \d+ organisaties/);
    expect(Number(/(\d+) organisaties/.exec(label)?.[1])).toBeGreaterThanOrEqual(19);

    const legend = page.getByRole('region', { name: 'Uitleg bij de kaart' });
    const legendText = (await legend.textContent()) ?? '';
    for (const words of ['Spoor 1', 'Sociale basis', 'Spoor 2', 'Buurtteams', 'Spoor 3', 'Aanvullende zorg', 'Sleutelfiguur']) {
      expect(legendText).toContain(words);
    }

    // The kernteam's organisations, each under its own spoor.
    expect(await organisationsUnder(page, /^Spoor 1/)).toContain('Stichting Al Amal');
    expect(await organisationsUnder(page, /^Spoor 2/)).toContain('Buurtteam Sociaal');
    expect(await organisationsUnder(page, /^Spoor 3/)).toContain('Lister');
    expect(await organisationsUnder(page, /^Spoor 1/)).not.toContain('Lister');

    const partnerships = (await page.getByRole('region', { name: 'Samenwerkingsverbanden' }).textContent()) ?? '';
    expect(partnerships).toMatch(/Kernteam/);
    expect(partnerships).toMatch(/\d+ leden/);

    const stats = await canvasStats(page, Object.values(SPOOR_COLOURS));
    expect(stats.canvases).toBeGreaterThan(0);
    expect(stats.painted).toBeGreaterThan(2_000);
    // Every spoor has shapes on the map in its own colour.
    Object.keys(SPOOR_COLOURS).forEach((spoor, i) => expect(stats.matches[i], spoor).toBeGreaterThan(50));

    // On a landscape tablet the map takes the width; the card and the list follow below it.
    const map = await page.getByRole('region', { name: 'Kaart van de wijk' }).boundingBox();
    const list = await page.getByRole('region', { name: 'Organisaties en sleutelfiguren' }).boundingBox();
    expect(map && list && map.y + map.height <= list.y + 1).toBe(true);
    expect(map && map.width).toBeGreaterThan(900);

    await page.screenshot({ path: `${SHOTS}wijk-kanaleneiland-landscape.png` });
    await page.screenshot({ path: `${SHOTS}wijk-kanaleneiland-landscape-full.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('stacks the map above the list on a portrait tablet', async () => {
    const { page, errors } = await session.open('/wijk/kanaleneiland', { as: 'kwartiermaker', viewport: PORTRAIT });
    await drawing(page);
    const map = await page.getByRole('region', { name: 'Kaart van de wijk' }).boundingBox();
    const list = await page.getByRole('region', { name: 'Organisaties en sleutelfiguren' }).boundingBox();
    expect(map && list && map.y + map.height <= list.y + 1).toBe(true);
    expect((await canvasStats(page)).painted).toBeGreaterThan(2_000);
    await page.screenshot({ path: `${SHOTS}wijk-kanaleneiland-portrait.png` });
    expect(errors).toEqual([]);
  });

  it('says "Niet gevonden" for a wijk that does not exist', async () => {
    const { page } = await session.open('/wijk/bestaat-niet', { as: 'kwartiermaker' });
    await page.getByText('Niet gevonden').waitFor();
  });
});

describe('netwerkcirkel', () => {
  it("opens the first client from /kring (a begeleider's clients) and draws their circle with rings, sectors and a list", async () => {
    const { page, errors } = await session.open('/kring', { as: 'eline' });
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    await page.getByRole('main').getByRole('listitem').first().waitFor();
    const first = page.getByRole('main').getByRole('listitem').getByRole('link').first();
    const name = ((await first.locator('.link-row-title').textContent()) ?? '').trim();
    expect(name).not.toBe('');
    await first.click();
    await page.waitForURL(/\/kring\/[^/]+$/);
    // An SVG since issue 13: an image read-only, a group of entries where the begeleider may edit.
    const graph = page.locator('.circle-graph[data-graph-ready="true"]');
    await graph.waitFor({ state: 'visible' });

    expect(await h1(page)).toBe(`Kring van ${name}`);
    expect(await graph.getAttribute('aria-label')).toContain(name);

    // Ring headings come from the deployment's circleLayout (the default is Lensink's: "Heel dichtbij" first).
    const layout = await fetchRingLabels(page);
    expect(layout[0]).toBe('Heel dichtbij');
    const list = page.getByRole('region', { name: 'Wie staat er in de kring' });
    const headings = (await list.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
    layout.forEach((label, i) => expect(headings).toContain(`Ring ${String(i + 1)}: ${label}`));
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);

    // Every ring is drawn, and every entry the drawing announces.
    expect(await graph.locator('[data-ring]').count()).toBe(layout.length);
    const announced = Number(/ met (\d+) /.exec((await graph.getAttribute('aria-label')) ?? '')?.[1]);
    expect(announced).toBeGreaterThanOrEqual(3);
    expect(await graph.locator('[data-entry-id]').count()).toBe(announced);

    await page.screenshot({ path: `${SHOTS}kring-landscape.png` });
    await page.setViewportSize(PORTRAIT);
    await page.locator('.circle-graph[data-graph-ready="true"]').waitFor();
    await page.screenshot({ path: `${SHOTS}kring-portrait.png` });
    expect(errors).toEqual([]);
  });
});

/** Asks the API directly, with the page's session cookie and the CSRF header every request needs. */
async function fetchRingLabels(page: Page): Promise<string[]> {
  const response = await page.request.post(new URL('/graphql', baseUrl).href, {
    headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1' },
    data: { query: '{ circleLayout { rings { ring label } } }' },
  });
  const body = (await response.json()) as { data: { circleLayout: { rings: { ring: number; label: string }[] } } };
  return [...body.data.circleLayout.rings].sort((a, b) => a.ring - b.ring).map((r) => r.label);
}

describe('navigation', () => {
  it('reaches the main navigation with Tab, shows where the focus is, and follows a link with Enter', async () => {
    // A begeleider starts on their clients; "Wijken" is the second item of their menu.
    const { page } = await session.open('/', { as: 'eline' });
    await page.waitForURL(/\/kring$/);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect((await nav.getByRole('link').allTextContents()).map((t) => t.trim())).toEqual(['Mijn cliënten', 'Wijken']);
    // The page moves focus to its heading once it has loaded; start tabbing from the top of the page,
    // as someone does who comes back to the menu (Chromium tabs on from the last focused element).
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('header a').first().focus();
    let onWijken = false;
    for (let i = 0; i < 12 && !onWijken; i++) {
      await page.keyboard.press('Tab');
      onWijken = await nav.evaluate(
        (element) =>
          element.contains(document.activeElement) &&
          document.activeElement?.tagName === 'A' &&
          document.activeElement.textContent?.trim() === 'Wijken',
      );
    }
    expect(onWijken).toBe(true);
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        text: element.textContent?.trim() ?? '',
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
      };
    });
    expect(focus.text).toBe('Wijken');
    expect(focus.outlineStyle).not.toBe('none');
    expect(focus.outlineWidth).toBeGreaterThanOrEqual(2);

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/wijken$/);
    // The page is loaded lazily: wait for its heading rather than reading the previous page's.
    await page.getByRole('heading', { level: 1, name: 'Wijken' }).waitFor();
    expect(await h1(page)).toBe('Wijken');
    const region = page.getByRole('region', { name: 'Focuswijken' });
    await region.getByRole('link', { name: /Kanaleneiland/ }).waitFor();
    const focusWijken = (await region.getByRole('link').allTextContents()).join(' ');
    for (const wijk of ['Kanaleneiland', 'Overvecht', 'Noordwest', 'Leidsche Rijn']) expect(focusWijken).toContain(wijk);
  });

  it('shows a Dutch 404 page for an unknown address', async () => {
    const { page } = await session.open('/bestaat-niet', { as: 'kwartiermaker' });
    expect(await h1(page)).toBe('Pagina niet gevonden');
  });
});
