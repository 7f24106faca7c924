import { SIGNAL_KINDS, type SignalKind } from '../circle/signal-types.js';
import { computeSignals } from '../circle/signals.js';
import type { SignalInput } from '../circle/types.js';
import type { SupportKind, Tier } from '../model.js';
import {
  BINARY_MEASURES,
  CHANGE_MEASURES,
  type AggregateRow,
  type AggregateTable,
  type ClientHistory,
  type Figure,
  type Snapshot,
  type SnapshotSummary,
} from './aggregate-types.js';
import type { Period } from './periods.js';
import type { SuppressionProblem, SuppressionResult } from './suppression.js';

/** Where a district's row key and the city's meet: the city row is `*`. */
export const CITY = '*';

const toSignalInput = (snapshot: Snapshot, previous: Snapshot | null, innerRings: number): SignalInput => ({
  entries: snapshot.entries.map((entry, index) => ({
    id: String(index),
    ring: entry.ring,
    support: entry.support as SupportKind[],
    safetyNet: entry.safetyNet,
    relation: entry.relation,
    target: entry.organisation
      ? { kind: 'ORGANISATION', id: entry.organisationId ?? '', name: '', slug: '', tier: entry.tier as Tier | null, sector: '' }
      : {
          kind: 'PERSON',
          clientId: '',
          id: String(index),
          name: '',
          professional: entry.professional,
          organisationId: entry.organisationId,
          ownContact: false,
        },
    facts: {
      tier: entry.tier as Tier | null,
      categories: entry.generalPractice ? ['GENERAL_PRACTICE'] : [],
      organisationId: entry.organisationId,
      organisationName: entry.organisationId,
    },
  })) as SignalInput['entries'],
  previous: previous ? { frozenAt: previous.frozenOn, rings: previous.entries.map((entry) => entry.ring) } : null,
  offers: [],
  innerRings,
});

/** What a snapshot contributes; the circle signals are the same rules the client's own circle shows. */
export function summariseSnapshot(
  snapshot: Snapshot,
  previous: Snapshot | null,
  ringCount: number,
  innerRings: number,
): SnapshotSummary {
  const rings = Array.from({ length: ringCount }, () => 0);
  for (const entry of snapshot.entries) {
    const index = Math.min(Math.max(entry.ring, 1), ringCount) - 1;
    rings[index] = (rings[index] ?? 0) + 1;
  }
  const inner = snapshot.entries.filter((entry) => entry.ring <= innerRings);
  return {
    frozenOn: snapshot.frozenOn,
    size: snapshot.entries.length,
    rings,
    inner: inner.length,
    tier1Contact: snapshot.entries.some((entry) => entry.tier === 1),
    safetyNet: snapshot.entries.some((entry) => entry.safetyNet),
    innerOnlyProfessionals: inner.length > 0 && inner.every((entry) => entry.professional || entry.organisation),
    signals: new Set(computeSignals(toSignalInput(snapshot, previous, innerRings)).map((signal) => signal.kind)),
  };
}

/** The summaries of one client's snapshots, oldest first (each compared with the one before it). */
export function summariseClient(client: ClientHistory, ringCount: number, innerRings: number): SnapshotSummary[] {
  const sorted = [...client.snapshots].sort((a, b) => (a.frozenOn < b.frozenOn ? -1 : a.frozenOn > b.frozenOn ? 1 : 0));
  return sorted.map((snapshot, index) => summariseSnapshot(snapshot, sorted[index - 1] ?? null, ringCount, innerRings));
}

/** The client's circle as it stood at the end of a period: the last snapshot frozen on or before its last day. */
export function stateAt(summaries: readonly SnapshotSummary[], end: string): SnapshotSummary | null {
  let found: SnapshotSummary | null = null;
  for (const summary of summaries) {
    if (summary.frozenOn <= end) found = summary;
    else break;
  }
  return found;
}

/** Cell ids: `<row>|<measure>`; the row is a district id or CITY. */
const cell = (row: string, measure: string): string => `${row}|${measure}`;

/** Every count of one row, by measure name. The order of names is the order of the row's cells. */
export function measureNames(ringCount: number): string[] {
  return [
    'CLIENTS',
    'ENTRIES',
    ...Array.from({ length: ringCount }, (_, i) => `RING_${String(i + 1)}`),
    ...BINARY_MEASURES.flatMap((m) => [`${m}:YES`, `${m}:NO`]),
    ...CHANGE_MEASURES,
    ...SIGNAL_KINDS.flatMap((kind) => [`${kind}:YES`, `${kind}:NO`]),
  ];
}

/** The additive relations inside one row: each says a total is the sum of its parts. */
function rowRelations(row: string, ringCount: number): { total: string; parts: string[] }[] {
  const clients = cell(row, 'CLIENTS');
  return [
    { total: cell(row, 'ENTRIES'), parts: Array.from({ length: ringCount }, (_, i) => cell(row, `RING_${String(i + 1)}`)) },
    ...BINARY_MEASURES.map((m) => ({ total: clients, parts: [cell(row, `${m}:YES`), cell(row, `${m}:NO`)] })),
    { total: clients, parts: CHANGE_MEASURES.map((m) => cell(row, m)) },
    ...SIGNAL_KINDS.map((kind) => ({ total: clients, parts: [cell(row, `${kind}:YES`), cell(row, `${kind}:NO`)] })),
  ];
}

export interface Tabulation {
  problem: Omit<SuppressionProblem, 'k'>;
  districts: { id: string; name: string }[];
  ringCount: number;
}

/**
 * The counts of one period for every wijk and the city, with every relation a reader could use to
 * recompute a hidden cell: within a row (a total and its parts) and down each column (the city
 * row is the sum of the wijken). No figure links two periods, so no relation does either.
 */
export function tabulate(
  clients: Iterable<{ districtId: string; summaries: readonly SnapshotSummary[] }>,
  districts: readonly { id: string; name: string }[],
  period: Period,
  previous: Period,
  ringCount: number,
): Tabulation {
  const names = measureNames(ringCount);
  const counts = new Map<string, Map<string, number>>();
  for (const district of districts) counts.set(district.id, new Map(names.map((name) => [name, 0])));
  const add = (row: Map<string, number>, name: string, by = 1): void => {
    row.set(name, (row.get(name) ?? 0) + by);
  };
  for (const client of clients) {
    const row = counts.get(client.districtId);
    const state = stateAt(client.summaries, period.end);
    if (!row || !state) continue;
    add(row, 'CLIENTS');
    add(row, 'ENTRIES', state.size);
    state.rings.forEach((n, i) => add(row, `RING_${String(i + 1)}`, n));
    const binary: Record<(typeof BINARY_MEASURES)[number], boolean> = {
      TIER_1_CONTACT: state.tier1Contact,
      SAFETY_NET: state.safetyNet,
      INNER_ONLY_PROFESSIONALS: state.innerOnlyProfessionals,
    };
    for (const m of BINARY_MEASURES) add(row, `${m}:${binary[m] ? 'YES' : 'NO'}`);
    const before = stateAt(client.summaries, previous.end);
    add(
      row,
      before === null
        ? 'NOT_COMPARED'
        : state.inner > before.inner
          ? 'INNER_GREW'
          : state.inner < before.inner
            ? 'INNER_SHRANK'
            : 'INNER_SAME',
    );
    for (const kind of SIGNAL_KINDS) add(row, `${kind}:${state.signals.has(kind) ? 'YES' : 'NO'}`);
  }
  const cells = new Map<string, number>();
  const relations: { total: string; parts: string[] }[] = [];
  for (const name of names) {
    let sum = 0;
    for (const district of districts) {
      const value = counts.get(district.id)?.get(name) ?? 0;
      cells.set(cell(district.id, name), value);
      sum += value;
    }
    cells.set(cell(CITY, name), sum);
    relations.push({ total: cell(CITY, name), parts: districts.map((district) => cell(district.id, name)) });
  }
  for (const row of [...districts.map((district) => district.id), CITY]) relations.push(...rowRelations(row, ringCount));
  return { problem: { cells, relations }, districts: [...districts], ringCount };
}

/**
 * The published table: counts where the suppression left them, and shares and means only where
 * every count they are computed from is published and the base holds at least K clients.
 */
export function publish(tabulation: Tabulation, suppression: SuppressionResult, period: string, k: number): AggregateTable {
  const { cells } = tabulation.problem;
  const figure = (id: string): Figure => {
    const reason = suppression.hidden.get(id);
    return reason ? { value: null, suppressed: true } : { value: cells.get(id) ?? 0, suppressed: false };
  };
  const ratio = (numerator: Figure, denominator: Figure, minimum: number): Figure => {
    if (numerator.value === null || denominator.value === null) return { value: null, suppressed: true };
    if (denominator.value < minimum) return { value: null, suppressed: denominator.value !== 0 };
    return { value: numerator.value / denominator.value, suppressed: false };
  };
  const row = (id: string, name: string | null): AggregateRow => {
    const clients = figure(cell(id, 'CLIENTS'));
    const entries = figure(cell(id, 'ENTRIES'));
    const notCompared = figure(cell(id, 'NOT_COMPARED'));
    const compared: Figure =
      clients.value === null || notCompared.value === null
        ? { value: null, suppressed: true }
        : { value: clients.value - notCompared.value, suppressed: false };
    return {
      districtId: id === CITY ? null : id,
      districtName: name,
      clients,
      entries,
      meanCircleSize: ratio(entries, clients, k),
      rings: Array.from({ length: tabulation.ringCount }, (_, i) => {
        const count = figure(cell(id, `RING_${String(i + 1)}`));
        // A share of entries still rests on clients: shown only when the row's clients are at least K.
        const base = ratio(entries, clients, k);
        const share: Figure = base.value === null ? { value: null, suppressed: base.suppressed } : ratio(count, entries, 1);
        return { ring: i + 1, count, share };
      }),
      binary: BINARY_MEASURES.map((measure) => {
        const count = figure(cell(id, `${measure}:YES`));
        return { measure, count, share: ratio(count, clients, k) };
      }),
      change: CHANGE_MEASURES.map((measure) => {
        const count = figure(cell(id, measure));
        return { measure, count, share: measure === 'NOT_COMPARED' ? ratio(count, clients, k) : ratio(count, compared, k) };
      }),
      signals: SIGNAL_KINDS.map((kind: SignalKind) => {
        const count = figure(cell(id, `${kind}:YES`));
        return { kind, count, share: ratio(count, clients, k) };
      }),
    };
  };
  let primary = 0;
  let secondary = 0;
  for (const reason of suppression.hidden.values()) {
    if (reason === 'PRIMARY') primary += 1;
    else secondary += 1;
  }
  return {
    period,
    k,
    rows: [...tabulation.districts.map((district) => row(district.id, district.name)), row(CITY, null)],
    primary,
    secondary,
  };
}
