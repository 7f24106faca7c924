import { type Raw } from '../mappers.js';
import { one, rows, type Tx } from '../tx.js';
import { toCircleSummary, toNetworkCircle } from './mappers.js';
import type { CircleSummary, NetworkCircle } from './types.js';

/** A circle has at most this many entries; the read is bounded by it. */
export const MAX_ENTRIES = 200;

const CIRCLE_FIELDS = `c {.id, .label, clientId: client.id, clientName: client.name,
        createdAt: toString(c.createdAt), frozenAt: toString(c.frozenAt)`;

/** One circle with all its entries and what they point at, in one round trip. */
export async function findCircle(tx: Tx, id: string): Promise<NetworkCircle | undefined> {
  const record = await one<{ circle: Raw }>(
    tx,
    `MATCH (c:NetworkCircle {id: $id})-[:OF]->(client:Client)
     RETURN ${CIRCLE_FIELDS},
       entries: COLLECT {
         MATCH (c)-[p:PLACES]->(t)
         WITH p, t, head([(t)-[:WORKS_AT]->(employer:Organisation) | employer.id]) AS employerId
         RETURN p {.id, .ring, .sector, .position, .relation, .support, .safetyNet, .wish, .note,
           target: CASE WHEN t:Organisation
             THEN t {kind: 'ORGANISATION', .id, .name, .slug, .tier, .sector}
             ELSE t {kind: 'PERSON', .id, .name, professional: employerId IS NOT NULL, organisationId: employerId}
           END} AS entry
         ORDER BY entry.ring, entry.sector, entry.position
         LIMIT $maxEntries
       }} AS circle`,
    { id, maxEntries: MAX_ENTRIES },
  );
  return record ? toNetworkCircle(record.circle) : undefined;
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
