import { type Raw } from '../mappers.js';
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
 */
const PARTS: Record<keyof DistrictInclude, string> = {
  organisations: `organisations: COLLECT {
      MATCH (d)<-[:ACTIVE_IN]-(o:Organisation)
      RETURN o {.id, .name, .slug, .tier, .sector} AS o ORDER BY o.name LIMIT $limits.organisations }`,
  organisationCount: 'organisationCount: COUNT { (d)<-[:ACTIVE_IN]-(:Organisation) }',
  partnerships: `partnerships: COLLECT {
      MATCH (d)<-[:IN]-(p:Partnership)
      RETURN p {.id, .name, .kind, districtId: d.id,
                memberIds: COLLECT { MATCH (p)<-[r:MEMBER_OF]-(m:Organisation) WHERE r.until IS NULL OR r.until > date()
                                RETURN m.id ORDER BY m.name }} AS p
      ORDER BY p.name LIMIT $limits.partnerships }`,
  keyFigures: `keyFigures: COLLECT {
      MATCH (d)<-[:KEY_FIGURE_IN]-(k:KeyFigure) WHERE k.mapConsent = true
      RETURN k {.id, .name, .description, districtId: d.id} AS k ORDER BY k.name LIMIT $limits.keyFigures }`,
  links: `links: COLLECT {
      MATCH (d)<-[:ACTIVE_IN|KEY_FIGURE_IN]-(a)-[l:COLLABORATES_WITH]->(b)-[:ACTIVE_IN|KEY_FIGURE_IN]->(d)
      WHERE (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true)
        AND (l.since IS NULL OR l.since <= date()) AND (l.until IS NULL OR l.until > date())
      RETURN l {${LINK_FIELDS}} AS l
      ORDER BY l.id LIMIT $limits.links }`,
  offerings: `offerings: COLLECT {
      MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)
      RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f
      ORDER BY f.category, f.name LIMIT $limits.offerings }`,
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

export async function listDistricts(tx: Tx, skip: number, limit: number): Promise<Page<District>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (d:District)
     WITH d ORDER BY d.name
     WITH collect(${DISTRICT_FIELDS}}) AS items
     RETURN items[$skip..$end] AS page, size(items) AS total`,
    { skip, end: skip + limit },
  );
  return toPage((record?.page ?? []).map(toDistrict), record?.total ?? 0, skip);
}
