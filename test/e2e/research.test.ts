import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PORTRAIT, Session, SHOTS } from './browser.js';
import { seriousViolations } from './axe.js';

/**
 * "Onderzoek" in real Chromium: the organisation network of a wijk over time (a recharts line chart
 * and the same numbers in a table), the figures from client circles with small numbers hidden as
 * "< K", and the exports (GraphML, CSV, the ego networks as a zip). Demo data (docs/demo-data.md):
 * Kanaleneiland has the most links of the demo's wijken, so the page opens on it; a research cohort of
 * opted-in clients in Kanaleneiland, Overvecht and Zuilen has quarterly snapshots.
 */

const session = new Session();
const DESKTOP = { width: 1366, height: 768 };
const K = 10;

beforeAll(async () => {
  await session.start();
});

afterAll(async () => {
  await session.stop();
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function openResearch(user: 'onderzoeker' | 'kwartiermaker', viewport = DESKTOP) {
  const opened = await session.open('/onderzoek', { as: user, viewport });
  await opened.page.getByRole('heading', { level: 1, name: 'Onderzoek' }).waitFor();
  await chart(opened.page).locator('svg.recharts-surface[role="application"]').waitFor();
  return opened;
}

function networkSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Het netwerk van organisaties' });
}

function chart(page: Page): Locator {
  return page.locator('figure.research-chart');
}

function seriesTable(page: Page): Locator {
  return networkSection(page).getByRole('table', { name: /de cijfers van de grafiek/ });
}

/** "1.234" → 1234, "12,5%" → 0.125, "−0,25" → -0.25; null for "–" (not computable). */
function dutchNumber(text: string): number | null {
  const t = text.trim();
  if (t === '' || t.startsWith('–')) return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.').replace('−', '-').replace('%', ''));
  return t.endsWith('%') ? n / 100 : n;
}

/** The table's rows: the period and the text of each number cell. */
async function tableRows(page: Page): Promise<{ period: string; cells: string[] }[]> {
  return seriesTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        period: (row.querySelector('th')?.textContent ?? '').trim(),
        cells: [...row.querySelectorAll('td')].map((td) =>
          (td.querySelector('[aria-hidden]')?.textContent ?? td.textContent ?? '').trim(),
        ),
      })),
    );
}

/** The vertical position of each dot of the first line, left to right. */
async function dotHeights(page: Page): Promise<number[]> {
  return chart(page)
    .locator('.recharts-line-dots')
    .first()
    .locator('circle.recharts-line-dot')
    .evaluateAll((dots) =>
      dots
        .map((dot) => ({ x: Number(dot.getAttribute('cx')), y: Number(dot.getAttribute('cy')) }))
        .sort((a, b) => a.x - b.x)
        .map((d) => d.y),
    );
}

/**
 * The chart draws what the table says: a dot per row, and every step up or down in the table is a
 * step up or down on screen (a larger value sits higher, so its y is smaller).
 */
async function expectChartMatchesTable(page: Page): Promise<void> {
  const rows = await tableRows(page);
  const values = rows.map((r) => dutchNumber(r.cells[0] ?? ''));
  const heights = await dotHeights(page);
  expect(heights).toHaveLength(values.filter((v) => v !== null).length);
  const shown = values.filter((v): v is number => v !== null);
  for (let i = 1; i < shown.length; i++) {
    const a = shown[i - 1] ?? 0;
    const b = shown[i] ?? 0;
    const ya = heights[i - 1] ?? 0;
    const yb = heights[i] ?? 0;
    if (b > a) expect(yb).toBeLessThan(ya);
    else if (b < a) expect(yb).toBeGreaterThan(ya);
    else expect(yb).toBeCloseTo(ya, 3);
  }
}

/** The tooltip recharts' accessibility layer shows for the period the keyboard is on (a live region). */
async function tooltip(page: Page, notLabel = ''): Promise<{ label: string; value: string }> {
  const label = chart(page).locator('.recharts-tooltip-label');
  const shown = async () => ((await label.isVisible()) ? ((await label.textContent()) ?? '').trim() : '');
  await expect.poll(async () => ![notLabel, ''].includes(await shown())).toBe(true);
  return {
    label: ((await label.textContent()) ?? '').trim(),
    value: ((await chart(page).locator('.recharts-tooltip-item-value').first().textContent()) ?? '').trim(),
  };
}

async function waitForCaption(page: Page, text: RegExp): Promise<void> {
  await expect.poll(async () => (await chart(page).locator('figcaption').textContent()) ?? '').toMatch(text);
  await expect.poll(async () => (await seriesTable(page).locator('caption').textContent()) ?? '').toMatch(text);
}

describe('onderzoek: the organisation network over time', () => {
  it('shows a chart and a table with the same numbers, and both follow the chosen wijk, metric and period', async () => {
    const { page, errors } = await openResearch('onderzoeker');
    const section = networkSection(page);
    // By default the wijk with the most links (in the demo Kanaleneiland; other test files may add
    // bigger synthetic wijken to the same database for a while, so it is chosen here by name).
    const wijk = section.getByLabel('Wijk', { exact: true });
    const first = ((await wijk.locator('option:checked').textContent()) ?? '').trim();
    expect(first).not.toBe('');
    await waitForCaption(page, new RegExp(`^Organisaties in ${first}, per maand`));
    expect(dutchNumber((await tableRows(page)).at(-1)?.cells[0] ?? '')).toBeGreaterThan(0);
    await wijk.selectOption({ label: 'Kanaleneiland' });
    await waitForCaption(page, /^Organisaties in Kanaleneiland, per maand/);

    // The chart has an accessible name, and is one tab stop (recharts' accessibility layer).
    const svg = chart(page).locator('svg.recharts-surface[role="application"]');
    expect(await svg.getAttribute('role')).toBe('application');
    expect(await svg.getAttribute('tabindex')).toBe('0');
    expect(await page.getByRole('figure', { name: 'Organisaties in Kanaleneiland, per maand' }).count()).toBe(1);

    // 24 months, oldest first, in the chart and in the table.
    const rows = await tableRows(page);
    expect(rows).toHaveLength(24);
    expect((await seriesTable(page).locator('thead th').allTextContents()).map((t) => t.trim())).toEqual([
      'Periode',
      'Organisaties',
    ]);
    expect(rows.every((r) => /^[a-z]+ \d{4}$/.test(r.period))).toBe(true);
    expect(dutchNumber(rows[23]?.cells[0] ?? '')).toBeGreaterThan(0);
    await expectChartMatchesTable(page);

    // The keyboard walks the periods; the tooltip says what the table says.
    await svg.focus();
    const atFirst = await tooltip(page);
    expect(atFirst).toEqual({ label: rows[0]?.period, value: rows[0]?.cells[0] });
    await page.keyboard.press('ArrowRight');
    const atSecond = await tooltip(page, atFirst.label);
    expect(atSecond).toEqual({ label: rows[1]?.period, value: rows[1]?.cells[0] });
    await page.keyboard.press('ArrowLeft');
    expect(await tooltip(page, atSecond.label)).toEqual(atFirst);

    // Another metric: density, as percentages.
    await section.getByLabel('Maat', { exact: true }).selectOption({ label: 'Dichtheid' });
    await waitForCaption(page, /^Dichtheid in Kanaleneiland, per maand/);
    const density = await tableRows(page);
    expect(density).toHaveLength(24);
    expect(density.every((r) => /^\d+(,\d)?%$/.test(r.cells[0] ?? ''))).toBe(true);
    await expectChartMatchesTable(page);

    // Another wijk: other numbers in both.
    await wijk.selectOption({ label: 'Overvecht' });
    await waitForCaption(page, /^Dichtheid in Overvecht, per maand/);
    const overvecht = await tableRows(page);
    expect(overvecht.map((r) => r.cells[0])).not.toEqual(density.map((r) => r.cells[0]));
    await expectChartMatchesTable(page);

    // Per quarter: twelve quarters.
    await section.getByLabel('Per', { exact: true }).selectOption({ label: 'kwartaal' });
    await waitForCaption(page, /^Dichtheid in Overvecht, per kwartaal/);
    const quarters = await tableRows(page);
    expect(quarters).toHaveLength(12);
    expect(quarters.every((r) => /^[1-4]e kwartaal \d{4}$/.test(r.period))).toBe(true);
    await expectChartMatchesTable(page);

    // Two series: the E-I index per spoor draws four lines, and the table has a column for each.
    await section.getByLabel('Maat', { exact: true }).selectOption({ label: 'E-I-index per spoor' });
    await waitForCaption(page, /^E-I-index per spoor in Overvecht/);
    expect((await seriesTable(page).locator('thead th').allTextContents()).map((t) => t.trim())).toEqual([
      'Periode',
      'Spoor 1',
      'Spoor 2',
      'Spoor 3',
      'Zonder spoor',
    ]);
    expect(await chart(page).locator('.recharts-line').count()).toBe(4);

    // The brokers of the latest period, by name.
    const brokers = section.getByRole('region', { name: /^Bruggen in / });
    expect(await brokers.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('onderzoek: figures from client circles', () => {
  it('hides small numbers as "< 10", explained, and shows the others (research cohort)', async () => {
    const { page, errors } = await openResearch('onderzoeker');
    const section = page.getByRole('region', { name: 'Cijfers uit netwerkcirkels' });
    await section.getByRole('heading', { level: 3, name: 'Cliënten en kringgrootte' }).waitFor();
    // Completed quarters only, newest first.
    const quarters = await section.getByLabel('Kwartaal').locator('option').allTextContents();
    expect(quarters.length).toBeGreaterThan(0);
    expect(quarters.every((q) => /^[1-4]e kwartaal \d{4}$/.test(q))).toBe(true);
    expect(await section.textContent()).toContain(
      `"< ${String(K)}" betekent: minder dan ${String(K)} cliënten, of verborgen zodat een verborgen getal niet uit de totalen te berekenen is.`,
    );

    // One table per theme; the wijken as rows, and "Heel Utrecht" last.
    const size = section.getByRole('table', { name: /^Cliënten en gemiddelde kringgrootte/ });
    const names = (await size.locator('tbody th').allTextContents()).map((t) => t.trim());
    expect(names).toContain('Kanaleneiland');
    expect(names).toContain('Overvecht');
    expect(names[names.length - 1]).toBe('Heel Utrecht');
    for (const caption of [
      /^Aandeel per ring/,
      /^Aandeel cliënten met dit kenmerk/,
      /^Binnenste ringen gegroeid/,
      /^Aandeel cliënten per aandachtspunt/,
    ]) {
      expect(await section.getByRole('table', { name: caption }).count()).toBe(1);
    }

    // A suppressed cell says "< 10" and nothing else; its title says what that means, the same for every cell.
    const suppressed = section.locator('td[data-kind="suppressed"]');
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(new Set((await suppressed.allTextContents()).map((t) => t.trim()))).toEqual(new Set([`< ${String(K)}`]));
    const titles = new Set(await suppressed.locator('abbr').evaluateAll((list) => list.map((a) => a.getAttribute('title'))));
    expect([...titles]).toEqual([
      'Niet getoond: minder dan 10 cliënten, of verborgen zodat een ander verborgen getal niet uit de totalen te berekenen is',
    ]);

    // The cohort: Kanaleneiland and the city have enough clients to show a number.
    const row = (name: string) => size.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const clients = (name: string) => row(name).locator('td').first();
    expect(await clients('Kanaleneiland').getAttribute('data-kind')).toBe('value');
    expect(Number(await clients('Kanaleneiland').textContent())).toBeGreaterThanOrEqual(K);
    expect(await clients('Heel Utrecht').getAttribute('data-kind')).toBe('value');
    expect(await section.locator('td[data-kind="value"]').count()).toBeGreaterThan(0);
    // Shares as percentages.
    const ring = section.getByRole('table', { name: /^Aandeel per ring/ });
    const ringValues = await ring.locator('td[data-kind="value"]').allTextContents();
    expect(ringValues.length).toBeGreaterThan(0);
    expect(ringValues.every((v) => /^\d+(,\d)?%$/.test(v.trim()))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('onderzoek: downloads', () => {
  it('downloads the GraphML of the wijk and the ego networks as a zip with egos, alters and aaties', async () => {
    const { page, errors } = await openResearch('onderzoeker');
    const downloads = page.getByRole('region', { name: 'Downloaden' });
    await downloads.getByText('Elke download wordt vastgelegd in het logboek.').waitFor();
    await networkSection(page).getByLabel('Wijk', { exact: true }).selectOption({ label: 'Kanaleneiland' });
    await downloads.getByText('Het netwerk van Kanaleneiland zoals het op de gekozen dag was', { exact: false }).waitFor();
    await downloads.getByLabel('Datum').fill('2025-12-31');

    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      downloads.getByRole('button', { name: 'GraphML' }).click(),
    ]);
    expect(graphml.suggestedFilename()).toBe('wijkkring-kanaleneiland-2025-12-31.graphml');
    const graphmlText = readFileSync(await graphml.path(), 'utf8');
    expect(graphmlText).toContain('<graphml');
    expect(graphmlText).toContain('<node ');
    await downloads
      .getByRole('status')
      .getByText(`De download van wijkkring-kanaleneiland-2025-12-31.graphml is gestart.`)
      .waitFor();

    const [links] = await Promise.all([
      page.waitForEvent('download'),
      downloads.getByRole('button', { name: 'verbindingen.csv' }).click(),
    ]);
    expect(links.suggestedFilename()).toBe('wijkkring-kanaleneiland-2025-12-31.verbindingen.csv');

    const study = downloads.getByLabel('Studie');
    expect(await study.locator('option:checked').textContent()).toBe('Geen studie: nieuwe pseudoniemen');
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      downloads.getByRole('button', { name: 'Download egonetwerken (zip)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^wijkkring-egonetwerken-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    expect(Object.keys(files).sort()).toEqual(['aaties.csv', 'alters.csv', 'egos.csv']);
    expect(new TextDecoder().decode(files['egos.csv']).split('\n')[0]).toMatch(/ego/i);
    expect(errors).toEqual([]);
  });
});

describe('onderzoek: accessible on a tablet and a laptop', () => {
  it('has no serious axe violations, no sideways scrolling, and looks right at 768 and 1366 pixels', async () => {
    for (const [viewport, name, metric] of [
      [PORTRAIT, 'research-768.png', 'E-I-index per spoor'],
      [DESKTOP, 'research-1366.png', 'Verbindingen'],
    ] as const) {
      const { page, errors } = await openResearch('onderzoeker', viewport);
      await networkSection(page).getByLabel('Wijk', { exact: true }).selectOption({ label: 'Kanaleneiland' });
      await networkSection(page).getByLabel('Maat', { exact: true }).selectOption({ label: metric });
      await waitForCaption(page, new RegExp(`^${metric} in Kanaleneiland`));
      await page.getByRole('region', { name: 'Cijfers uit netwerkcirkels' }).getByRole('table').first().waitFor();
      await page.getByRole('region', { name: 'Downloaden' }).waitFor();
      await noHorizontalOverflow(page);
      expect(await seriousViolations(page)).toEqual([]);
      // Every control has a label, and the headings go down one level at a time.
      for (const label of ['Wijk', 'Per', 'Maat', 'Kwartaal', 'Datum', 'Studie'])
        expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
      const levels = await page
        .locator('main h1, main h2, main h3, main h4')
        .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `${SHOTS}${name}`, fullPage: true });
      expect(errors).toEqual([]);
    }
  });

  it('reaches the chart and the tables with the Tab key, with a visible focus ring', async () => {
    const { page } = await openResearch('onderzoeker', DESKTOP);
    await page.getByLabel('Maat', { exact: true }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('figure')?.className ?? '');
    expect(focused).toContain('research-chart');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
  });
});

describe('onderzoek: a kwartiermaker', () => {
  it('sees the organisation network but not the figures from client circles, nor the ego networks', async () => {
    const { page, errors } = await openResearch('kwartiermaker', PORTRAIT);
    expect(await seriesTable(page).locator('tbody tr').count()).toBe(24);
    await page.getByRole('region', { name: 'Downloaden' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Cijfers uit netwerkcirkels' }).count()).toBe(0);
    expect(await page.getByText('Egonetwerken', { exact: false }).count()).toBe(0);
    expect(await page.locator('td[data-kind]').count()).toBe(0);
    await noHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });
});

describe('beheer: a study for longitudinal research', () => {
  const name = `Studie verhuizing ${randomUUID().slice(0, 6)}`;

  afterAll(async () => {
    const db = new Database(inject('neo4j'));
    try {
      await db.write((tx) => tx.run('MATCH (s:ResearchStudy {name: $name}) DETACH DELETE s', { name }));
    } finally {
      await db.close();
    }
  });

  it('is set up by the beheerder and offered to the onderzoeker for the ego-network download', async () => {
    const admin = await session.open('/beheer/studies', { as: 'beheerder', viewport: PORTRAIT });
    const studies = admin.page.getByRole('region', { name: 'Onderzoeksstudies' });
    await studies.getByLabel('Naam van de studie').fill(name);
    await studies.getByRole('button', { name: 'Studie maken' }).click();
    await studies.getByRole('status').getByText(`De studie ${name} is gemaakt.`).waitFor();
    await studies.getByRole('listitem').filter({ hasText: name }).waitFor();
    // The same name twice is refused in words, next to the field.
    await studies.getByLabel('Naam van de studie').fill(name);
    await studies.getByRole('button', { name: 'Studie maken' }).click();
    await studies.getByText('Er is al een studie met deze naam.').first().waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    expect(admin.errors).toEqual([]);

    const { page, errors } = await openResearch('onderzoeker');
    const options = await page
      .getByRole('region', { name: 'Downloaden' })
      .getByLabel('Studie')
      .locator('option')
      .allTextContents();
    expect(options).toContain(name);
    expect(errors).toEqual([]);
  });
});
