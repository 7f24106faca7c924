import type { SupportKind, Wish } from '../model.js';
import type { Tx } from '../tx.js';

/** A person who exists only in one client's circles: a first name or nickname, nothing else. */
export interface ContactRow {
  id: string;
  clientId: string;
  name: string;
}

export async function upsertContacts(tx: Tx, contacts: ContactRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (c:Person:Client {id: row.clientId})
     MERGE (p:Person {id: row.id})
     SET p.name = row.name
     MERGE (p)-[:CONTACT_OF]->(c)`,
    { rows: contacts },
  );
}

export interface EntryRow {
  id: string;
  targetId: string;
  ring: number;
  sector: string;
  position: number;
  relation: string | null;
  support: SupportKind[];
  wish: Wish | null;
  note: string | null;
}

export interface CircleRow {
  id: string;
  clientId: string;
  label: string | null;
  /** ISO date-time. */
  createdAt: string;
  frozenAt: string | null;
  entries: EntryRow[];
}

/**
 * Writes whole circles. `safetyNet` is stored alongside `support` (the glossary names both) and
 * always derived from it, so the two cannot disagree.
 */
export async function upsertCircles(tx: Tx, circles: CircleRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (client:Person:Client {id: row.clientId})
     MERGE (c:NetworkCircle {id: row.id})
     SET c.label = row.label, c.createdAt = datetime(row.createdAt), c.frozenAt = datetime(row.frozenAt)
     MERGE (c)-[:OF]->(client)
     WITH c, row
     UNWIND row.entries AS e
     // Two index lookups instead of one unlabelled match (which would scan every node).
     OPTIONAL MATCH (person:Person {id: e.targetId})
     OPTIONAL MATCH (organisation:Organisation {id: e.targetId})
     WITH c, e, coalesce(person, organisation) AS t WHERE t IS NOT NULL
     MERGE (c)-[p:PLACES {id: e.id}]->(t)
     SET p.ring = e.ring, p.sector = e.sector, p.position = e.position, p.relation = e.relation,
         p.support = e.support, p.safetyNet = 'SAFETY_NET' IN e.support, p.wish = e.wish, p.note = e.note`,
    { rows: circles },
  );
}
