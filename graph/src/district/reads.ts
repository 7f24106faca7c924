import { type Raw } from '../mappers.js';
import { toDistrictRecord, toPartnershipRecord } from '../organisation/mappers.js';
import type { DistrictRecord, PartnershipRecord } from '../organisation/types.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import { LINK_FIELDS, toDistrict, toDistrictNetwork } from './mappers.js';
import type { District, DistrictInclude, DistrictNetwork } from './types.js';

/** Upper bounds for the lists of one district's network (the wijkkaart draws all of it). */
export const NETWORK_LIMITS = { organisations: 2_000, links: 20_000, keyFigures: 500, partnerships: 200, offerings: 5_000 };

const DISTRICT_FIELDS = 'd {.id, .name, .slug, .focus, partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p:District) RETURN p.id }[0]';

/**
 * The parts of a district's network, each a fixed Cypher fragment. The query for one operation
 * is assembled from the parts the operation asks for, so a wijk page costs one round trip.
 * Lists are bounded here and ordered in `toDistrictNetwork`, not with ORDER BY … LIMIT inside the
 * subquery: Neo4j reserves memory for the whole limit of each, and organisations with links of a
 * district of 200 organisations ran out of the transaction memory limit that way (issue 13; the
 * wijkkaart's read does the same, see graph/src/wijk/reads.ts).
 */
const PARTS: Record<keyof DistrictInclude, string> = {
  organisations: `organisations: COLLECT {
      MATCH (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.until IS NULL OR o.until > date()
      RETURN o {.id, .name, .slug, .tier, .sector} AS o }[..$limits.organisations]`,
  organisationCount: 'organisationCount: COUNT { (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.until IS NULL OR o.until > date() }',
  partnerships: `partnerships: COLLECT {
      MATCH (d)<-[:IN]-(p:Partnership) WHERE p.until IS NULL OR p.until > date()
      RETURN p {.id, .name, .kind, districtId: d.id,
                memberIds: COLLECT { MATCH (p)<-[r:MEMBER_OF]-(m:Organisation) WHERE r.until IS NULL OR r.until > date()
                                RETURN m.id ORDER BY m.name }} AS p }[..$limits.partnerships]`,
  keyFigures: `keyFigures: COLLECT {
      MATCH (d)<-[:KEY_FIGURE_IN]-(k:KeyFigure) WHERE k.mapConsent = true
      RETURN k {.id, .name, .description, districtId: d.id} AS k }[..$limits.keyFigures]`,
  links: `links: COLLECT {
      MATCH (d)<-[:ACTIVE_IN|KEY_FIGURE_IN]-(a)-[l:COLLABORATES_WITH]->(b)-[:ACTIVE_IN|KEY_FIGURE_IN]->(d)
      WHERE (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true)
        AND (l.since IS NULL OR l.since <= date()) AND (l.until IS NULL OR l.until > date())
      RETURN l {${LINK_FIELDS}} AS l }[..$limits.links]`,
  offerings: `offerings: COLLECT {
      MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)
      RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f }[..$limits.offerings]`,
};

export function districtNetworkCypher(include: DistrictInclude): string {
  const parts = (Object.keys(PARTS) as (keyof DistrictInclude)[])
    .filter((part) => include[part] === true)
    .map((part) => PARTS[part]);
  const projection = [DISTRICT_FIELDS, ...parts].join(',\n    ');
  return [
    'UNWIND $keys AS key',
    'MATCH (d:District)',
    'WHERE d.id = key OR d.slug = key',
    `RETURN ${projection}} AS district`,
  ].join('\n');
}

/** Districts by id or slug, with the parts of their networks that were asked for, in one round trip. */
export async function findDistricts(tx: Tx, keys: readonly string[], include: DistrictInclude = {}): Promise<DistrictNetwork[]> {
  const found = await rows<{ district: Raw }>(tx, districtNetworkCypher(include), { keys, limits: NETWORK_LIMITS });
  return found.map((record) => toDistrictNetwork(record.district));
}

export async function findDistrict(tx: Tx, key: string, include: DistrictInclude = {}): Promise<DistrictNetwork | undefined> {
  const [district] = await findDistricts(tx, [key], include);
  return district;
}

/** Current wijken (an ended one is left out; issue 11), by name. */
export async function listDistricts(tx: Tx, skip: number, limit: number): Promise<Page<District>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (d:District) WHERE d.until IS NULL OR d.until > date()
     WITH d ORDER BY d.name
     WITH collect(${DISTRICT_FIELDS}}) AS items
     RETURN items[$skip..$end] AS page, size(items) AS total`,
    { skip, end: skip + limit },
  );
  return toPage((record?.page ?? []).map(toDistrict), record?.total ?? 0, skip);
}

// ---------------------------------------------------------------------------------------------
// Administration (issue 11)
// ---------------------------------------------------------------------------------------------

/** Every wijk, ended ones too when asked, by name (a city has tens, so one page of at most `limit`). */
export async function listDistrictRecords(
  tx: Tx,
  filter: { includeEnded: boolean; today: string },
  skip: number,
  limit: number,
): Promise<Page<DistrictRecord>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (d:District)
     WHERE $includeEnded OR d.until IS NULL OR d.until > date($today)
     WITH d, date($today) AS today ORDER BY toLower(d.name), d.id
     WITH collect(d {.id, .name, .slug, .focus, until: toString(d.until),
  partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p:District) RETURN p.id }[0],
  organisationCount: COUNT { (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > today) }}) AS items
     RETURN items[$skip..$end] AS page, size(items) AS total`,
    { includeEnded: filter.includeEnded, today: filter.today, skip, end: skip + limit },
  );
  return toPage((record?.page ?? []).map(toDistrictRecord), record?.total ?? 0, skip);
}

/** Partnerships with all their memberships (past ones too), ended partnerships when asked, by name. */
export async function listPartnershipRecords(
  tx: Tx,
  filter: { includeEnded: boolean; today: string; districtId: string | null },
  skip: number,
  limit: number,
): Promise<Page<PartnershipRecord>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (p:Partnership)
     WHERE ($includeEnded OR p.until IS NULL OR p.until > date($today))
       AND ($districtId IS NULL OR EXISTS { (p)-[:IN]->(:District {id: $districtId}) })
     WITH p ORDER BY toLower(p.name), p.id
     WITH collect(p) AS matched
     RETURN [p IN matched[$skip..$end] | p {.id, .name, .kind, since: toString(p.since), until: toString(p.until),
  districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
  members: COLLECT { MATCH (p)<-[m:MEMBER_OF]-(mo:Organisation)
                     RETURN {partnershipId: p.id, organisationId: mo.id, organisationName: mo.name,
                             since: toString(m.since), until: toString(m.until)} AS m
                     ORDER BY m.until IS NOT NULL, m.organisationName }}] AS page, size(matched) AS total`,
    { includeEnded: filter.includeEnded, today: filter.today, districtId: filter.districtId, skip, end: skip + limit },
  );
  return toPage((record?.page ?? []).map(toPartnershipRecord), record?.total ?? 0, skip);
}

export async function findDistrictRecord(tx: Tx, id: string, today: string): Promise<DistrictRecord | undefined> {
  const record = await one<{ d: Raw }>(
    tx,
    `MATCH (d:District {id: $id}) WITH d, date($today) AS today RETURN d {.id, .name, .slug, .focus, until: toString(d.until),
  partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p:District) RETURN p.id }[0],
  organisationCount: COUNT { (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > today) }} AS d`,
    { id, today },
  );
  return record ? toDistrictRecord(record.d) : undefined;
}

export async function findPartnershipRecord(tx: Tx, id: string): Promise<PartnershipRecord | undefined> {
  const record = await one<{ p: Raw }>(
    tx,
    `MATCH (p:Partnership {id: $id}) RETURN p {.id, .name, .kind, since: toString(p.since), until: toString(p.until),
  districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
  members: COLLECT { MATCH (p)<-[m:MEMBER_OF]-(mo:Organisation)
                     RETURN {partnershipId: p.id, organisationId: mo.id, organisationName: mo.name,
                             since: toString(m.since), until: toString(m.until)} AS m
                     ORDER BY m.until IS NOT NULL, m.organisationName }} AS p`,
    {
      id,
    },
  );
  return record ? toPartnershipRecord(record.p) : undefined;
}
