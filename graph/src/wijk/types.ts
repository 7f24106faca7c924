import type {
  District,
  KeyFigureSummary,
  Link,
  OfferingSummary,
  OrganisationSummary,
  PartnershipSummary,
} from '../district/types.js';
import type { Tier, WijkActionStatus, WijkSignalCode } from '../model.js';

/**
 * The wijkkaart: the public social map of one wijk as it stood on one date. Links are never
 * deleted (ending one sets `until`), so any date can be drawn.
 */
export interface WijkMap {
  district: District;
  /** ISO date the map shows. */
  at: string;
  /** Organisations active in the wijk, by name. */
  organisations: OrganisationSummary[];
  /** Organisations not active in the wijk that have a link (valid on `at`) with one that is: drawn at the map's edge. */
  outsideOrganisations: OrganisationSummary[];
  /** Key figures of the wijk who consented to the map. */
  keyFigures: KeyFigureSummary[];
  /** Links valid on `at` with at least one end in the wijk, and both ends on this map. */
  links: Link[];
  /** Offerings of the wijk's organisations in the wijk, current on `at`. */
  offerings: OfferingSummary[];
  /** Partnerships of this wijk and city-wide ones with members here; members as on `at`. */
  partnerships: PartnershipSummary[];
}

/** A coordinator's action, often made from a signal ("kennismaking DOCK en Lister"). */
export interface WijkAction {
  id: string;
  districtId: string;
  title: string;
  signalCode: WijkSignalCode | null;
  signalKey: string | null;
  /** The organisations and key figures it is about. */
  nodeIds: string[];
  /** Who does it (free text: a name or a team). */
  owner: string;
  /** ISO date, or null. */
  due: string | null;
  status: WijkActionStatus;
  /** ISO date-time. */
  createdAt: string;
  closedAt: string | null;
  /** Why it closed by itself (LINK_RECORDED), or null. */
  closedReason: string | null;
  version: number;
}

/** Per wijk: what the comparison of wijken needs (public data only, no client figures). */
export interface DistrictFacts {
  districtId: string;
  organisations: { id: string; tier: Tier | null }[];
  /** Links valid today between two organisations both active in the wijk. */
  links: { fromId: string; toId: string }[];
  /** Offering categories with the organisations offering them in the wijk. */
  offerings: { category: OfferingSummary['category']; organisationId: string }[];
}
