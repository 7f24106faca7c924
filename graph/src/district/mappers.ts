import { bool, list, num, oneOf, optNum, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { LINK_KINDS, LINK_SOURCES, OFFERING_CATEGORIES, PARTNERSHIP_KINDS, SECTORS, TIERS } from '../model.js';
import type {
  District,
  DistrictNetwork,
  KeyFigureSummary,
  Link,
  OfferingSummary,
  OrganisationSummary,
  PartnershipSummary,
} from './types.js';

export function toDistrict(raw: Raw): District {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    slug: str(raw, 'slug'),
    focus: bool(raw, 'focus'),
    partOfId: optStr(raw, 'partOfId'),
  };
}

export function toOrganisationSummary(raw: Raw): OrganisationSummary {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    slug: str(raw, 'slug'),
    tier: optOneOf(TIERS, raw, 'tier'),
    sector: oneOf(SECTORS, raw, 'sector'),
  };
}

export function toPartnership(raw: Raw): PartnershipSummary {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    kind: oneOf(PARTNERSHIP_KINDS, raw, 'kind'),
    districtId: optStr(raw, 'districtId'),
    memberIds: strList(raw, 'memberIds'),
  };
}

export function toKeyFigure(raw: Raw): KeyFigureSummary {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    description: optStr(raw, 'description'),
    districtId: str(raw, 'districtId'),
  };
}

export function toOffering(raw: Raw): OfferingSummary {
  return {
    id: str(raw, 'id'),
    category: oneOf(OFFERING_CATEGORIES, raw, 'category'),
    name: str(raw, 'name'),
    organisationId: str(raw, 'organisationId'),
    districtId: str(raw, 'districtId'),
    languages: strList(raw, 'languages'),
  };
}

/**
 * A link's map projection (`l` the relationship, `a` and `b` its start and end). `privateDistrictIds`
 * names the wijk of a key figure at either end: such a link is visible only where the key figure is.
 */
export const LINK_FIELDS = `.id, fromId: a.id, toId: b.id, .kind, since: toString(l.since), until: toString(l.until),
  .strength, .source, .note,
  privateDistrictIds: COLLECT { UNWIND [a, b] AS x MATCH (x:KeyFigure)-[:KEY_FIGURE_IN]->(kd:District) RETURN DISTINCT kd.id }`;

export function toLink(raw: Raw): Link {
  return {
    id: str(raw, 'id'),
    fromId: str(raw, 'fromId'),
    toId: str(raw, 'toId'),
    kind: oneOf(LINK_KINDS, raw, 'kind'),
    since: optStr(raw, 'since'),
    until: optStr(raw, 'until'),
    strength: optNum(raw, 'strength'),
    source: oneOf(LINK_SOURCES, raw, 'source'),
    note: optStr(raw, 'note'),
    privateDistrictIds: strList(raw, 'privateDistrictIds'),
  };
}

export function toDistrictNetwork(raw: Raw): DistrictNetwork {
  const network: DistrictNetwork = toDistrict(raw);
  if ('organisations' in raw) network.organisations = list(raw, 'organisations').map(toOrganisationSummary);
  if ('organisationCount' in raw) network.organisationCount = num(raw, 'organisationCount');
  if ('partnerships' in raw) network.partnerships = list(raw, 'partnerships').map(toPartnership);
  if ('keyFigures' in raw) network.keyFigures = list(raw, 'keyFigures').map(toKeyFigure);
  if ('links' in raw) network.links = list(raw, 'links').map(toLink);
  if ('offerings' in raw) network.offerings = list(raw, 'offerings').map(toOffering);
  return network;
}
