import type { OfferingCategory, SupportKind } from '../model.js';

/**
 * Aandachtspunten en kansen: what the server notices in a circle. Codes and numbers only; the web
 * app words them (B1 Dutch, positively) from its message file.
 */
export const SIGNAL_KINDS = [
  'NO_SOCIAL_BASE',
  'INNER_RINGS_ONLY_PROFESSIONALS',
  'NO_SAFETY_NET',
  'SAFETY_NET_ONLY_PROFESSIONALS',
  'NO_GENERAL_PRACTITIONER',
  'SUPPORT_OVERLAP',
  'INNER_RINGS_SHRANK',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** An organisation in the client's wijk that offers something of a category. */
export interface LocalOffer {
  organisationId: string;
  organisationName: string;
  category: OfferingCategory;
}

export interface CircleSignal {
  kind: SignalKind;
  /** The entries the signal is about (the professionals of an overlap, say); may be empty. */
  entryIds: string[];
  /** SUPPORT_OVERLAP: the kind of support given by several organisations. */
  supportKind: SupportKind | null;
  /** SUPPORT_OVERLAP: the organisations (names) that give it. */
  organisationNames: string[];
  /** INNER_RINGS_SHRANK: entries in the inner rings now and in the previous snapshot. */
  count: number | null;
  previousCount: number | null;
  /** INNER_RINGS_SHRANK: when the previous snapshot was frozen (ISO). */
  previousAt: string | null;
  /** Real offers from the client's wijk that fit the signal (at most 3); may be empty. */
  offers: LocalOffer[];
}
