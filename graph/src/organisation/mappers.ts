import { bool, list, num, oneOf, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { LANGUAGES, OFFERING_CATEGORIES, PARTNERSHIP_KINDS, SECTORS, TIERS, type Language } from '../model.js';
import type { DistrictRecord, MembershipRecord, OfferingRecord, OrganisationRecord, PartnershipRecord } from './types.js';

export function toOrganisationRecord(raw: Raw): OrganisationRecord {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    slug: str(raw, 'slug'),
    tier: optOneOf(TIERS, raw, 'tier'),
    sector: oneOf(SECTORS, raw, 'sector'),
    note: optStr(raw, 'note'),
    until: optStr(raw, 'until'),
    mergedIntoId: optStr(raw, 'mergedIntoId'),
    mergedAt: optStr(raw, 'mergedAt'),
    districtIds: strList(raw, 'districtIds'),
  };
}

export function toOfferingRecord(raw: Raw): OfferingRecord {
  return {
    id: str(raw, 'id'),
    organisationId: str(raw, 'organisationId'),
    districtId: str(raw, 'districtId'),
    category: oneOf(OFFERING_CATEGORIES, raw, 'category'),
    name: str(raw, 'name'),
    languages: strList(raw, 'languages').filter((code): code is Language => (LANGUAGES as readonly string[]).includes(code)),
    since: optStr(raw, 'since'),
    until: optStr(raw, 'until'),
  };
}

export function toMembershipRecord(raw: Raw): MembershipRecord {
  return {
    partnershipId: str(raw, 'partnershipId'),
    organisationId: str(raw, 'organisationId'),
    organisationName: str(raw, 'organisationName'),
    since: optStr(raw, 'since'),
    until: optStr(raw, 'until'),
  };
}

export function toDistrictRecord(raw: Raw): DistrictRecord {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    slug: str(raw, 'slug'),
    focus: raw['focus'] === null || raw['focus'] === undefined ? false : bool(raw, 'focus'),
    partOfId: optStr(raw, 'partOfId'),
    until: optStr(raw, 'until'),
    organisationCount: num(raw, 'organisationCount'),
  };
}

export function toPartnershipRecord(raw: Raw): PartnershipRecord {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    kind: oneOf(PARTNERSHIP_KINDS, raw, 'kind'),
    districtId: optStr(raw, 'districtId'),
    since: optStr(raw, 'since'),
    until: optStr(raw, 'until'),
    members: list(raw, 'members').map(toMembershipRecord),
  };
}
