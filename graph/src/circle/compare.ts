import type { ChangeKind, CircleChange, ComparableEntry } from './compare-types.js';

// Not CHANGE_KINDS order: who came and who moved matter most, who stayed put least.
const OUTPUT_ORDER: readonly ChangeKind[] = ['JOINED', 'CLOSER', 'FURTHER', 'LEFT', 'UNCHANGED'];

function byRing(a: ComparableEntry, b: ComparableEntry): number {
  // Sector and id only break ties, so that duplicates pair the same way whatever the input order.
  return a.ring - b.ring || compareText(a.sector, b.sector) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupByTarget(entries: readonly ComparableEntry[]): Map<string, ComparableEntry[]> {
  const groups = new Map<string, ComparableEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.target.id);
    if (group === undefined) groups.set(entry.target.id, [entry]);
    else group.push(entry);
  }
  for (const group of groups.values()) group.sort(byRing);
  return groups;
}

function kindOf(earlier: ComparableEntry | undefined, later: ComparableEntry | undefined): ChangeKind {
  if (earlier === undefined) return 'JOINED';
  if (later === undefined) return 'LEFT';
  if (later.ring < earlier.ring) return 'CLOSER';
  if (later.ring > earlier.ring) return 'FURTHER';
  return 'UNCHANGED';
}

function change(earlier: ComparableEntry | undefined, later: ComparableEntry | undefined): CircleChange {
  // Names and relations may have been corrected since; the later snapshot is the current truth.
  const current = later ?? earlier;
  if (current === undefined) throw new Error('a change needs at least one entry');
  return {
    kind: kindOf(earlier, later),
    targetId: current.target.id,
    targetKind: current.target.kind,
    name: current.target.name,
    relation: current.relation,
    earlierEntryId: earlier?.id ?? null,
    laterEntryId: later?.id ?? null,
    fromRing: earlier?.ring ?? null,
    toRing: later?.ring ?? null,
    fromSector: earlier?.sector ?? null,
    toSector: later?.sector ?? null,
  };
}

/**
 * How a circle changed between two snapshots. Entries are matched by the node they place, since
 * entry ids differ between snapshots; a node placed more than once is matched pairwise in ring order.
 */
export function compareCircles(earlier: readonly ComparableEntry[], later: readonly ComparableEntry[]): CircleChange[] {
  const before = groupByTarget(earlier);
  const after = groupByTarget(later);
  const targetIds = new Set([...before.keys(), ...after.keys()]);
  const changes: CircleChange[] = [];
  for (const targetId of targetIds) {
    const from = before.get(targetId) ?? [];
    const to = after.get(targetId) ?? [];
    for (let i = 0; i < Math.max(from.length, to.length); i++) changes.push(change(from[i], to[i]));
  }
  return changes.sort(
    (a, b) =>
      OUTPUT_ORDER.indexOf(a.kind) - OUTPUT_ORDER.indexOf(b.kind) ||
      a.name.localeCompare(b.name, 'nl') ||
      compareText(a.targetId, b.targetId) ||
      (a.fromRing ?? a.toRing ?? 0) - (b.fromRing ?? b.toRing ?? 0) ||
      compareText(a.earlierEntryId ?? a.laterEntryId ?? '', b.earlierEntryId ?? b.laterEntryId ?? ''),
  );
}
