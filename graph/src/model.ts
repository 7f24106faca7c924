/**
 * The fixed vocabulary of the graph (see docs/GLOSSARY.md). Cypher in `graph/` uses these names
 * literally; nothing builds a label or relationship type from input.
 */
export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

/** Every organisation has a sector; the three sporen have a tier as well. */
export const SECTORS = [
  'SOCIAL_BASE',
  'NEIGHBOURHOOD_TEAMS',
  'ADDITIONAL_CARE',
  'PRIMARY_CARE',
  'HOUSING_ASSOCIATION',
  'MUNICIPALITY',
  'RESEARCH_EDUCATION',
] as const;
export type Sector = (typeof SECTORS)[number];

export const TIER_OF_SECTOR: Record<Sector, Tier | null> = {
  SOCIAL_BASE: 1,
  NEIGHBOURHOOD_TEAMS: 2,
  ADDITIONAL_CARE: 3,
  PRIMARY_CARE: null,
  HOUSING_ASSOCIATION: null,
  MUNICIPALITY: null,
  RESEARCH_EDUCATION: null,
};

export const PARTNERSHIP_KINDS = ['CORE_TEAM', 'STEERING_GROUP', 'HEALTHY_DISTRICT_NETWORK'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const LINK_KINDS = [
  'COLLABORATION',
  'REFERRAL',
  'HANDOVER',
  'JOINT_MEETING',
  'JOINT_CONSULTATION',
  'JOINT_TRAINING',
  'FUNDING',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Where a link is known from: the public report, invented demo data, or entered by a user. */
export const LINK_SOURCES = ['REPORT', 'DEMO', 'USER', 'SYNTHETIC'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

export const OFFERING_CATEGORIES = [
  'BUDDY',
  'WALK_IN',
  'SPORT',
  'LANGUAGE',
  'DEBT_SUPPORT',
  'DAY_ACTIVITIES',
  'VOLUNTEERING',
  'PEER_SUPPORT',
  'GENERAL_PRACTICE',
  'MENTAL_HEALTH',
  'SHELTERED_LIVING',
  'HOUSING',
  'NEIGHBOURHOOD_SUPPORT',
  'YOUTH_FAMILY',
  'DISTRICT_NURSING',
  'MEALS',
] as const;
export type OfferingCategory = (typeof OFFERING_CATEGORIES)[number];

export const SUPPORT_KINDS = ['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const WISHES = ['MORE_CONTACT', 'LESS_CONTACT', 'NEW_CONTACT'] as const;
export type Wish = (typeof WISHES)[number];

/** How often the client is in touch with someone in their circle. */
export const CONTACT_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'FEW_TIMES_A_YEAR', 'RARELY'] as const;
export type ContactFrequency = (typeof CONTACT_FREQUENCIES)[number];

/**
 * Languages an offering is given in (BCP 47 tags). The report mentions help in Arabic, Turkish and
 * Moroccan languages; the list is what the wijkkaart's offering filter can find.
 */
export const LANGUAGES = ['nl', 'en', 'ar', 'ary', 'ber', 'tr', 'pl', 'ti', 'so', 'uk', 'fa', 'fr', 'es', 'pap'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The groups of the organisation network: the three sporen and "other" (organisations without a tier). */
export const SPOOR_GROUPS = ['TIER_1', 'TIER_2', 'TIER_3', 'OTHER'] as const;
export type SpoorGroup = (typeof SPOOR_GROUPS)[number];

/** The wijkkaart's signals (docs/WIJKKAART.md). Only MISSING_LINK is derived from client circles. */
export const WIJK_SIGNAL_CODES = [
  'MISSING_LINK',
  'TIER_ISLAND',
  'ISLAND',
  'FRAGILE_BROKER',
  'KEY_FIGURE_UNCONNECTED',
  'OVERLAP',
] as const;
export type WijkSignalCode = (typeof WIJK_SIGNAL_CODES)[number];

/** Where a coordinator's action stands. DONE and DROPPED are closed. */
export const WIJK_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type WijkActionStatus = (typeof WIJK_ACTION_STATUSES)[number];
