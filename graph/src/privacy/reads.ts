import { bool, num, optStr, str, strList, type Raw } from '../mappers.js';
import { one, rows, type Tx } from '../tx.js';

export interface CirclePersonMatch {
  id: string;
  name: string;
  /** The client in whose circles this person appears (never shown to an admin; used for the audit record). */
  clientId: string;
  circleCount: number;
  /** What the client calls them (at most three different words), to tell two people of one name apart. */
  relations: string[];
  /** The wijk of the client in whose circles they appear. */
  districtName: string | null;
  /** The months (YYYY-MM) of the first and the last circle they appear in. */
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * People who exist only in circles (CONTACT_OF a client) whose name contains `name`: how an admin
 * finds, for example, a neighbour who asks to be removed from every circle.
 */
export async function findCirclePeople(tx: Tx, name: string, limit: number): Promise<CirclePersonMatch[]> {
  const found = await rows<{ p: Raw }>(
    tx,
    `MATCH (p:Person)-[:CONTACT_OF]->(c:Client)
     WHERE toLower(p.name) CONTAINS toLower($name)
     RETURN p {.id, .name, clientId: c.id, circleCount: COUNT { (p)<-[:PLACES]-(:NetworkCircle) },
       relations: COLLECT { MATCH (p)<-[q:PLACES]-(:NetworkCircle) WHERE q.relation IS NOT NULL RETURN DISTINCT q.relation ORDER BY q.relation LIMIT 3 },
       districtName: head(COLLECT { MATCH (c)-[:LIVES_IN]->(d:District) RETURN d.name }),
       firstSeen: head(COLLECT { MATCH (p)<-[:PLACES]-(n:NetworkCircle) RETURN substring(toString(n.createdAt), 0, 7) AS m ORDER BY m LIMIT 1 }),
       lastSeen: head(COLLECT { MATCH (p)<-[:PLACES]-(n:NetworkCircle)
                                RETURN substring(toString(coalesce(n.frozenAt, n.createdAt)), 0, 7) AS m ORDER BY m DESC LIMIT 1 })} AS p
     ORDER BY p.name, p.id
     LIMIT $limit`,
    { name, limit },
  );
  return found.map(({ p }) => ({
    id: str(p, 'id'),
    name: str(p, 'name'),
    clientId: str(p, 'clientId'),
    circleCount: num(p, 'circleCount'),
    relations: strList(p, 'relations'),
    districtName: optStr(p, 'districtName'),
    firstSeen: optStr(p, 'firstSeen'),
    lastSeen: optStr(p, 'lastSeen'),
  }));
}

export interface ClientDataExport {
  client: { id: string; name: string; districtId: string | null; analysisConsent: boolean; analysisConsentAt: string | null };
  circleIds: string[];
  contacts: { id: string; name: string }[];
}

/** The client's own node and what hangs off it; circles and grants are read with their own functions. */
export async function clientDataForExport(tx: Tx, clientId: string): Promise<ClientDataExport | undefined> {
  const record = await one<{ c: Raw }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})
     RETURN c {.id, .name, .analysisConsent, .analysisConsentAt,
       districtId: COLLECT { MATCH (c)-[:LIVES_IN]->(d:District) RETURN d.id }[0],
       circleIds: COLLECT { MATCH (n:NetworkCircle)-[:OF]->(c) RETURN n.id ORDER BY n.createdAt },
       contacts: COLLECT { MATCH (p:Person)-[:CONTACT_OF]->(c) RETURN p {.id, .name} ORDER BY p.name }} AS c`,
    { clientId },
  );
  if (!record) return undefined;
  const c = record.c;
  return {
    client: {
      id: str(c, 'id'),
      name: str(c, 'name'),
      districtId: optStr(c, 'districtId'),
      analysisConsent: bool(c, 'analysisConsent'),
      analysisConsentAt: optStr(c, 'analysisConsentAt'),
    },
    circleIds: (c.circleIds as string[] | null) ?? [],
    contacts: ((c.contacts as Raw[] | null) ?? []).map((p) => ({ id: str(p, 'id'), name: str(p, 'name') })),
  };
}
