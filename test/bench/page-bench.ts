// `npm run bench:page`: issue 13's tablet figure for the circle page. Debian's Chromium (never a
// downloaded one) opens a begeleider's circle cold, with 4× CPU slowdown and DevTools' "Slow 3G",
// and reports the JavaScript that came over the wire and the time until the circle is usable.
// Prints figures; asserts nothing about durations (machines are noisy).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '@wijkkring/api';
import type { Database } from '@wijkkring/graph';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo, loadDemoAccounts } from '@wijkkring/seed';
import type { Browser, Response } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
import { benchEnv, httpGraphQL, load, machine, parseBenchArgs, signInOverHttp, type BenchNeo4j, type Log } from './kit.js';

const TABLET = { width: 768, height: 1024 };

/**
 * Chrome DevTools' "Slow 3G" preset (front_end/core/sdk/NetworkManager.ts, also puppeteer's
 * PredefinedNetworkConditions): 500 kbit/s × 0.8 = 400 kbit/s = 50,000 bytes/s both ways, and
 * 400 ms × 5 = 2,000 ms of latency per request. Lighthouse's "slow 4G" (150 ms, 1.6 Mbit/s) is milder.
 */
const SLOW_3G = { name: 'DevTools "Slow 3G"', latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;

/** Compiled to test/bench/dist/bench/: four levels up is the repository. */
const WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

interface Options {
  runs: number;
}

export function parseArgs(argv: readonly string[]): Options {
  return parseBenchArgs(argv, { runs: 5 }).values;
}

interface Script {
  /** The file name without its content hash (`circle-page`), stable across builds. */
  name: string;
  file: string;
  /** Bytes of the body as sent (after Content-Encoding, if the server used one). */
  encoded: number;
  decoded: number;
  /** gzip -6 of the decoded body (node:zlib's default level, as Vite's build report). */
  gzip: number;
  encoding: string;
  cytoscape: boolean;
}

interface RunResult {
  usableMs: number;
  scripts: Script[];
  load: string;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/**
 * When the circle is usable, decided in the page and answered with `performance.now()` (milliseconds
 * since the navigation started). Usable means all of:
 * - the drawing's box (`.circle-graph`) says `data-graph-ready="true"` and has a size on the page;
 * - every entry the drawing announces in its accessible name ("met N personen en organisaties") is drawn;
 * - in the editor, each of them takes the pointer and the keyboard: an SVG drawing's entries carry
 *   `data-entry-id` and a `tabindex` (keyboard focus, and the pointer handlers on the same element);
 *   cytoscape's entries (before issue 13) are grabbable nodes of the instance on the box.
 * Polled every animation frame, so the figure is at most one frame late.
 */
function usableIn(): number | false {
  interface CyNode {
    grabbable(): boolean;
  }
  interface Cy {
    nodes(selector: string): { filter(f: (n: CyNode) => boolean): { length: number } };
  }
  const box = document.querySelector<HTMLElement & { _cyreg?: { cy?: Cy } }>('.circle-graph[data-graph-ready="true"]');
  if (!box) return false;
  const rect = box.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  const expected = Number(/ met (\d+) /.exec(box.getAttribute('aria-label') ?? '')?.[1] ?? '0');
  const cy = box._cyreg?.cy;
  const usable = cy
    ? cy.nodes('.entry').filter((node) => node.grabbable()).length
    : box.querySelectorAll('[data-entry-id][tabindex]').length;
  return expected > 0 && usable >= expected ? performance.now() : false;
}

async function scriptOf(response: Response): Promise<Script> {
  const url = new URL(response.url());
  const file = url.pathname.split('/').pop() ?? url.pathname;
  const body = await response.body();
  const sizes = await response.request().sizes();
  const text = body.toString('utf8');
  return {
    name: file.replace(/-[\w-]{8}\.js$/, ''),
    file,
    encoded: sizes.responseBodySize,
    decoded: body.length,
    gzip: gzipSync(body).length,
    encoding: (await response.headerValue('content-encoding')) ?? 'none',
    cytoscape: text.includes('cytoscape'),
  };
}

/** One cold visit: a new context (empty cache) with only the session cookie, throttled from the first byte. */
async function visit(
  browser: Browser,
  url: string,
  storageState: Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>,
): Promise<RunResult> {
  const context = await browser.newContext({
    viewport: TABLET,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    deviceScaleFactor: 1,
    storageState,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_3G.latency,
      downloadThroughput: SLOW_3G.downloadThroughput,
      uploadThroughput: SLOW_3G.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const scripts: Promise<Script>[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.finished().then(() => scriptOf(response)));
    });
    const loadBefore = load();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const handle = await page.waitForFunction(usableIn, undefined, { polling: 'raf', timeout: 180_000 });
    const usableMs = Number(await handle.jsonValue());
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    // Every script the page fetched is in by now (the route's chunks come before it renders); the
    // bodies are read without throttling getting in the way of the figure above.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { usableMs, scripts: await Promise.all(scripts), load: loadBefore };
  } finally {
    await context.close();
  }
}

/** The begeleider's client whose circle she can edit and that has the most entries: the heaviest drawing. */
async function pickCircle(base: string, cookie: string): Promise<{ id: string; name: string; entries: number }> {
  const clients = await httpGraphQL<{ clients: { nodes: { name: string; currentCircle: { id: string } | null }[] } }>(
    `${base}/graphql`,
    '{ clients(first: 100) { nodes { name currentCircle { id } } } }',
    {},
    cookie,
  );
  let best: { id: string; name: string; entries: number } | undefined;
  for (const client of clients.answer.data?.clients.nodes ?? []) {
    if (!client.currentCircle) continue;
    const circle = await httpGraphQL<{ networkCircle: { editable: boolean; entries: { id: string }[] } | null }>(
      `${base}/graphql`,
      'query ($id: ID!) { networkCircle(id: $id) { editable entries { id } } }',
      { id: client.currentCircle.id },
      cookie,
    );
    const found = circle.answer.data?.networkCircle;
    if (!found?.editable) continue;
    if (!best || found.entries.length > best.entries)
      best = { id: client.currentCircle.id, name: client.name, entries: found.entries.length };
  }
  if (!best) throw new Error(`eline can edit no circle: ${JSON.stringify(clients.answer.errors ?? clients.answer)}`);
  return best;
}

export async function benchPage(db: Database, neo: BenchNeo4j, argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv);
  const log: Log = (line) => process.stdout.write(`${line}\n`);
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('web/dist is missing: `node scripts/wk.mjs build` builds it.');
  log(`# Circle page on a tablet (issue 13)`);
  log(`machine: ${machine()}; Chromium ${CHROMIUM}; web/dist built ${statSync(`${WEB_DIST}index.html`).mtime.toISOString()}`);
  log(
    `profile: ${String(TABLET.width)}×${String(TABLET.height)}, CPU ${String(CPU_SLOWDOWN)}× slower, ${SLOW_3G.name}: ` +
      `${String(SLOW_3G.latency)} ms latency, ${String((SLOW_3G.downloadThroughput * 8) / 1000)} kbit/s down and ` +
      `${String((SLOW_3G.uploadThroughput * 8) / 1000)} kbit/s up (${String(SLOW_3G.downloadThroughput)} bytes/s); cold cache every run`,
  );

  await loadDemo(db);
  // The web app served as in the browser tests (NODE_ENV test: its documents checked against the persisted list).
  const env = benchEnv(neo, { NODE_ENV: 'test', WEB_DIST });

  await loadDemoAccounts(db, env.secretKey);
  const server = await startServer({ db, env });
  const base = `http://127.0.0.1:${String(server.port)}`;
  const browser = await launchChromium();
  try {
    // Signing in is not part of the figure: password and TOTP over HTTP, unthrottled.
    const eline = DEMO_ACCOUNTS.find((a) => a.username === 'eline');
    if (!eline?.totpSecret) throw new Error('the demo account eline (with TOTP) is missing');
    const cookie = await signInOverHttp(base, { username: 'eline', password: DEMO_PASSWORD, secret: eline.totpSecret });
    const circle = await pickCircle(base, cookie);
    log(`circle: ${circle.name}'s, ${String(circle.entries)} entries, opened by the begeleider eline (editor)`);
    const [name = '', value = ''] = cookie.split('=');
    const storageState = {
      cookies: [
        { name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const },
      ],
      origins: [],
    };
    const url = `${base}/kring/${encodeURIComponent(circle.id)}`;

    const runs: RunResult[] = [];
    for (let i = 0; i < options.runs; i += 1) {
      const run = await visit(browser, url, storageState);
      runs.push(run);
      const encoded = run.scripts.reduce((sum, s) => sum + s.encoded, 0);
      log(
        `run ${String(i + 1)}: usable after ${(run.usableMs / 1000).toFixed(2)} s, ${String(run.scripts.length)} scripts, ` +
          `${kB(encoded)} over the wire (load ${run.load})`,
      );
    }

    const last = runs[runs.length - 1];
    if (!last) return;
    const sum = (pick: (s: Script) => number) => last.scripts.reduce((total, s) => total + pick(s), 0);
    log('');
    log('| script | over the wire | decoded | gzip -6 (node:zlib) | Content-Encoding |');
    log('| --- | --- | --- | --- | --- |');
    for (const s of [...last.scripts].sort((a, b) => b.gzip - a.gzip))
      log(
        `| ${s.name}${s.cytoscape ? ' (cytoscape)' : ''} | ${kB(s.encoded)} | ${kB(s.decoded)} | ${kB(s.gzip)} | ${s.encoding} |`,
      );
    log(`| **all** | ${kB(sum((s) => s.encoded))} | ${kB(sum((s) => s.decoded))} | ${kB(sum((s) => s.gzip))} | |`);
    const cytoscape = last.scripts.filter((s) => s.cytoscape);
    log(
      cytoscape.length > 0
        ? `cytoscape is fetched: ${cytoscape.map((s) => s.file).join(', ')}, ${kB(cytoscape.reduce((t, s) => t + s.gzip, 0))} gzipped`
        : 'cytoscape is not fetched by the circle page',
    );
    const times = runs.map((r) => r.usableMs / 1000);
    log(
      `time until usable (${String(runs.length)} cold runs): median ${median(times).toFixed(2)} s, ` +
        `range ${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} s; load after: ${load()}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
