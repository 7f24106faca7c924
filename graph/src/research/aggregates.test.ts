import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotEntry } from './aggregate-types.js';
import { CITY, publish, stateAt, summariseClient, tabulate } from './aggregates.js';
import { parsePeriod } from './periods.js';
import { suppress } from './suppression.js';

const TODAY = '2026-11-30';
const Q3 = parsePeriod('2026-Q3', TODAY);
const Q2 = parsePeriod('2026-Q2', TODAY);
if (!Q3 || !Q2) throw new Error('periods');

const person = (ring: number, fields: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  ring,
  professional: false,
  organisation: false,
  tier: null,
  safetyNet: false,
  support: ['COMPANY'],
  organisationId: null,
  generalPractice: false,
  relation: null,
  ...fields,
});
const socialBase = (ring: number): SnapshotEntry =>
  person(ring, { organisation: true, tier: 1, organisationId: 'buurthuis', support: [] });
const gp = (ring: number): SnapshotEntry =>
  person(ring, { organisation: true, organisationId: 'huisarts', generalPractice: true, support: [] });

const snapshot = (frozenOn: string, entries: SnapshotEntry[]): Snapshot => ({ frozenOn, entries });

describe('client-derived research aggregates', () => {
  it('takes the last snapshot frozen on or before a period’s last day', () => {
    const summaries = summariseClient(
      {
        districtId: 'd',
        snapshots: [
          snapshot('2026-09-30', [person(1), person(2)]),
          snapshot('2026-04-02', [person(1)]),
          snapshot('2026-10-01', []),
        ],
      },
      4,
      2,
    );
    expect(summaries.map((s) => s.frozenOn)).toEqual(['2026-04-02', '2026-09-30', '2026-10-01']);
    expect(stateAt(summaries, Q3.end)?.size).toBe(2);
    expect(stateAt(summaries, '2026-04-01')).toBeNull();
  });

  it('summarises a snapshot with the circle’s own signal rules', () => {
    const [first, second] = summariseClient(
      {
        districtId: 'd',
        snapshots: [
          snapshot('2026-01-10', [person(1), person(2), person(2, { safetyNet: true, support: ['SAFETY_NET'] })]),
          snapshot('2026-08-10', [person(2, { professional: true, organisationId: 'bt' }), socialBase(3), gp(4)]),
        ],
      },
      4,
      2,
    );
    expect(first).toMatchObject({ size: 3, rings: [1, 2, 0, 0], inner: 3, tier1Contact: false, safetyNet: true });
    expect([...(first?.signals ?? [])].sort()).toEqual(['NO_GENERAL_PRACTITIONER', 'NO_SOCIAL_BASE']);
    expect(second).toMatchObject({ inner: 1, tier1Contact: true, safetyNet: false, innerOnlyProfessionals: true });
    expect([...(second?.signals ?? [])].sort()).toEqual([
      'INNER_RINGS_ONLY_PROFESSIONALS',
      'INNER_RINGS_SHRANK',
      'NO_SAFETY_NET',
    ]);
  });

  const k = 5;
  const districts = [
    { id: 'A', name: 'Wijk A' },
    { id: 'B', name: 'Wijk B' },
    { id: 'C', name: 'Wijk C' },
  ];
  const cohort = (small: number) =>
    [
      // Twelve clients in wijk A: their inner rings grew from Q2 to Q3.
      ...Array.from({ length: 12 }, () => ({
        districtId: 'A',
        snapshots: [
          snapshot('2026-05-01', [person(1), socialBase(3)]),
          snapshot('2026-08-01', [person(1), person(2), socialBase(3)]),
        ],
      })),
      // A few clients in wijk B, first seen in Q3.
      ...Array.from({ length: small }, () => ({ districtId: 'B', snapshots: [snapshot('2026-07-15', [person(1)])] })),
      // Nine in C; one of them froze after the quarter ended and does not count in Q3.
      ...Array.from({ length: 8 }, () => ({ districtId: 'C', snapshots: [snapshot('2026-06-01', [person(3), gp(4)])] })),
      { districtId: 'C', snapshots: [snapshot('2026-10-02', [person(3)])] },
    ].map((client) => ({ districtId: client.districtId, summaries: summariseClient(client, 4, 2) }));

  /** Every count published is zero or at least K, and every share and mean rests on at least K clients. */
  const expectNothingBelowK = (table: ReturnType<typeof publish>): void => {
    for (const row of table.rows) {
      const counts = [
        row.clients,
        row.entries,
        ...row.rings.map((r) => r.count),
        ...row.binary.map((f) => f.count),
        ...row.change.map((f) => f.count),
        ...row.signals.map((f) => f.count),
      ];
      for (const count of counts) if (count.value !== null) expect(count.value === 0 || count.value >= k).toBe(true);
      const ratios = [
        row.meanCircleSize,
        ...row.rings.map((r) => r.share),
        ...row.binary.map((f) => f.share),
        ...row.signals.map((f) => f.share),
      ];
      for (const ratio of ratios) if (ratio.value !== null) expect(row.clients.value ?? 0).toBeGreaterThanOrEqual(k);
    }
  };

  it('counts per wijk and city and compares with the previous quarter', async () => {
    const tabulation = tabulate(cohort(0), districts, Q3, Q2, 4);
    const cells = tabulation.problem.cells;
    expect([cells.get('A|CLIENTS'), cells.get('B|CLIENTS'), cells.get('C|CLIENTS'), cells.get(`${CITY}|CLIENTS`)]).toEqual([
      12, 0, 8, 20,
    ]);
    expect(cells.get('A|INNER_GREW')).toBe(12);
    expect(cells.get('C|INNER_SAME')).toBe(8);
    expect(cells.get('A|ENTRIES')).toBe(36);
    expect(cells.get('A|RING_2')).toBe(12);
    const table = publish(tabulation, await suppress({ ...tabulation.problem, k }), '2026-Q3', k);
    const [a, , c, city] = table.rows;
    expect(table.primary + table.secondary).toBe(0);
    expect(a?.clients).toEqual({ value: 12, suppressed: false });
    expect(a?.meanCircleSize.value).toBe(3);
    expect(a?.binary.find((f) => f.measure === 'TIER_1_CONTACT')?.share.value).toBe(1);
    expect(a?.change.find((f) => f.measure === 'INNER_GREW')?.share.value).toBe(1);
    expect(c?.signals.find((f) => f.kind === 'NO_SOCIAL_BASE')?.count.value).toBe(8);
    expect(city?.districtId).toBeNull();
    expect(city?.clients.value).toBe(20);
    expectNothingBelowK(table);
  });

  it('hides a small wijk, and enough besides it that no total gives it away', async () => {
    const tabulation = tabulate(cohort(2), districts, Q3, Q2, 4);
    const suppression = await suppress({ ...tabulation.problem, k });
    const table = publish(tabulation, suppression, '2026-Q3', k);
    const [, b, c, city] = table.rows;
    expect(b?.clients).toEqual({ value: null, suppressed: true });
    expect(suppression.hidden.get(`B|CLIENTS`)).toBe('PRIMARY');
    expect(c?.clients.value === null || city?.clients.value === null).toBe(true);
    expect(table.primary).toBeGreaterThan(0);
    expect(table.secondary).toBeGreaterThan(0);
    for (const [id, range] of suppression.ranges) expect(range.max - range.min, id).toBeGreaterThanOrEqual(k);
    expectNothingBelowK(table);
  });
});
