import { OFFERING_CATEGORIES } from '../model.js';
import { type Raw } from '../mappers.js';
import { one, rows, type Tx } from '../tx.js';
import { toCircleSummary, toNetworkCircle, toSignalInput } from './mappers.js';
import { computeSignals, OFFER_CATEGORIES } from './signals.js';
import type { CircleSummary, NetworkCircle } from './types.js';

/** A circle has at most this many entries; the read is bounded by it. */
export const MAX_ENTRIES = 200;

/** Rings 1 and 2 are "the inner rings" of the signal rules. */
export const INNER_RINGS = 2;

/**
 * The fields of one entry `p` placing target `t`, with `employer` bound (a professional's
 * organisation, or null). Shared by the circle read and by every write that answers with an entry.
 */
export const ENTRY_FIELDS = `.id, .ring, .sector, .position, .relation, .support, .safetyNet, .wish, .note,
           .frequency, version: coalesce(p.version, 0),
           target: CASE WHEN t:Organisation
             THEN t {kind: 'ORGANISATION', .id, .name, .slug, .tier, .sector}
             ELSE t {kind: 'PERSON', .id, .name, professional: employer IS NOT NULL, organisationId: employer.id,
               ownContact: EXISTS { (t)-[:CONTACT_OF]->(:Client) }}
           END`;

/** What the signal rules need about an entry's target: tier and offers of the organisation or employer. */
const FACTS_PROJECTION = `facts: CASE
             WHEN t:Organisation THEN {tier: t.tier, organisationId: t.id, organisationName: t.name,
               categories: COLLECT { MATCH (t)-[:OFFERS]->(o:Offering) RETURN DISTINCT o.category }}
             WHEN employer IS NOT NULL THEN {tier: employer.tier, organisationId: employer.id, organisationName: employer.name,
               categories: COLLECT { MATCH (employer)-[:OFFERS]->(o:Offering) RETURN DISTINCT o.category }}
             ELSE null END`;

export const EMPLOYER = `head(COLLECT { MATCH (t)-[:WORKS_AT]->(e:Organisation) RETURN e ORDER BY e.name }) AS employer`;

/**
 * What a circle read fetches besides the entries' own fields (issue 13: the statement is shaped
 * from what the operation selects, as the Neo4j GraphQL Library does). A person's employer
 * (`professional`, `organisation`) and whether they are the client's own contact each cost a
 * subquery per entry; when not asked for they read as false and null, and no resolver shows them.
 */
export interface CircleShape {
  signals: boolean;
  employer: boolean;
  ownContact: boolean;
}

/** Everything: for callers that hand the whole circle on (exports, comparisons, snapshots). */
export const FULL_CIRCLE: CircleShape = { signals: false, employer: true, ownContact: true };

const PERSON_TARGET = {
  employer: 'professional: employer IS NOT NULL, organisationId: employer.id',
  noEmployer: 'professional: false, organisationId: null',
  ownContact: 'ownContact: EXISTS { (t)-[:CONTACT_OF]->(:Client) }',
  noOwnContact: 'ownContact: false',
};

function circleQuery(shape: CircleShape): string {
  const withSignals = shape.signals;
  const employer = shape.employer || withSignals;
  const person = [
    "t {kind: 'PERSON', .id, .name",
    employer ? PERSON_TARGET.employer : PERSON_TARGET.noEmployer,
    shape.ownContact ? PERSON_TARGET.ownContact : PERSON_TARGET.noOwnContact,
  ].join(', ');
  const entry = [
    '.id, .ring, .sector, .position, .relation, .support, .safetyNet, .wish, .note, .frequency, version: coalesce(p.version, 0)',
    `target: CASE WHEN t:Organisation THEN t {kind: 'ORGANISATION', .id, .name, .slug, .tier, .sector} ELSE ${person}} END`,
    ...(withSignals ? [FACTS_PROJECTION] : []),
  ].join(',\n           ');
  const bind = employer ? `WITH p, t, ${EMPLOYER}` : 'WITH p, t';
  // Signals read the previous snapshot and the wijk's offers. Entries come unordered and bounded
  // (a write keeps a circle within MAX_ENTRIES) and are ordered in `findCircle`: an ORDER BY … LIMIT
  // inside the subquery costs Neo4j a sort and a reservation for the whole limit on every read.
  const extra = withSignals
    ? `,
       previous: head(COLLECT {
         MATCH (client)<-[:OF]-(prev:NetworkCircle)
         WHERE prev.frozenAt IS NOT NULL AND prev <> c AND (c.frozenAt IS NULL OR prev.frozenAt < c.frozenAt)
         RETURN {frozenAt: toString(prev.frozenAt), rings: COLLECT { MATCH (prev)-[q:PLACES]->() RETURN q.ring }} AS prev
         ORDER BY prev.frozenAt DESC LIMIT 1
       }),
       offers: COLLECT {
         MATCH (client)-[:LIVES_IN]->(:District)<-[:IN]-(o:Offering)<-[:OFFERS]-(org:Organisation)
         WHERE o.category IN $offerCategories
         RETURN DISTINCT {organisationId: org.id, organisationName: org.name, category: o.category} AS offer
         ORDER BY offer.organisationName LIMIT 200
       }`
    : '';
  return [
    'MATCH (c:NetworkCircle {id: $id})-[:OF]->(client:Client)',
    'RETURN c {.id, .label, clientId: client.id, clientName: client.name, version: coalesce(c.version, 0),',
    '  createdAt: toString(c.createdAt), frozenAt: toString(c.frozenAt), ties: coalesce(c.ties, []),',
    `  entries: COLLECT { MATCH (c)-[p:PLACES]->(t) ${bind} RETURN p {${entry}} AS entry }[..$maxEntries]${extra}} AS circle`,
  ].join('\n     ');
}

/** One statement text per shape (eight at most), built once. */
const circleQueries = new Map<string, string>();

function circleQueryFor(shape: CircleShape): string {
  const key = `${String(shape.signals)}${String(shape.employer)}${String(shape.ownContact)}`;
  let query = circleQueries.get(key);
  if (!query) {
    query = circleQuery(shape);
    circleQueries.set(key, query);
  }
  return query;
}

const SIGNAL_OFFER_CATEGORIES = OFFERING_CATEGORIES.filter((category) =>
  Object.values(OFFER_CATEGORIES).some((categories) => categories.includes(category)),
);

/** Ring, sector, position: the order the circle is drawn and listed in (plain string order for the sector, as Cypher's). */
function byPlace(a: Raw, b: Raw): number {
  const ring = Number(a.ring) - Number(b.ring);
  if (ring !== 0) return ring;
  const sa = String(a.sector);
  const sb = String(b.sector);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return Number(a.position) - Number(b.position);
}

/**
 * One circle with its entries, ties and (when asked for) its signals, in one round trip. The
 * signal rules run here on what the same query read: the previous snapshot and the wijk's offers.
 * `shape` says what else to read (see CircleShape); by default everything but the signals.
 */
export async function findCircle(tx: Tx, id: string, options: Partial<CircleShape> = {}): Promise<NetworkCircle | undefined> {
  const shape: CircleShape = { ...FULL_CIRCLE, ...options };
  const record = await one<{ circle: Raw }>(tx, circleQueryFor(shape), {
    id,
    maxEntries: MAX_ENTRIES,
    ...(shape.signals ? { offerCategories: SIGNAL_OFFER_CATEGORIES } : {}),
  });
  if (!record) return undefined;
  // Sorted before mapping, so the signal input (by index) and the entries stay aligned.
  const entries = record.circle.entries;
  if (Array.isArray(entries)) (entries as Raw[]).sort(byPlace);
  const circle = toNetworkCircle(record.circle);
  return shape.signals ? { ...circle, signals: computeSignals(toSignalInput(record.circle, circle, INNER_RINGS)) } : circle;
}

/** The snapshots of one client, newest first. */
export async function listCircles(tx: Tx, clientId: string): Promise<CircleSummary[]> {
  const found = await rows<{ circle: Raw }>(
    tx,
    `MATCH (c:NetworkCircle)-[:OF]->(client:Person:Client {id: $clientId})
     RETURN c {.id, .label, clientId: client.id, createdAt: toString(c.createdAt), frozenAt: toString(c.frozenAt)} AS circle
     ORDER BY c.createdAt DESC
     LIMIT 500`,
    { clientId },
  );
  return found.map((r) => toCircleSummary(r.circle));
}

/** The owner and state of a circle: what an edit must know before it may run (access, frozen). */
export async function circleOwner(tx: Tx, id: string): Promise<{ clientId: string; frozen: boolean } | undefined> {
  const record = await one<{ clientId: string; frozen: boolean }>(
    tx,
    `MATCH (c:NetworkCircle {id: $id})-[:OF]->(client:Client)
     RETURN client.id AS clientId, c.frozenAt IS NOT NULL AS frozen`,
    { id },
  );
  return record;
}
