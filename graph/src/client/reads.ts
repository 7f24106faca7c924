import { bool, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, type Tx } from '../tx.js';

export interface ClientSummary {
  id: string;
  /** The name the client chose to be shown. */
  name: string;
  districtId: string | null;
  /** The open (not frozen) circle, if any. */
  currentCircleId: string | null;
  /** The client allows their circles to count in district analyses (default no). */
  analysisConsent: boolean;
}

function toClient(raw: Raw): ClientSummary {
  return {
    id: str(raw, 'id'),
    name: str(raw, 'name'),
    districtId: optStr(raw, 'districtId'),
    currentCircleId: optStr(raw, 'currentCircleId'),
    analysisConsent: bool(raw, 'analysisConsent'),
  };
}

const CLIENT_FIELDS = `c {.id, .name, .analysisConsent,
        districtId: COLLECT { MATCH (c)-[:LIVES_IN]->(d:District) RETURN d.id }[0],
        currentCircleId: COLLECT { MATCH (n:NetworkCircle)-[:OF]->(c) WHERE n.frozenAt IS NULL
                                   RETURN n.id ORDER BY n.createdAt DESC }[0]}`;

export async function findClient(tx: Tx, id: string): Promise<ClientSummary | undefined> {
  // CLIENT_FIELDS is a fixed projection; the id is a parameter.
  const record = await one<{ client: Raw }>(
    tx,
    `MATCH (c:Person:Client {id: $id})
     RETURN ${CLIENT_FIELDS} AS client`,
    { id },
  );
  return record ? toClient(record.client) : undefined;
}

export async function listClients(tx: Tx, skip: number, limit: number): Promise<Page<ClientSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `RETURN COUNT { (:Client) } AS total,
            COLLECT { MATCH (c:Client) WITH c ORDER BY c.name, c.id SKIP $skip LIMIT $limit
                      RETURN ${CLIENT_FIELDS} } AS page`,
    { skip, limit },
  );
  return toPage((record?.page ?? []).map(toClient), record?.total ?? 0, skip);
}

/** Clients by id, in one round trip (the clients a support worker holds grants for, say). */
export async function findClients(tx: Tx, ids: readonly string[], skip: number, limit: number): Promise<Page<ClientSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `MATCH (c:Person:Client) WHERE c.id IN $ids
     WITH c ORDER BY c.name, c.id
     WITH collect(c) AS found
     RETURN size(found) AS total,
            [c IN found[$skip..($skip + $limit)] | ${CLIENT_FIELDS}] AS page`,
    { ids, skip, limit },
  );
  return toPage((record?.page ?? []).map(toClient), record?.total ?? 0, skip);
}

/**
 * The client that one of these ids names: a client, one of their circles, or an entry in one of
 * them. For attributing a refused request to the client it was about (NEN 7513, issue 11); null
 * when none of the ids names anything of a client.
 */
export async function clientNamedBy(tx: Tx, ids: readonly string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const record = await one<{ clientId: string | null }>(
    tx,
    `UNWIND $ids AS id
     OPTIONAL MATCH (c:Person:Client {id: id})
     OPTIONAL MATCH (:NetworkCircle {id: id})-[:OF]->(nc:Client)
     WITH id, c, nc, COLLECT { MATCH (ec:Client)<-[:OF]-(:NetworkCircle)-[:PLACES {id: id}]->() RETURN ec.id }[0] AS ecId
     WITH coalesce(c.id, nc.id, ecId) AS clientId
     WHERE clientId IS NOT NULL
     RETURN clientId LIMIT 1`,
    { ids },
  );
  return record?.clientId ?? null;
}
