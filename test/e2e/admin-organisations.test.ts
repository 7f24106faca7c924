import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Database, upsertLinks, upsertOrganisations } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * Beheer › Organisaties en wijken (issue 11) in real Chromium, as the beheerder: create an
 * organisation, edit it, and merge a duplicate of it after a confirmation that says what moves.
 * The test's organisations carry a random tag; the demo organisations are only linked to, never
 * changed, and everything made here is removed afterwards.
 */

const session = new Session();
const db = new Database(inject('neo4j'));
const DESKTOP = { width: 1366, height: 768 };
const tag = randomUUID().slice(0, 6);
const keptName = `Buurthuis Zonnebloem ${tag}`;
const duplicateId = randomUUID();
const duplicateName = `Zonnebloem buurthuis ${tag}`;
const linkId = randomUUID();

beforeAll(async () => {
  await session.start();
  // The duplicate, as an import might have left it: active in Kanaleneiland, with one link to a demo organisation.
  await db.write(async (tx) => {
    const found = await tx.run(
      `MATCH (d:District {slug: 'kanaleneiland'})<-[:ACTIVE_IN]-(o:Organisation) WHERE o.mergedInto IS NULL AND o.until IS NULL
       RETURN d.id AS district, o.id AS other ORDER BY o.name LIMIT 1`,
    );
    const district = found.records[0]?.get('district') as string;
    const other = found.records[0]?.get('other') as string;
    await upsertOrganisations(tx, [
      {
        id: duplicateId,
        name: duplicateName,
        slug: `zonnebloem-buurthuis-${tag}`,
        tier: 1,
        sector: 'SOCIAL_BASE',
        classification: 'assumed',
        note: null,
        districtIds: [district],
      },
    ]);
    await upsertLinks(tx, [
      {
        id: linkId,
        fromId: duplicateId,
        toId: other,
        kind: 'COLLABORATION',
        since: '2025-01-01',
        until: null,
        strength: null,
        source: 'USER',
        note: null,
      },
    ]);
  });
});

afterAll(async () => {
  await db.write(async (tx) => {
    await tx.run('MATCH (o:Organisation) WHERE o.name ENDS WITH $tag OR o.name CONTAINS $tag DETACH DELETE o', { tag });
    await tx.run('MATCH ()-[l:COLLABORATES_WITH {id: $id}]-() DELETE l', { id: linkId });
  });
  await db.close();
  await session.stop();
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Zoek op naam' }).first().fill(text);
  await page.getByRole('search').first().getByRole('button', { name: 'Zoeken' }).click();
}

function organisationRow(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByRole('table', { name: /^Organisaties/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escaped}`) }) });
}

describe('Beheer › Organisaties en wijken (issue 11)', () => {
  it('the beheerder creates an organisation, edits it, and merges a duplicate after a confirmation', async () => {
    const { page, errors } = await session.open('/beheer/organisaties', { as: 'beheerder', viewport: DESKTOP });
    await page.getByRole('heading', { level: 1, name: 'Organisaties en wijken' }).waitFor();
    await page.getByRole('table', { name: /^Wijken/ }).waitFor();

    // Create: a form with a cancel; a missing name is named in the error summary.
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const create = page.getByRole('dialog', { name: 'Organisatie toevoegen' });
    await expect.poll(() => create.getByRole('button', { name: 'Annuleren' }).isVisible()).toBe(true);
    await create.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect.poll(() => create.getByRole('alert').textContent()).toContain('Vul een naam in.');
    await create.getByLabel('Naam', { exact: true }).fill(`Buurthuis ${tag}`);
    await create.getByLabel('Soort organisatie').selectOption('SOCIAL_BASE');
    await create.getByRole('checkbox', { name: 'Kanaleneiland', exact: true }).check();
    await create.getByLabel('Korte beschrijving').fill('Inloop op woensdag');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}beheer-organisatie-toevoegen-desktop.png` });
    await create.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Buurthuis ${tag} is toegevoegd.` })
      .waitFor();

    await search(page, tag);
    await organisationRow(page, `Buurthuis ${tag}`).waitFor();
    expect(await organisationRow(page, `Buurthuis ${tag}`).textContent()).toContain('Kanaleneiland');
    expect(await organisationRow(page, `Buurthuis ${tag}`).textContent()).toContain('spoor 1');

    // Edit: a new name.
    await page.getByRole('button', { name: `Buurthuis ${tag} aanpassen`, exact: true }).click();
    const edit = page.getByRole('dialog', { name: `Buurthuis ${tag} aanpassen`, exact: true });
    await edit.getByLabel('Naam', { exact: true }).fill(keptName);
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${keptName} is aangepast.` })
      .waitFor();
    await organisationRow(page, keptName).waitFor();

    // Merge the duplicate into it: choose the one that stays, then a confirmation that says what moves.
    await organisationRow(page, duplicateName).waitFor();
    await page.getByRole('button', { name: `${duplicateName} samenvoegen met een andere organisatie`, exact: true }).click();
    const merge = page.getByRole('dialog', { name: `${duplicateName} samenvoegen`, exact: true });
    await merge.getByRole('searchbox', { name: 'Zoek de organisatie die blijft' }).fill(keptName);
    await merge.getByRole('button', { name: 'Zoeken' }).click();
    await merge.getByRole('radio', { name: new RegExp(keptName) }).check();
    await merge.getByRole('button', { name: 'Verder' }).click();
    const summary = merge.locator('.admin-org-merge-summary');
    await expect.poll(() => summary.textContent()).toContain(`1 koppeling gaat over naar ${keptName}.`);
    expect(await summary.textContent()).toContain('Dit kun je niet ongedaan maken.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}beheer-samenvoegen-desktop.png` });
    await merge.getByRole('button', { name: 'Ja, samenvoegen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${duplicateName} is samengevoegd met ${keptName}.` })
      .waitFor();

    // The duplicate leaves the list; shown with the ended ones, it says where it went.
    await expect.poll(() => organisationRow(page, duplicateName).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Ook gestopte en samengevoegde organisaties tonen' }).check();
    await expect.poll(() => organisationRow(page, duplicateName).textContent()).toContain(`Samengevoegd met ${keptName}`);
    const moved = await db.read(
      async (tx) =>
        (
          await tx.run('MATCH (k:Organisation {name: $name})-[l:COLLABORATES_WITH {id: $id}]-() RETURN count(l) AS n', {
            name: keptName,
            id: linkId,
          })
        ).records[0]?.get('n') as unknown,
    );
    expect(Number(moved)).toBe(1);

    await noHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}beheer-organisaties-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('works on a tablet: the tables scroll in their own box, never the page; ending asks first', async () => {
    const { page, errors } = await session.open('/beheer/organisaties', { as: 'beheerder', viewport: PORTRAIT });
    await page.getByRole('heading', { level: 1, name: 'Organisaties en wijken' }).waitFor();
    await search(page, tag);
    await organisationRow(page, keptName).waitFor();
    await noHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}beheer-organisaties-tablet.png`, fullPage: true });

    await page.getByRole('button', { name: `${keptName} stoppen`, exact: true }).click();
    const end = page.getByRole('dialog', { name: `${keptName} stoppen?`, exact: true });
    await expect.poll(() => end.textContent()).toContain('Alles blijft bewaard');
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}beheer-organisatie-stoppen-tablet.png` });
    // Annuleren changes nothing.
    await end.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => end.isVisible()).toBe(false);
    expect(await organisationRow(page, keptName).textContent()).toContain('Actief');
    expect(errors).toEqual([]);
  });
});
