import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { totpCode } from '@wijkkring/graph';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../support/chromium.js';

/**
 * Shared by the browser tests: the system Chromium (never a downloaded one), tablet viewports,
 * and logging in as the demo accounts (seeded by test/setup/e2e.global.ts).
 */

export const LANDSCAPE = { width: 1024, height: 768 };
export const PORTRAIT = { width: 768, height: 1024 };
export const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export const baseUrl = inject('baseUrl');

/** The demo accounts (all with the password wijkkring-demo); TOTP secrets are base32, SHA-1, 6 digits, 30 s. */
export const DEMO_PASSWORD = 'wijkkring-demo';
export const DEMO = {
  mohamed: { role: 'CLIENT', totp: null },
  sanne: { role: 'CLIENT', totp: '6DMNJGIEPZFMHH3MTIPF' },
  eline: { role: 'SUPPORT_WORKER', totp: '2LW6C5O77UOWEP2X56LG' },
  kwartiermaker: { role: 'COORDINATOR', totp: '3UVDKNPFWDKH2Q2TQ3G4' },
  'kwartiermaker-overvecht': { role: 'COORDINATOR', totp: 'MXJ7DMRC7QVSO3OYJM46' },
  onderzoeker: { role: 'RESEARCHER', totp: 'GP4D3FIGATAKQNAJ7R4E' },
  beheerder: { role: 'ADMIN', totp: '6IF4HRF4INPQ7RV2WC3O' },
} as const;
export type DemoUser = keyof typeof DEMO;

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page, and anything the Content-Security-Policy blocked: a page that works has none. */
  errors: string[];
}

/** One browser per test file, with every context it opened, closed together. */
export class Session {
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];
  /** Cookies of a logged-in user, so each test file logs in once per user (TOTP codes work once). */
  private readonly signedIn = new Map<DemoUser, Awaited<ReturnType<BrowserContext['storageState']>>>();

  async start(): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
  }

  /** A fresh context (own cookies), optionally signed in as `user`, on `path`. */
  async open(path: string, options: { viewport?: typeof LANDSCAPE; as?: DemoUser } = {}): Promise<Opened> {
    if (!this.browser) throw new Error('Session.start() first');
    const storageState = options.as ? await this.storageFor(options.as) : undefined;
    const context = await this.browser.newContext({
      viewport: options.viewport ?? LANDSCAPE,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      deviceScaleFactor: 1,
      ...(storageState ? { storageState } : {}),
    });
    this.contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The server's CSP (issue 12) forbids inline script and unlisted styles; whatever it blocks is a defect.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) errors.push(message.text());
    });
    await page.goto(new URL(path, baseUrl).href);
    return { context, page, errors };
  }

  private async storageFor(user: DemoUser) {
    const known = this.signedIn.get(user);
    if (known) return known;
    const { page, context } = await this.open('/inloggen');
    await logIn(page, user);
    const state = await context.storageState();
    this.signedIn.set(user, state);
    return state;
  }
}

const STEP_MS = 30_000;

/**
 * The last TOTP step used per account in this test run, shared by the test files (each runs in
 * its own module scope). The server accepts each step only once per account, and every refused
 * code counts as a failed login from 127.0.0.1, so the tests should not guess.
 */
const usedSteps = join(tmpdir(), `wijkkring-e2e-totp-${new URL(baseUrl).port}.json`);

function lastStep(user: DemoUser): number {
  if (!existsSync(usedSteps)) return -1;
  return (JSON.parse(readFileSync(usedSteps, 'utf8')) as Partial<Record<DemoUser, number>>)[user] ?? -1;
}

function useStep(user: DemoUser, step: number): void {
  const steps = existsSync(usedSteps) ? (JSON.parse(readFileSync(usedSteps, 'utf8')) as Record<string, number>) : {};
  writeFileSync(usedSteps, JSON.stringify({ ...steps, [user]: step }));
}

/**
 * The code of a step the server has not seen: the current one, or the next (the server accepts
 * one step of drift), or, when both are used, the next after waiting for it to begin.
 */
async function freshCode(secret: string, user: DemoUser): Promise<{ code: string; step: number }> {
  let now = Date.now();
  let step = Math.max(Math.floor(now / STEP_MS), lastStep(user) + 1);
  if (step > Math.floor(now / STEP_MS) + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * STEP_MS - now + 500));
    now = Date.now();
    step = Math.max(Math.floor(now / STEP_MS), lastStep(user) + 1);
  }
  return { code: totpCode(secret, step * STEP_MS + STEP_MS / 2), step };
}

/** Logs in through the login page, with the TOTP step when the account has one; ends on the start page. */
export async function logIn(page: Page, user: DemoUser, options: { password?: string } = {}): Promise<void> {
  if (!page.url().includes('/inloggen')) await page.goto(new URL('/inloggen', baseUrl).href);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (DEMO[user].totp) await enterTotp(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

/** Step 2 of the login: a code of a step the server has not seen for this account yet. */
export async function enterTotp(page: Page, user: DemoUser): Promise<void> {
  const secret = DEMO[user].totp;
  if (!secret) return;
  const field = page.getByLabel('Code van 6 cijfers');
  for (let attempt = 0; attempt < 3; attempt++) {
    // After a refused code the page empties the field; wait for that before typing the next one.
    if (attempt > 0) await page.getByRole('alert').getByText('Deze code werkt niet', { exact: false }).waitFor();
    const { code, step } = await freshCode(secret, user);
    await field.fill(code);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('"VerifyTotp"')),
      page.getByRole('button', { name: 'Code controleren' }).click(),
    ]);
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const error = body.errors?.[0]?.extensions?.code;
    // Used either way: accepted now, or already used (by an earlier run on the same database).
    useStep(user, step);
    if (error === undefined) return;
    if (error !== 'INVALID_CREDENTIALS') throw new Error(`TOTP login for ${user}: ${error}`);
    console.log(`[e2e] TOTP step ${String(step)} of ${user} was used already; trying a later one`);
  }
  throw new Error(`TOTP login for ${user} failed three times`);
}

export async function h1(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}
