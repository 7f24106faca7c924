import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, enterTotp, h1, LANDSCAPE, logIn, PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * Accounts, login with TOTP, sessions, consent and "not allowed", in real Chromium against the
 * real API with the demo accounts (test/setup/e2e.global.ts).
 */

const session = new Session();

beforeAll(() => session.start());
afterAll(() => session.stop());

/** Screenshots in both tablet orientations, of the whole page. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(LANDSCAPE);
  await page.screenshot({ path: `${SHOTS}${name}-landscape.png`, fullPage: true });
  await page.setViewportSize(PORTRAIT);
  await page.screenshot({ path: `${SHOTS}${name}-portrait.png`, fullPage: true });
  await page.setViewportSize(LANDSCAPE);
}

/** The text of the element that has keyboard focus. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

/** Mohamed's current circle id, through "Mijn kring". */
async function mohamedsCircle(): Promise<string> {
  const { page } = await session.open('/mijn-kring', { as: 'mohamed' });
  await page.waitForURL(/\/kring\/[^/]+$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

describe('login', () => {
  it('sends someone who is not signed in to /inloggen, and back to the page they wanted afterwards', async () => {
    const { page, errors, context } = await session.open('/inloggen');
    // Every request of the app: same origin, the CSRF header, and a persisted operation (hash only).
    const requests: { csrf: string | undefined; body: Record<string, unknown> }[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql')
        requests.push({ csrf: request.headers()['x-wijkkring-csrf'], body: request.postDataJSON() as Record<string, unknown> });
    });
    await page.goto(new URL('/wijk/kanaleneiland', baseUrl).href);
    await page.waitForURL(/\/inloggen\?terug=%2Fwijk%2Fkanaleneiland$/);
    expect(await h1(page)).toBe('Inloggen');
    await shoot(page, 'inloggen');

    await page.getByLabel('Gebruikersnaam').fill('kwartiermaker');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await enterTotp(page, 'kwartiermaker');
    await page.waitForURL(/\/wijk\/kanaleneiland$/);
    await page.getByRole('heading', { level: 1, name: 'Kanaleneiland' }).waitFor();
    const menu = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(menu.map((t) => t.trim())).toEqual(['Mijn wijk', 'Wijken', 'Wijken vergelijken']);

    // The session cookie is Secure; Chromium keeps it on http://127.0.0.1 (a potentially trustworthy origin).
    const cookie = (await context.cookies()).find((c) => c.name === 'wk_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });

    expect(requests.map((r) => r.body['operationName'])).toEqual(
      expect.arrayContaining(['Viewer', 'Login', 'VerifyTotp', 'WijkMapPage']),
    );
    for (const { csrf, body } of requests) {
      expect(csrf).toBe('1');
      expect(body['query']).toBeUndefined();
      expect(body['extensions']).toMatchObject({
        persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
      });
    }
    expect(errors).toEqual([]);
  });

  it('logs a begeleider in with a TOTP code, step by step, with focus on each new step', async () => {
    const { page, errors } = await session.open('/inloggen');
    await page.getByLabel('Gebruikersnaam').fill('eline');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    const step = page.getByRole('heading', { level: 1, name: 'Stap 2: de code uit je app' });
    await step.waitFor();
    expect(await focused(page)).toBe('Stap 2: de code uit je app');
    const code = page.getByLabel('Code van 6 cijfers');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await shoot(page, 'inloggen-code');

    // A code that is not six digits is caught before it is sent.
    await code.fill('12');
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await page.getByRole('alert').getByText('Typ de 6 cijfers uit je app.').waitFor();

    await enterTotp(page, 'eline');
    await page.waitForURL(/\/kring$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    const header = (await page.getByRole('banner').textContent()) ?? '';
    expect(header).toContain('Eline K., begeleider');
    const menu = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(menu.map((t) => t.trim())).toEqual(['Mijn cliënten', 'Wijken']);
    // Clients who gave Eline access, and nobody else.
    const clients = (await page.getByRole('main').getByRole('list').textContent()) ?? '';
    for (const name of ['Mohamed', 'Jeroen', 'Linda']) expect(clients).toContain(name);
    expect(clients).not.toContain('Sanne');
    expect(errors).toEqual([]);
  });

  it('says calmly that the username or password is wrong, and stays on the login page', async () => {
    const { page, errors } = await session.open('/inloggen');
    // A name nobody has, new every run: failed logins are counted per account (and kept between runs),
    // and the answer must be the same as for a wrong password, so nobody learns which names exist.
    await page.getByLabel('Gebruikersnaam').fill(`niemand-${String(Date.now())}`);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Je gebruikersnaam of wachtwoord klopt niet.', { exact: false }).waitFor();
    // Focus moves to the problem, so a screen reader reads it and a keyboard user starts there.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.screenshot({ path: `${SHOTS}inloggen-fout-landscape.png` });
    expect(errors).toEqual([]);
  });
});

describe('Wie mag meekijken (client)', () => {
  it('gives a begeleider access, withdraws it, and shows who looked', async () => {
    // Eline (Mohamed's own begeleider) looks at his circle first: that must show up in his list.
    const circleId = await mohamedsCircle();
    const eline = await session.open(`/kring/${circleId}`, { as: 'eline' });
    await eline.page.getByRole('heading', { level: 1, name: 'Kring van Mohamed' }).waitFor();

    const { page, errors } = await session.open('/meekijken', { as: 'mohamed' });
    await page.getByRole('heading', { level: 1, name: 'Wie mag meekijken' }).waitFor();
    const grants = page.getByRole('region', { name: 'Deze mensen mogen meekijken' });
    await grants.getByText('Eline K.').waitFor();
    expect(await grants.textContent()).toContain('mag meetekenen');

    // Give Inge H. (Buurtteam Sociaal) read access, until a day in 2099 that marks this test's own grant.
    const day = new Date(Date.UTC(2099, 0, 1 + Math.floor(Math.random() * 364)));
    const until = day.toISOString().slice(0, 10);
    const untilText = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
    const form = page.getByRole('region', { name: 'Iemand laten meekijken' });
    await form.getByLabel('Naam van de begeleider').fill('Inge');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await form.getByLabel(/Inge H\./).check();
    await form.getByLabel(/mag kijken/).check();
    await form.getByLabel(/Tot en met welke dag/).fill(until);
    await form.getByRole('button', { name: 'Laten meekijken' }).click();
    await page.getByRole('status').getByText('Inge H. mag nu meekijken.').waitFor();
    const active = grants.getByRole('list', { name: 'Mag nu meekijken' });
    const inge = active
      .getByRole('listitem')
      .filter({ hasText: 'Inge H.' })
      .filter({ hasText: `tot en met ${untilText}` });
    await inge.waitFor();
    expect(await inge.textContent()).toContain('mag kijken');

    const trail = page.getByRole('region', { name: 'Wie heeft er gekeken' });
    await trail.getByText('Jij hebt iemand laten meekijken').first().waitFor();
    expect(await trail.textContent()).toMatch(/Eline K\. \(Lister\) heeft je kring bekeken/);
    await shoot(page, 'meekijken');

    // Withdraw it, after saying yes in the dialog.
    await inge.getByRole('button', { name: 'Stoppen met meekijken door Inge H.' }).click();
    const dialog = page.getByRole('dialog', { name: /Meekijken door Inge H\./ });
    await dialog.waitFor();
    expect(await focused(page)).toBe('Annuleren');
    await dialog.getByRole('button', { name: 'Ja, stoppen' }).click();
    await page.getByRole('status').getByText('Inge H. mag niet meer meekijken.').waitFor();
    // A stopped grant says when it stopped, and no end date beside it (issue 14).
    const todayText = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date());
    const stopped = page.getByRole('list', { name: 'Gestopt' }).getByRole('listitem').filter({ hasText: 'Inge H.' });
    await stopped
      .filter({ hasText: `Gestopt op ${todayText}` })
      .first()
      .waitFor();
    for (const text of await stopped.allTextContents()) expect(text).not.toMatch(/tot en met|tot jij het stopt/);
    expect(await active.textContent()).not.toContain(`tot en met ${untilText}`);
    await trail.getByText('Jij hebt het meekijken gestopt').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the client the begeleider’s look first, and their own looks only when asked (issue 11)', async () => {
    const circleId = await mohamedsCircle();
    // Mohamed looks at his own circle, then Eline looks at it.
    const own = await session.open('/mijn-kring', { as: 'mohamed' });
    await own.page.getByRole('heading', { level: 1 }).waitFor();
    const eline = await session.open(`/kring/${circleId}`, { as: 'eline' });
    await eline.page.getByRole('heading', { level: 1, name: 'Kring van Mohamed' }).waitFor();

    const { page, errors } = await session.open('/meekijken', { as: 'mohamed' });
    const trail = page.getByRole('region', { name: 'Wie heeft er gekeken' });
    const first = trail.locator('.audit-item').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/Eline K\. \(Lister\) heeft je kring bekeken/);
    expect(await trail.getByText('Jij hebt je kring bekeken').count()).toBe(0);
    // Asked for, the client's own looks come back.
    await trail.getByLabel('Laat ook zien wanneer ik zelf keek').check();
    await trail.getByText('Jij hebt je kring bekeken').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps the analysis consent switch off until the client turns it on', async () => {
    const { page, errors } = await session.open('/meekijken', { as: 'mohamed' });
    const consent = page.getByRole('switch', { name: 'Mijn kring mag meetellen, zonder mijn naam' });
    await consent.waitFor();
    const before = await consent.isChecked();
    const saved = () =>
      page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('"SetAnalysisConsent"'),
      );
    await Promise.all([saved(), consent.click()]);
    await page.getByText(before ? 'Je kring telt niet mee.' : 'Je kring telt mee, zonder je naam.').waitFor();
    // It was saved: a reload shows the same.
    await page.reload();
    await consent.waitFor();
    expect(await consent.isChecked()).toBe(!before);
    await Promise.all([saved(), consent.click()]);
    await page.getByText(before ? 'Je kring telt mee, zonder je naam.' : 'Je kring telt niet mee.').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('Mijn gegevens (client)', () => {
  it('downloads everything as a JSON file and checks the password rules before sending', async () => {
    const { page, errors } = await session.open('/mijn-gegevens', { as: 'mohamed' });
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bewaar je gegevens als bestand' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(typeof exported).toBe('object');
    await page
      .getByRole('status')
      .getByText(/Het bestand met je gegevens staat nu op je computer/)
      .waitFor();

    const passwords = page.getByRole('region', { name: 'Wachtwoord veranderen' });
    await passwords.getByLabel('Je huidige wachtwoord').fill(DEMO_PASSWORD);
    await passwords.getByLabel('Je nieuwe wachtwoord', { exact: true }).fill('kort');
    await passwords.getByRole('button', { name: 'Wachtwoord veranderen' }).click();
    await passwords.getByRole('alert').getByText('Je nieuwe wachtwoord is te kort.', { exact: false }).waitFor();

    const erase = page.getByRole('region', { name: 'Alles verwijderen' });
    expect(await erase.textContent()).toContain('Dit kun je niet ongedaan maken.');
    await erase.getByLabel('Typ VERWIJDEREN om te bevestigen').fill('verwijder');
    await erase.getByRole('button', { name: 'Alles verwijderen' }).click();
    await erase.getByRole('alert').getByText('Typ het woord VERWIJDEREN in hoofdletters.').waitFor();
    await shoot(page, 'mijn-gegevens');
    expect(errors).toEqual([]);
  });
});

describe('not allowed', () => {
  it('shows a kwartiermaker a calm "not allowed" message for a client\'s circle, with a way back', async () => {
    const circleId = await mohamedsCircle();
    const { page, errors } = await session.open(`/kring/${circleId}`, { as: 'kwartiermaker' });
    await page.getByRole('heading', { level: 1, name: 'Dit mag je niet bekijken' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Mohamed');
    // Words for a kwartiermaker, not "vraag het aan de cliënt zelf" (issue 14).
    expect(await page.getByRole('main').textContent()).toContain(
      'Als kwartiermaker zie je alleen cijfers over groepen cliënten.',
    );
    await page.getByRole('link', { name: 'Naar de startpagina' }).waitFor();
    await shoot(page, 'niet-toegestaan');
    expect(errors).toEqual([]);
  });

  it('shows a client the same message for Beheer', async () => {
    const { page } = await session.open('/beheer', { as: 'mohamed' });
    await page.getByRole('heading', { level: 1, name: 'Dit mag je niet bekijken' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Je eigen kring vind je bij "Mijn kring".');
  });
});

describe('other roles', () => {
  it('gives the beheerder a person search with checkboxes, and erases nothing before a choice and a confirmation (issue 11)', async () => {
    const { page, errors } = await session.open('/', { as: 'beheerder' });
    await page.waitForURL(/\/wijken$/);
    await page.getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    // Beheer lists its tasks; the person search is one of them, with a way back.
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Accounts',
      'Organisaties en wijken',
      'Sociale kaart inlezen',
      'Auditlog',
      'Personen in kringen',
      'Onderzoeksstudies',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'beheer-start');
    await page.getByRole('link', { name: 'Personen in kringen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen in kringen' }).waitFor();
    await page.getByRole('link', { name: 'Terug naar Beheer' }).waitFor();
    await page.getByLabel('Naam (of een deel ervan)').fill('a');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('alert').getByText('Typ minstens 2 letters van de naam.').waitFor();
    await page.getByLabel('Naam (of een deel ervan)').fill('an');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page
      .getByRole('status')
      .getByText(/gevonden\./)
      .waitFor();
    expect(await page.getByRole('checkbox').count()).toBeGreaterThan(0);
    // Nothing chosen: no erase button, a hint instead.
    expect(await page.getByRole('button', { name: /Gekozen personen verwijderen/ }).count()).toBe(0);
    await page.getByText('Kies een of meer personen om ze overal te verwijderen.').waitFor();
    // Each row tells people apart: what the client calls them, the wijk, how many circles, when.
    expect(await page.locator('.people-list .choice-hint').first().textContent()).toMatch(/ · staat in \d+ kring/);
    // The rename form can be cancelled.
    const firstRow = page.locator('.people-list > li').first();
    await firstRow.getByRole('button', { name: /Naam van .* verbeteren/ }).click();
    await firstRow.getByRole('button', { name: 'Annuleren' }).click();
    expect(await firstRow.getByLabel('Nieuwe naam').count()).toBe(0);
    // One chosen: the button names the count, and so does the confirmation; cancelling erases nothing.
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Gekozen personen verwijderen (1)' }).click();
    const dialog = page.getByRole('dialog', { name: '1 persoon overal verwijderen?' });
    await dialog.waitFor();
    await shoot(page, 'beheer');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('opens the research page for the onderzoeker (issue 10)', async () => {
    const { page, errors } = await session.open('/', { as: 'onderzoeker' });
    await page.waitForURL(/\/onderzoek$/);
    await page.getByRole('heading', { level: 1, name: 'Onderzoek' }).waitFor();
    await page.getByRole('heading', { name: 'Het netwerk van organisaties' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('logout', () => {
  it('returns to /inloggen, and the page before is no longer reachable', async () => {
    // Its own login: logging out ends the session on the server, for every tab that shares it.
    const { page, context, errors } = await session.open('/inloggen');
    await logIn(page, 'mohamed');
    await page.getByRole('link', { name: 'Wie mag meekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie mag meekijken' }).waitFor();
    const before = (await context.cookies()).find((c) => c.name === 'wk_session');
    expect(before).toBeDefined();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen\?melding=uitgelogd$/);
    await page.getByRole('status').getByText('Je bent uitgelogd.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);

    await page.goBack();
    await page.waitForURL(/\/inloggen/);
    await page.goto(new URL('/meekijken', baseUrl).href);
    await page.waitForURL(/\/inloggen\?terug=%2Fmeekijken$/);
    expect(await h1(page)).toBe('Inloggen');

    // The old session token is dead on the server, not only forgotten by the browser.
    const response = await page.request.post(new URL('/graphql', baseUrl).href, {
      headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1', cookie: `wk_session=${before?.value ?? ''}` },
      data: { query: '{ viewer { username } }' },
    });
    expect(((await response.json()) as { data: { viewer: unknown } }).data.viewer).toBeNull();
    expect(errors).toEqual([]);
  });

  it('sends the user to /inloggen when the session ended elsewhere, and back to where they were afterwards', async () => {
    const { page, errors } = await session.open('/inloggen');
    await logIn(page, 'mohamed');
    await page.waitForURL(/\/kring\/[^/]+$/);
    // Another tab logs out: this tab's next request answers UNAUTHENTICATED.
    await page.request.post(new URL('/graphql', baseUrl).href, {
      headers: { 'content-type': 'application/json', 'x-wijkkring-csrf': '1' },
      data: { query: 'mutation { logout { ok } }' },
    });
    // The circle page (live, issue 4) may notice by itself before the user clicks; either way the next step is /inloggen.
    const wanted = page.url();
    await page
      .getByRole('link', { name: 'Wie mag meekijken' })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await page.waitForURL(/\/inloggen\?terug=/);
    const back = new URL(page.url()).searchParams.get('terug') ?? '';
    expect(['/meekijken', new URL(wanted).pathname]).toContain(back);
    await page.getByRole('status').getByText('Je was een tijd niet actief.', { exact: false }).waitFor();

    await logIn(page, 'mohamed');
    await page.waitForURL((url) => url.pathname === back);
    expect(errors).toEqual([]);
  });
});
