import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Issue 9, items 4–6 in real Chromium: the wijk's signals ("Aandachtspunten in de wijk"), actions
 * made from them, and "Wijken vergelijken". Demo data (docs/demo-data.md): in Kanaleneiland,
 * Stichting Al Amal and Huisarts Kanaleneiland share at least K = 10 opted-in clients and have no
 * link (a missing link); Taal doet Meer and Buurtzorg Nederland stay below K (never listed).
 */

const session = new Session();
const DESKTOP = { width: 1366, height: 768 };
const K = '10';
const MISSING_TITLE = 'Huisarts Kanaleneiland en Stichting Al Amal hebben samen cliënten uit de wijk, maar nog geen verbinding';
const MISSING_SHORT = 'Ontbrekende verbinding: Huisarts Kanaleneiland en Stichting Al Amal';

const startedAt = new Date().toISOString();

beforeAll(async () => {
  await session.start();
});

afterAll(async () => {
  await session.stop();
  // The actions this file made (the demo's own two stay).
  const db = new Database(inject('neo4j'));
  try {
    await db.write((tx) =>
      tx.run('MATCH (a:WijkAction) WHERE a.createdAt >= datetime($startedAt) DETACH DELETE a', { startedAt }),
    );
  } finally {
    await db.close();
  }
});

/** The names of the nodes the wijk map draws as highlighted (read from the cytoscape instance). */
async function highlightedNodes(page: Page): Promise<string[]> {
  return page.locator('.wijk-graph').evaluate((box) => {
    const cy = (
      box as unknown as Record<
        string,
        { nodes: (s: string) => { map: (f: (n: { data: (k: string) => string }) => string) => string[] } }
      >
    )['__wijkkringCy'];
    return cy
      ? cy
          .nodes('.highlighted')
          .map((n) => n.data('label'))
          .sort()
      : [];
  });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

function signalsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Aandachtspunten in de wijk' });
}

async function openWijk(user: 'kwartiermaker' | 'kwartiermaker-overvecht', viewport = LANDSCAPE) {
  const opened = await session.open('/wijk/kanaleneiland', { as: user, viewport });
  await opened.page.getByRole('heading', { level: 1, name: 'Kanaleneiland' }).waitFor();
  await opened.page.locator('[role="img"][data-graph-ready="true"]').waitFor();
  await signalsPanel(opened.page).getByRole('heading', { level: 3 }).first().waitFor();
  return opened;
}

describe('aandachtspunten in de wijk (issue 9)', () => {
  it('lists the missing link that reaches K and not the pair below K, with no number but K (issue 9)', async () => {
    const { page, errors } = await openWijk('kwartiermaker');
    const panel = signalsPanel(page);
    // The rule, with K, above the list.
    expect(await panel.locator('.wijk-signals-rule').textContent()).toContain(
      `als minstens ${K} cliënten uit de wijk die toestemming gaven, beide organisaties in hun netwerkcirkel hebben`,
    );

    const missing = panel.locator('[data-signal-code="MISSING_LINK"]');
    expect(await missing.count()).toBe(1);
    expect((await missing.getByRole('heading').allTextContents()).map((t) => t.trim())).toEqual([MISSING_TITLE]);
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).not.toMatch(/Taal doet Meer en Buurtzorg Nederland|Buurtzorg Nederland en Taal doet Meer/);
    // The missing-link texts, and the rule above them, hold no number but K.
    const missingTexts = [...(await missing.allTextContents()), (await panel.locator('.wijk-signals-rule').textContent()) ?? ''];
    expect(missingTexts.flatMap((t) => t.match(/\d+/g) ?? []).every((n) => n === K)).toBe(true);
    expect(missingTexts.join(' ')).toContain(K);

    // Other kinds are grouped and folded, with a count of signals; opened, they name who it is about.
    expect(await panel.locator('details.wijk-signal-group').count()).toBeGreaterThan(1);
    const brokers = panel.locator('details.wijk-signal-group').filter({ hasText: 'Kwetsbare bruggen' });
    expect(await brokers.locator('summary').textContent()).toMatch(/Kwetsbare bruggen\s*\d+ aandachtspunt/);
    expect(await brokers.locator('[data-signal-code="FRAGILE_BROKER"]').first().isVisible()).toBe(false);
    await brokers.locator('summary').click();
    const brokerTitle = brokers.locator('[data-signal-code="FRAGILE_BROKER"] h4').first();
    await brokerTitle.waitFor();
    expect(await brokerTitle.textContent()).toMatch(
      /^(Zonder .+ valt het netwerk uit elkaar|.+ is een van de drukste bruggen in het netwerk)$/,
    );
    expect(await panel.getByText('Het netwerk in cijfers').count()).toBe(1);
    expect(await seriousViolations(page, '.wijk-signals-panel')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a signal on the map and clears it again (issue 9)', async () => {
    const { page, errors } = await openWijk('kwartiermaker');
    const card = signalsPanel(page).locator('[data-signal-code="MISSING_LINK"]');
    expect(await highlightedNodes(page)).toEqual([]);
    await card.getByRole('button', { name: `Toon op de kaart: ${MISSING_SHORT}` }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Gemarkeerd op de kaart: ${MISSING_SHORT}` })
      .waitFor();
    await expect.poll(() => highlightedNodes(page)).toEqual(['Huisarts Kanaleneiland', 'Stichting Al Amal']);
    await card.getByText('Gemarkeerd op de kaart', { exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}wijk-signals-highlight-1024.png`, fullPage: false });

    await card.getByRole('button', { name: 'Markering wissen' }).click();
    await expect.poll(() => highlightedNodes(page)).toEqual([]);
    expect(await card.getByRole('button', { name: `Toon op de kaart: ${MISSING_SHORT}` }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('makes an action from a signal, which then shows in Acties; its status changes and stays changed (issue 9)', async () => {
    const { page, errors } = await openWijk('kwartiermaker', DESKTOP);
    const card = signalsPanel(page).locator('[data-signal-code="MISSING_LINK"]');
    await card.getByRole('button', { name: `Maak een actie: ${MISSING_SHORT}` }).click();

    const dialog = page.getByRole('dialog', { name: 'Nieuwe actie' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Wat ga je doen?');
    expect(await title.inputValue()).toBe('Kennismaking Huisarts Kanaleneiland en Stichting Al Amal');
    expect(await dialog.getByText(`Bij het aandachtspunt: ${MISSING_SHORT}`).count()).toBe(1);
    expect(await seriousViolations(page, '.wijk-action-dialog')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}wijk-action-dialog-1366.png` });

    // Saving without an owner is refused in words.
    await dialog.getByLabel('Wie doet het?').fill('');
    await dialog.getByRole('button', { name: 'Bewaar de actie' }).click();
    await dialog.getByRole('alert').getByText('Schrijf op wie het doet.').waitFor();

    const actionTitle = `Kennismaking Al Amal en huisarts ${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 5)}`;
    await title.fill(actionTitle);
    await dialog.getByLabel('Wie doet het?').fill('Karin (kwartiermaker)');
    await dialog.getByLabel('Klaar op (niet verplicht)').fill('2027-01-15');
    await dialog.getByRole('button', { name: 'Bewaar de actie' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const actions = page.getByRole('region', { name: 'Acties' });
    const item = actions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: actionTitle }) });
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('OPEN');
    expect(await item.textContent()).toContain('Wie: Karin (kwartiermaker)');
    expect(await item.textContent()).toContain('Klaar op: 15 januari 2027');
    expect(await item.textContent()).toContain('Het gaat om: Huisarts Kanaleneiland en Stichting Al Amal');

    // Its organisations on the map.
    await item.getByRole('button', { name: `Toon op de kaart: ${actionTitle}` }).click();
    await expect.poll(() => highlightedNodes(page)).toEqual(['Huisarts Kanaleneiland', 'Stichting Al Amal']);

    await item.getByLabel(`Status van ${actionTitle}`).selectOption('IN_PROGRESS');
    await actions.getByRole('status').getByText('De actie is bewaard.').waitFor();
    await expect.poll(() => item.getAttribute('data-status')).toBe('IN_PROGRESS');

    // After a reload the status is still "Bezig".
    await page.reload();
    const reloaded = page
      .getByRole('region', { name: 'Acties' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: actionTitle }) });
    await reloaded.waitFor();
    expect(await reloaded.getByLabel(`Status van ${actionTitle}`).inputValue()).toBe('IN_PROGRESS');
    await page.screenshot({ path: `${SHOTS}wijk-actions-1366.png`, fullPage: true });

    // Stopped, it moves to the closed actions (folded).
    await reloaded.getByLabel(`Status van ${actionTitle}`).selectOption('DROPPED');
    const closed = page.locator('details.wijk-actions-closed');
    await closed.locator('summary').waitFor();
    await expect.poll(async () => closed.getByRole('heading', { name: actionTitle, includeHidden: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows another wijk no missing links, says why, and offers no actions (issue 9)', async () => {
    const { page, errors } = await openWijk('kwartiermaker-overvecht', PORTRAIT);
    const panel = signalsPanel(page);
    await panel.getByText('Ontbrekende verbindingen zie je alleen voor je eigen wijk', { exact: false }).waitFor();
    expect(await panel.locator('[data-signal-code="MISSING_LINK"]').count()).toBe(0);
    expect(await panel.getByText('Stichting Al Amal en Huisarts Kanaleneiland', { exact: false }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: /^Maak een actie/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Acties' }).count()).toBe(0);
    // Signals from the public map itself do show.
    expect(await panel.locator('details.wijk-signal-group').count()).toBeGreaterThan(0);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}wijk-signals-other-wijk-768.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe('wijken vergelijken and the districts page (issue 9)', () => {
  it('lists every wijk for a coordinator, her own first, with the menu and a link to the comparison (issue 9)', async () => {
    const { page, errors } = await session.open('/wijken', { as: 'kwartiermaker' });
    await page.getByRole('heading', { level: 1, name: 'Wijken' }).waitFor();
    const menu = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(menu.map((t) => t.trim())).toEqual(['Mijn wijk', 'Wijken', 'Wijken vergelijken']);

    await page.locator('main .link-list a').first().waitFor();
    await page.screenshot({ path: `${SHOTS}wijken-coordinator-1024.png`, fullPage: true });
    const own = page.getByRole('region', { name: 'Jouw wijk' });
    await own.getByRole('link').first().waitFor();
    expect((await own.getByRole('link').allTextContents()).join(' ')).toContain('Kanaleneiland');
    expect((await own.getByRole('link').allTextContents()).join(' ')).toContain('Jouw wijk');
    const all = (await page.locator('main .link-list a').allTextContents()).join(' | ');
    for (const wijk of ['Overvecht', 'Noordwest', 'Leidsche Rijn']) expect(all).toContain(wijk);
    expect(await page.getByRole('region', { name: 'Andere wijken' }).getByRole('link').count()).toBeGreaterThan(0);
    const listed = await page.locator('main .link-list a').count();

    await page.getByRole('main').getByRole('link', { name: 'Wijken vergelijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijken vergelijken' }).waitFor();
    const table = page.getByRole('table', { name: 'Aantal organisaties met dit aanbod, per wijk' });
    await table.waitFor();
    // One column per wijk (plus the row headers), the own wijk first and named so.
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers).toHaveLength(listed + 1);
    expect(headers[1]).toBe('Kanaleneiland (jouw wijk)');
    expect(errors).toEqual([]);
  });

  it('compares the wijken in tables and small charts, readable and without sideways scrolling (issue 9)', async () => {
    for (const [viewport, name] of [
      [DESKTOP, '1366'],
      [PORTRAIT, '768'],
      [LANDSCAPE, '1024'],
    ] as const) {
      const { page, errors } = await session.open('/wijken/vergelijken', { as: 'kwartiermaker', viewport });
      await page.getByRole('heading', { level: 1, name: 'Wijken vergelijken' }).waitFor();
      const table = page.getByRole('table', { name: 'Aantal organisaties met dit aanbod, per wijk' });
      await table.waitFor();
      const wijken = (await table.locator('thead th').count()) - 1;
      expect(wijken).toBeGreaterThanOrEqual(4);
      expect(await page.getByRole('table', { name: 'Aantal organisaties per spoor, per wijk' }).locator('thead th').count()).toBe(
        wijken + 1,
      );
      expect(
        await page.getByRole('table', { name: 'Dichtheid en verbindingen tussen sporen, per wijk' }).locator('tbody tr').count(),
      ).toBe(wijken);
      // An empty cell is a visible dash that a screen reader reads as "geen".
      const empty = table.locator('td.empty').first();
      if ((await table.locator('td.empty').count()) > 0) {
        expect((await empty.locator('[aria-hidden="true"]').textContent())?.trim()).toBe('–');
        expect(await empty.locator('.visually-hidden').textContent()).toBe('geen');
      }
      // One small chart per wijk, each an image with a title and a description.
      const charts = page.locator('figure.small-chart svg[role="img"]');
      expect(await charts.count()).toBe(wijken);
      expect(await page.getByRole('img', { name: 'Aanbod in Kanaleneiland' }).count()).toBe(1);
      expect(await page.locator('figure.small-chart.own figcaption').textContent()).toContain('Kanaleneiland');
      await page.getByRole('heading', { name: 'Wat kan in jouw wijk, en waarom niet in de mijne?' }).waitFor();

      await page.screenshot({ path: `${SHOTS}wijken-vergelijken-${name}.png`, fullPage: true });
      await noHorizontalOverflow(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  it('fits the signals and actions on a portrait tablet and at 1366×768 (issue 9)', async () => {
    for (const [viewport, name] of [
      [PORTRAIT, '768'],
      [DESKTOP, '1366'],
    ] as const) {
      const { page, errors } = await openWijk('kwartiermaker', viewport);
      await noHorizontalOverflow(page);
      await signalsPanel(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}wijk-signals-${name}.png` });
      await signalsPanel(page).screenshot({ path: `${SHOTS}wijk-signals-panel-${name}.png` });
      await page.getByRole('region', { name: 'Acties' }).screenshot({ path: `${SHOTS}wijk-actions-panel-${name}.png` });
      expect(errors).toEqual([]);
    }
  });
});
