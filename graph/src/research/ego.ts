import { createHmac } from 'node:crypto';
import { rows, stream, type Tx } from '../tx.js';
import { csvLine } from '../csv.js';

/**
 * The pseudonymised ego-network export in the three tables R's egor reads (`egor(alters, egos,
 * aaties)` with its default ID names egoID, alterID, Source, Target). One ego per circle of an
 * opted-in client (the open circle and every snapshot), so a study can follow a client over time
 * through `clientID`. Nothing in it names a person: free-text relations become a fixed category.
 */
export const EGO_COLUMNS = ['egoID', 'clientID', 'wave', 'created', 'wijk', 'alters', 'ties'] as const;
export const ALTER_COLUMNS = [
  'egoID',
  'alterID',
  'kind',
  'relation',
  'ring',
  'circleSector',
  'support',
  'safetyNet',
  'tier',
  'organisationSector',
] as const;
export const TIE_COLUMNS = ['egoID', 'Source', 'Target'] as const;

export const RELATION_CATEGORIES = [
  'PARTNER',
  'PARENT',
  'CHILD',
  'SIBLING',
  'OTHER_FAMILY',
  'FRIEND',
  'NEIGHBOUR',
  'FELLOW_CLIENT',
  'GENERAL_PRACTITIONER',
  'PROFESSIONAL',
  'ORGANISATION',
  'OTHER',
] as const;
export type RelationCategory = (typeof RELATION_CATEGORIES)[number];

const WORDS: [RegExp, RelationCategory][] = [
  [/huisarts|\bdokter\b/i, 'GENERAL_PRACTITIONER'],
  [/partner|echtgeno|\bvrouw\b|\bman\b|vriendin van mij|geliefde/i, 'PARTNER'],
  [/moeder|vader|\bma\b|\bpa\b|mama|papa|ouder/i, 'PARENT'],
  [/zoon|dochter|\bkind/i, 'CHILD'],
  [/\bzus|\bbroer/i, 'SIBLING'],
  [/oma|opa|tante|oom|neef|nicht|schoon|familie/i, 'OTHER_FAMILY'],
  [/buur/i, 'NEIGHBOUR'],
  [/lotgeno|medecli|medebewoner/i, 'FELLOW_CLIENT'],
  [/vriend|maat|kennis|collega/i, 'FRIEND'],
];

/** A fixed category for a free-text relation: the text itself never leaves (it may hold a name). */
export function relationCategory(
  relation: string | null,
  circleSector: string,
  organisation: boolean,
  professional: boolean,
): RelationCategory {
  if (organisation) return 'ORGANISATION';
  const found = relation === null ? undefined : WORDS.find(([pattern]) => pattern.test(relation))?.[1];
  if (professional) return found === 'GENERAL_PRACTITIONER' ? found : 'PROFESSIONAL';
  if (found && found !== 'GENERAL_PRACTITIONER') return found;
  if (circleSector === 'FAMILY') return 'OTHER_FAMILY';
  if (circleSector === 'FELLOW_CLIENTS') return 'FELLOW_CLIENT';
  if (circleSector === 'FRIENDS_NEIGHBOURS') return 'FRIEND';
  return 'OTHER';
}

/** YYYY-MM of an ISO date-time: every date in the export is coarsened to its month. */
export const monthOf = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 7));

export class Pseudonymiser {
  constructor(
    private readonly key: string,
    private readonly salt: string,
  ) {}

  /** HMAC-SHA-256(key, salt ∥ kind ∥ value), 20 hex characters (80 bits): no collision in any city. */
  of(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${this.salt}\u0000${kind}\u0000${value}`).digest('hex').slice(0, 20);
  }
}

// One circle of an opted-in client per record; each table's statement reads only what it needs.
// A circle's ties always name two of its own entries (removing an entry removes its ties; a snapshot
// copies them with the entries), so their number is the number of alter–alter rows.
const EGO_QUERY = `
MATCH (client:Client)-[:LIVES_IN]->(d:District)
WHERE client.analysisConsent = true
MATCH (client)<-[:OF]-(c:NetworkCircle)
RETURN client.id AS clientId, c.id AS circleId, d.name AS districtName, toString(c.createdAt) AS createdAt,
  toString(c.frozenAt) AS frozenAt, COUNT { (c)-[:PLACES]->() } AS alters, size(coalesce(c.ties, [])) AS ties`;

const ALTER_QUERY = `
MATCH (client:Client)-[:LIVES_IN]->(:District)
WHERE client.analysisConsent = true
MATCH (client)<-[:OF]-(c:NetworkCircle)
RETURN client.id AS clientId, c.id AS circleId, COLLECT {
    MATCH (c)-[p:PLACES]->(t)
    WITH p, t, CASE WHEN t:Organisation THEN t ELSE head(COLLECT { MATCH (t)-[:WORKS_AT]->(e:Organisation) RETURN e ORDER BY e.name }) END AS org
    RETURN [t.id, p.ring, p.sector, coalesce(p.support, []), coalesce(p.safetyNet, false), t:Organisation, org IS NOT NULL,
            org.tier, CASE WHEN t:Organisation THEN t.sector ELSE null END, p.relation] AS entry
  } AS entries`;

const TIE_QUERY = `
MATCH (client:Client)-[:LIVES_IN]->(:District)
WHERE client.analysisConsent = true
MATCH (client)<-[:OF]-(c:NetworkCircle)
WHERE size(coalesce(c.ties, [])) > 0
RETURN client.id AS clientId, c.id AS circleId, c.ties AS ties,
  COLLECT { MATCH (c)-[p:PLACES]->(t) RETURN [p.id, t.id] } AS targets`;

/** Opted-in clients per wijk: a wijk is named in the export only where at least K of them live. */
const WIJK_SIZES = `
MATCH (client:Client)-[:LIVES_IN]->(d:District)
WHERE client.analysisConsent = true AND EXISTS { (client)<-[:OF]-(:NetworkCircle) }
RETURN d.name AS name, count(client) AS clients`;

export const EGO_TABLES = ['egos', 'alters', 'aaties'] as const;
export type EgoTable = (typeof EGO_TABLES)[number];

/** A tie's two entries, as alter ids; a tie whose entry is gone is left out. */
function tiePairs(ties: readonly string[], alterOfEntry: ReadonlyMap<string, string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const tie of ties) {
    const [a, b] = tie.split('~');
    const source = alterOfEntry.get(a ?? '');
    const target = alterOfEntry.get(b ?? '');
    if (source !== undefined && target !== undefined) pairs.push([source, target]);
  }
  return pairs;
}

/**
 * Streams one of the three tables into `write`, one circle at a time: memory holds one circle,
 * whatever the size of the city. The three tables are three statements (a zip holds its files one
 * after another); the same Pseudonymiser makes their ids meet. Returns the number of data lines.
 */
export async function exportEgoTable(
  tx: Tx,
  table: EgoTable,
  pseudonyms: Pseudonymiser,
  k: number,
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  // Alters are pseudonymised per client: the same person in two snapshots of one client has one id,
  // but nothing links an alter of one client to an alter of another.
  const alter = (clientId: string, targetId: string): string => pseudonyms.of('alter', `${clientId}\u0000${targetId}`);
  let lines = 0;
  if (table === 'egos') {
    const sizes = await rows<{ name: string; clients: number }>(tx, WIJK_SIZES);
    const named = new Set(sizes.filter((size) => size.clients >= k).map((size) => size.name));
    await write(csvLine([...EGO_COLUMNS]));
    type Row = {
      clientId: string;
      circleId: string;
      districtName: string;
      createdAt: string;
      frozenAt: string | null;
      alters: number;
      ties: number;
    };
    for await (const row of stream<Row>(tx, EGO_QUERY)) {
      await write(
        csvLine([
          pseudonyms.of('circle', row.circleId),
          pseudonyms.of('client', row.clientId),
          row.frozenAt === null ? 'open' : monthOf(row.frozenAt),
          monthOf(row.createdAt),
          named.has(row.districtName) ? row.districtName : null,
          row.alters,
          row.ties,
        ]),
      );
      lines += 1;
    }
  } else if (table === 'alters') {
    await write(csvLine([...ALTER_COLUMNS]));
    type Entry = [string, number, string, string[], boolean, boolean, boolean, number | null, string | null, string | null];
    for await (const row of stream<{ clientId: string; circleId: string; entries: Entry[] }>(tx, ALTER_QUERY)) {
      const egoId = pseudonyms.of('circle', row.circleId);
      for (const [
        targetId,
        ring,
        sector,
        support,
        safetyNet,
        organisation,
        hasOrganisation,
        tier,
        organisationSector,
        relation,
      ] of row.entries) {
        await write(
          csvLine([
            egoId,
            alter(row.clientId, targetId),
            organisation ? 'ORGANISATION' : 'PERSON',
            relationCategory(relation, sector, organisation, hasOrganisation),
            ring,
            sector,
            [...support].sort().join(';'),
            safetyNet,
            tier,
            organisationSector,
          ]),
        );
        lines += 1;
      }
    }
  } else {
    await write(csvLine([...TIE_COLUMNS]));
    for await (const row of stream<{ clientId: string; circleId: string; ties: string[]; targets: [string, string][] }>(
      tx,
      TIE_QUERY,
    )) {
      const egoId = pseudonyms.of('circle', row.circleId);
      const alterOfEntry = new Map(row.targets.map(([entryId, targetId]) => [entryId, alter(row.clientId, targetId)]));
      for (const [source, target] of tiePairs(row.ties, alterOfEntry)) {
        await write(csvLine([egoId, source, target]));
        lines += 1;
      }
    }
  }
  return lines;
}
