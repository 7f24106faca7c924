/** The link kinds of the API (`LinkKind` in api/schema.graphql). */
export type LinkKind =
  'COLLABORATION' | 'FUNDING' | 'HANDOVER' | 'JOINT_CONSULTATION' | 'JOINT_MEETING' | 'JOINT_TRAINING' | 'REFERRAL';

/** The offering categories of the API (`OfferingCategory` in api/schema.graphql). */
export type OfferingCategory =
  | 'BUDDY'
  | 'DAY_ACTIVITIES'
  | 'DEBT_SUPPORT'
  | 'DISTRICT_NURSING'
  | 'GENERAL_PRACTICE'
  | 'HOUSING'
  | 'LANGUAGE'
  | 'MEALS'
  | 'MENTAL_HEALTH'
  | 'NEIGHBOURHOOD_SUPPORT'
  | 'PEER_SUPPORT'
  | 'SHELTERED_LIVING'
  | 'SPORT'
  | 'VOLUNTEERING'
  | 'WALK_IN'
  | 'YOUTH_FAMILY';

/**
 * What the edit panel needs of the wijk map. Structural, so the map page's query result fits
 * without conversion.
 */
export interface WijkEditMap {
  organisations: readonly { id: string; name: string }[];
  outsideOrganisations: readonly { id: string; name: string }[];
  keyFigures: readonly { id: string; name: string }[];
  links: readonly {
    id: string;
    fromId: string;
    toId: string;
    kind: LinkKind;
    since?: string | null;
    until?: string | null;
  }[];
  partnerships: readonly {
    id: string;
    name: string;
    districtId?: string | null;
    memberIds: readonly string[];
  }[];
  offerings: readonly {
    id: string;
    name: string;
    organisationId: string;
    category: OfferingCategory;
    languages: readonly string[];
  }[];
}
