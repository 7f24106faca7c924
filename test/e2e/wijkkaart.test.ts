import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Issue 9, item 3: the interactive wijkkaart of Kanaleneiland for its kwartiermaker, in real
 * Chromium against the demo data. The cytoscape instance is read from the drawing's box
 * (GraphCanvas keeps it there under a non-enumerable name) to measure labels and read classes.
 */

const WIDE = { width: 1366, height: 768 };
const PATH = '/wijk/kanaleneiland';
/** Client names of the demo circles in Kanaleneiland: never in a download of the wijkkaart. */
const CLIENT_NAMES = ['Mohamed', 'Aïcha', 'Jeroen'];

/** The little of cytoscape's API the tests use (the instance lives in the page). */
interface BoundingBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface CyElement {
  id(): string;
  data(key: string): string | undefined;
  classes(): string[];
  hasClass(name: string): boolean;
  style(name: string): string;
  renderedPosition(): { x: number; y: number };
  boundingBox(options: { includeLabels: boolean; includeNodes: boolean; includeEdges: boolean }): BoundingBox;
}
interface CyCollection {
  map<T>(fn: (element: CyElement) => T): T[];
  filter(fn: (element: CyElement) => boolean): CyCollection;
}
interface CyLike {
  zoom(): number;
  pan(): { x: number; y: number };
  nodes(): CyCollection;
  edges(): CyCollection;
}

const session = new Session();
beforeAll(() => session.start());
afterAll(() => session.stop());

async function openMap(viewport = LANDSCAPE) {
  const opened = await session.open(PATH, { as: 'kwartiermaker', viewport });
  await opened.page.locator('[role="img"][data-graph-ready="true"]').waitFor();
  return opened;
}

const graph = (page: Page) => page.locator('[role="img"][data-graph-ready="true"]');

interface NodeInfo {
  id: string;
  label: string;
  classes: string[];
  opacity: number;
  rendered: { x: number; y: number };
}

/** Every node of the drawing (organisations, key figures, and the labels of the columns). */
async function nodesOnMap(page: Page): Promise<NodeInfo[]> {
  return graph(page).evaluate((element) => {
    const cy = (element as unknown as Record<string, CyLike>)['__wijkkringCy'];
    if (!cy) throw new Error('no cytoscape instance on the drawing');
    return cy.nodes().map((n) => ({
      id: n.id(),
      label: n.data('label') ?? '',
      classes: n.classes(),
      opacity: Number(n.style('opacity')),
      rendered: n.renderedPosition(),
    }));
  });
}

async function edgesOnMap(page: Page): Promise<{ id: string; classes: string[] }[]> {
  return graph(page).evaluate((element) => {
    const cy = (element as unknown as Record<string, CyLike>)['__wijkkringCy'];
    if (!cy) throw new Error('no cytoscape instance on the drawing');
    return cy.edges().map((e) => ({ id: e.id(), classes: e.classes() }));
  });
}

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Label boxes and node boxes in rendered (screen) pixels. */
async function boxes(page: Page): Promise<{ labels: Box[]; nodes: Box[] }> {
  return graph(page).evaluate((element) => {
    const cy = (element as unknown as Record<string, CyLike>)['__wijkkringCy'];
    if (!cy) throw new Error('no cytoscape instance on the drawing');
    const zoom = cy.zoom();
    const pan = cy.pan();
    const toScreen = (id: string, b: { x1: number; y1: number; x2: number; y2: number }) => ({
      id,
      x1: b.x1 * zoom + pan.x,
      y1: b.y1 * zoom + pan.y,
      x2: b.x2 * zoom + pan.x,
      y2: b.y2 * zoom + pan.y,
    });
    const labels = cy
      .nodes()
      .filter((n) => (n.data('label') ?? '') !== '')
      .map((n) => toScreen(n.id(), n.boundingBox({ includeLabels: true, includeNodes: false, includeEdges: false })));
    const nodes = cy
      .nodes()
      .filter((n) => !n.hasClass('group-label'))
      .map((n) => toScreen(n.id(), n.boundingBox({ includeLabels: false, includeNodes: true, includeEdges: false })));
    return { labels, nodes };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

/** Waits until the drawing has been fitted to its (resized) box: the zoom stops changing. */
async function settled(page: Page) {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const zoom = await graph(page).evaluate(
      (element) => (element as unknown as Record<string, CyLike>)['__wijkkringCy']?.zoom() ?? 0,
    );
    if (zoom === last) return;
    last = zoom;
  }
}

async function noHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

const card = (page: Page) => page.getByRole('region', { name: /Stichting Al Amal|Gekozen op de kaart/ }).first();

describe('wijkkaart (issue 9)', () => {
  it('opens a card when a node on the map is clicked: spoor, in the wijk, offerings in Arabic, its links with whom', async () => {
    const { page, errors } = await openMap();
    // Scroll the node to the middle of the screen, then click it where it is drawn.
    const before = (await nodesOnMap(page)).find((n) => n.label === 'Stichting Al Amal');
    const top = await graph(page).boundingBox();
    if (!before || !top) throw new Error('no drawing');
    await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), top.y + before.rendered.y);
    const alAmal = (await nodesOnMap(page)).find((n) => n.label === 'Stichting Al Amal');
    const box = await graph(page).boundingBox();
    if (!alAmal || !box) throw new Error('no drawing');
    await page.mouse.click(box.x + alAmal.rendered.x, box.y + alAmal.rendered.y);
    const heading = page.locator('#wijk-card-title');
    await expect.poll(async () => (await heading.textContent())?.trim()).toBe('Stichting Al Amal');
    const text = (await page.locator('.wijk-card').textContent()) ?? '';
    expect(text).toContain('Spoor 1: Sociale basis');
    expect(text).toContain('In de wijk');
    expect(text).toContain('Arabisch');
    expect(text).toMatch(/samenwerking met Basmah, sinds januari 2024/);
    expect(text).toContain('met Fatima Z.');
    // The ended referral from Humanitas is not on today's map.
    expect(text).not.toMatch(/doorverwijzing met Humanitas/);
    // The node is marked as chosen on the map, not by colour alone (a thicker border).
    const chosen = (await nodesOnMap(page)).find((n) => n.id === alAmal.id);
    expect(chosen?.classes).toContain('chosen');
    expect(errors).toEqual([]);
  });

  it('filters by spoor: other sporen fade on the map and leave the list', async () => {
    const { page, errors } = await openMap();
    const filters = page.getByRole('region', { name: 'Filteren' });
    for (const name of ['Spoor 2', 'Spoor 3', 'Overig', 'Sleutelfiguren'])
      await filters.getByRole('checkbox', { name }).uncheck();
    await expect.poll(async () => (await nodesOnMap(page)).filter((n) => n.classes.includes('faded')).length).toBeGreaterThan(5);
    const nodes = (await nodesOnMap(page)).filter((n) => n.classes.includes('organisation') || n.classes.includes('keyFigure'));
    for (const n of nodes) {
      if (n.classes.includes('tier1')) expect(n.opacity, n.label).toBe(1);
      else expect(n.opacity, n.label).toBeLessThan(0.5);
    }
    const list = page.getByRole('region', { name: 'Organisaties en sleutelfiguren' });
    const names = (await list.locator('.node-button-name').allTextContents()).map((t) => t.trim());
    expect(names).toContain('Stichting Al Amal');
    expect(names).not.toContain('Buurtteam Sociaal');
    expect(names).not.toContain('Lister');
    expect(await filters.getByRole('status').textContent()).toMatch(/passen bij het filter/);
    // Every link still listed joins two organisations of spoor 1.
    const links = (await page.locator('.wijk-link-list li').allTextContents()).join('\n');
    expect(links).not.toContain('Buurtteam Sociaal');
    expect(errors).toEqual([]);
  });

  it('reaches a card with the keyboard only: Tab to a name in the list, Enter, the card heading has the focus', async () => {
    const { page, errors } = await openMap();
    let name = '';
    for (let i = 0; i < 120 && !name; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.classList.contains('node-button') ? (active.querySelector('.node-button-name')?.textContent ?? '') : '';
      });
    }
    expect(name).not.toBe('');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => [document.activeElement?.id, document.activeElement?.textContent?.trim()]))
      .toEqual(['wijk-card-title', name]);
    // The focus is visible.
    const outline = await page.evaluate(() =>
      document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : '',
    );
    expect(outline).not.toBe('none');
    expect(errors).toEqual([]);
  });

  for (const viewport of [PORTRAIT, WIDE]) {
    it(`never lets labels overlap each other or a node, at ${String(viewport.width)} px wide`, async () => {
      const { page, errors } = await openMap(viewport);
      await settled(page);
      const { labels, nodes } = await boxes(page);
      expect(labels.length).toBeGreaterThan(30);
      const problems: string[] = [];
      for (let i = 0; i < labels.length; i++) {
        const a = labels[i];
        if (!a) continue;
        for (let j = i + 1; j < labels.length; j++) {
          const b = labels[j];
          if (b && overlap(a, b)) problems.push(`label ${a.id} overlaps label ${b.id}`);
        }
        for (const b of nodes) if (b.id !== a.id && overlap(a, b)) problems.push(`label ${a.id} overlaps node ${b.id}`);
      }
      expect(problems).toEqual([]);
      // And the labels can be read: at least 9 px high on screen.
      const heights = labels.map((l) => l.y2 - l.y1).sort((x, y) => x - y);
      expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThan(9);
      expect(await noHorizontalOverflow(page)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('shows an ended link on an earlier date and not today, and names it in the change list', async () => {
    const { page, errors } = await openMap(WIDE);
    const ended = /(Humanitas — doorverwijzing — Stichting Al Amal|Stichting Al Amal — doorverwijzing — Humanitas)/;
    const linkList = page.locator('.wijk-link-list');
    expect(await linkList.textContent()).not.toMatch(ended);
    await page.getByLabel('Kaart op').fill('2025-03-01');
    await expect.poll(async () => (await page.locator('#wijk-date-help').textContent()) ?? '').toContain('1 maart 2025');
    await expect.poll(async () => (await linkList.textContent()) ?? '').toMatch(ended);
    expect(await linkList.textContent()).toMatch(/tot 1 juli 2025/);

    const changes = page.getByRole('region', { name: 'Wat is er veranderd in de wijk?' });
    await changes.getByLabel('Van').fill('2025-03-01');
    await changes.getByLabel('Tot').fill(
      await page.evaluate(() => {
        const d = new Date();
        return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      }),
    );
    await changes.getByRole('button', { name: 'Vergelijk' }).click();
    const list = changes.locator('.change-list');
    await list.waitFor();
    const sentences = (await list.textContent()) ?? '';
    expect(sentences).toMatch(new RegExp(`Gestopt: ${ended.source}`));
    expect(sentences).toMatch(/Nieuwe verbinding: .*Taal doet Meer/);
    // On the map (now today's): the ended link drawn as ended, the new one marked as started.
    await expect.poll(async () => (await edgesOnMap(page)).filter((e) => e.classes.includes('ended')).length).toBeGreaterThan(0);
    expect((await edgesOnMap(page)).filter((e) => e.classes.includes('started')).length).toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}wijkkaart-changes-1366.png` });
    expect(errors).toEqual([]);
  });

  it('downloads the map as PNG and the network as GraphML (organisations and key figures, no clients)', async () => {
    const { page, errors } = await openMap();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    expect(png.suggestedFilename()).toMatch(/^wijk-kanaleneiland-\d{4}-\d{2}-\d{2}\.png$/);
    const pngBytes = readFileSync((await png.path()) ?? '');
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(20_000);

    const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /GraphML/ }).click()]);
    expect(graphml.suggestedFilename()).toMatch(/^wijk-kanaleneiland-\d{4}-\d{2}-\d{2}\.graphml$/);
    const xml = readFileSync((await graphml.path()) ?? '', 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        nodes: doc.getElementsByTagName('node').length,
        edges: doc.getElementsByTagName('edge').length,
        names: Array.from(doc.querySelectorAll('data[key="name"]')).map((d) => d.textContent),
      };
    }, xml);
    expect(parsed.error).toBe(0);
    const onMap = (await nodesOnMap(page)).filter((n) => n.classes.includes('organisation') || n.classes.includes('keyFigure'));
    expect(parsed.nodes).toBe(onMap.length);
    expect(parsed.edges).toBe((await edgesOnMap(page)).length);
    expect(parsed.names).toContain('Stichting Al Amal');
    expect(parsed.names).toContain('Fatima Z.');
    for (const client of CLIENT_NAMES) expect(xml).not.toContain(client);
    expect(errors).toEqual([]);
  });

  it('prints on exactly one A4 landscape page', async () => {
    const { page, errors } = await openMap();
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await page.locator('.wijk-print-drawing').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
    expect(errors).toEqual([]);
  });

  it('fits 768, 1024 and 1366 px without sideways scrolling, and has no serious axe violations with a card open', async () => {
    const { page, errors } = await openMap(WIDE);
    await page.locator('.node-button', { hasText: 'Buurtteam Sociaal' }).first().click();
    await expect.poll(async () => (await page.locator('#wijk-card-title').textContent())?.trim()).toBe('Buurtteam Sociaal');
    for (const [viewport, name] of [
      [WIDE, '1366x768'],
      [LANDSCAPE, '1024x768'],
      [PORTRAIT, '768x1024'],
    ] as const) {
      await page.setViewportSize(viewport);
      await settled(page);
      expect(await noHorizontalOverflow(page), name).toBe(true);
      await page.screenshot({ path: `${SHOTS}wijkkaart-${name}.png` });
      await page.screenshot({ path: `${SHOTS}wijkkaart-${name}-full.png`, fullPage: true });
    }
    // On a portrait tablet the card comes right below the map.
    const map = await page.getByRole('region', { name: 'Kaart van de wijk' }).boundingBox();
    const cardBox = await card(page).boundingBox();
    expect(map && cardBox && map.y + map.height <= cardBox.y + 1).toBe(true);
    // axe-core over the whole page, card open (the colleagues' signals and actions panels included).
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
