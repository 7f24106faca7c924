import type { CircleSignalsFieldsFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { monthYear } from '../circle-history/snapshot-date';

export type Signal = CircleSignalsFieldsFragment['signals'][number];
export type SignalTextInput = Pick<
  Signal,
  'kind' | 'supportKind' | 'organisationNames' | 'count' | 'previousCount' | 'previousAt'
>;
export type Offer = Signal['offers'][number];

export interface SignalText {
  readonly title: string;
  readonly explanation: string;
}

/** A signal in positive B1 Dutch: a title that says what could help, and a short explanation. */
export function signalText(signal: SignalTextInput): SignalText {
  const texts = nl.signals.kind;
  switch (signal.kind) {
    case 'NO_SOCIAL_BASE':
    case 'INNER_RINGS_ONLY_PROFESSIONALS':
    case 'NO_SAFETY_NET':
    case 'SAFETY_NET_ONLY_PROFESSIONALS':
    case 'NO_GENERAL_PRACTITIONER':
      return texts[signal.kind];
    case 'SUPPORT_OVERLAP': {
      const support = signal.supportKind ? nl.signals.overlapSupport[signal.supportKind] : nl.signals.overlapSupportUnknown;
      const names = signal.organisationNames.filter((name) => name.trim() !== '');
      return {
        title: texts.SUPPORT_OVERLAP.title,
        explanation:
          names.length >= 2
            ? texts.SUPPORT_OVERLAP.explanation(nl.signals.list(names), support)
            : texts.SUPPORT_OVERLAP.explanationUnnamed(support),
      };
    }
    case 'INNER_RINGS_SHRANK': {
      const count = signal.count ?? 0;
      const previousCount = signal.previousCount ?? 0;
      return {
        title: texts.INNER_RINGS_SHRANK.title,
        explanation: texts.INNER_RINGS_SHRANK.explanation(
          count,
          previousCount,
          signal.previousAt ? monthYear(signal.previousAt) : null,
        ),
      };
    }
  }
}

/** "In jouw wijk: Buurtcentrum De Pijler (inloop)". */
export function offerText(offer: Pick<Offer, 'organisationName' | 'category'>): string {
  return nl.signals.offer(offer.organisationName, nl.signals.offerCategory[offer.category]);
}
