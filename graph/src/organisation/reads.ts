import { toDistrict, toLink, toOffering, toOrganisationSummary, toPartnership } from '../district/mappers.js';
import type { District, Link, OfferingSummary, OrganisationSummary, PartnershipSummary } from '../district/types.js';
import { list, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import { toMembershipRecord, toOfferingRecord, toOrganisationRecord } from './mappers.js';
import type { MergeCounts, OrganisationRecord, OrganisationRecordDetail } from './types.js';

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

/** The parts of an organisation's detail that `findOrganisationParts` loads, one kind at a time. */
export interface OrganisationParts {
  notes: { classification: string | null; note: string | null };
  districts: District[];
  partnerships: PartnershipSummary[];
  offerings: OfferingSummary[];
  links: Link[];
}

export type OrganisationPart = keyof OrganisationParts;

/** An organisation with the parts of its detail that were asked for (issue 13: a read fetches only those). */
export type OrganisationShaped = OrganisationSummary &
  Partial<Omit<OrganisationParts, 'notes'>> &
  Partial<OrganisationParts['notes']>;

/** A merged record's id or slug leads to the record it was merged into (issue 11): `o` is that record. */
const RESOLVE_MERGED = `OPTIONAL MATCH (found)-[:MERGED_INTO*1..20]->(into:Organisation) WHERE into.mergedInto IS NULL
     WITH key, coalesce(into, found) AS o`;

/** Each list part of one organisation `o`, as one fixed Cypher expression. */
const PART_VALUES: Record<Exclude<OrganisationPart, 'notes'>, string> = {
  districts: `COLLECT { MATCH (o)-[:ACTIVE_IN]->(d:District)
                           RETURN d {.id, .name, .slug, .focus, partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p) RETURN p.id }[0]} AS d
                           ORDER BY d.name }`,
  partnerships: `COLLECT { MATCH (o)-[om:MEMBER_OF]->(p:Partnership) WHERE om.until IS NULL OR om.until > date()
                           RETURN p {.id, .name, .kind, districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
                                     memberIds: COLLECT { MATCH (p)<-[r:MEMBER_OF]-(m:Organisation) WHERE r.until IS NULL OR r.until > date()
                                                          RETURN m.id ORDER BY m.name }} AS p
                           ORDER BY p.name }`,
  offerings: `COLLECT { MATCH (o)-[:OFFERS]->(f:Offering)-[:IN]->(d:District)
                           RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f
                           ORDER BY f.category, f.name LIMIT $limit }`,
  // From the organisation outwards (not every link of the database, filtered): a link's ends are its start and end node.
  links: `COLLECT { MATCH (o)-[rel:COLLABORATES_WITH]-()
                           WITH DISTINCT rel AS l
                           WITH l, startNode(l) AS a, endNode(l) AS b
                           WHERE (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true)
                           RETURN l {.id, fromId: a.id, toId: b.id, .kind, since: toString(l.since), until: toString(l.until),
                                     .strength, .source, .note,
                                     privateDistrictIds: COLLECT { UNWIND [a, b] AS x MATCH (x:KeyFigure)-[:KEY_FIGURE_IN]->(kd:District)
                                                                   RETURN DISTINCT kd.id }} AS l
                           ORDER BY l.id LIMIT $limit }`,
};

const LIST_PARTS = Object.keys(PART_VALUES) as (keyof typeof PART_VALUES)[];

function detailQuery(include: ReadonlySet<OrganisationPart>): string {
  const fields = ['.id, .name, .slug, .tier, .sector'];
  if (include.has('notes')) fields.push('.classification, .note');
  for (const part of LIST_PARTS) if (include.has(part)) fields.push(`${part}: ${PART_VALUES[part]}`);
  return [
    'MATCH (found:Organisation) WHERE found.id = $key OR found.slug = $key',
    'WITH found, $key AS key',
    RESOLVE_MERGED,
    `RETURN o {${fields.join(',\n       ')}} AS o`,
  ].join('\n     ');
}

const ALL_PARTS: ReadonlySet<OrganisationPart> = new Set(['notes', ...LIST_PARTS]);
/** One statement text per set of parts (at most 32), built once. */
const detailQueries = new Map<string, string>();

/**
 * One organisation by id or slug with the parts of its detail that were asked for (all when not
 * said), in one round trip. A part not asked for is absent from the value.
 */
export async function findOrganisation(tx: Tx, key: string): Promise<OrganisationDetail | undefined>;
export async function findOrganisation(
  tx: Tx,
  key: string,
  include: ReadonlySet<OrganisationPart>,
): Promise<OrganisationShaped | undefined>;
export async function findOrganisation(
  tx: Tx,
  key: string,
  include: ReadonlySet<OrganisationPart> = ALL_PARTS,
): Promise<OrganisationShaped | undefined> {
  const cacheKey = [...include].sort().join(',');
  let query = detailQueries.get(cacheKey);
  if (!query) {
    query = detailQuery(include);
    detailQueries.set(cacheKey, query);
  }
  const record = await one<{ o: Raw }>(tx, query, { key, limit: LIMIT });
  if (!record) return undefined;
  const raw = record.o;
  const found: OrganisationShaped = toOrganisationSummary(raw);
  if (include.has('notes')) {
    found.classification = optStr(raw, 'classification');
    found.note = optStr(raw, 'note');
  }
  if (include.has('districts')) found.districts = list(raw, 'districts').map(toDistrict);
  if (include.has('partnerships')) found.partnerships = list(raw, 'partnerships').map(toPartnership);
  if (include.has('offerings')) found.offerings = list(raw, 'offerings').map(toOffering);
  if (include.has('links')) found.links = list(raw, 'links').map(toLink);
  return found;
}

/**
 * One statement per part, for any number of organisations (issue 12: a list of 100 wijken with
 * their organisations' links asked one statement per organisation). Each row is the key asked for
 * and its value; a merged record's id leads to the record it was merged into, as in `findOrganisation`.
 */
const PART_QUERIES: Record<OrganisationPart, string> = {
  notes: [
    'UNWIND $ids AS key',
    'MATCH (found:Organisation {id: key})',
    RESOLVE_MERGED,
    'RETURN key, o.classification AS classification, o.note AS note',
  ].join('\n     '),
  districts: partQuery('districts'),
  partnerships: partQuery('partnerships'),
  offerings: partQuery('offerings'),
  links: partQuery('links'),
};

function partQuery(part: keyof typeof PART_VALUES): string {
  return [
    'UNWIND $ids AS key',
    'MATCH (found:Organisation {id: key})',
    RESOLVE_MERGED,
    `RETURN key, ${PART_VALUES[part]} AS value`,
  ].join('\n     ');
}

/** From one row of the part's statement. */
const PART_MAPPERS: { [P in OrganisationPart]: (row: Raw) => OrganisationParts[P] } = {
  notes: (row) => ({ classification: optStr(row, 'classification'), note: optStr(row, 'note') }),
  districts: (row) => list(row, 'value').map(toDistrict),
  partnerships: (row) => list(row, 'value').map(toPartnership),
  offerings: (row) => list(row, 'value').map(toOffering),
  links: (row) => list(row, 'value').map(toLink),
};

/**
 * One part of the detail of organisations by id, in one round trip for any number of ids: the
 * API's per-request batch (DataLoader) for organisations listed without their detail. Unknown ids
 * are left out of the map.
 */
export async function findOrganisationParts<P extends OrganisationPart>(
  tx: Tx,
  ids: readonly string[],
  part: P,
): Promise<Map<string, OrganisationParts[P]>> {
  const found = await rows<Raw>(tx, PART_QUERIES[part], { ids, limit: LIMIT });
  const map: (row: Raw) => OrganisationParts[P] = PART_MAPPERS[part];
  return new Map(found.map((row) => [str(row, 'key'), map(row)]));
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

/** Current organisations (not ended, not merged) whose name contains `search` (case-insensitive), optionally only those active in a district. */
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
       AND o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())
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
     WHERE toLower(o.name) CONTAINS toLower($search) AND o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())
     WITH o, d IS NOT NULL AND EXISTS { (o)-[:ACTIVE_IN]->(d) } AS near
     RETURN o {.id, .name, .slug, .tier, .sector} AS o, near
     ORDER BY near DESC, o.name
     LIMIT $limit`,
    { clientId, search, limit },
  );
  return found.map((r) => ({ organisation: toOrganisationSummary(r.o), inClientDistrict: r.near }));
}

// ---------------------------------------------------------------------------------------------
// Administration (issue 11)
// ---------------------------------------------------------------------------------------------

/** Records by id, ended and merged ones too, in one round trip (in no particular order). */
export async function findOrganisationRecords(tx: Tx, ids: readonly string[]): Promise<OrganisationRecord[]> {
  const found = await rows<{ o: Raw }>(
    tx,
    `UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN o {.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name }} AS o`,
    { ids },
  );
  return found.map((r) => toOrganisationRecord(r.o));
}

/** One record with all its offerings and memberships, ended ones too (the administration's detail). */
export async function findOrganisationRecord(tx: Tx, id: string): Promise<OrganisationRecordDetail | undefined> {
  const record = await one<{ o: Raw }>(
    tx,
    `MATCH (o:Organisation {id: $id})
     RETURN o {.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name },
       offerings: COLLECT { MATCH (o)-[:OFFERS]->(f:Offering)-[:IN]->(d:District)
                            RETURN f {.id, organisationId: o.id, districtId: d.id, .category, .name, .languages,
  since: toString(f.since), until: toString(f.until)} AS f
                            ORDER BY f.until IS NOT NULL, f.category, f.name LIMIT $limit },
       memberships: COLLECT { MATCH (o)-[m:MEMBER_OF]->(p:Partnership)
                              RETURN {partnershipId: p.id, partnershipName: p.name, organisationId: o.id, organisationName: o.name,
                                      since: toString(m.since), until: toString(m.until)} AS m
                              ORDER BY m.until IS NOT NULL, m.partnershipName LIMIT $limit }
     } AS o`,
    { id, limit: LIMIT },
  );
  if (!record) return undefined;
  return {
    ...toOrganisationRecord(record.o),
    offerings: list(record.o, 'offerings').map(toOfferingRecord),
    memberships: list(record.o, 'memberships').map((m) => ({
      ...toMembershipRecord(m),
      partnershipName: typeof m['partnershipName'] === 'string' ? m['partnershipName'] : '',
    })),
  };
}

export interface OrganisationRecordFilter {
  search: string | null;
  districtId: string | null;
  /** Also ended and merged records. */
  includeEnded: boolean;
  /** ISO date: a record ended on or before it counts as ended. */
  today: string;
}

/** The administration's list: by name, current ones only unless `includeEnded`. */
export async function listOrganisationRecords(
  tx: Tx,
  filter: OrganisationRecordFilter,
  skip: number,
  limit: number,
): Promise<Page<OrganisationRecord>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (o:Organisation)
     WHERE ($search IS NULL OR toLower(o.name) CONTAINS toLower($search) OR o.slug CONTAINS toLower($search))
       AND ($includeEnded OR (o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date($today))))
       AND ($districtId IS NULL OR EXISTS { (o)-[:ACTIVE_IN]->(:District {id: $districtId}) })
     WITH o ORDER BY toLower(o.name), o.id
     WITH collect(o) AS matched
     RETURN [o IN matched[$skip..$end] | o {.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name }}] AS page, size(matched) AS total`,
    {
      search: filter.search,
      districtId: filter.districtId,
      includeEnded: filter.includeEnded,
      today: filter.today,
      skip,
      end: skip + limit,
    },
  );
  return toPage((record?.page ?? []).map(toOrganisationRecord), record?.total ?? 0, skip);
}

/**
 * What merging `duplicateId` into `keepId` would move, counted as `mergeOrganisations` moves it,
 * for the confirmation. Circle entries are not counted: a count of clients' circles is a figure
 * derived from circles, which the administration does not get. undefined when either is unknown.
 */
export async function organisationMergePreview(
  tx: Tx,
  duplicateId: string,
  keepId: string,
): Promise<{ duplicate: OrganisationRecord; keep: OrganisationRecord; counts: MergeCounts } | undefined> {
  const record = await one<{ d: Raw; k: Raw } & MergeCounts>(
    tx,
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     WITH d, k,
       COLLECT { MATCH (d)-[l:COLLABORATES_WITH]-(x) WHERE x <> k
                 RETURN EXISTS { MATCH (k)-[kl:COLLABORATES_WITH]-(x)
                                 WHERE kl.kind = l.kind
                                   AND (kl.since IS NULL OR l.until IS NULL OR kl.since <= l.until)
                                   AND (l.since IS NULL OR kl.until IS NULL OR l.since <= kl.until) } AS shared } AS links
     RETURN COLLECT { WITH d AS o RETURN o {.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name }} }[0] AS d,
       COLLECT { WITH k AS o RETURN o {.id, .name, .slug, .tier, .sector, .note, until: toString(o.until),
  mergedIntoId: o.mergedInto, mergedAt: toString(o.mergedAt),
  districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(od:District) RETURN od.id ORDER BY od.name }} }[0] AS k,
       size([s IN links WHERE NOT s]) AS links,
       size([s IN links WHERE s]) AS sharedLinks,
       COUNT { (d)-[:COLLABORATES_WITH]-(k) } AS selfLinks,
       COUNT { (d)-[:OFFERS]->(:Offering) } AS offerings,
       COUNT { (d)-[:MEMBER_OF]->(:Partnership) } AS memberships,
       COUNT { (d)-[:ACTIVE_IN]->(x:District) WHERE NOT (k)-[:ACTIVE_IN]->(x) } AS districts,
       COUNT { (d)<-[:WORKS_AT]-(:Person) } AS employees,
       COUNT { (d)<-[:ABOUT]-(:WijkAction) } AS actions`,
    { duplicateId, keepId },
  );
  if (!record) return undefined;
  const { d, k, ...counts } = record;
  return { duplicate: toOrganisationRecord(d), keep: toOrganisationRecord(k), counts };
}

/** The record an id stands for now: itself, or the record it was (in turn) merged into; undefined when unknown. */
export async function resolveOrganisationId(tx: Tx, id: string): Promise<string | undefined> {
  const record = await one<{ id: string }>(
    tx,
    `MATCH (found:Organisation {id: $id})
     OPTIONAL MATCH (found)-[:MERGED_INTO*1..20]->(into:Organisation) WHERE into.mergedInto IS NULL
     RETURN coalesce(into, found).id AS id`,
    { id },
  );
  return record?.id;
}
