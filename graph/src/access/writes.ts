import { DomainError } from '../errors.js';
import type { AccessLevel } from '../account/types.js';
import { one, rows, type Tx } from '../tx.js';
import { GRANT, toGrant } from './reads.js';
import type { AccessGrant } from './types.js';
import type { Raw } from '../mappers.js';

/**
 * A client gives a support worker access. An active grant to the same worker is ended first, so
 * a worker holds at most one active grant per client (the newest wins).
 */
export async function grantAccess(
  tx: Tx,
  input: { id: string; clientId: string; supportWorkerId: string; level: AccessLevel; until: string | null; now: string },
): Promise<AccessGrant> {
  const record = await one<{ g: Raw }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})
     MATCH (w:Person:SupportWorker {id: $supportWorkerId})
     CALL (c, w) {
       MATCH (c)-[old:GRANTS_ACCESS]->(w) WHERE old.revokedAt IS NULL
       SET old.revokedAt = $now
     }
     CREATE (c)-[g:GRANTS_ACCESS {id: $id, level: $level, grantedAt: $now, until: $until}]->(w)
     RETURN ${GRANT} AS g`,
    input,
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such support worker.', { field: 'input.supportWorkerId' });
  return toGrant(record.g);
}

/** Ends a grant of this client. Revoking twice keeps the first moment. */
export async function revokeAccess(tx: Tx, clientId: string, grantId: string, now: string): Promise<AccessGrant> {
  const record = await one<{ g: Raw }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})-[g:GRANTS_ACCESS {id: $grantId}]->(w:Person)
     SET g.revokedAt = coalesce(g.revokedAt, $now)
     RETURN ${GRANT} AS g`,
    { clientId, grantId, now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such grant of yours.', { field: 'input.grantId' });
  return toGrant(record.g);
}

export async function setAnalysisConsent(tx: Tx, clientId: string, consent: boolean, now: string): Promise<void> {
  const record = await one<{ n: number }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})
     SET c.analysisConsent = $consent, c.analysisConsentAt = $now
     RETURN count(c) AS n`,
    { clientId, consent, now },
  );
  if (!record?.n) throw new DomainError('NOT_FOUND', 'No such client.');
}

/** Records a key figure's consent to appear on the district map; returns the key figure's district. */
export async function setKeyFigureConsent(tx: Tx, keyFigureId: string, consent: boolean, now: string): Promise<string> {
  const record = await one<{ districtId: string }>(
    tx,
    `MATCH (k:Person:KeyFigure {id: $keyFigureId})-[:KEY_FIGURE_IN]->(d:District)
     SET k.mapConsent = $consent, k.mapConsentAt = $now
     RETURN d.id AS districtId`,
    { keyFigureId, consent, now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such key figure.', { field: 'input.keyFigureId' });
  return record.districtId;
}

/** A grant as the demo seed writes it (never revoked). */
export type GrantRow = Omit<AccessGrant, 'revokedAt'>;

/** Grants by id (demo data). */
export async function upsertGrants(tx: Tx, grants: GrantRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (c:Person:Client {id: row.clientId})
     MATCH (w:Person:SupportWorker {id: row.supportWorkerId})
     MERGE (c)-[g:GRANTS_ACCESS {id: row.id}]->(w)
     SET g.level = row.level, g.grantedAt = row.grantedAt, g.until = row.until`,
    { rows: grants },
  );
}

/**
 * Ends every running grant given to a person (their account stopped being a support worker, issue
 * 11): the grants would otherwise come back with the role. Returns the clients whose grant ended,
 * so each client's trail records it.
 */
export async function revokeGrantsTo(tx: Tx, personId: string, now: string): Promise<string[]> {
  const found = await rows<{ clientId: string }>(
    tx,
    `MATCH (c:Person:Client)-[g:GRANTS_ACCESS]->(:Person {id: $personId})
     WHERE g.revokedAt IS NULL
     SET g.revokedAt = $now
     RETURN DISTINCT c.id AS clientId`,
    { personId, now },
  );
  return found.map((r) => r.clientId);
}
