import { describe, expect, it } from 'vitest';
import {
  chartData,
  figureCell,
  figureTables,
  firstWijkWithData,
  formatNumber,
  isIsoDate,
  latestBrokers,
  metricDef,
  METRIC_KEYS,
  orderedRows,
  periodCount,
  periodLabel,
  periodShort,
  tableRows,
  type AggregateRow,
  type Aggregates,
  type Figure,
  type NetworkPeriod,
  type Wijk,
} from './research-model';

function period(key: string, values: Partial<NetworkPeriod> = {}): NetworkPeriod {
  return {
    period: key,
    date: '2026-01-31',
    organisations: 10,
    links: 12,
    density: 12 / 45,
    crossTierShare: 0.5,
    groups: [
      { group: 'TIER_1', eiIndex: -0.25 },
      { group: 'TIER_2', eiIndex: 1 },
      { group: 'TIER_3', eiIndex: null },
      { group: 'OTHER', eiIndex: 0 },
    ],
    components: 2,
    largestComponent: 8,
    betweennessCentralisation: 0.4219,
    communities: 3,
    modularity: 0.31,
    brokers: [],
    ...values,
  };
}

const shown = (value: number): Figure => ({ value, suppressed: false });
const primary: Figure = { value: null, suppressed: true };
const secondary: Figure = { value: null, suppressed: true };

function aggregateRow(districtId: string | null, name: string | null, clients: Figure): AggregateRow {
  return {
    districtId,
    districtName: name,
    clients,
    meanCircleSize: clients.value === null ? secondary : shown(12.25),
    rings: [1, 2, 3, 4].map((ring) => ({ ring, share: clients.value === null ? primary : shown(ring / 10) })),
    binary: (['TIER_1_CONTACT', 'SAFETY_NET', 'INNER_ONLY_PROFESSIONALS'] as const).map((measure) => ({
      measure,
      share: clients.value === null ? primary : shown(0.5),
    })),
    change: (['INNER_GREW', 'INNER_SAME', 'INNER_SHRANK', 'NOT_COMPARED'] as const).map((measure) => ({
      measure,
      share: clients.value === null ? secondary : shown(0.25),
    })),
    signals: (['NO_SOCIAL_BASE', 'NO_SAFETY_NET'] as const).map((kind) => ({ kind, share: shown(0.1) })),
  };
}

describe('formatNumber', () => {
  it('writes counts, shares, indices and means the Dutch way', () => {
    expect(formatNumber(1234, 'count')).toBe('1.234');
    expect(formatNumber(0.125, 'share')).toBe('12,5%');
    expect(formatNumber(1, 'share')).toBe('100%');
    expect(formatNumber(-0.254, 'index')).toBe('−0,25');
    expect(formatNumber(0.5, 'index')).toBe('0,50');
    expect(formatNumber(12.25, 'mean')).toBe('12,3');
  });

  it('gives a value that rounds to zero no minus sign', () => {
    expect(formatNumber(-0.001, 'index')).toBe('0,00');
    expect(formatNumber(-0, 'count')).toBe('0');
  });
});

describe('periods', () => {
  it('names months and quarters in Dutch, long for tables and short for the axis', () => {
    expect(periodLabel('2026-03')).toBe('maart 2026');
    expect(periodShort('2026-03')).toBe('mrt 2026');
    expect(periodLabel('2025-Q4')).toBe('4e kwartaal 2025');
    expect(periodShort('2025-Q4')).toBe('K4 2025');
    expect(periodLabel('not a period')).toBe('not a period');
  });

  it('asks for two years of months and three years of quarters', () => {
    expect(periodCount('MONTH')).toBe(24);
    expect(periodCount('QUARTER')).toBe(12);
  });
});

describe('chart and table', () => {
  const periods = [period('2026-01'), period('2026-02', { links: 15, crossTierShare: null })];

  it('puts the same numbers in the chart and in the table, per period', () => {
    const metric = metricDef('links');
    expect(chartData(periods, metric)).toEqual([
      { period: '2026-01', links: 12 },
      { period: '2026-02', links: 15 },
    ]);
    expect(tableRows(periods, metric)).toEqual([
      { period: '2026-01', label: 'januari 2026', cells: [{ key: 'links', text: '12', missing: false }] },
      { period: '2026-02', label: 'februari 2026', cells: [{ key: 'links', text: '15', missing: false }] },
    ]);
  });

  it('leaves a gap in the chart and a "–" in the table where a figure cannot be computed', () => {
    const metric = metricDef('crossTierShare');
    expect(chartData(periods, metric).map((p) => p['crossTierShare'])).toEqual([0.5, null]);
    expect(tableRows(periods, metric).map((r) => r.cells[0])).toEqual([
      { key: 'crossTierShare', text: '50%', missing: false },
      { key: 'crossTierShare', text: '–', missing: true },
    ]);
  });

  it('draws one line per spoor for the E-I index, on a scale from −1 to +1', () => {
    const metric = metricDef('eiIndex');
    expect(metric.domain).toEqual([-1, 1]);
    expect(metric.series.map((s) => s.label)).toEqual(['Spoor 1', 'Spoor 2', 'Spoor 3', 'Zonder spoor']);
    expect(tableRows(periods, metric)[0]?.cells.map((c) => c.text)).toEqual(['−0,25', '1,00', '–', '0,00']);
  });

  it('shows two series for components and for communities, modularity on its own axis', () => {
    expect(tableRows(periods, metricDef('components'))[0]?.cells.map((c) => c.text)).toEqual(['2', '8']);
    const communities = metricDef('communities');
    expect(communities.series.map((s) => s.axis)).toEqual(['left', 'right']);
    expect(tableRows(periods, communities)[0]?.cells.map((c) => c.text)).toEqual(['3', '0,31']);
    expect(tableRows(periods, metricDef('betweenness'))[0]?.cells.map((c) => c.text)).toEqual(['0,42']);
  });

  it('has a label and an explanation for every metric', () => {
    for (const key of METRIC_KEYS) {
      const metric = metricDef(key);
      expect(metric.label.length).toBeGreaterThan(3);
      expect(metric.help.length).toBeGreaterThan(10);
      expect(metric.series.length).toBeGreaterThan(0);
    }
  });
});

describe('firstWijkWithData', () => {
  const wijk = (name: string, organisations: number, links: number): Wijk => ({
    districtId: name,
    districtName: name,
    periods: [{ period: '2026-03', organisations, links }],
  });

  it('picks the first wijk with links, else with organisations, else the first', () => {
    expect(
      firstWijkWithData([wijk('Binnenstad', 3, 0), wijk('Kanaleneiland', 20, 15), wijk('Overvecht', 9, 4)])?.districtName,
    ).toBe('Kanaleneiland');
    expect(firstWijkWithData([wijk('A', 0, 0), wijk('B', 2, 0)])?.districtName).toBe('B');
    expect(firstWijkWithData([wijk('A', 0, 0)])?.districtName).toBe('A');
    expect(firstWijkWithData([])).toBeNull();
  });
});

describe('latestBrokers', () => {
  it('lists the brokers of the latest period, highest betweenness first, leaving out zero', () => {
    const periods = [
      period('2026-01', { brokers: [{ organisationId: 'x', name: 'Oud', betweenness: 0.9 }] }),
      period('2026-02', {
        brokers: [
          { organisationId: 'a', name: 'DOCK', betweenness: 0.2 },
          { organisationId: 'b', name: 'Buurtteam Sociaal', betweenness: 0.55 },
          { organisationId: 'c', name: 'Nul', betweenness: 0 },
        ],
      }),
    ];
    expect(latestBrokers(periods)).toEqual({
      period: '2026-02',
      label: 'februari 2026',
      brokers: [
        { id: 'b', name: 'Buurtteam Sociaal', betweenness: '0,55' },
        { id: 'a', name: 'DOCK', betweenness: '0,20' },
      ],
    });
    expect(latestBrokers([])).toBeNull();
  });
});

describe('figures from client circles', () => {
  it('shows a suppressed figure as "< K" and nothing else, with one title for every suppressed cell (issue 10)', () => {
    expect(figureCell(primary, 10, 'count')).toEqual({
      kind: 'suppressed',
      text: '< 10',
      title:
        'Niet getoond: minder dan 10 cliënten, of verborgen zodat een ander verborgen getal niet uit de totalen te berekenen is',
    });
    const hidden = figureCell({ value: 42, suppressed: true }, 7, 'count');
    expect(hidden.text).toBe('< 7');
    expect(JSON.stringify(hidden)).not.toContain('42');
    expect(hidden.kind === 'suppressed' ? hidden.title : '').toMatch(/niet uit de totalen te berekenen/);
  });

  it('formats a published figure and shows "–" where there is nothing to divide by', () => {
    expect(figureCell(shown(1234), 10, 'count')).toEqual({ kind: 'value', text: '1.234' });
    expect(figureCell(shown(0.256), 10, 'share')).toEqual({ kind: 'value', text: '25,6%' });
    expect(figureCell({ value: null, suppressed: false }, 10, 'share').text).toBe('–');
  });

  it('orders the wijken as the API does and puts "Heel Utrecht" last', () => {
    const rows = [
      aggregateRow(null, null, shown(30)),
      aggregateRow('k', 'Kanaleneiland', shown(14)),
      aggregateRow('o', 'Overvecht', primary),
    ];
    expect(orderedRows(rows).map((r) => r.districtId)).toEqual(['k', 'o', null]);
  });

  it('makes one table per theme, with the wijken and the city as rows', () => {
    const aggregates: Aggregates = {
      period: '2026-Q1',
      k: 10,
      primary: 3,
      secondary: 2,
      rows: [
        aggregateRow('k', 'Kanaleneiland', shown(14)),
        aggregateRow('o', 'Overvecht', primary),
        aggregateRow(null, null, shown(30)),
      ],
    };
    const tables = figureTables(aggregates);
    expect(tables.map((t) => t.key)).toEqual(['size', 'rings', 'binary', 'change', 'signals']);
    const size = tables[0];
    expect(size?.rows.map((r) => [r.name, r.city, ...r.cells.map((c) => c.text)])).toEqual([
      ['Kanaleneiland', false, '14', '12,3'],
      ['Overvecht', false, '< 10', '< 10'],
      ['Heel Utrecht', true, '30', '12,3'],
    ]);
    expect(tables[1]?.columns.map((c) => c.label)).toEqual(['Ring 1', 'Ring 2', 'Ring 3', 'Ring 4']);
    expect(tables[1]?.rows[0]?.cells.map((c) => c.text)).toEqual(['10%', '20%', '30%', '40%']);
    expect(tables[2]?.columns.map((c) => c.label)).toEqual([
      'Met contact in spoor 1',
      'Met een vangnet',
      'Alleen hulpverleners in de binnenste ringen',
    ]);
    expect(tables[3]?.columns.map((c) => c.label)).toEqual(['Gegroeid', 'Gelijk', 'Gekrompen', 'Niet te vergelijken']);
    // The circle feature's own names for the signals, with what they mean underneath.
    expect(tables[4]?.columns).toEqual([
      { key: 'NO_SOCIAL_BASE', label: 'Mensen uit de buurt leren kennen', note: 'geen contact in spoor 1' },
      { key: 'NO_SAFETY_NET', label: 'Een vangnet kiezen', note: 'geen vangnet' },
    ]);
  });

  it('has no tables without rows', () => {
    expect(figureTables({ period: '2026-Q1', k: 10, primary: 0, secondary: 0, rows: [] })).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-03-14')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('14-03-2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});
