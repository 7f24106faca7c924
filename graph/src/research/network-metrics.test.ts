import { describe, expect, it } from 'vitest';
import { KARATE_EDGES, KARATE_MEMBERS } from '../network/karate.js';
import { districtSeries, MetricsCache, NetworkKeys } from './network-metrics.js';
import type { DistrictHistory } from './network-types.js';
import { periodsUntil } from './periods.js';

const id = (n: number): string => `m${String(n).padStart(2, '0')}`;

/** The karate club as a wijk whose 78 links all began on 2020-01-01. */
const KARATE: DistrictHistory = {
  districtId: 'karate',
  districtName: 'Karateclub',
  organisations: Array.from({ length: KARATE_MEMBERS }, (_, i) => ({
    id: id(i + 1),
    name: `Lid ${String(i + 1)}`,
    tier: null,
    until: null,
  })),
  links: KARATE_EDGES.map(([a, b]) => ({ fromId: id(a), toId: id(b), since: '2020-01-01', until: null, kind: 'COLLABORATION' })),
};

describe('research network metrics', () => {
  it("gives Zachary's karate club its published figures", () => {
    const [series] = [districtSeries(KARATE, periodsUntil('2026-11-30', 'MONTH', 1), 'MONTH', '2026-11-30', new MetricsCache())];
    const metrics = series.periods[0];
    expect(metrics?.organisations).toBe(34);
    expect(metrics?.links).toBe(78);
    expect(metrics?.density).toBeCloseTo(0.139037, 6);
    expect(metrics?.components).toBe(1);
    expect(metrics?.largestComponent).toBe(34);
    expect(metrics?.betweennessCentralisation).toBeCloseTo(0.406, 3);
    expect(metrics?.brokers.map((b) => b.name)).toEqual(['Lid 1', 'Lid 34', 'Lid 33', 'Lid 3', 'Lid 32']);
    expect(metrics?.modularity).toBeGreaterThanOrEqual(0.415);
    expect(metrics?.modularity).toBeLessThanOrEqual(0.42);
  });

  it('reads each period on its last day: links begin and end between months', () => {
    const history: DistrictHistory = {
      districtId: 'd',
      districtName: 'Wijk',
      organisations: [
        { id: 'a', name: 'A', tier: 1, until: null },
        { id: 'b', name: 'B', tier: 2, until: null },
        { id: 'c', name: 'C', tier: 2, until: null },
      ],
      links: [
        { fromId: 'a', toId: 'b', since: '2026-02-10', until: null, kind: 'REFERRAL' },
        { fromId: 'b', toId: 'c', since: '2025-01-01', until: '2026-03-01', kind: 'COLLABORATION' },
        // Ends on the last day of February: not valid on it (until is exclusive).
        { fromId: 'a', toId: 'c', since: '2025-01-01', until: '2026-02-28', kind: 'COLLABORATION' },
      ],
    };
    const series = districtSeries(history, periodsUntil('2026-03-15', 'MONTH', 3), 'MONTH', '2026-03-15', new MetricsCache());
    expect(series.periods.map((p) => [p.period, p.date, p.links])).toEqual([
      ['2026-01', '2026-01-31', 2],
      ['2026-02', '2026-02-28', 2],
      ['2026-03', '2026-03-15', 1],
    ]);
    // January: a–c and b–c (spoor 1–2 and 2–2): half of the tiered links cross tiers.
    expect(series.periods[0]?.crossTierShare).toBe(0.5);
    expect(series.periods[2]?.components).toBe(2);
  });

  it('leaves an organisation out from the day it ended, and names that network apart (issue 11)', () => {
    const history: DistrictHistory = {
      districtId: 'd',
      districtName: 'Wijk',
      organisations: [
        { id: 'a', name: 'A', tier: 1, until: null },
        { id: 'b', name: 'B', tier: 2, until: null },
        { id: 'c', name: 'C', tier: 2, until: '2026-02-15' },
      ],
      links: [
        { fromId: 'a', toId: 'b', since: '2025-01-01', until: null, kind: 'REFERRAL' },
        { fromId: 'b', toId: 'c', since: '2025-01-01', until: '2026-02-15', kind: 'COLLABORATION' },
      ],
    };
    const series = districtSeries(history, periodsUntil('2026-03-15', 'MONTH', 3), 'MONTH', '2026-03-15', new MetricsCache());
    expect(series.periods.map((p) => [p.period, p.organisations, p.links])).toEqual([
      ['2026-01', 3, 2],
      ['2026-02', 2, 1],
      ['2026-03', 2, 1],
    ]);
    const keys = new NetworkKeys(history);
    expect(keys.on('2026-02-14')).not.toBe(keys.on('2026-02-15'));
  });

  it('computes a network once however many periods share it, and again when a link changes', () => {
    const cache = new MetricsCache();
    const periods = periodsUntil('2026-11-30', 'MONTH', 24);
    districtSeries(KARATE, periods, 'MONTH', '2026-11-30', cache);
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(23);
    const changed: DistrictHistory = {
      ...KARATE,
      links: [...KARATE.links, { fromId: id(1), toId: id(34), since: '2026-06-01', until: null, kind: 'REFERRAL' }],
    };
    const series = districtSeries(changed, periods, 'MONTH', '2026-11-30', cache);
    // Before June the network is the cached one; from June it has one link more.
    expect(cache.misses).toBe(2);
    expect(series.periods.at(-1)?.links).toBe(79);
    expect(series.periods[0]?.links).toBe(78);
  });

  it('names the network by its content: the same network has the same key, another a different one', () => {
    const keys = new NetworkKeys(KARATE);
    expect(keys.on('2026-01-01')).toBe(keys.on('2025-01-01'));
    expect(keys.on('2019-12-31')).not.toBe(keys.on('2026-01-01'));
    const renamed = new NetworkKeys({
      ...KARATE,
      organisations: KARATE.organisations.map((o, i) => (i === 0 ? { ...o, name: 'Nieuw' } : o)),
    });
    expect(renamed.on('2026-01-01')).not.toBe(keys.on('2026-01-01'));
    const oneLess = new NetworkKeys({ ...KARATE, links: KARATE.links.slice(1) });
    expect(oneLess.on('2026-01-01')).not.toBe(keys.on('2026-01-01'));
  });
});
