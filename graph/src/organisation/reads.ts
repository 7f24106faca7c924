import { LINK_FIELDS, toDistrict, toLink, toOffering, toOrganisationSummary, toPartnership } from '../district/mappers.js';
import type { District, Link, OfferingSummary, OrganisationSummary, PartnershipSummary } from '../district/types.js';
import { list, optStr, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';

export interface OrganisationDetail extends OrganisationSummary {
  /** Whether tier and sector come from the report or are our classification (editable). */
  classification: string | null;
  note: string | null;
  districts: District[];
  partnerships: PartnershipSummary[];
  offerings: OfferingSummary[];
  /** Links in both directions; the other end is an organisation or a consenting key figure. */
  links: Link[];
}

const LIMIT = 2_000;

export async function findOrganisation(tx: Tx, key: string): Promise<OrganisationDetail | undefined> {
  const record = await one<{ o: Raw }>(
    tx,
    `MATCH (o:Organisation) WHERE o.id = $key OR o.slug = $key
     RETURN o {.id, .name, .slug, .tier, .sector, .classification, .note,
       districts: COLLECT { MATCH (o)-[:ACTIVE_IN]->(d:District)
                            RETURN d {.id, .name, .slug, .focus, partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p) RETURN p.id }[0]} AS d
                            ORDER BY d.name },
       partnerships: COLLECT { MATCH (o)-[om:MEMBER_OF]->(p:Partnership) WHERE om.until IS NULL OR om.until > date()
                               RETURN p {.id, .name, .kind, districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
                                         memberIds: COLLECT { MATCH (p)<-[r:MEMBER_OF]-(m:Organisation) WHERE r.until IS NULL OR r.until > date()
                                                              RETURN m.id ORDER BY m.name }} AS p
                               ORDER BY p.name },
       offerings: COLLECT { MATCH (o)-[:OFFERS]->(f:Offering)-[:IN]->(d:District)
                            RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f
                            ORDER BY f.category, f.name LIMIT $limit },
       links: COLLECT { MATCH (a)-[l:COLLABORATES_WITH]->(b) WHERE (a = o OR b = o)
                          AND (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true)
                        RETURN l {${LINK_FIELDS}} AS l
                        ORDER BY l.id LIMIT $limit }
     } AS o`,
    { key, limit: LIMIT },
  );
  if (!record) return undefined;
  const raw = record.o;
  return {
    ...toOrganisationSummary(raw),
    classification: optStr(raw, 'classification'),
    note: optStr(raw, 'note'),
    districts: list(raw, 'districts').map(toDistrict),
    partnerships: list(raw, 'partnerships').map(toPartnership),
    offerings: list(raw, 'offerings').map(toOffering),
    links: list(raw, 'links').map(toLink),
  };
}

/** Organisations by id, for the other ends of links. One round trip for any number of ids. */
export async function findOrganisationsByIds(tx: Tx, ids: readonly string[]): Promise<OrganisationSummary[]> {
  const found = await rows<{ o: Raw }>(
    tx,
    'UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN o {.id, .name, .slug, .tier, .sector} AS o',
    { ids },
  );
  return found.map((r) => toOrganisationSummary(r.o));
}

/** Organisations whose name contains `search` (case-insensitive), optionally only those active in a district. */
export async function searchOrganisations(
  tx: Tx,
  filter: { search?: string | null; districtId?: string | null },
  skip: number,
  limit: number,
): Promise<Page<OrganisationSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (o:Organisation)
     WHERE ($search IS NULL OR toLower(o.name) CONTAINS toLower($search))
       AND ($districtId IS NULL OR EXISTS { (o)-[:ACTIVE_IN]->(:District {id: $districtId}) })
     WITH o ORDER BY o.name
     WITH collect(o {.id, .name, .slug, .tier, .sector}) AS items
     RETURN items[$skip..$end] AS page, size(items) AS total`,
    { search: filter.search ?? null, districtId: filter.districtId ?? null, skip, end: skip + limit },
  );
  return toPage((record?.page ?? []).map(toOrganisationSummary), record?.total ?? 0, skip);
}

export interface OrganisationNear {
  organisation: OrganisationSummary;
  /** Active in the client's own wijk. */
  inClientDistrict: boolean;
}

/**
 * Organisations to add to a client's circle: those active in the client's wijk first, then the
 * rest of the city, each group by name. An empty search lists the wijk's organisations first.
 */
export async function searchOrganisationsNear(
  tx: Tx,
  clientId: string,
  search: string,
  limit: number,
): Promise<OrganisationNear[]> {
  const found = await rows<{ o: Raw; near: boolean }>(
    tx,
    `MATCH (client:Person:Client {id: $clientId})
     OPTIONAL MATCH (client)-[:LIVES_IN]->(d:District)
     MATCH (o:Organisation)
     WHERE toLower(o.name) CONTAINS toLower($search)
     WITH o, d IS NOT NULL AND EXISTS { (o)-[:ACTIVE_IN]->(d) } AS near
     RETURN o {.id, .name, .slug, .tier, .sector} AS o, near
     ORDER BY near DESC, o.name
     LIMIT $limit`,
    { clientId, search, limit },
  );
  return found.map((r) => ({ organisation: toOrganisationSummary(r.o), inClientDistrict: r.near }));
}
