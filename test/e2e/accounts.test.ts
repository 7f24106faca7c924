import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Database, totpCode } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, freshCode, removeAccounts, type TestAccount } from '../support/accounts.js';
import { baseUrl, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Beheer › Accounts and /activeren (issue 11) in real Chromium: the beheerder makes an account for a
 * begeleider and reads the one-time activation code; someone else, in a fresh browser, activates it
 * (password and a new second factor) and signs in; the beheerder sees it activated, resets the
 * second factor and turns the account off, each after a confirmation.
 */

const session = new Session();
const DESKTOP = { width: 1366, height: 768 };
const db = new Database(inject('neo4j'));
const suffix = randomUUID().slice(0, 8);
const username = `e2e-begeleider-${suffix}`;
const displayName = `Begeleider ${suffix}`;
const password = `een-goed-wachtwoord-${suffix}`;

/**
 * A beheerder of this file's own (not the demo's): the demo accounts' TOTP steps are shared by every
 * test file that signs in as them, and this file needs three logins of its own.
 */
let admin: TestAccount;

beforeAll(async () => {
  await session.start();
  admin = await createAccount(db, { role: 'ADMIN' });
});
afterAll(async () => {
  await session.stop();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run(
      `MATCH (a:Account {username: $username})
       OPTIONAL MATCH (a)-[:SIGNS_IN_AS]->(p:Person)
       OPTIONAL MATCH (s:Session {accountId: a.id})
       DETACH DELETE a, p, s`,
      { username },
    );
    await tx.run('MATCH (t:LoginThrottle) WHERE t.key IN $keys DELETE t', {
      keys: [`account:${username}`, `activation:${username}`],
    });
  });
  await db.close();
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/**
 * Screenshots at 1366×768 and 768×1024, each checked for sideways scrolling: the whole page, or
 * (with a dialog open) what is on screen, as the person sees it.
 */
async function shoot(page: Page, name: string, { dialog = false } = {}): Promise<void> {
  const back = page.viewportSize() ?? DESKTOP;
  for (const [size, label] of [
    [DESKTOP, '1366'],
    [PORTRAIT, '768'],
  ] as const) {
    await page.setViewportSize(size);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}${name}-${label}.png`, fullPage: !dialog });
  }
  await page.setViewportSize(back);
}

/** Signs the file's beheerder in through the login page and opens Beheer › Accounts. */
async function openAsAdmin(viewport: typeof DESKTOP) {
  const opened = await session.open('/inloggen', { viewport });
  const { page } = opened;
  await page.getByLabel('Gebruikersnaam').fill(admin.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Code van 6 cijfers').fill(await freshCode(admin));
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.goto(new URL('/beheer/accounts', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  return opened;
}

/** The card of the account made here, in the list. */
function card(page: Page) {
  return page.locator('li.account-card').filter({ hasText: username });
}

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByLabel('Naam of gebruikersnaam').fill(text);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
}

let code = '';
let activationUrl = '';
let secret = '';

describe('accounts and activation (issue 11)', () => {
  it('lets the beheerder make a begeleider and shows the activation code once (issue 11)', async () => {
    const { page, errors } = await openAsAdmin(DESKTOP);
    await page.locator('li.account-card').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'beheer-accounts');

    // The form asks what the role needs; every problem shows at once, and Annuleren leaves it.
    await page.getByRole('button', { name: 'Nieuw account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw account maken' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Nieuw account' }).click();
    await dialog.getByLabel('Rol').selectOption({ label: 'kwartiermaker' });
    await dialog.getByRole('group', { name: 'Wijken' }).waitFor();
    await dialog.getByRole('button', { name: 'Account maken' }).click();
    const summary = dialog.getByRole('alert');
    await summary.getByText('Vul een naam in.').waitFor();
    await summary.getByText('Kies minstens één wijk.').waitFor();
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    await shoot(page, 'beheer-accounts-nieuw-fouten', { dialog: true });

    // A begeleider at an organisation.
    await dialog.getByLabel('Rol').selectOption({ label: 'begeleider' });
    await dialog.getByLabel('Naam', { exact: true }).fill(displayName);
    await dialog.getByLabel('Gebruikersnaam').fill(username);
    const organisation = dialog.getByLabel('Organisatie');
    const firstOrganisation = await organisation.locator('option').nth(1).getAttribute('value');
    await organisation.selectOption(firstOrganisation ?? '');
    await dialog.getByRole('button', { name: 'Account maken' }).click();

    const shown = page.getByRole('dialog', { name: `Activatiecode voor ${displayName}` });
    await shown.waitFor();
    await shown.getByText(`Geef deze code aan ${displayName}. Hij werkt 72 uur en één keer.`).waitFor();
    code = ((await shown.getByTestId('activation-code').textContent()) ?? '').trim();
    activationUrl = ((await shown.getByTestId('activation-url').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(activationUrl).toBe(`${new URL(baseUrl).origin}/activeren?gebruikersnaam=${username}`);
    expect(await shown.getByTestId('activation-username').textContent()).toBe(username);
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    await shoot(page, 'beheer-accounts-code', { dialog: true });
    await shown.getByRole('button', { name: 'Ik heb de code doorgegeven' }).click();
    await shown.waitFor({ state: 'hidden' });

    // The code is gone: the list says the account waits for activation, and shows no code.
    await searchFor(page, username);
    await card(page).getByText('Nog niet geactiveerd; de code werkt tot', { exact: false }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(code);
    expect(errors).toEqual([]);
  });

  it('lets the new begeleider activate the account in a fresh browser and sign in (issue 11)', async () => {
    expect(code).not.toBe('');
    const { page, errors } = await session.open(new URL(activationUrl).pathname + new URL(activationUrl).search, {
      viewport: DESKTOP,
    });
    await page.getByRole('heading', { level: 1, name: 'Account activeren' }).waitFor();
    expect(await page.getByLabel('Gebruikersnaam').inputValue()).toBe(username);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'activeren');

    // A wrong code gets one clear message.
    await page.getByLabel('Activatiecode').fill('AAAA-AAAA-AAAA-AAAA-AAAA');
    await page.getByLabel('Kies een wachtwoord').fill(password);
    await page.getByLabel('Typ het wachtwoord nog een keer').fill(password);
    await page.getByRole('button', { name: 'Activeren' }).click();
    await page.getByRole('alert').getByText('De gebruikersnaam of de activatiecode klopt niet', { exact: false }).waitFor();
    await shoot(page, 'activeren-fout');

    // The right one, typed in lower case.
    await page.getByLabel('Activatiecode').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Activeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stap 2: stel een app voor inlogcodes in' }).waitFor();
    await page.getByText('Je wachtwoord is bewaard.').waitFor();
    secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'activeren-tweede-stap');
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, Date.now()));
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/kring');
    await page.getByText(`${displayName}, begeleider`).waitFor();
    expect(errors).toEqual([]);

    // Later, in another browser: the password and a code from the app.
    const later = await session.open('/inloggen', { viewport: DESKTOP });
    await later.page.getByLabel('Gebruikersnaam').fill(username);
    await later.page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await later.page.getByRole('button', { name: 'Inloggen' }).click();
    // The next time step: the one used at activation works once.
    await later.page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, Date.now() + 30_000));
    await later.page.getByRole('button', { name: 'Code controleren' }).click();
    await later.page.waitForURL((url) => url.pathname === '/kring');
    expect(later.errors).toEqual([]);
  });

  it('lets the beheerder change, reset and turn off the account, each after a confirmation (issue 11)', async () => {
    expect(secret).not.toBe('');
    const { page, errors } = await openAsAdmin(PORTRAIT);
    await page.locator('li.account-card').first().waitFor();
    await searchFor(page, username);
    await card(page).getByText('Tweede stap aan').waitFor();

    // Wijzigen, then Annuleren: nothing changes.
    await card(page).getByRole('button', { name: 'Wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: `${displayName} wijzigen` });
    await edit.waitFor();
    await edit.getByLabel('Rol').selectOption({ label: 'kwartiermaker' });
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
    await shoot(page, 'beheer-accounts-wijzigen', { dialog: true });
    await edit.getByRole('button', { name: 'Annuleren' }).click();
    await edit.waitFor({ state: 'hidden' });
    await card(page).getByText('begeleider', { exact: true }).waitFor();

    // Tweede stap opnieuw: asks first, then the second factor is off.
    await card(page).getByRole('button', { name: 'Tweede stap opnieuw' }).click();
    const reset = page.getByRole('dialog', { name: `Tweede stap van ${displayName} opnieuw instellen?` });
    await reset.waitFor();
    await shoot(page, 'beheer-accounts-tweede-stap', { dialog: true });
    await reset.getByRole('button', { name: 'Ja, opnieuw instellen' }).click();
    await page.getByRole('status').getByText(`${displayName} stelt bij de volgende keer inloggen`, { exact: false }).waitFor();
    await card(page).getByText('Geen tweede stap').waitFor();

    // Uitzetten: asks first, then the account is off; Aanzetten is offered.
    await card(page).getByRole('button', { name: 'Uitzetten' }).click();
    const off = page.getByRole('dialog', { name: `Account van ${displayName} uitzetten?` });
    await off.waitFor();
    await off.getByRole('button', { name: 'Uitzetten' }).click();
    await card(page).getByText('Staat uit').waitFor();
    await card(page).getByRole('button', { name: 'Aanzetten' }).waitFor();

    // The filter for accounts that are off finds it.
    await page.getByLabel('Aan of uit').selectOption({ label: 'Uit' });
    await searchFor(page, username);
    await card(page).waitFor();
    expect(await page.locator('li.account-card').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'beheer-accounts-uit');
    expect(errors).toEqual([]);

    // Turned off, the login is refused.
    const refused = await session.open('/inloggen', { viewport: DESKTOP });
    await refused.page.getByLabel('Gebruikersnaam').fill(username);
    await refused.page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await refused.page.getByRole('button', { name: 'Inloggen' }).click();
    await refused.page.getByRole('alert').getByText('Je gebruikersnaam of wachtwoord klopt niet', { exact: false }).waitFor();
  });
});
