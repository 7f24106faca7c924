import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Database, socialMapCsv, type CsvRow } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * Beheer › Sociale kaart inlezen (issue 11) in real Chromium: the beheerder chooses a file, sees
 * the dry run with its error, cancels, chooses the fixed file and applies it after a confirmation
 * that names the counts. Every name carries this run's tag (the demo organisations are only
 * referred to, never changed); afterAll removes what was imported.
 */

const session = new Session();
const DESKTOP = { width: 1366, height: 768 };
const tag = randomUUID().slice(0, 8);
let db: Database;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  await session.start();
});

afterAll(async () => {
  await session.stop();
  await db.write(async (tx) => {
    await tx.run('MATCH (o:Organisation)-[:OFFERS]->(f:Offering) WHERE o.slug ENDS WITH $tag DETACH DELETE f', { tag });
    await tx.run('MATCH (o:Organisation) WHERE o.slug ENDS WITH $tag DETACH DELETE o', { tag });
  });
  await db.close();
});

function rows(wijk: string): CsvRow[] {
  return [
    { soort: 'organisatie', naam: `Inloophuis Zonnebloem ${tag}`, spoor: '1', wijk: 'Kanaleneiland' },
    { soort: 'organisatie', naam: `Buurthuis De Linde ${tag}`, sector: 'sociale basis', wijk },
    {
      soort: 'aanbod',
      organisatie: `Inloophuis Zonnebloem ${tag}`,
      naam: 'Koffie-inloop',
      wijk: 'Kanaleneiland',
      categorie: 'inloop',
    },
    {
      soort: 'koppeling',
      organisatie: `Inloophuis Zonnebloem ${tag}`,
      met: 'Buurtteam Sociaal',
      type: 'doorverwijzing',
      vanaf: '01-03-2026',
    },
  ];
}

async function choose(page: Page, text: string, name: string): Promise<void> {
  await page.getByLabel('Kies een CSV-bestand').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Proef bekijken' }).click();
  await page.getByRole('heading', { level: 2, name: 'De proef' }).waitFor();
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function importedCount(): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (o:Organisation) WHERE o.slug ENDS WITH $tag RETURN count(o) AS n', { tag });
    return result.records[0]?.get('n') as number;
  });
}

describe('Beheer › Sociale kaart inlezen (issue 11)', () => {
  it('shows the dry run with an error, then applies the fixed file after a confirmation that names the counts', async () => {
    const { page, errors } = await session.open('/beheer/inlezen', { as: 'beheerder', viewport: DESKTOP });
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart inlezen' }).waitFor();

    // The example file and the documentation are there to take.
    const example = page.getByRole('link', { name: 'Voorbeeldbestand downloaden (CSV)' });
    const exampleText = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      (await example.getAttribute('href')) ?? '',
    );
    expect(exampleText.replace(/^\uFEFF/, '').startsWith('soort;naam;')).toBe(true);
    const docsHref = (await page.getByRole('link', { name: 'Uitleg over alle kolommen en waarden' }).getAttribute('href')) ?? '';
    expect(await page.evaluate(async (href) => (await fetch(href)).text(), docsHref)).toContain('# De sociale kaart inlezen');

    // Nothing chosen: the form says so.
    await page.getByRole('button', { name: 'Proef bekijken' }).click();
    await page.getByRole('alert').getByText('Kies eerst een bestand.').waitFor();

    // A file with an unknown wijk: the error with its line and column, and no way to apply it.
    await choose(page, socialMapCsv(rows('Atlantis')), 'sociale-kaart-fout.csv');
    const problems = page.getByRole('alert').filter({ hasText: 'Het bestand heeft 1 fout' });
    await problems.getByText('Regel 3, kolom wijk: De wijk "Atlantis" kennen we niet.', { exact: false }).waitFor();
    await expect.poll(() => page.getByText('4 regels: 3 nieuw, 0 verandert, 0 blijft gelijk, 1 met een fout.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Toepassen' }).count()).toBe(0);
    const lines = page.getByRole('table', { name: 'Per regel' });
    await expect.poll(() => lines.locator('tbody tr').count()).toBe(4);
    expect(await lines.locator('tbody tr').nth(1).innerText()).toContain('Fout (zie boven)');
    expect(await seriousViolations(page)).toEqual([]);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}admin-import-error-1366.png`, fullPage: true });
    expect(await importedCount()).toBe(0);

    // Cancel, then the fixed file.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await choose(page, socialMapCsv(rows('Kanaleneiland')), 'sociale-kaart.csv');
    await page.getByText('4 regels: 4 nieuw, 0 verandert, 0 blijft gelijk, 0 met een fout.').waitFor();
    expect(await page.getByText('Het bestand heeft', { exact: false }).count()).toBe(0);
    await expect.poll(() => lines.locator('tbody tr').nth(3).innerText()).toContain('Nieuw');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sociale kaart toepassen?' });
    await dialog.getByText('Er komen 4 gegevens bij en 0 veranderen. 0 blijven gelijk.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}admin-import-confirm-1366.png` });
    await dialog.getByRole('button', { name: 'Toepassen' }).click();
    await page.getByRole('status').getByText('Klaar. 4 gegevens toegevoegd en 0 veranderd.').waitFor();
    await page.screenshot({ path: `${SHOTS}admin-import-done-1366.png`, fullPage: true });
    expect(await importedCount()).toBe(2);

    // The same file again: everything stays as it is.
    await choose(page, socialMapCsv(rows('Kanaleneiland')), 'sociale-kaart.csv');
    await page.getByText('4 regels: 0 nieuw, 0 verandert, 4 blijft gelijk, 0 met een fout.').waitFor();
    await page.getByText('Alles in dit bestand staat al zo in Wijkkring.', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a tablet held upright, errors and all', async () => {
    const { page, errors } = await session.open('/beheer/inlezen', { as: 'beheerder', viewport: PORTRAIT });
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart inlezen' }).waitFor();
    await choose(page, socialMapCsv(rows('Atlantis')), 'sociale-kaart-fout.csv');
    await page.getByText('Regel 3, kolom wijk', { exact: false }).waitFor();
    await noHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}admin-import-error-768.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
