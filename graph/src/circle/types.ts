import type { OrganisationSummary } from '../district/types.js';
import type { CircleSignal, LocalOffer } from './signal-types.js';
import type { ContactFrequency, OfferingCategory, SupportKind, Tier, Wish } from '../model.js';

export interface CirclePerson {
  kind: 'PERSON';
  /** The client in whose circle this person appears. */
  clientId: string;
  id: string;
  /** First name or nickname only. */
  name: string;
  /** True for a professional (a person who works at an organisation). */
  professional: boolean;
  organisationId: string | null;
  /** Someone the client added (a contact of theirs): the client may rename them. Staff accounts are not. */
  ownContact: boolean;
}

/** What the signal rules need to know about an entry's target beyond its kind. */
export interface TargetFacts {
  /** The spoor of the organisation, or of the professional's employer. */
  tier: Tier | null;
  /** Offering categories of the organisation, or of the professional's employer. */
  categories: OfferingCategory[];
  /** The organisation itself, or the professional's employer (for overlap). */
  organisationId: string | null;
  organisationName: string | null;
}

/** Everything the rules look at, read in the same round trip as the circle. */
export interface SignalInput {
  entries: ReadonlyArray<
    Pick<CircleEntry, 'id' | 'ring' | 'support' | 'safetyNet' | 'relation' | 'target'> & { facts: TargetFacts }
  >;
  /** The entries of the snapshot frozen before this one (ring only), or null when there is none. */
  previous: { frozenAt: string; rings: number[] } | null;
  /** Offers in the client's wijk, for the categories any rule may suggest. */
  offers: LocalOffer[];
  /** Rings 1..innerRings count as "the inner rings" (2 for Lensink). */
  innerRings: number;
}

export interface CircleOrganisation extends OrganisationSummary {
  kind: 'ORGANISATION';
}

export interface CircleEntry {
  id: string;
  /** The client whose circle this is. */
  clientId: string;
  ring: number;
  sector: string;
  /** Stable order inside one ring × sector cell. */
  position: number;
  relation: string | null;
  support: SupportKind[];
  safetyNet: boolean;
  wish: Wish | null;
  note: string | null;
  frequency: ContactFrequency | null;
  /** Grows with every change of this entry: an edit names the version it saw (conflict detection). */
  version: number;
  target: CirclePerson | CircleOrganisation;
}

/** An optional tie between two entries of the same circle (they know each other). */
export interface CircleTie {
  id: string;
  clientId: string;
  fromEntryId: string;
  toEntryId: string;
}

export interface CircleSummary {
  id: string;
  clientId: string;
  label: string | null;
  createdAt: string;
  /** Set when the snapshot was frozen ("vastgelegd"); the open circle has none. */
  frozenAt: string | null;
}

export interface NetworkCircle extends CircleSummary {
  clientName: string;
  /** Grows with every change of the circle; live events carry it. */
  version: number;
  entries: CircleEntry[];
  ties: CircleTie[];
  /** Present when the read asked for the signals (aandachtspunten en kansen). */
  signals?: CircleSignal[];
}
