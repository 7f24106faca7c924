import { randomUUID } from 'node:crypto';
import { upsertOfferings } from '@wijkkring/graph';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';
import { allViolations } from './axe.js';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * Aanbod in je wijk (issue 14) in real Chromium. Mohamed's demo circle is only read: the page as a
 * client sees it, reached from the signals, filtered. Adding happens in a world of the test's own
 * (a client, a wijk with offers of several kinds), removed afterwards, so the demo circles stay as
 * they are for the other tests.
 */

const session = new Session();
const db = testDatabase();
let world: World;
let client: TestAccount;
const offeringIds = [randomUUID(), randomUUID(), randomUUID()];

beforeAll(async () => {
  await session.start();
  world = await createWorld(db);
  await db.write((tx) =>
    upsertOfferings(tx, [
      {
        id: offeringIds[0] ?? '',
        organisationId: world.organisations.team.id,
        districtId: world.districtId,
        category: 'LANGUAGE',
        name: 'Taalcafé',
        languages: ['nl', 'ar', 'tr'],
      },
      {
        id: offeringIds[1] ?? '',
        organisationId: world.organisations.island.id,
        districtId: world.districtId,
        category: 'BUDDY',
        name: 'Maatjesproject',
      },
      {
        id: offeringIds[2] ?? '',
        organisationId: world.organisations.gp.id,
        districtId: world.districtId,
        category: 'GENERAL_PRACTICE',
        name: 'Spreekuur',
      },
    ]),
  );
  client = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
});

afterAll(async () => {
  await session.stop();
  await db.write((tx) => tx.run('MATCH (f:Offering) WHERE f.id IN $ids DETACH DELETE f', { ids: offeringIds }));
  await world.remove();
  await removeAccounts(db);
  await db.close();
});

async function signedIn(
  account: TestAccount,
  path: string,
  viewport: typeof LANDSCAPE,
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await session.open('/inloggen', { viewport });
  await page.getByLabel('Gebruikersnaam').fill(account.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.goto(new URL(path, page.url()).href);
  return { page, errors };
}

/** From the circle page's signals to the offers page, as a client would: by the link. */
async function openFromSignals(page: Page, shot?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Kring van/ }).waitFor();
  const link = page.getByRole('link', { name: 'Bekijk al het aanbod in je wijk' });
  if (shot) await page.locator('.signals-panel').screenshot({ path: `${SHOTS}${shot}.png` });
  await link.click();
  await page.waitForURL(/\/kring\/[^/]+\/aanbod$/);
  await page.getByRole('heading', { level: 1, name: 'Aanbod in je wijk' }).waitFor();
  await page.locator('.offer-card').first().waitFor();
}

function kindButton(page: Page, name: string) {
  return page.getByRole('group', { name: 'Wat zoek je?' }).getByRole('button', { name, exact: true });
}

describe('Aanbod in je wijk (issue 14)', () => {
  for (const [label, viewport] of [
    ['768', PORTRAIT],
    ['1024', LANDSCAPE],
    ['1366', { width: 1366, height: 768 }],
  ] as const) {
    it(`shows Mohamed what Kanaleneiland offers, by kind, with languages in Dutch words, filtered (${label})`, async () => {
      const { page, errors } = await session.open('/mijn-kring', { as: 'mohamed', viewport });
      await openFromSignals(page, `aanbod-signalen-${label}`);
      expect(await page.locator('.lead').first().textContent()).toContain('Kanaleneiland');
      // Several kinds, each with its heading, and where and in which languages.
      const kinds = await page.locator('.offers-group-title').allTextContents();
      expect(kinds.map((k) => k.trim())).toEqual(expect.arrayContaining(['Maatje', 'Inloop', 'Taal', 'Lotgenoten', 'Huisarts']));
      const alAmal = page.locator('.offer-card', { hasText: 'Stichting Al Amal' }).first();
      expect(await alAmal.textContent()).toContain('Arabisch');
      expect(await alAmal.textContent()).toContain('Turks');
      expect(await alAmal.textContent()).toMatch(/Waar:\s*Kanaleneiland/);
      expect(await allViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}aanbod-mohamed-${label}.png`, fullPage: true });
      await page.screenshot({ path: `${SHOTS}aanbod-mohamed-${label}-scherm.png` });

      // Filter by kind with the keyboard: the pressed button says so, and only that kind is shown.
      await kindButton(page, 'Taal').focus();
      await page.keyboard.press('Enter');
      expect(await kindButton(page, 'Taal').getAttribute('aria-pressed')).toBe('true');
      expect((await page.locator('.offers-group-title').allTextContents()).map((k) => k.trim())).toEqual(['Taal']);
      expect(await page.getByRole('status').filter({ hasText: 'Je ziet nu' }).textContent()).toMatch(/Je ziet nu \d+ plek/);
      // And by language: Turkish only leaves offers given in Turkish.
      await kindButton(page, 'Alles').click();
      await page.getByLabel('In welke taal?').selectOption({ label: 'Turks' });
      const cards = await page.locator('.offer-card').allTextContents();
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(card).toContain('Turks');
      expect(await allViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}aanbod-mohamed-turks-${label}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }

  it('puts an organisation in the client’s circle with one tap, and shows it there (768)', async () => {
    const { page, errors } = await signedIn(client, `/kring/${world.circle.id}`, PORTRAIT);
    await openFromSignals(page);
    // The huisarts is in the circle already.
    const gp = page.locator('.offer-card', { hasText: world.organisations.gp.name });
    expect(await gp.textContent()).toContain('Staat al in je kring');
    expect(await gp.getByRole('button').count()).toBe(0);
    // The default place is the outer ring.
    expect(await page.getByLabel('Waar zet je het in je kring?').inputValue()).toBe('4');

    await kindButton(page, 'Taal').click();
    const team = world.organisations.team.name;
    const card = page.locator('.offer-card', { hasText: team });
    expect(await card.textContent()).toContain('Nederlands, Arabisch en Turks');
    await card.getByRole('button', { name: `Zet in mijn kring: ${team}` }).click();
    await card.getByText('Staat in je kring').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${team} staat nu in je kring, bij Diensten.` })
      .waitFor();
    // The keyboard goes on from the link back to the circle.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Bekijk je kring');
    expect(await allViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}aanbod-toegevoegd-768.png`, fullPage: true });

    await card.getByRole('link', { name: 'Bekijk je kring' }).click();
    await page.getByRole('heading', { level: 1, name: /Kring van/ }).waitFor();
    await page.getByRole('region', { name: 'Ring 4: Diensten' }).getByText(team, { exact: true }).waitFor();

    // Back on the offers page, the organisation is marked as in the circle.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Aanbod in je wijk' }).waitFor();
    await page.locator('.offer-card', { hasText: team }).getByText('Staat al in je kring').waitFor();
    expect(errors).toEqual([]);
  });
});
