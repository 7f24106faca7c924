import type { Locator, Page } from 'playwright-core';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Issue 9, item 2 in real Chromium: the wijk's coordinator maps her wijk ("Wijkkaart bijwerken"
 * on /wijk/kanaleneiland). The tests share one database with the demo data (and with the other
 * browser tests), so they pick two organisations without a link from the map itself, end the link
 * they record, and leave alone the pairs the signal tests look at.
 */

const session = new Session();
const startedAt = new Date().toISOString();
const DESKTOP = { width: 1366, height: 768 };
/** The demo data's missing-link pairs (wijk-signals.test.ts): recording a link between them would change what that test sees. */
const LEAVE_ALONE = new Set(['Stichting Al Amal', 'Huisarts Kanaleneiland', 'Taal doet Meer', 'Buurtzorg Nederland']);

beforeAll(async () => {
  await session.start();
});

afterAll(async () => {
  await session.stop();
  // Links are never deleted through the API (ending one keeps it on record); the test removes its own.
  const db = new Database(inject('neo4j'));
  try {
    await db.write((tx) =>
      tx.run(`MATCH ()-[l:COLLABORATES_WITH {source: 'USER'}]->() WHERE l.createdAt >= datetime($startedAt) DELETE l`, {
        startedAt,
      }),
    );
  } finally {
    await db.close();
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function panelOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Wijkkaart bijwerken' });
}

/** The wijk page as the coordinator, with "Wijkkaart bijwerken" opened. */
async function openPanel(viewport = LANDSCAPE) {
  const opened = await session.open('/wijk/kanaleneiland', { as: 'kwartiermaker', viewport });
  const { page } = opened;
  await page.getByRole('heading', { level: 1, name: 'Kanaleneiland' }).waitFor();
  await page.locator('[role="img"][data-graph-ready="true"]').waitFor();
  const toggle = page.getByRole('button', { name: 'Wijkkaart bijwerken' });
  await toggle.scrollIntoViewIfNeeded();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await panelOf(page).getByRole('button', { name: 'Verbinding vastleggen' }).waitFor();
  return opened;
}

/** The names of the wijk's organisations, as the "Van" field of the dialog offers them. */
async function organisationOptions(dialog: Locator): Promise<string[]> {
  return dialog
    .getByLabel('Van', { exact: true })
    .locator('optgroup[label="Organisaties"] option')
    .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
}

/** The links the panel lists, as "A – B". */
async function panelLinkLabels(page: Page): Promise<string[]> {
  return panelOf(page)
    .locator('.wijk-edit-list[aria-label="Verbindingen"] .wijk-edit-item-name')
    .evaluateAll((items) => items.map((item) => item.firstChild?.textContent ?? ''));
}

/** Two organisations of the wijk that the map shows without a link between them; both have other links. */
function unlinkedPair(organisations: readonly string[], labels: readonly string[]): [string, string] {
  const linked = new Set(labels.flatMap((l) => [l, l.split(' – ').reverse().join(' – ')]));
  const withLinks = organisations.filter(
    (name) => !LEAVE_ALONE.has(name) && labels.some((l) => l.startsWith(`${name} – `) || l.endsWith(` – ${name}`)),
  );
  for (const a of withLinks) for (const b of withLinks) if (a < b && !linked.has(`${a} – ${b}`)) return [a, b];
  throw new Error('No two organisations without a link in the demo data');
}

/** The sentence about the link between a and b in the map's text list ("Alle verbindingen"). */
function textListLink(page: Page, a: string, b: string): Locator {
  const sentence = new RegExp(`^(${escape(a)} — samenwerking — ${escape(b)}|${escape(b)} — samenwerking — ${escape(a)})`);
  return page.locator('.wijk-link-list li').filter({ hasText: sentence });
}

/** Ends a link through the panel's list (used to clean up when a test fails halfway). */
async function endInPanel(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Escape');
  const button = panelOf(page).getByRole('button', { name: `Beëindigen: ${label}` });
  await button.click({ timeout: 5000 });
  const end = page.getByRole('dialog', { name: 'Verbinding beëindigen' });
  await end.getByRole('button', { name: 'Beëindigen' }).click();
  await end.waitFor({ state: 'hidden' });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('wijkkaart bijwerken (issue 9)', () => {
  it('records a link between two organisations without one: it is on the map’s list; ended, it is gone today (issue 9)', async () => {
    const { page, errors } = await openPanel();
    const panel = panelOf(page);
    await panel.getByText(/^Toon de \d+ verbindingen op de kaart$/).click();
    const labels = await panelLinkLabels(page);
    expect(labels.length).toBeGreaterThan(5);

    await panel.getByRole('button', { name: 'Verbinding vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verbinding vastleggen' });
    await dialog.waitFor();
    const [a, b] = unlinkedPair(await organisationOptions(dialog), labels);
    expect(await textListLink(page, a, b).count()).toBe(0);

    await dialog.getByLabel('Van', { exact: true }).selectOption({ label: a });
    await dialog.getByLabel('Naar', { exact: true }).selectOption({ label: b });
    await dialog.getByLabel('Soort verbinding').selectOption({ label: 'Samenwerking' });
    await dialog.getByLabel('Hoe sterk is de verbinding?').selectOption('3');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const label = `${a} – ${b}`;
    let ended = false;
    try {
      await panel.getByRole('status').getByText(`De verbinding is vastgelegd: ${label}.`).waitFor();
      // The map's own text list (what a screen reader reads instead of the drawing) has it now.
      await textListLink(page, a, b).waitFor();
      expect(await textListLink(page, a, b).count()).toBe(1);

      // "Beëindigen" per today: the link is no longer on today's map.
      await panel.getByRole('button', { name: `Beëindigen: ${label}` }).click();
      const end = page.getByRole('dialog', { name: 'Verbinding beëindigen' });
      await end.waitFor();
      expect(await end.getByLabel('Stopt per').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await end.getByRole('button', { name: 'Beëindigen' }).click();
      await end.waitFor({ state: 'hidden' });
      ended = true;
      await panel.getByRole('status').getByText(`De verbinding is beëindigd: ${label}.`).waitFor();
      await textListLink(page, a, b).waitFor({ state: 'detached' });
      expect(await panel.getByRole('button', { name: `Beëindigen: ${label}` }).count()).toBe(0);
    } finally {
      // Shared database: a link this test recorded never outlives it.
      if (!ended) await endInPanel(page, label);
    }

    // Also after loading the page afresh.
    await page.reload();
    await page.locator('.wijk-link-list li').first().waitFor();
    expect(await textListLink(page, a, b).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('refuses a note with a phone number, in Dutch at the note, and records nothing (issue 9)', async () => {
    const { page, errors } = await openPanel();
    const panel = panelOf(page);
    await panel.getByText(/^Toon de \d+ verbindingen op de kaart$/).click();
    const labels = await panelLinkLabels(page);
    await panel.getByRole('button', { name: 'Verbinding vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verbinding vastleggen' });
    await dialog.waitFor();
    const [a, b] = unlinkedPair(await organisationOptions(dialog), labels);

    await dialog.getByLabel('Van', { exact: true }).selectOption({ label: a });
    await dialog.getByLabel('Naar', { exact: true }).selectOption({ label: b });
    await dialog.getByLabel('Notitie').fill('Bel Samira op 06-12345678 voor een afspraak');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();

    const message = 'Hier mag geen e-mailadres of telefoonnummer in. De wijkkaart is geen adresboek.';
    await dialog.locator('.field.has-problem').getByText(message).waitFor();
    const note = dialog.getByLabel('Notitie');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field for screen readers, and listed (with a link to it) above the form.
    const describedBy = (await note.getAttribute('aria-describedby')) ?? '';
    const described = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      describedBy,
    );
    expect(described).toContain(message);
    await dialog.getByRole('alert').getByRole('link', { name: message }).waitFor();
    expect(await dialog.isVisible()).toBe(true);

    // Escape closes the dialog; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Verbinding vastleggen');
    expect(await textListLink(page, a, b).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('adds no key figure without their consent: refused at the checkbox (issue 9)', async () => {
    const { page, errors } = await openPanel();
    const panel = panelOf(page);
    // Unique per run, and without a run of digits (that would read as a phone number).
    const name = `E2E Sleutelfiguur ${Date.now().toString(36)}`;
    await panel.getByRole('button', { name: 'Sleutelfiguur toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sleutelfiguur toevoegen' });
    await dialog.waitFor();
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByLabel('Korte beschrijving').fill('Organiseert de koffieochtend');
    const consent = dialog.getByLabel('Deze persoon gaf toestemming om op de wijkkaart te staan');
    expect(await consent.isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();

    const message = 'Zet het vinkje alleen als de persoon toestemming gaf. Zonder toestemming kan niemand op de kaart.';
    await dialog.locator('.field.has-problem').getByText(message).waitFor();
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    // The box and its message sit in the same marked field.
    expect(
      await dialog.locator('.field.has-problem').getByLabel('Deze persoon gaf toestemming om op de wijkkaart te staan').count(),
    ).toBe(1);

    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText(name).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe violations with a dialog open, and fits a tablet and a laptop (issue 9)', async () => {
    const { page, errors } = await openPanel(PORTRAIT);
    const panel = panelOf(page);
    await panel.scrollIntoViewIfNeeded();
    expect(await seriousViolations(page, '.wijk-edit')).toEqual([]);
    await noHorizontalOverflow(page);
    await panel.screenshot({ path: `${SHOTS}wijk-edit-panel-portrait.png` });

    // Every button of the panel is a touch target of at least 44 by 44 pixels.
    await panel.getByText(/^Toon de \d+ verbindingen op de kaart$/).click();
    const small = await panel.evaluate((section) =>
      [...section.querySelectorAll('button, summary')]
        .map((b) => ({ text: b.textContent?.trim() ?? '', box: b.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
        .map(({ text }) => text),
    );
    expect(small).toEqual([]);

    await panel.getByRole('button', { name: 'Verbinding vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verbinding vastleggen' });
    await dialog.waitFor();
    await dialog.getByLabel('Organisatie buiten de wijk').check();
    await dialog.getByLabel('Zoek een organisatie op naam').fill('Buurt');
    await dialog.getByRole('button', { name: 'Zoeken' }).click();
    await dialog.getByText(/organisaties? gevonden/).waitFor();
    expect(await seriousViolations(page, '.wijk-edit-dialog')).toEqual([]);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}wijk-edit-dialog-portrait.png` });

    await page.setViewportSize(DESKTOP);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}wijk-edit-dialog-desktop.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.setViewportSize(LANDSCAPE);
    await noHorizontalOverflow(page);
    await panel.screenshot({ path: `${SHOTS}wijk-edit-panel-landscape.png` });
    await page.setViewportSize(DESKTOP);
    await noHorizontalOverflow(page);
    await panel.screenshot({ path: `${SHOTS}wijk-edit-panel-desktop.png` });

    // The offering dialog: languages as checkboxes with Dutch names.
    await panel.getByRole('button', { name: 'Aanbod toevoegen' }).click();
    const offering = page.getByRole('dialog', { name: 'Aanbod toevoegen' });
    await offering.waitFor();
    await offering.getByLabel('Tamazight (Berbers)').waitFor();
    expect(await seriousViolations(page, '.wijk-edit-dialog')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}wijk-edit-offering-desktop.png` });
    await page.keyboard.press('Escape');
    await offering.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
