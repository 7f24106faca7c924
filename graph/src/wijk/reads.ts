import {
  LINK_TUPLE,
  toDistrict,
  toKeyFigure,
  toLinkTuple,
  toOffering,
  toOrganisationSummary,
  toPartnership,
} from '../district/mappers.js';
import { list, oneOf, optOneOf, str, type Raw } from '../mappers.js';
import { LINK_KINDS, OFFERING_CATEGORIES, TIERS } from '../model.js';
import { one, rows, type Tx } from '../tx.js';
import { toWijkAction, WIJK_ACTION_FIELDS } from './mappers.js';
import type { WijkSignalInput } from './signal-types.js';
import type { DistrictFacts, WijkAction, WijkMap } from './types.js';

/**
 * At most this many missing links per wijk, those most clients share first: a coordinator can act on
 * a short list, and in a large city with many opted-in clients thousands of pairs reach K (measured:
 * 9,847 in the 100,000-client benchmark district).
 */
export const MAX_MISSING_LINKS = 25;

/** Upper bounds for one wijk's map (the synthetic benchmark district has 200 organisations and 2,000 links). */
export const WIJK_LIMITS = { organisations: 2_000, links: 20_000, keyFigures: 500, partnerships: 200, offerings: 5_000 };

// A link, membership or offering is valid on a date when it started (or no start is known) and has
// not yet ended: `(x.since IS NULL OR x.since <= at) AND (x.until IS NULL OR x.until > at)`, written out
// in each query so no Cypher is assembled from strings.

/**
 * The whole wijkkaart of one wijk on one date, in one round trip: organisations active in it, the
 * key figures who consented, every link valid on that date between two of them, the links recorded
 * for this wijk with an organisation elsewhere (which bring that organisation along, for the map's
 * edge), and offerings and partnerships as they stood then.
 */
const WIJK_MAP = `
MATCH (d:District) WHERE d.id = $key OR d.slug = $key
WITH d, date($at) AS at
// An ended organisation (issue 11) is on maps of dates before its end only.
CALL (d, at) {
  MATCH (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.until IS NULL OR o.until > at
  RETURN collect(o) AS inside
}
CALL (d) {
  MATCH (d)<-[:KEY_FIGURE_IN]-(k:KeyFigure) WHERE k.mapConsent = true
  RETURN collect(k) AS figures
}
CALL (d, at) {
  MATCH (d)<-[:ACTIVE_IN|KEY_FIGURE_IN]-(a)-[l:COLLABORATES_WITH]->(b)-[:ACTIVE_IN|KEY_FIGURE_IN]->(d)
  WHERE (l.since IS NULL OR l.since <= at) AND (l.until IS NULL OR l.until > at) AND (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true)
  RETURN collect(${LINK_TUPLE}) AS internal
}
// A link with an organisation elsewhere belongs to this map only when it was recorded for this wijk
// (an organisation active in several wijken has links that belong to the others). Found through the
// relationship index on recordedFor, not by looking at every link of every organisation here.
CALL (d, at) {
  MATCH (a)-[l:COLLABORATES_WITH {recordedFor: d.id}]->(b)
  WHERE (l.since IS NULL OR l.since <= at) AND (l.until IS NULL OR l.until > at)
  WITH l, a, b,
       (a)-[:ACTIVE_IN]->(d) OR (a.mapConsent = true AND (a)-[:KEY_FIGURE_IN]->(d)) AS aHere,
       (b)-[:ACTIVE_IN]->(d) OR (b.mapConsent = true AND (b)-[:KEY_FIGURE_IN]->(d)) AS bHere
  WITH l, a, b, aHere <> bHere AS across, CASE WHEN aHere THEN b ELSE a END AS other
  WHERE across AND other:Organisation AND (other.until IS NULL OR other.until > at)
  RETURN collect(${LINK_TUPLE}) AS external, collect(DISTINCT other) AS outside
}
RETURN d {.id, .name, .slug, .focus, partOfId: COLLECT { MATCH (d)-[:PART_OF]->(p:District) RETURN p.id }[0]} AS district,
  toString(at) AS at,
  [o IN inside | o {.id, .name, .slug, .tier, .sector}][..$limits.organisations] AS organisations,
  [o IN outside | o {.id, .name, .slug, .tier, .sector}] AS outsideOrganisations,
  [k IN figures | k {.id, .name, .description, districtId: d.id}][..$limits.keyFigures] AS keyFigures,
  (internal + external)[..$limits.links] AS links,
  COLLECT {
    MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)
    WHERE (f.since IS NULL OR f.since <= at) AND (f.until IS NULL OR f.until > at)
    RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f
  } AS offerings,
  COLLECT {
    MATCH (p:Partnership)
    WHERE (p.since IS NULL OR p.since <= at) AND (p.until IS NULL OR p.until > at)
      AND ((p)-[:IN]->(d) OR (NOT (p)-[:IN]->(:District) AND EXISTS { (p)<-[:MEMBER_OF]-(:Organisation)-[:ACTIVE_IN]->(d) }))
    RETURN p {.id, .name, .kind, districtId: COLLECT { MATCH (p)-[:IN]->(pd:District) RETURN pd.id }[0],
              memberIds: COLLECT { MATCH (p)<-[m:MEMBER_OF]-(o:Organisation) WHERE (m.since IS NULL OR m.since <= at) AND (m.until IS NULL OR m.until > at)
                                   RETURN DISTINCT o.id AS id ORDER BY id }} AS p
  } AS partnerships`;

const compareIds = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** One collator: `localeCompare` with a locale builds one per call (measured: a tenth of a map read). */
const dutch = new Intl.Collator('nl', { sensitivity: 'base' });
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  dutch.compare(a.name, b.name) || compareIds(a, b);

/**
 * The wijkkaart of a wijk (by id or slug) on a date (ISO), or undefined when there is no such wijk.
 * Lists are ordered and bounded here, not in Cypher: an ORDER BY … LIMIT inside a subquery makes
 * Neo4j reserve memory for the whole limit (measured: 13 MiB each for the benchmark district).
 */
export async function findWijkMap(tx: Tx, key: string, at: string): Promise<WijkMap | undefined> {
  const record = await one<Raw>(tx, WIJK_MAP, { key, at, limits: WIJK_LIMITS });
  if (!record) return undefined;
  const district = toDistrict(record['district'] as Raw);
  const keyFigures = list(record, 'keyFigures').map(toKeyFigure).sort(byName);
  const keyFigureIds = new Set(keyFigures.map((k) => k.id));
  return {
    district,
    at: str(record, 'at'),
    organisations: list(record, 'organisations').map(toOrganisationSummary).sort(byName),
    outsideOrganisations: list(record, 'outsideOrganisations').map(toOrganisationSummary).sort(byName),
    keyFigures,
    // Only this wijk's consenting key figures are on its map, so a link with one of them belongs to this wijk.
    links: (Array.isArray(record['links']) ? (record['links'] as unknown[]) : [])
      .map((tuple) => toLinkTuple(tuple, (id) => (keyFigureIds.has(id) ? district.id : undefined)))
      .sort(compareIds),
    offerings: list(record, 'offerings')
      .map(toOffering)
      .sort(
        (a, b) =>
          (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) || dutch.compare(a.name, b.name) || compareIds(a, b),
      )
      .slice(0, WIJK_LIMITS.offerings),
    partnerships: list(record, 'partnerships').map(toPartnership).sort(byName).slice(0, WIJK_LIMITS.partnerships),
  };
}

/**
 * What the wijk's signals are computed from, in one round trip: the network today (organisations
 * active in the wijk, consenting key figures, links valid today between them), the offerings, and
 * — only when `coServed` is given — the organisation pairs co-served by at least K clients.
 *
 * Co-served counting happens inside Neo4j and returns pairs only, never a number: it counts
 * clients who live in the wijk, have opted in to analysis, and whose open circle places both
 * organisations (docs/WIJKKAART.md; ../shared/domain/ANALYSIS.md). A pair below K is not returned,
 * nor a pair that has a link today; of the others the MAX_MISSING_LINKS most shared.
 */
const SIGNAL_INPUT = `
MATCH (d:District {id: $districtId})
WITH d, date($today) AS today
CALL (d, today) {
  WITH d, today WHERE $k IS NOT NULL
  MATCH (d)<-[:LIVES_IN]-(client:Client)<-[:OF]-(c:NetworkCircle)-[:PLACES]->(o:Organisation)-[:ACTIVE_IN]->(d)
  WHERE client.analysisConsent = true AND c.frozenAt IS NULL AND (o.until IS NULL OR o.until > today)
  WITH today, client, collect(DISTINCT o) AS organisations WHERE size(organisations) > 1
  UNWIND organisations AS x
  UNWIND organisations AS y
  WITH today, client, x, y WHERE x.id < y.id
  // One row per client and pair (organisations were collected per client), so count(*) counts clients.
  WITH today, x, y, count(*) AS clients WHERE clients >= $k
  // Pairs that already have a link are no gap. Of the rest, the ones most clients share come first,
  // and at most $maxPairs leave the database: the order says nothing below K, and no count leaves.
  WITH x, y, clients WHERE NOT EXISTS {
    MATCH (x)-[l:COLLABORATES_WITH]-(y) WHERE (l.since IS NULL OR l.since <= today) AND (l.until IS NULL OR l.until > today)
  }
  WITH x, y ORDER BY clients DESC, x.id, y.id LIMIT $maxPairs
  RETURN CASE WHEN $k IS NULL THEN null ELSE collect([x.id, y.id]) END AS coServedPairs
}
RETURN
  COLLECT { MATCH (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.until IS NULL OR o.until > today
            RETURN o {.id, .name, .tier, kind: 'ORGANISATION'} AS o } AS organisations,
  COLLECT { MATCH (d)<-[:KEY_FIGURE_IN]-(k:KeyFigure) WHERE k.mapConsent = true
            RETURN k {.id, .name, tier: null, kind: 'KEY_FIGURE'} AS k } AS keyFigures,
  COLLECT {
    MATCH (d)<-[:ACTIVE_IN|KEY_FIGURE_IN]-(a)-[l:COLLABORATES_WITH]->(b)-[:ACTIVE_IN|KEY_FIGURE_IN]->(d)
    WHERE (a:Organisation OR a.mapConsent = true) AND (b:Organisation OR b.mapConsent = true) AND (l.since IS NULL OR l.since <= today) AND (l.until IS NULL OR l.until > today)
    RETURN DISTINCT [l.id, a.id, b.id, l.kind] AS l
  } AS edges,
  COLLECT {
    MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)-[:ACTIVE_IN]->(d)
    WHERE (f.since IS NULL OR f.since <= today) AND (f.until IS NULL OR f.until > today)
    RETURN DISTINCT {organisationId: o.id, category: f.category} AS f
  } AS offerings,
  coServedPairs`;

/**
 * The input of `computeWijkSignals`. `k` null: the viewer may not see anything derived from client
 * circles in this wijk, so co-served pairs are not even counted.
 */
export async function wijkSignalInput(
  tx: Tx,
  districtId: string,
  today: string,
  k: number | null,
): Promise<WijkSignalInput | undefined> {
  const record = await one<Raw>(tx, SIGNAL_INPUT, { districtId, today, k, maxPairs: MAX_MISSING_LINKS });
  if (!record) return undefined;
  const pairs = record['coServedPairs'];
  return {
    nodes: [...list(record, 'organisations'), ...list(record, 'keyFigures')].map((n) => ({
      id: str(n, 'id'),
      name: str(n, 'name'),
      kind: n['kind'] === 'KEY_FIGURE' ? ('KEY_FIGURE' as const) : ('ORGANISATION' as const),
      tier: optOneOf(TIERS, n, 'tier'),
    })),
    edges: (Array.isArray(record['edges']) ? (record['edges'] as unknown[]) : []).map((tuple) => {
      const [id, fromId, toId, kind] = Array.isArray(tuple) ? (tuple as unknown[]) : [];
      return {
        id: str({ id }, 'id'),
        fromId: str({ fromId }, 'fromId'),
        toId: str({ toId }, 'toId'),
        kind: oneOf(LINK_KINDS, { kind }, 'kind'),
      };
    }),
    offerings: list(record, 'offerings').map((f) => ({
      organisationId: str(f, 'organisationId'),
      category: oneOf(OFFERING_CATEGORIES, f, 'category'),
    })),
    coServedPairs: Array.isArray(pairs) ? (pairs as [string, string][]) : null,
  };
}

/** A wijk's actions: open ones first (by due date), then closed ones (latest first). */
export async function listWijkActions(tx: Tx, districtId: string, limit = 500): Promise<WijkAction[]> {
  const found = await rows<{ a: Raw }>(
    tx,
    `MATCH (a:WijkAction)-[:IN]->(:District {id: $districtId})
     WITH a, a.status IN ['DONE', 'DROPPED'] AS closed
     ORDER BY closed, CASE WHEN closed THEN null ELSE a.due END, a.closedAt DESC, a.createdAt DESC, a.id
     LIMIT $limit
     RETURN a {${WIJK_ACTION_FIELDS}} AS a`,
    { districtId, limit },
  );
  return found.map((r) => toWijkAction(r.a));
}

/** One action by id. */
export async function findWijkAction(tx: Tx, id: string): Promise<WijkAction | undefined> {
  const record = await one<{ a: Raw }>(tx, `MATCH (a:WijkAction {id: $id}) RETURN a {${WIJK_ACTION_FIELDS}} AS a`, { id });
  return record ? toWijkAction(record.a) : undefined;
}

/** Every wijk's public facts for "Wijken vergelijken": organisations, links valid today between them, offerings. */
export async function districtFacts(tx: Tx, today: string): Promise<DistrictFacts[]> {
  const found = await rows<Raw>(
    tx,
    `MATCH (d:District)
     WITH d, date($today) AS today ORDER BY d.name
     RETURN d.id AS districtId,
       COLLECT { MATCH (d)<-[:ACTIVE_IN]-(o:Organisation) WHERE o.until IS NULL OR o.until > today RETURN o {.id, .tier} AS o } AS organisations,
       COLLECT { MATCH (d)<-[:ACTIVE_IN]-(a:Organisation)-[l:COLLABORATES_WITH]->(b:Organisation)-[:ACTIVE_IN]->(d)
                 WHERE (l.since IS NULL OR l.since <= today) AND (l.until IS NULL OR l.until > today)
                 RETURN {fromId: a.id, toId: b.id} AS l } AS links,
       COLLECT { MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)-[:ACTIVE_IN]->(d)
                 WHERE (f.since IS NULL OR f.since <= today) AND (f.until IS NULL OR f.until > today)
                 RETURN DISTINCT {category: f.category, organisationId: o.id} AS f } AS offerings`,
    { today },
  );
  return found.map((r) => ({
    districtId: str(r, 'districtId'),
    organisations: list(r, 'organisations').map((o) => ({ id: str(o, 'id'), tier: optOneOf(TIERS, o, 'tier') })),
    links: list(r, 'links').map((l) => ({ fromId: str(l, 'fromId'), toId: str(l, 'toId') })),
    offerings: list(r, 'offerings').map((f) => ({
      category: oneOf(OFFERING_CATEGORIES, f, 'category'),
      organisationId: str(f, 'organisationId'),
    })),
  }));
}
