import type { Tx } from '../tx.js';

export interface KeyFigureRow {
  id: string;
  name: string;
  description: string | null;
  districtId: string;
  /** A key figure appears on a district map only after consenting. */
  mapConsent: boolean;
}

export async function upsertKeyFigures(tx: Tx, keyFigures: KeyFigureRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (d:District {id: row.districtId})
     MERGE (k:Person {id: row.id})
     SET k:KeyFigure, k.name = row.name, k.description = row.description, k.mapConsent = row.mapConsent
     MERGE (k)-[:KEY_FIGURE_IN]->(d)`,
    { rows: keyFigures },
  );
}

export interface SupportWorkerRow {
  id: string;
  name: string;
  organisationId: string;
  role: string;
}

export async function upsertSupportWorkers(tx: Tx, workers: SupportWorkerRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (o:Organisation {id: row.organisationId})
     MERGE (p:Person {id: row.id})
     SET p:SupportWorker, p.name = row.name
     MERGE (p)-[w:WORKS_AT]->(o)
     SET w.role = row.role`,
    { rows: workers },
  );
}

export interface ClientRow {
  id: string;
  /** The name the client chose to be shown (a first name or nickname). */
  name: string;
  districtId: string;
}

export async function upsertClients(tx: Tx, clients: ClientRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (d:District {id: row.districtId})
     MERGE (c:Person {id: row.id})
     SET c:Client, c.name = row.name
     MERGE (c)-[:LIVES_IN]->(d)`,
    { rows: clients },
  );
}

export interface StaffRow {
  id: string;
  name: string;
  /** A coordinator (kwartiermaker) coordinates one district. */
  coordinatesDistrictId: string | null;
}

/** People who work with Wijkkring without being clients or support workers: coordinators, researchers, admins. */
export async function upsertStaff(tx: Tx, staff: StaffRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (p:Person {id: row.id})
     SET p.name = row.name
     WITH p, row
     OPTIONAL MATCH (d:District {id: row.coordinatesDistrictId})
     FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
       SET p:Coordinator
       MERGE (p)-[:COORDINATES]->(d))`,
    { rows: staff },
  );
}
