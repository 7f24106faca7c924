import type { CircleComparisonKind } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { monthYear } from './snapshot-date';

export interface ChangeInput {
  readonly kind: CircleComparisonKind;
  /** First name or nickname; the name of an organisation. */
  readonly name: string;
  readonly relation: string | null;
  readonly fromRing: number | null;
  readonly toRing: number | null;
}

export interface RingLabels {
  readonly rings: readonly { readonly ring: number; readonly label: string }[];
}

/** "Fatima (zus)"; the relation is left out when it says nothing more than the name. */
export function changeWho(change: Pick<ChangeInput, 'name' | 'relation'>): string {
  const relation = change.relation?.trim() ?? '';
  const useful = relation !== '' && relation.toLocaleLowerCase('nl') !== change.name.trim().toLocaleLowerCase('nl');
  return nl.history.who(change.name.trim(), useful ? relation : null);
}

function ringName(ring: number, layout: RingLabels): string {
  return nl.history.ringName(ring, layout.rings.find((r) => r.ring === ring)?.label ?? null);
}

/**
 * One change between two snapshots, in words a client understands:
 * "Fatima (zus) staat nu dichterbij dan in maart 2026. Eerst: ring 3 (Bekenden). Nu: ring 2 (Dichtbij)."
 * `earlierDate` is when the earlier snapshot was made (ISO date-time).
 */
export function changeSentence(change: ChangeInput, earlierDate: string, layout: RingLabels): string {
  const sentence = nl.history.sentence[change.kind](changeWho(change), monthYear(earlierDate));
  const { fromRing, toRing } = change;
  if ((change.kind === 'CLOSER' || change.kind === 'FURTHER') && fromRing !== null && toRing !== null)
    return `${sentence} ${nl.history.ringMove(ringName(fromRing, layout), ringName(toRing, layout))}`;
  if (change.kind === 'JOINED' && toRing !== null) return `${sentence} ${nl.history.ringIn(ringName(toRing, layout))}`;
  return sentence;
}
