import type { LinkKind, LinkSource, OfferingCategory, PartnershipKind, Sector, Tier } from '../model.js';

export interface District {
  id: string;
  name: string;
  slug: string;
  /** One of the four focus wijken of Thuis in je Wijk. */
  focus: boolean;
  /** Kanaleneiland is part of Zuidwest but the programme treats it as a wijk. */
  partOfId: string | null;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  slug: string;
  tier: Tier | null;
  sector: Sector;
}

export interface PartnershipSummary {
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
  memberIds: string[];
}

export interface KeyFigureSummary {
  id: string;
  name: string;
  description: string | null;
  districtId: string;
}

export interface OfferingSummary {
  id: string;
  category: OfferingCategory;
  name: string;
  organisationId: string;
  districtId: string;
  /** Languages it is given in (BCP 47 tags from model.LANGUAGES). */
  languages: string[];
}

/** A COLLABORATES_WITH link. Either end is an organisation or a key figure. */
export interface Link {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  since: string | null;
  until: string | null;
  strength: number | null;
  source: LinkSource;
  note: string | null;
  /** The wijken of key figures at either end (empty between organisations): the access policy keeps such a link in its wijk. */
  privateDistrictIds: string[];
}

export interface DistrictNetwork extends District {
  organisations?: OrganisationSummary[];
  organisationCount?: number;
  partnerships?: PartnershipSummary[];
  keyFigures?: KeyFigureSummary[];
  links?: Link[];
  offerings?: OfferingSummary[];
}

export interface DistrictInclude {
  organisations?: boolean;
  partnerships?: boolean;
  keyFigures?: boolean;
  links?: boolean;
  offerings?: boolean;
  organisationCount?: boolean;
}
