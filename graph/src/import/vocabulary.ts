import {
  LANGUAGES,
  LINK_KINDS,
  OFFERING_CATEGORIES,
  PARTNERSHIP_KINDS,
  SECTORS,
  type Language,
  type LinkKind,
  type LinkSource,
  type OfferingCategory,
  type PartnershipKind,
  type Sector,
  type Tier,
} from '../model.js';

/**
 * The words a sociale-kaart file may use (docs/SOCIALE-KAART.md lists them). Each value is written
 * in Dutch, as the web app shows it; the English code of the model is accepted as well. Matching
 * ignores case, accents, spaces and punctuation (`normalise`).
 */

/** The key of a name: lower case, no accents, words joined by `-` (the way organisation slugs are made). */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const IMPORT_KINDS = ['ORGANISATION', 'OFFERING', 'PARTNERSHIP', 'MEMBERSHIP', 'LINK'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The `soort` column. */
export const KIND_NAMES: Readonly<Record<ImportKind, string>> = {
  ORGANISATION: 'organisatie',
  OFFERING: 'aanbod',
  PARTNERSHIP: 'samenwerkingsverband',
  MEMBERSHIP: 'lid',
  LINK: 'koppeling',
};

export const SECTOR_NAMES: Readonly<Record<Sector, string>> = {
  SOCIAL_BASE: 'sociale basis',
  NEIGHBOURHOOD_TEAMS: 'buurtteams',
  ADDITIONAL_CARE: 'aanvullende zorg',
  PRIMARY_CARE: 'eerstelijnszorg',
  HOUSING_ASSOCIATION: 'woningcorporatie',
  MUNICIPALITY: 'gemeente',
  RESEARCH_EDUCATION: 'onderzoek en onderwijs',
};

/** Other spellings people use for a sector. */
const SECTOR_ALIASES: Readonly<Record<string, Sector>> = {
  buurtteam: 'NEIGHBOURHOOD_TEAMS',
  eerstelijn: 'PRIMARY_CARE',
  'eerstelijns-zorg': 'PRIMARY_CARE',
  woningcorporaties: 'HOUSING_ASSOCIATION',
  'onderzoek-onderwijs': 'RESEARCH_EDUCATION',
};

/** The sector of a spoor (model.TIER_OF_SECTOR read the other way). */
export const SECTOR_OF_TIER: Readonly<Record<Tier, Sector>> = {
  1: 'SOCIAL_BASE',
  2: 'NEIGHBOURHOOD_TEAMS',
  3: 'ADDITIONAL_CARE',
};

export const PARTNERSHIP_KIND_NAMES: Readonly<Record<PartnershipKind, string>> = {
  CORE_TEAM: 'kernteam',
  STEERING_GROUP: 'regiegroep',
  HEALTHY_DISTRICT_NETWORK: 'gezonde-wijknetwerk',
};

export const LINK_KIND_NAMES: Readonly<Record<LinkKind, string>> = {
  COLLABORATION: 'samenwerking',
  REFERRAL: 'doorverwijzing',
  HANDOVER: 'overdracht',
  JOINT_MEETING: 'gezamenlijk overleg',
  JOINT_CONSULTATION: 'gezamenlijk spreekuur',
  JOINT_TRAINING: 'gezamenlijke training',
  FUNDING: 'financiering',
};

export const OFFERING_CATEGORY_NAMES: Readonly<Record<OfferingCategory, string>> = {
  BUDDY: 'maatje',
  WALK_IN: 'inloop',
  SPORT: 'sport',
  LANGUAGE: 'taal',
  DEBT_SUPPORT: 'hulp bij geldzaken',
  DAY_ACTIVITIES: 'dagbesteding',
  VOLUNTEERING: 'vrijwilligerswerk',
  PEER_SUPPORT: 'lotgenoten',
  GENERAL_PRACTICE: 'huisarts',
  MENTAL_HEALTH: 'psychische hulp',
  SHELTERED_LIVING: 'beschermd wonen',
  HOUSING: 'wonen',
  NEIGHBOURHOOD_SUPPORT: 'hulp in de buurt',
  YOUTH_FAMILY: 'jeugd en gezin',
  DISTRICT_NURSING: 'wijkverpleging',
  MEALS: 'samen eten',
};

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  ary: 'Marokkaans-Arabisch',
  ber: 'Berbers',
  tr: 'Turks',
  pl: 'Pools',
  ti: 'Tigrinya',
  so: 'Somalisch',
  uk: 'Oekraïens',
  fa: 'Perzisch',
  fr: 'Frans',
  es: 'Spaans',
  pap: 'Papiaments',
};

const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = { tamazight: 'ber', 'berbers-tamazight': 'ber', farsi: 'fa' };

/** Where a link is known from. Demo and synthetic links come from the seed only, never from a file. */
export const IMPORT_LINK_SOURCES = ['USER', 'REPORT'] as const satisfies readonly LinkSource[];
export type ImportLinkSource = (typeof IMPORT_LINK_SOURCES)[number];
export const LINK_SOURCE_NAMES: Readonly<Record<ImportLinkSource, string>> = { USER: 'eigen kennis', REPORT: 'rapport' };
const LINK_SOURCE_ALIASES: Readonly<Record<string, ImportLinkSource>> = { gebruiker: 'USER', eigen: 'USER' };

function lookup<K extends string>(
  names: Readonly<Record<K, string>>,
  codes: readonly K[],
  aliases: Readonly<Record<string, K>> = {},
): (value: string) => K | undefined {
  const table = new Map<string, K>();
  for (const code of codes) {
    table.set(normalise(names[code]), code);
    table.set(normalise(code), code);
  }
  for (const [alias, code] of Object.entries(aliases)) table.set(normalise(alias), code);
  return (value) => table.get(normalise(value));
}

export const findKind = lookup(KIND_NAMES, IMPORT_KINDS, {
  organisaties: 'ORGANISATION',
  link: 'LINK',
  lidmaatschap: 'MEMBERSHIP',
});
export const findSector = lookup(SECTOR_NAMES, SECTORS, SECTOR_ALIASES);
export const findPartnershipKind = lookup(PARTNERSHIP_KIND_NAMES, PARTNERSHIP_KINDS, {
  'gezonde-wijk-netwerk': 'HEALTHY_DISTRICT_NETWORK',
});
export const findLinkKind = lookup(LINK_KIND_NAMES, LINK_KINDS);
export const findCategory = lookup(OFFERING_CATEGORY_NAMES, OFFERING_CATEGORIES);
export const findLanguage = lookup(LANGUAGE_NAMES, LANGUAGES, LANGUAGE_ALIASES);
export const findLinkSource = lookup(LINK_SOURCE_NAMES, IMPORT_LINK_SOURCES, LINK_SOURCE_ALIASES);

/** `1`, `spoor 1`, `spoor1` → 1. */
export function findTier(value: string): Tier | undefined {
  const match = /^(?:spoor)?-?([123])$/.exec(normalise(value));
  return match ? (Number(match[1]) as Tier) : undefined;
}
