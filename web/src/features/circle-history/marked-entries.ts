import type { CircleComparisonQuery } from '../../gql/graphql';
import type { ChangeMark, DrawableEntry } from '../circle-drawing/drawing-model';
import type { CircleTarget } from '../circle-drawing/circle-elements';

type ChangeLike = Pick<
  CircleComparisonQuery['compareCircles']['changes'][number],
  'kind' | 'targetId' | 'targetKind' | 'name' | 'fromRing' | 'fromSector' | 'earlierEntryId' | 'laterEntryId'
>;

/** The later circle with every change marked; who left is drawn as an empty outline where they were. */
export function markedEntries(comparison: {
  readonly later: { readonly entries: readonly DrawableEntry[] };
  readonly changes: readonly ChangeLike[];
}): DrawableEntry[] {
  const marks = new Map<string, ChangeMark>();
  for (const change of comparison.changes)
    if (change.laterEntryId && change.kind !== 'UNCHANGED' && change.kind !== 'LEFT') marks.set(change.laterEntryId, change.kind);
  const entries: DrawableEntry[] = comparison.later.entries.map((entry) => {
    const mark = marks.get(entry.id);
    return mark ? { ...entry, mark } : entry;
  });
  comparison.changes.forEach((change, i) => {
    if (change.kind !== 'LEFT' || change.fromRing === null || change.fromSector === null) return;
    const target: CircleTarget =
      change.targetKind === 'ORGANISATION'
        ? { __typename: 'Organisation', id: change.targetId, name: change.name }
        : { __typename: 'CirclePerson', id: change.targetId, name: change.name, professional: false, organisation: null };
    // After everyone still there in the same ring and sector, so their places do not shift.
    entries.push({
      id: `left-${change.earlierEntryId ?? change.targetId}`,
      ring: change.fromRing,
      sector: change.fromSector,
      position: 100_000 + i,
      safetyNet: false,
      target,
      mark: 'LEFT',
    });
  });
  return entries;
}
