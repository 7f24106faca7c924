import type {
  Granularity,
  ResearchAggregatesQuery,
  ResearchNetworkSeriesQuery,
  ResearchWijkenQuery,
  SpoorGroup,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';

/**
 * The research page's pure logic: API answers into chart series, table rows and cells, Dutch
 * number formats, and the "< K" of a suppressed figure. No React, no DOM: tested beside this file.
 */

const texts = nl.research;

export type NetworkSeries = ResearchNetworkSeriesQuery['researchNetworkSeries'][number];
export type NetworkPeriod = NetworkSeries['periods'][number];
export type Wijk = ResearchWijkenQuery['researchNetworkSeries'][number];
export type Aggregates = ResearchAggregatesQuery['researchAggregates'];
export type AggregateRow = Aggregates['rows'][number];

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** How a number reads: a count, a share (as a percentage), an index (two decimals), a mean. */
export type NumberKind = 'count' | 'share' | 'index' | 'mean';

const countFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const shareFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const indexFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const meanFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1.234", "12,5%", "−0,25", "8,4": Dutch separators, and a real minus sign (read as "min"). */
export function formatNumber(value: number, kind: NumberKind): string {
  const format = kind === 'count' ? countFormat : kind === 'share' ? shareFormat : kind === 'index' ? indexFormat : meanFormat;
  // -0 would print as "−0,00"; a value that rounds to zero has no sign.
  const text = format.format(Object.is(value, -0) ? 0 : value);
  return text.replace(/^-(?=[^1-9]*$)/, '').replace('-', '−');
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/** How many periods the chart shows: two years of months, three years of quarters. */
export function periodCount(granularity: Granularity): number {
  return granularity === 'MONTH' ? 24 : 12;
}

const monthLong = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('nl-NL', { month: 'short', timeZone: 'UTC' });

function parseKey(key: string): { year: string; month: number } | { year: string; quarter: number } | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month?.[1] && month[2]) return { year: month[1], month: Number(month[2]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter?.[1] && quarter[2]) return { year: quarter[1], quarter: Number(quarter[2]) };
  return null;
}

/** "maart 2026" for 2026-03, "1e kwartaal 2026" for 2026-Q1; the key itself when it is neither. */
export function periodLabel(key: string): string {
  const parsed = parseKey(key);
  if (!parsed) return key;
  if ('quarter' in parsed) return texts.quarter(parsed.quarter, parsed.year);
  return texts.month(monthLong.format(Date.UTC(Number(parsed.year), parsed.month - 1, 1)), parsed.year);
}

/** "mrt 2026", "K1 2026": the chart's axis labels. */
export function periodShort(key: string): string {
  const parsed = parseKey(key);
  if (!parsed) return key;
  if ('quarter' in parsed) return texts.quarterShort(parsed.quarter, parsed.year);
  return texts.month(monthShort.format(Date.UTC(Number(parsed.year), parsed.month - 1, 1)).replace(/\.$/, ''), parsed.year);
}

// ---------------------------------------------------------------------------------------------
// Metrics of the organisation network
// ---------------------------------------------------------------------------------------------

export const METRIC_KEYS = [
  'organisations',
  'links',
  'density',
  'crossTierShare',
  'eiIndex',
  'components',
  'betweenness',
  'communities',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export function isMetricKey(value: string): value is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(value);
}

/** One line of the chart, and one column of its table. */
export interface SeriesDef {
  readonly key: string;
  readonly label: string;
  readonly kind: NumberKind;
  /** The right axis holds a second scale (modularity beside the number of communities). */
  readonly axis: 'left' | 'right';
  readonly value: (period: NetworkPeriod) => number | null;
}

export interface MetricDef {
  readonly key: MetricKey;
  readonly label: string;
  readonly help: string;
  readonly series: readonly SeriesDef[];
  /** A fixed scale for the left axis (shares and indices), or null to fit the data. */
  readonly domain: readonly [number, number] | null;
}

const SPOOR_GROUPS: readonly SpoorGroup[] = ['TIER_1', 'TIER_2', 'TIER_3', 'OTHER'];

function spoorLabel(group: SpoorGroup): string {
  switch (group) {
    case 'TIER_1':
      return nl.spoor.tier1.title;
    case 'TIER_2':
      return nl.spoor.tier2.title;
    case 'TIER_3':
      return nl.spoor.tier3.title;
    case 'OTHER':
      return texts.noSpoor;
  }
}

function single(key: MetricKey, kind: NumberKind, label: string, value: SeriesDef['value']): SeriesDef[] {
  return [{ key, label, kind, axis: 'left', value }];
}

export function metricDef(key: MetricKey): MetricDef {
  const base = { key, label: texts.metric[key], help: texts.metricHelp[key] };
  const s = texts.series;
  switch (key) {
    case 'organisations':
      return { ...base, domain: null, series: single(key, 'count', s.organisations, (p) => p.organisations) };
    case 'links':
      return { ...base, domain: null, series: single(key, 'count', s.links, (p) => p.links) };
    case 'density':
      return { ...base, domain: [0, 1], series: single(key, 'share', s.density, (p) => p.density) };
    case 'crossTierShare':
      return { ...base, domain: [0, 1], series: single(key, 'share', s.crossTierShare, (p) => p.crossTierShare) };
    case 'eiIndex':
      return {
        ...base,
        domain: [-1, 1],
        series: SPOOR_GROUPS.map((group) => ({
          key: `ei_${group}`,
          label: spoorLabel(group),
          kind: 'index' as const,
          axis: 'left' as const,
          value: (p: NetworkPeriod) => p.groups.find((g) => g.group === group)?.eiIndex ?? null,
        })),
      };
    case 'components':
      return {
        ...base,
        domain: null,
        series: [
          { key: 'components', label: s.components, kind: 'count', axis: 'left', value: (p) => p.components },
          { key: 'largestComponent', label: s.largestComponent, kind: 'count', axis: 'left', value: (p) => p.largestComponent },
        ],
      };
    case 'betweenness':
      return { ...base, domain: [0, 1], series: single(key, 'index', s.betweenness, (p) => p.betweennessCentralisation) };
    case 'communities':
      return {
        ...base,
        domain: null,
        series: [
          { key: 'communities', label: s.communities, kind: 'count', axis: 'left', value: (p) => p.communities },
          { key: 'modularity', label: s.modularity, kind: 'index', axis: 'right', value: (p) => p.modularity },
        ],
      };
  }
}

/** One point of the chart: the period and each series' value (null: a gap in the line). */
export type ChartPoint = { readonly period: string } & Readonly<Record<string, number | string | null>>;

export function chartData(periods: readonly NetworkPeriod[], metric: MetricDef): ChartPoint[] {
  return periods.map((period) => {
    const point: Record<string, number | string | null> = { period: period.period };
    for (const series of metric.series) point[series.key] = series.value(period);
    return point as ChartPoint;
  });
}

/** A cell of the chart's table: the formatted number, or "–" read as "niet te berekenen". */
export interface SeriesCell {
  readonly key: string;
  readonly text: string;
  readonly missing: boolean;
}

export interface SeriesRow {
  readonly period: string;
  readonly label: string;
  readonly cells: readonly SeriesCell[];
}

export function formatSeriesValue(value: number | null, kind: NumberKind): SeriesCell['text'] {
  return value === null || !Number.isFinite(value) ? texts.notComputableShort : formatNumber(value, kind);
}

/** The same numbers as the chart, one row per period, oldest first (as the chart reads). */
export function tableRows(periods: readonly NetworkPeriod[], metric: MetricDef): SeriesRow[] {
  return periods.map((period) => ({
    period: period.period,
    label: periodLabel(period.period),
    cells: metric.series.map((series) => {
      const value = series.value(period);
      const missing = value === null || !Number.isFinite(value);
      return { key: series.key, text: formatSeriesValue(value, series.kind), missing };
    }),
  }));
}

/**
 * The wijk to show first: the one with the most links in the latest period (the richest network;
 * the first by the API's order, by name, on a tie), else the first with organisations.
 */
export function firstWijkWithData(wijken: readonly Wijk[]): Wijk | null {
  const latest = (wijk: Wijk) => wijk.periods[wijk.periods.length - 1];
  let best: Wijk | null = null;
  for (const wijk of wijken) if ((latest(wijk)?.links ?? 0) > (best ? (latest(best)?.links ?? 0) : 0)) best = wijk;
  return best ?? wijken.find((w) => (latest(w)?.organisations ?? 0) > 0) ?? wijken[0] ?? null;
}

export interface BrokerView {
  readonly id: string;
  readonly name: string;
  readonly betweenness: string;
}

/** The top brokers of the latest period, highest betweenness first. */
export function latestBrokers(
  periods: readonly NetworkPeriod[],
  max = 5,
): { period: string; label: string; brokers: BrokerView[] } | null {
  const latest = periods[periods.length - 1];
  if (!latest) return null;
  const brokers = [...latest.brokers]
    .filter((b) => b.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.name.localeCompare(b.name, 'nl'))
    .slice(0, max)
    .map((b) => ({ id: b.organisationId, name: b.name, betweenness: formatNumber(b.betweenness, 'index') }));
  return { period: latest.period, label: periodLabel(latest.period), brokers };
}

// ---------------------------------------------------------------------------------------------
// Figures from client circles
// ---------------------------------------------------------------------------------------------

export interface Figure {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/**
 * What a cell shows. A suppressed figure shows "< K" and nothing else; its title says what that
 * means, the same for every suppressed cell (which cells are small is itself not shown: it would
 * narrow them to 1..K−1). A figure without a value that is not suppressed (no clients to divide by)
 * shows "–".
 */
export type FigureCell =
  | { readonly kind: 'value'; readonly text: string }
  | { readonly kind: 'suppressed'; readonly text: string; readonly title: string }
  | { readonly kind: 'none'; readonly text: string; readonly title: string };

export function suppressedText(k: number): string {
  return `< ${String(k)}`;
}

export function figureCell(figure: Figure, k: number, kind: NumberKind): FigureCell {
  if (figure.suppressed) {
    return {
      kind: 'suppressed',
      text: suppressedText(k),
      title: texts.suppressedTitle(k),
    };
  }
  if (figure.value === null || !Number.isFinite(figure.value)) {
    return { kind: 'none', text: texts.notComputableShort, title: texts.noneTitle };
  }
  return { kind: 'value', text: formatNumber(figure.value, kind) };
}

export interface FigureColumn {
  readonly key: string;
  readonly label: string;
  /** A second line under the heading: what a client-facing name means. */
  readonly note?: string;
}

export interface FigureRow {
  readonly key: string;
  readonly name: string;
  /** The row of all wijken together. */
  readonly city: boolean;
  readonly cells: readonly FigureCell[];
}

export interface FigureTable {
  readonly key: 'size' | 'rings' | 'binary' | 'change' | 'signals';
  readonly columns: readonly FigureColumn[];
  readonly rows: readonly FigureRow[];
}

/** The wijken in the API's order, and "Heel Utrecht" (districtId null) last, as a total row. */
export function orderedRows(rows: readonly AggregateRow[]): AggregateRow[] {
  return [...rows.filter((r) => r.districtId !== null), ...rows.filter((r) => r.districtId === null)];
}

const rowName = (row: AggregateRow): string => (row.districtId === null ? texts.city : (row.districtName ?? row.districtId));

/** One table per theme; every column comes from the answer, so a configured ring set shows as it is. */
export function figureTables(aggregates: Aggregates): FigureTable[] {
  const rows = orderedRows(aggregates.rows);
  const first = rows[0];
  if (!first) return [];
  const { k } = aggregates;
  const table = (key: FigureTable['key'], columns: FigureColumn[], cells: (row: AggregateRow) => FigureCell[]): FigureTable => ({
    key,
    columns,
    rows: rows.map((row) => ({
      key: row.districtId ?? 'city',
      name: rowName(row),
      city: row.districtId === null,
      cells: cells(row),
    })),
  });
  const byKey = <T extends { share: Figure }>(list: readonly T[], pick: (item: T) => string, wanted: string): Figure =>
    list.find((item) => pick(item) === wanted)?.share ?? { value: null, suppressed: false };
  return [
    table(
      'size',
      [
        { key: 'clients', label: texts.clientsColumn },
        { key: 'mean', label: texts.meanSizeColumn },
      ],
      (row) => [figureCell(row.clients, k, 'count'), figureCell(row.meanCircleSize, k, 'mean')],
    ),
    table(
      'rings',
      first.rings.map((r) => ({ key: `ring-${String(r.ring)}`, label: texts.ringColumn(r.ring) })),
      (row) =>
        first.rings.map((r) =>
          figureCell(
            byKey(row.rings, (x) => String(x.ring), String(r.ring)),
            k,
            'share',
          ),
        ),
    ),
    table(
      'binary',
      first.binary.map((b) => ({ key: b.measure, label: texts.binary[b.measure] })),
      (row) =>
        first.binary.map((b) =>
          figureCell(
            byKey(row.binary, (x) => x.measure, b.measure),
            k,
            'share',
          ),
        ),
    ),
    table(
      'change',
      first.change.map((c) => ({ key: c.measure, label: texts.change[c.measure] })),
      (row) =>
        first.change.map((c) =>
          figureCell(
            byKey(row.change, (x) => x.measure, c.measure),
            k,
            'share',
          ),
        ),
    ),
    table(
      'signals',
      first.signals.map((s) => ({ key: s.kind, label: nl.signals.kind[s.kind].title, note: texts.signalMeaning[s.kind] })),
      (row) =>
        first.signals.map((s) =>
          figureCell(
            byKey(row.signals, (x) => x.kind, s.kind),
            k,
            'share',
          ),
        ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

/** A calendar date the API accepts ("2026-03-14"), and that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
