import { DomainError } from '../errors.js';
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

/**
 * The same as LINK_FIELDS, as a list: a big map (a wijk has thousands of links) then decodes one
 * string per value instead of two (key and value); measured, the driver's decoding was most of the
 * cost of a wijkkaart read. `toLinkTuple` reads it.
 */
export const LINK_TUPLE = `[l.id, a.id, b.id, l.kind, toString(l.since), toString(l.until), l.strength, l.source, l.note]`;

const isString = (value: unknown): value is string => typeof value === 'string';
const isOptString = (value: unknown): value is string | null => value === null || typeof value === 'string';

/**
 * Reads LINK_TUPLE. Checked as strictly as `toLink`, without building a map first (a hot path).
 * The caller knows which key figures the links may touch and names their wijk.
 */
export function toLinkTuple(tuple: unknown, keyFigureDistrict: (id: string) => string | undefined): Link {
  const bad = (): never => {
    throw new DomainError('INTEGRITY', `Unexpected link: ${JSON.stringify(tuple)}`);
  };
  if (!Array.isArray(tuple) || tuple.length !== 9) return bad();
  const [id, fromId, toId, kind, since, until, strength, source, note] = tuple as unknown[];
  if (!isString(id) || !isString(fromId) || !isString(toId) || !isOptString(since) || !isOptString(until)) return bad();
  if (!(LINK_KINDS as readonly unknown[]).includes(kind) || !(LINK_SOURCES as readonly unknown[]).includes(source)) return bad();
  if (!(strength === null || typeof strength === 'number') || !isOptString(note)) return bad();
  const privateDistrictIds = [...new Set([keyFigureDistrict(fromId), keyFigureDistrict(toId)])].filter(isString);
  return {
    id,
    fromId,
    toId,
    kind: kind as Link['kind'],
    since,
    until,
    strength,
    source: source as Link['source'],
    note,
    privateDistrictIds,
  };
}

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

/** Plain string order, as Cypher's ORDER BY on strings had it (UTF-16 code units). */
function byKeys<T>(...keys: ((item: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** The lists come unordered from Cypher (see PARTS in reads.ts) and are ordered here. */
export function toDistrictNetwork(raw: Raw): DistrictNetwork {
  const network: DistrictNetwork = toDistrict(raw);
  if ('organisations' in raw)
    network.organisations = list(raw, 'organisations')
      .map(toOrganisationSummary)
      .sort(byKeys((o) => o.name));
  if ('organisationCount' in raw) network.organisationCount = num(raw, 'organisationCount');
  if ('partnerships' in raw)
    network.partnerships = list(raw, 'partnerships')
      .map(toPartnership)
      .sort(byKeys((p) => p.name));
  if ('keyFigures' in raw)
    network.keyFigures = list(raw, 'keyFigures')
      .map(toKeyFigure)
      .sort(byKeys((k) => k.name));
  if ('links' in raw)
    network.links = list(raw, 'links')
      .map(toLink)
      .sort(byKeys((l) => l.id));
  if ('offerings' in raw)
    network.offerings = list(raw, 'offerings')
      .map(toOffering)
      .sort(
        byKeys(
          (f) => f.category,
          (f) => f.name,
        ),
      );
  return network;
}
