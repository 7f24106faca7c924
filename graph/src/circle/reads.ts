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

function circleQuery(withSignals: boolean): string {
  // Two fixed shapes of one query: the signals part reads the previous snapshot and the wijk's offers.
  const facts = withSignals ? `, ${FACTS_PROJECTION}` : '';
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
  return `MATCH (c:NetworkCircle {id: $id})-[:OF]->(client:Client)
     RETURN c {.id, .label, clientId: client.id, clientName: client.name, version: coalesce(c.version, 0),
       createdAt: toString(c.createdAt), frozenAt: toString(c.frozenAt), ties: coalesce(c.ties, []),
       entries: COLLECT {
         MATCH (c)-[p:PLACES]->(t)
         WITH p, t, ${EMPLOYER}
         RETURN p {${ENTRY_FIELDS}${facts}} AS entry
         ORDER BY entry.ring, entry.sector, entry.position
         LIMIT $maxEntries
       }${extra}} AS circle`;
}

const CIRCLE_QUERY = circleQuery(false);
const CIRCLE_WITH_SIGNALS_QUERY = circleQuery(true);
const SIGNAL_OFFER_CATEGORIES = OFFERING_CATEGORIES.filter((category) =>
  Object.values(OFFER_CATEGORIES).some((categories) => categories.includes(category)),
);

/**
 * One circle with its entries, ties and (when asked for) its signals, in one round trip. The
 * signal rules run here on what the same query read: the previous snapshot and the wijk's offers.
 */
export async function findCircle(tx: Tx, id: string, options: { signals?: boolean } = {}): Promise<NetworkCircle | undefined> {
  const withSignals = options.signals === true;
  const record = await one<{ circle: Raw }>(tx, withSignals ? CIRCLE_WITH_SIGNALS_QUERY : CIRCLE_QUERY, {
    id,
    maxEntries: MAX_ENTRIES,
    offerCategories: SIGNAL_OFFER_CATEGORIES,
  });
  if (!record) return undefined;
  const circle = toNetworkCircle(record.circle);
  return withSignals ? { ...circle, signals: computeSignals(toSignalInput(record.circle, circle, INNER_RINGS)) } : circle;
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
