import type { OfferingCategory } from '../../gql/graphql';
import { nl } from '../../messages/nl';

/** What the page needs of one offer. */
export interface Offer {
  readonly id: string;
  readonly category: OfferingCategory;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly languages: readonly string[];
}

/**
 * The order of the kinds on the page: what someone who just moved looks for first (people to meet,
 * things to do), care and housing last. Every kind has a place, so a new kind is a type error here.
 */
const KIND_PLACE: Record<OfferingCategory, number> = {
  BUDDY: 0,
  WALK_IN: 1,
  SPORT: 2,
  LANGUAGE: 3,
  PEER_SUPPORT: 4,
  MEALS: 5,
  VOLUNTEERING: 6,
  DAY_ACTIVITIES: 7,
  NEIGHBOURHOOD_SUPPORT: 8,
  DEBT_SUPPORT: 9,
  YOUTH_FAMILY: 10,
  GENERAL_PRACTICE: 11,
  DISTRICT_NURSING: 12,
  MENTAL_HEALTH: 13,
  HOUSING: 14,
  SHELTERED_LIVING: 15,
};

/** Dutch: an offer without languages is given in Dutch only. */
export const DUTCH = 'nl';

export interface OfferGroup<T extends Offer> {
  readonly category: OfferingCategory;
  readonly offers: readonly T[];
}

/** Offers grouped by kind, kinds in page order; within a kind the API's order is kept. */
export function groupByKind<T extends Offer>(offers: readonly T[]): OfferGroup<T>[] {
  const groups = new Map<OfferingCategory, T[]>();
  for (const offer of offers) {
    const group = groups.get(offer.category);
    if (group) group.push(offer);
    else groups.set(offer.category, [offer]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => KIND_PLACE[a] - KIND_PLACE[b])
    .map(([category, list]) => ({ category, offers: list }));
}

/** The languages an offer is given in; none recorded means Dutch. */
export function offerLanguages(offer: Pick<Offer, 'languages'>): readonly string[] {
  return offer.languages.length === 0 ? [DUTCH] : offer.languages;
}

export interface OfferFilter {
  /** null: every kind. */
  readonly kind: OfferingCategory | null;
  /** A BCP 47 tag, or null for every language. */
  readonly language: string | null;
}

export const NO_FILTER: OfferFilter = { kind: null, language: null };

export function filterOffers<T extends Offer>(offers: readonly T[], filter: OfferFilter): T[] {
  return offers.filter(
    (offer) =>
      (filter.kind === null || offer.category === filter.kind) &&
      (filter.language === null || offerLanguages(offer).includes(filter.language)),
  );
}

let displayNames: Intl.DisplayNames | undefined;

/**
 * A language's Dutch name: the app's own word for it where it has one (the wijkkaart uses the same),
 * else what the browser knows (Intl.DisplayNames), else the tag itself.
 */
export function languageName(tag: string): string {
  const own = nl.language[tag];
  if (own) return own;
  displayNames ??= new Intl.DisplayNames('nl', { type: 'language' });
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    // A tag the browser cannot read: show it as it is rather than nothing.
    return tag;
  }
}

const collator = new Intl.Collator('nl');

/** The languages the offers are given in: Dutch first, then by their Dutch name. */
export function languagesOf(offers: readonly Offer[]): string[] {
  const tags = new Set(offers.flatMap((offer) => offerLanguages(offer)));
  return [...tags].sort((a, b) => (a === DUTCH ? -1 : b === DUTCH ? 1 : collator.compare(languageName(a), languageName(b))));
}

/** "Nederlands, Arabisch en Turks": an offer's languages in words, in the order recorded. */
export function languageList(offer: Pick<Offer, 'languages'>): string {
  return new Intl.ListFormat('nl', { type: 'conjunction' }).format(offerLanguages(offer).map(languageName));
}

/** The kinds the offers hold, in page order, with how many of each. */
export function kindsOf(offers: readonly Offer[]): { category: OfferingCategory; count: number }[] {
  return groupByKind(offers).map((group) => ({ category: group.category, count: group.offers.length }));
}
