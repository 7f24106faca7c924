import type { Language, OfferingCategory, PartnershipKind, Sector, Tier } from '../model.js';

/**
 * The administration's view of an organisation (issue 11): what the public map shows, and also
 * when it ended and whether it was merged into another record. An ended organisation keeps its
 * history; a merged one is kept only so that old references can be explained.
 */
export interface OrganisationRecord {
  id: string;
  name: string;
  slug: string;
  tier: Tier | null;
  sector: Sector;
  note: string | null;
  /** ISO date from which it no longer exists (maps of that date and later leave it out); null: current. */
  until: string | null;
  /** The record this one was merged into (a duplicate); null for a record of its own. */
  mergedIntoId: string | null;
  /** When it was merged (ISO date-time). */
  mergedAt: string | null;
  districtIds: string[];
}

/** An offering with its period, for the administration. */
export interface OfferingRecord {
  id: string;
  organisationId: string;
  districtId: string;
  category: OfferingCategory;
  name: string;
  languages: Language[];
  since: string | null;
  until: string | null;
}

/** One membership of a partnership, with its period. */
export interface MembershipRecord {
  partnershipId: string;
  organisationId: string;
  organisationName: string;
  since: string | null;
  until: string | null;
}

export interface OrganisationRecordDetail extends OrganisationRecord {
  offerings: OfferingRecord[];
  memberships: (MembershipRecord & { partnershipName: string })[];
}

/** What a merge moves from the duplicate to the record that is kept (and what it folds together). */
export interface MergeCounts {
  /** Links moved to the kept record. */
  links: number;
  /** Links the kept record already had with the same organisation or key figure (same kind, overlapping period): folded into one. */
  sharedLinks: number;
  /** Links between the two records themselves: they would link the organisation with itself, so they go. */
  selfLinks: number;
  offerings: number;
  memberships: number;
  /** Wijken the duplicate was active in that the kept record was not. */
  districts: number;
  /** People employed by the duplicate (support workers, staff with an account). */
  employees: number;
  /** Coordinators' actions about the duplicate. */
  actions: number;
}

/** A circle whose entries a merge changed: its client gets an audit record, open circles a live event. */
export interface MergedCircle {
  circleId: string;
  clientId: string;
  /** The circle's version after the merge (open circles only grow). */
  version: number;
  open: boolean;
  /** Entry ids that now place the kept organisation. */
  entryIds: string[];
}

export interface MergeResult {
  kept: OrganisationRecord;
  counts: MergeCounts;
  circles: MergedCircle[];
}

export interface DistrictRecord {
  id: string;
  name: string;
  slug: string;
  focus: boolean;
  partOfId: string | null;
  until: string | null;
  /** Current organisations active in it. */
  organisationCount: number;
}

export interface PartnershipRecord {
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
  since: string | null;
  until: string | null;
  members: MembershipRecord[];
}
