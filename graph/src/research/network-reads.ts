import { TIERS } from '../model.js';
import { optOneOf, optStr, str, type Raw } from '../mappers.js';
import { rows, type Tx } from '../tx.js';
import type { DistrictHistory, HistoryLink } from './network-types.js';

/**
 * Every wijk's organisations and the whole history of the links between them, in one statement:
 * a link is a tuple [from, to, since, until, kind], so a wijk of a thousand links is one small list.
 * Key figures are people and links outside the wijk belong to another network; neither is read.
 */
const HISTORY = `
MATCH (d:District) WHERE $districtIds IS NULL OR d.id IN $districtIds
RETURN d.id AS districtId, d.name AS districtName,
  COLLECT { MATCH (d)<-[:ACTIVE_IN]-(o:Organisation) RETURN o {.id, .name, .tier, until: toString(o.until)} AS o ORDER BY o.id } AS organisations,
  COLLECT {
    MATCH (d)<-[:ACTIVE_IN]-(a:Organisation)-[l:COLLABORATES_WITH]->(b:Organisation)-[:ACTIVE_IN]->(d)
    RETURN [a.id, b.id, toString(l.since), toString(l.until), l.kind] AS l
  } AS links
ORDER BY d.name, d.id`;

const toLink = (tuple: unknown): HistoryLink => {
  const [fromId, toId, since, until, kind] = tuple as [string, string, string | null, string | null, string | null];
  return { fromId, toId, since, until, kind: kind ?? 'COLLABORATION' };
};

/** `districtIds` null: every wijk. */
export async function districtHistories(tx: Tx, districtIds: string[] | null): Promise<DistrictHistory[]> {
  const found = await rows<{ districtId: string; districtName: string; organisations: Raw[]; links: unknown[] }>(tx, HISTORY, {
    districtIds,
  });
  return found.map((row) => ({
    districtId: row.districtId,
    districtName: row.districtName,
    organisations: row.organisations.map((o) => ({
      id: str(o, 'id'),
      name: str(o, 'name'),
      tier: optOneOf(TIERS, o, 'tier'),
      until: optStr(o, 'until'),
    })),
    links: row.links.map(toLink),
  }));
}
