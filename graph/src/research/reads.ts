import { stream, rows, type Tx } from '../tx.js';
import type { ClientHistory, SnapshotEntry } from './aggregate-types.js';

/**
 * One entry as the statement below returns it: [ring, organisation, professional, tier, safetyNet,
 * support, organisationId, generalPractice, relation].
 */
export const toSnapshotEntry = (tuple: unknown): SnapshotEntry => {
  const [ring, organisation, professional, tier, safetyNet, support, organisationId, generalPractice, relation] = tuple as [
    number,
    boolean,
    boolean,
    number | null,
    boolean,
    string[],
    string | null,
    boolean,
    string | null,
  ];
  return { ring, organisation, professional, tier, safetyNet, support, organisationId, generalPractice, relation };
};

/**
 * Opted-in clients (ANALYSIS.md: consent at the moment of counting) with the snapshots they froze on
 * or before `until`, oldest first, one client per record. The open circle is left out on purpose:
 * it changes every day, and a period's figures must not (differencing).
 */
const CLIENT_HISTORIES = `
MATCH (client:Client)-[:LIVES_IN]->(d:District)
WHERE client.analysisConsent = true AND ($districtIds IS NULL OR d.id IN $districtIds)
CALL (client) {
  MATCH (client)<-[:OF]-(c:NetworkCircle)
  WHERE c.frozenAt IS NOT NULL AND date(c.frozenAt) <= date($until)
  WITH c ORDER BY c.frozenAt
  // org: the organisation itself, or the professional's employer.
  RETURN collect([toString(date(c.frozenAt)), COLLECT {
    MATCH (c)-[p:PLACES]->(t)
    WITH p, t, CASE WHEN t:Organisation THEN t ELSE head(COLLECT { MATCH (t)-[:WORKS_AT]->(e:Organisation) RETURN e ORDER BY e.name }) END AS org
    RETURN [p.ring, t:Organisation, org IS NOT NULL, org.tier, coalesce(p.safetyNet, false), coalesce(p.support, []), org.id,
            CASE WHEN org IS NULL THEN false ELSE EXISTS { (org)-[:OFFERS]->(:Offering {category: 'GENERAL_PRACTICE'}) } END,
            p.relation] AS entry
  }]) AS snapshots
}
WITH d, snapshots WHERE size(snapshots) > 0
RETURN d.id AS districtId, snapshots`;

export async function* clientHistories(
  tx: Tx,
  until: string,
  districtIds: string[] | null = null,
): AsyncGenerator<ClientHistory, void, undefined> {
  for await (const row of stream<{ districtId: string; snapshots: [string, unknown[]][] }>(tx, CLIENT_HISTORIES, {
    until,
    districtIds,
  })) {
    yield {
      districtId: row.districtId,
      snapshots: row.snapshots.map(([frozenOn, entries]) => ({ frozenOn, entries: entries.map(toSnapshotEntry) })),
    };
  }
}

/** Every wijk's id and name, for the rows of the research tables (public data). */
export async function researchDistricts(tx: Tx): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(tx, `MATCH (d:District) RETURN d.id AS id, d.name AS name ORDER BY d.name, d.id`);
}
