import { oneOf, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import { ACCESS_LEVELS } from '../account/types.js';
import type { AccessGrant, SupportWorkerSummary } from './types.js';

/** The fixed projection of a GRANTS_ACCESS relationship `g` from client `c` to worker `w`. */
export const GRANT = `{id: g.id, clientId: c.id, supportWorkerId: w.id, level: g.level, grantedAt: g.grantedAt,
                until: g.until, revokedAt: g.revokedAt}`;

export function toGrant(raw: Raw): AccessGrant {
  return {
    id: str(raw, 'id'),
    clientId: str(raw, 'clientId'),
    supportWorkerId: str(raw, 'supportWorkerId'),
    level: oneOf(ACCESS_LEVELS, raw, 'level'),
    grantedAt: str(raw, 'grantedAt'),
    until: optStr(raw, 'until'),
    revokedAt: optStr(raw, 'revokedAt'),
  };
}

/** Every grant a client gave, newest first (revoked ones too: the client sees their history). */
export async function grantsOfClient(tx: Tx, clientId: string): Promise<AccessGrant[]> {
  const found = await rows<{ g: Raw }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})-[g:GRANTS_ACCESS]->(w:Person)
     RETURN ${GRANT} AS g
     ORDER BY g.grantedAt DESC, g.id`,
    { clientId },
  );
  return found.map(({ g }) => toGrant(g));
}

/** Grants a support worker holds that are active on `today`. */
export async function activeGrantsOfWorker(tx: Tx, workerId: string, today: string): Promise<AccessGrant[]> {
  const found = await rows<{ g: Raw }>(
    tx,
    `MATCH (w:Person:SupportWorker {id: $workerId})<-[g:GRANTS_ACCESS]-(c:Client)
     WHERE g.revokedAt IS NULL AND (g.until IS NULL OR g.until >= $today)
     RETURN ${GRANT} AS g
     ORDER BY c.name, g.id`,
    { workerId, today },
  );
  return found.map(({ g }) => toGrant(g));
}

export async function findGrant(tx: Tx, grantId: string): Promise<AccessGrant | undefined> {
  const record = await one<{ g: Raw }>(
    tx,
    `MATCH (c:Client)-[g:GRANTS_ACCESS {id: $grantId}]->(w:Person)
     RETURN ${GRANT} AS g`,
    { grantId },
  );
  return record ? toGrant(record.g) : undefined;
}

function toWorker(raw: Raw): SupportWorkerSummary {
  return { id: str(raw, 'id'), name: str(raw, 'name'), organisationId: optStr(raw, 'organisationId') };
}

export async function findSupportWorkers(tx: Tx, ids: readonly string[]): Promise<SupportWorkerSummary[]> {
  const found = await rows<{ w: Raw }>(
    tx,
    `UNWIND $ids AS id
     MATCH (w:Person:SupportWorker {id: id})
     RETURN w {.id, .name, organisationId: COLLECT { MATCH (w)-[:WORKS_AT]->(o:Organisation) RETURN o.id ORDER BY o.name }[0]} AS w`,
    { ids },
  );
  return found.map(({ w }) => toWorker(w));
}

/** Support workers by name, for a client choosing whom to give access. */
export async function searchSupportWorkers(
  tx: Tx,
  search: string | null,
  skip: number,
  limit: number,
): Promise<Page<SupportWorkerSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `CALL () {
       MATCH (w:Person:SupportWorker)
       WHERE $search IS NULL OR toLower(w.name) CONTAINS toLower($search)
       RETURN w
     }
     WITH collect(w) AS found
     RETURN size(found) AS total,
            [w IN found[$skip..($skip + $limit)] |
              w {.id, .name, organisationId: COLLECT { MATCH (w)-[:WORKS_AT]->(o:Organisation) RETURN o.id ORDER BY o.name }[0]}] AS page`,
    { search, skip, limit },
  );
  return toPage((record?.page ?? []).map(toWorker), record?.total ?? 0, skip);
}

export async function keyFigureDistrict(tx: Tx, keyFigureId: string): Promise<string | undefined> {
  const record = await one<{ districtId: string }>(
    tx,
    'MATCH (k:Person:KeyFigure {id: $keyFigureId})-[:KEY_FIGURE_IN]->(d:District) RETURN d.id AS districtId',
    { keyFigureId },
  );
  return record?.districtId;
}
