import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allViolations } from './axe.js';
import { LANDSCAPE, PORTRAIT, Session, SHOTS } from './browser.js';

/**
 * Every page a client can reach (issue 14), as the demo client Mohamed sees it at both tablet
 * sizes and on a laptop: axe-core finds no violation of any impact (minor ones too), nothing sticks out sideways,
 * and each page is saved as a screenshot to look at. Mohamed's circle is only read here.
 */

const session = new Session();
let circlePath = '';

beforeAll(async () => {
  await session.start();
  const { page } = await session.open('/mijn-kring', { as: 'mohamed' });
  await page.waitForURL((url) => /^\/kring\/[^/]+$/.test(url.pathname));
  circlePath = new URL(page.url()).pathname;
  await page.close();
});
afterAll(() => session.stop());

const VIEWPORTS = [
  { name: '768', viewport: PORTRAIT },
  { name: '1024', viewport: LANDSCAPE },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

/** Waits until the page shows its own content (its h1), not the loading state. */
async function ready(page: Page, extra?: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  if (extra) await page.locator(extra).first().waitFor();
}

const PAGES: { name: string; path: () => string; ready?: string; says?: string }[] = [
  { name: 'kring', path: () => circlePath, ready: '.circle-graph[data-graph-ready="true"]' },
  { name: 'veranderd', path: () => `${circlePath}/veranderd` },
  { name: 'afdrukken', path: () => `${circlePath}/afdrukken`, ready: 'svg' },
  { name: 'aanbod', path: () => `${circlePath}/aanbod`, ready: '.offer-card' },
  { name: 'meekijken', path: () => '/meekijken' },
  { name: 'mijn-gegevens', path: () => '/mijn-gegevens' },
  // The wijk pages are open to a client too (the sociale kaart is public); Beheer is not.
  { name: 'niet-toegestaan', path: () => '/beheer', says: 'Deze pagina is voor medewerkers, niet voor jou.' },
  { name: 'niet-gevonden', path: () => '/bestaat-niet' },
];

describe("the client's pages (issue 14)", () => {
  for (const { name: size, viewport } of VIEWPORTS) {
    it(`have no axe violations of any impact and fit the screen, at ${size} px wide (issue 14)`, async () => {
      const found: Record<string, string[]> = {};
      const wide: string[] = [];
      for (const entry of PAGES) {
        const { page, errors } = await session.open(entry.path(), { viewport, as: 'mohamed' });
        await ready(page, entry.ready);
        if (entry.says) await page.getByText(entry.says, { exact: false }).waitFor();
        const violations = await allViolations(page);
        if (violations.length > 0) found[entry.name] = violations;
        if ((await page.evaluate(() => document.documentElement.scrollWidth)) > viewport.width) wide.push(entry.name);
        await page.screenshot({ path: `${SHOTS}client-${entry.name}-${size}.png`, fullPage: true });
        expect(errors, entry.name).toEqual([]);
        await page.close();
      }
      // Logged out: the login page.
      const { page } = await session.open('/inloggen', { viewport });
      await ready(page);
      const login = await allViolations(page);
      if (login.length > 0) found['inloggen'] = login;
      await page.screenshot({ path: `${SHOTS}client-inloggen-${size}.png`, fullPage: true });
      expect(found).toEqual({});
      expect(wide).toEqual([]);
    });
  }
});
