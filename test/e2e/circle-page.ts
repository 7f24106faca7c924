import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { freshCode, type TestAccount } from '../support/accounts.js';
import { LANDSCAPE, type Session } from './browser.js';

/** Working the circle page as a person does: shared by the browser tests of the editor (issues 4, 13 and 14). */

/** A name nobody else uses, without digits (the circle refuses what looks like a phone number). */
export function newName(first: string): string {
  const letters = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 4);
  return `${first} ${letters}`;
}

/**
 * Signs a test account in through the login page with the keyboard only (Enter sends the forms),
 * then opens `path`. `origin` is another server than the test run's (a test that cuts its database).
 */
export async function signedIn(
  session: Session,
  account: TestAccount,
  path: string,
  viewport = LANDSCAPE,
  origin?: string,
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await session.open(origin ? new URL('/inloggen', origin).href : '/inloggen', { viewport });
  await page.getByLabel('Gebruikersnaam').fill(account.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByLabel('Wachtwoord', { exact: true }).press('Enter');
  if (account.totpSecret) {
    const code = page.getByLabel('Code van 6 cijfers');
    await code.fill(await freshCode(account));
    await code.press('Enter');
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.goto(new URL(path, page.url()).href);
  await editorReady(page);
  return { page, errors };
}

export async function editorReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.circle-graph[data-graph-ready="true"]').waitFor();
}

export function ring(page: Page, n: number): Locator {
  const labels = ['Heel dichtbij', 'Dichtbij', 'Bekenden', 'Diensten'];
  return page.getByRole('region', { name: `Ring ${String(n)}: ${labels[n - 1] ?? ''}` });
}

/** Waits until the list shows `name` in ring `n` (and nowhere else). */
export async function inRing(page: Page, name: string, n: number): Promise<void> {
  await ring(page, n).getByText(name, { exact: true }).waitFor({ timeout: 8_000 });
  for (const other of [1, 2, 3, 4].filter((r) => r !== n))
    expect(await ring(page, other).getByText(name, { exact: true }).count()).toBe(0);
}

/** The label of the element that has keyboard focus (its text, or its field's label). */
export async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)
      return [...(element.labels ?? [])]
        .map((l) => l.textContent ?? '')
        .join(' ')
        .trim();
    return element?.textContent?.trim() ?? '';
  });
}

/** Presses Tab until the focused element's label starts with `label` (at most `max` times). */
export async function tabTo(page: Page, label: string, max = 60): Promise<void> {
  const passed: string[] = [await focusedLabel(page)];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedLabel(page);
    if (now.startsWith(label)) return;
    passed.push(now);
  }
  throw new Error(`Tab never reached "${label}"; focus went: ${passed.map((p) => `"${p.slice(0, 60)}"`).join(' → ')}`);
}

/** Adds a person through the dialog, with the mouse where it is quickest (the keyboard test does it without). */
export async function addPerson(page: Page, name: string, relation: string): Promise<void> {
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Iemand toevoegen aan de kring' });
  await dialog.getByLabel('Voornaam of bijnaam').fill(name);
  await dialog.getByLabel('Relatie').fill(relation);
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Where an entry is on the screen, and the middle of ring 1 in the same direction from the centre,
 * after scrolling the entry to the middle of the screen.
 * Read from the drawn SVG (issue 13: no cytoscape), because the test drags like a person does: from
 * where the name's shape is drawn to where ring 1 is drawn. Only on-screen boxes are used: the
 * entry's node, and the discs of rings 1 and 2 (ring 1 is as wide as ring 2 is wider than it).
 */
export async function dragPoints(page: Page, label: string): Promise<{ from: ScreenPoint; to: ScreenPoint }> {
  return page.evaluate((name) => {
    const drawing = document.querySelector('.circle-graph[data-graph-ready="true"]');
    if (!drawing) throw new Error('no drawing');
    const entry = [...drawing.querySelectorAll('[data-entry-id]')].find((e) =>
      (e.getAttribute('aria-label') ?? '').startsWith(`${name}:`),
    );
    // As a person would: the drawing scrolled so the entry is in the middle of the screen, clear of
    // the save bar at the top (on a landscape tablet the drawing has the whole width, issue 14).
    entry?.scrollIntoView({ block: 'center', inline: 'center' });
    const node = entry?.querySelector('.hit-area')?.getBoundingClientRect();
    const ring1 = drawing.querySelector('[data-ring="1"]')?.getBoundingClientRect();
    const ring2 = drawing.querySelector('[data-ring="2"]')?.getBoundingClientRect();
    if (!node) throw new Error(`${name} is not drawn`);
    if (!ring1 || !ring2) throw new Error('rings 1 and 2 are not drawn');
    const centre = { x: ring1.left + ring1.width / 2, y: ring1.top + ring1.height / 2 };
    const from = { x: node.left + node.width / 2, y: node.top + node.height / 2 };
    const outer = ring1.width / 2;
    const radius = outer - (ring2.width / 2 - outer) / 2;
    const angle = Math.atan2(from.x - centre.x, centre.y - from.y);
    return { from, to: { x: centre.x + radius * Math.sin(angle), y: centre.y - radius * Math.cos(angle) } };
  }, label);
}

/** A finger drag through Chromium's touch input: touchstart on `from`, eight moves, lift at `to`. */
export async function touchDrag(page: Page, from: ScreenPoint, to: ScreenPoint): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  await touch('touchStart', from.x, from.y);
  for (let step = 1; step <= 8; step++)
    await touch('touchMove', from.x + ((to.x - from.x) * step) / 8, from.y + ((to.y - from.y) * step) / 8);
  await touch('touchEnd', to.x, to.y);
  await cdp.detach();
}
