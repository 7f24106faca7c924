import { bool, list, num, oneOf, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { LANGUAGES, OFFERING_CATEGORIES, PARTNERSHIP_KINDS, SECTORS, TIERS, type Language } from '../model.js';
import type { DistrictRecord, MembershipRecord, OfferingRecord, OrganisationRecord, PartnershipRecord } from './types.js';

/** The projection `toOrganisationRecord` reads (`o` the organisation). */
export const ORGANISATION_RECORD_FIELDS = `.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name }`;

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

/** `f` the offering, `o` its organisation, `d` its wijk. */
export const OFFERING_RECORD_FIELDS = `.id, organisationId: o.id, districtId: d.id, .category, .name, .languages,
  since: toString(f.since), until: toString(f.until)`;

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

/** `d` the district; `today` a date in scope. */
export const DISTRICT_RECORD_FIELDS = `.id, .name, .slug, .focus, until: toString(d.until),
  partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p:District) RETURN p.id }[0],
  organisationCount: COUNT { (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > today) }`;

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

/** `p` the partnership. */
export const PARTNERSHIP_RECORD_FIELDS = `.id, .name, .kind, since: toString(p.since), until: toString(p.until),
  districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
  members: COLLECT { MATCH (p)<-[m:MEMBER_OF]-(mo:Organisation)
                     RETURN {partnershipId: p.id, organisationId: mo.id, organisationName: mo.name,
                             since: toString(m.since), until: toString(m.until)} AS m
                     ORDER BY m.until IS NOT NULL, m.organisationName }`;

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
