import { DomainError } from '../errors.js';
import type { Raw } from '../mappers.js';
import type { ContactFrequency, SupportKind, Wish } from '../model.js';
import { one, type Tx } from '../tx.js';
import { tieId, toCircleEntry, toCircleTie } from './mappers.js';
import { EMPLOYER, ENTRY_FIELDS } from './reads.js';
import type { CircleEntry, CircleTie } from './types.js';

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
  frequency?: ContactFrequency | null;
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
         p.support = e.support, p.safetyNet = 'SAFETY_NET' IN e.support, p.wish = e.wish, p.note = e.note,
         p.frequency = e.frequency, p.version = coalesce(p.version, 1)`,
    { rows: circles.map((circle) => ({ ...circle, entries: circle.entries.map((e) => ({ frequency: null, ...e })) })) },
  );
}

// ---------------------------------------------------------------------------------------------
// Editing one circle (issue 4). Every edit runs in the caller's write transaction and starts with
// `lockCircle`, which takes the circle's write lock: edits of one circle are serialised, so the
// version an edit compares with is the one it overwrites (no lost updates).
// ---------------------------------------------------------------------------------------------

export interface CircleLock {
  clientId: string;
  frozen: boolean;
  /** The circle's version after this edit. */
  version: number;
  entryCount: number;
}

/** Locks the circle for the rest of the transaction and counts the edit. Undefined when there is no such circle. */
export async function lockCircle(tx: Tx, circleId: string): Promise<CircleLock | undefined> {
  return one<{ clientId: string; frozen: boolean; version: number; entryCount: number }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})-[:OF]->(client:Client)
     SET c.version = coalesce(c.version, 0) + 1
     RETURN client.id AS clientId, c.frozenAt IS NOT NULL AS frozen, c.version AS version,
       COUNT { (c)-[:PLACES]->() } AS entryCount`,
    { circleId },
  );
}

export interface EntryFields {
  relation: string | null;
  support: SupportKind[];
  frequency: ContactFrequency | null;
  wish: Wish | null;
  note: string | null;
}

export type NewEntryTarget =
  | { kind: 'NEW_PERSON'; personId: string; name: string; organisationId: string | null }
  | { kind: 'PERSON'; personId: string }
  | { kind: 'ORGANISATION'; organisationId: string };

export interface NewEntry extends EntryFields {
  circleId: string;
  clientId: string;
  entryId: string;
  ring: number;
  sector: string;
  target: NewEntryTarget;
}

async function resolveTarget(
  tx: Tx,
  clientId: string,
  target: NewEntryTarget,
): Promise<{ id: string; label: 'Person' | 'Organisation' }> {
  switch (target.kind) {
    case 'ORGANISATION': {
      // A merged duplicate's id stands for the record it became; an ended organisation is not added (issue 11).
      const found = await one<{ id: string }>(
        tx,
        `MATCH (found:Organisation {id: $id})
         OPTIONAL MATCH (found)-[:MERGED_INTO*1..20]->(into:Organisation) WHERE into.mergedInto IS NULL
         WITH coalesce(into, found) AS o
         WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())
         RETURN o.id AS id`,
        { id: target.organisationId },
      );
      if (!found) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.organisationId' });
      return { id: found.id, label: 'Organisation' };
    }
    case 'PERSON': {
      // Only people who already belong to this client's circles: nobody can pull another client's contact in.
      const found = await one<{ id: string }>(
        tx,
        `MATCH (client:Person:Client {id: $clientId}), (p:Person {id: $id})
         WHERE (p)-[:CONTACT_OF]->(client) OR EXISTS { (client)<-[:OF]-(:NetworkCircle)-[:PLACES]->(p) }
         RETURN p.id AS id`,
        { clientId, id: target.personId },
      );
      if (!found) throw new DomainError('NOT_FOUND', 'No such person in this client’s circles.', { field: 'input.personId' });
      return { id: found.id, label: 'Person' };
    }
    case 'NEW_PERSON': {
      const created = await one<{ id: string; employer: boolean }>(
        tx,
        `MATCH (client:Person:Client {id: $clientId})
         OPTIONAL MATCH (employer:Organisation {id: $organisationId})
         CREATE (p:Person {id: $id, name: $name})-[:CONTACT_OF]->(client)
         FOREACH (e IN CASE WHEN employer IS NULL THEN [] ELSE [employer] END | CREATE (p)-[:WORKS_AT]->(e))
         RETURN p.id AS id, employer IS NOT NULL AS employer`,
        { clientId, id: target.personId, name: target.name, organisationId: target.organisationId },
      );
      if (!created) throw new DomainError('NOT_FOUND', 'No such client.');
      if (target.organisationId !== null && !created.employer)
        throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.person.organisationId' });
      return { id: created.id, label: 'Person' };
    }
  }
}

/** Places a person or organisation on a ring and in a sector, at the end of that cell. */
export async function addEntry(tx: Tx, entry: NewEntry): Promise<CircleEntry> {
  const target = await resolveTarget(tx, entry.clientId, entry.target);
  const record = await one<{ entry: Raw | null; duplicate: boolean }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})
     OPTIONAL MATCH (person:Person {id: $targetId})
     OPTIONAL MATCH (organisation:Organisation {id: $targetId})
     WITH c, coalesce(person, organisation) AS t
     WITH c, t, EXISTS { (c)-[:PLACES]->(t) } AS duplicate
     OPTIONAL CALL (c, t, duplicate) {
       WITH c, t WHERE NOT duplicate
       WITH c, t, head(COLLECT {
         MATCH (c)-[o:PLACES]->() WHERE o.ring = $ring AND o.sector = $sector
         RETURN o.position AS position ORDER BY position DESC LIMIT 1
       }) AS last
       CREATE (c)-[p:PLACES {id: $entryId}]->(t)
       SET p.ring = $ring, p.sector = $sector, p.position = coalesce(last, -1) + 1, p.version = 1,
           p.relation = $relation, p.support = $support, p.safetyNet = 'SAFETY_NET' IN $support,
           p.frequency = $frequency, p.wish = $wish, p.note = $note
       WITH p, t, ${EMPLOYER}
       RETURN p {${ENTRY_FIELDS}} AS entry
     }
     RETURN duplicate, entry`,
    {
      circleId: entry.circleId,
      targetId: target.id,
      entryId: entry.entryId,
      ring: entry.ring,
      sector: entry.sector,
      relation: entry.relation,
      support: entry.support,
      frequency: entry.frequency,
      wish: entry.wish,
      note: entry.note,
    },
  );
  if (record?.duplicate) {
    const field = entry.target.kind === 'ORGANISATION' ? 'input.organisationId' : 'input.personId';
    throw new DomainError('CONFLICT', 'This one is already in the circle.', { field });
  }
  if (!record?.entry) throw new DomainError('NOT_FOUND', 'No such circle.', { field: 'input.circleId' });
  return toCircleEntry(record.entry, entry.clientId);
}

export interface EntryEdit {
  circleId: string;
  clientId: string;
  entryId: string;
  /** The version the editor saw; another version means someone else changed the entry meanwhile. */
  expectedVersion: number;
}

/** Fails unless the entry is in this circle at the version the editor saw. Run after `lockCircle`. */
async function checkVersion(tx: Tx, edit: EntryEdit): Promise<void> {
  const found = await one<{ version: number }>(
    tx,
    `MATCH (:NetworkCircle {id: $circleId})-[p:PLACES {id: $entryId}]->()
     RETURN coalesce(p.version, 0) AS version`,
    { circleId: edit.circleId, entryId: edit.entryId },
  );
  if (!found) throw new DomainError('NOT_FOUND', 'No such entry in this circle.', { field: 'input.entryId' });
  if (found.version !== edit.expectedVersion)
    throw new DomainError('EDIT_CONFLICT', 'Someone else changed this entry a moment ago.', { field: 'input.expectedVersion' });
}

/**
 * Runs an edit of one entry in one statement when the editor saw the current version; otherwise
 * (no row) a second look tells a missing entry from a conflict. Run after `lockCircle`.
 */
async function editedEntry(tx: Tx, edit: EntryEdit, cypher: string, params: Record<string, unknown>): Promise<CircleEntry> {
  const record = await one<{ entry: Raw }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})-[p:PLACES {id: $entryId}]->(t)
     WHERE coalesce(p.version, 0) = $expectedVersion
     ${cypher}
     SET p.version = coalesce(p.version, 0) + 1
     WITH p, t, ${EMPLOYER}
     RETURN p {${ENTRY_FIELDS}} AS entry`,
    { ...params, circleId: edit.circleId, entryId: edit.entryId, expectedVersion: edit.expectedVersion },
  );
  if (record) return toCircleEntry(record.entry, edit.clientId);
  await checkVersion(tx, edit);
  throw new DomainError('NOT_FOUND', 'No such entry in this circle.', { field: 'input.entryId' });
}

/** Moves an entry to another ring or sector (to the end of that cell). */
export async function moveEntry(tx: Tx, edit: EntryEdit & { ring: number; sector: string }): Promise<CircleEntry> {
  return editedEntry(
    tx,
    edit,
    `WITH c, p, t, CASE WHEN p.ring = $ring AND p.sector = $sector THEN p.position ELSE coalesce(head(COLLECT {
       MATCH (c)-[o:PLACES]->() WHERE o.ring = $ring AND o.sector = $sector
       RETURN o.position AS position ORDER BY position DESC LIMIT 1
     }), -1) + 1 END AS position
     SET p.ring = $ring, p.sector = $sector, p.position = position`,
    { ring: edit.ring, sector: edit.sector },
  );
}

/**
 * Replaces what an entry says (relation, support, frequency, wish, note) and, for a person who
 * belongs to this client only, their name. `safetyNet` follows `support`.
 */
export async function updateEntry(tx: Tx, edit: EntryEdit & EntryFields & { name: string | null }): Promise<CircleEntry> {
  return editedEntry(
    tx,
    edit,
    `SET p.relation = $relation, p.support = $support, p.safetyNet = 'SAFETY_NET' IN $support,
         p.frequency = $frequency, p.wish = $wish, p.note = $note
     WITH c, p, t
     CALL (t) {
       WITH t WHERE $name IS NOT NULL AND t:Person AND EXISTS { (t)-[:CONTACT_OF]->(:Client {id: $clientId}) }
       SET t.name = $name
     }
     WITH c, p, t`,
    {
      clientId: edit.clientId,
      relation: edit.relation,
      support: edit.support,
      frequency: edit.frequency,
      wish: edit.wish,
      note: edit.note,
      name: edit.name,
    },
  );
}

/**
 * Takes an entry out of the circle, with its ties. A person who then appears in none of the
 * client's snapshots is deleted: the circle keeps nobody it no longer needs.
 */
export async function removeEntry(tx: Tx, edit: EntryEdit): Promise<CircleEntry> {
  await checkVersion(tx, edit);
  const record = await one<{ entry: Raw }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})-[p:PLACES {id: $entryId}]->(t)
     WITH c, p, t, ${EMPLOYER}
     WITH c, p, t, p {${ENTRY_FIELDS}} AS entry
     SET c.ties = [tie IN coalesce(c.ties, []) WHERE NOT $entryId IN split(tie, '~')]
     DELETE p
     WITH t, entry
     CALL (t) {
       WITH t WHERE t:Person AND EXISTS { (t)-[:CONTACT_OF]->(:Client) } AND NOT EXISTS { (t)<-[:PLACES]-() }
         AND NOT t:Client AND NOT t:SupportWorker AND NOT t:KeyFigure AND NOT t:Coordinator
       DETACH DELETE t
     }
     RETURN entry`,
    { circleId: edit.circleId, entryId: edit.entryId },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such entry in this circle.', { field: 'input.entryId' });
  return toCircleEntry(record.entry, edit.clientId);
}

/** Ties two entries of the circle (they know each other). Tying twice is one tie. */
export async function addTie(
  tx: Tx,
  circleId: string,
  clientId: string,
  fromEntryId: string,
  toEntryId: string,
): Promise<CircleTie> {
  if (fromEntryId === toEntryId)
    throw new DomainError('INVALID_INPUT', 'An entry cannot be tied to itself.', { field: 'input.toEntryId' });
  const id = tieId(fromEntryId, toEntryId);
  const record = await one<{ found: number }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})
     WITH c, COUNT { (c)-[p:PLACES]->() WHERE p.id IN [$fromEntryId, $toEntryId] } AS found
     CALL (c, found) {
       WITH c WHERE found = 2 AND NOT $id IN coalesce(c.ties, [])
       SET c.ties = coalesce(c.ties, []) + $id
     }
     RETURN found`,
    { circleId, fromEntryId, toEntryId, id },
  );
  if (record?.found !== 2) throw new DomainError('NOT_FOUND', 'Both entries must be in this circle.', { field: 'input' });
  return toCircleTie(id, clientId);
}

export async function removeTie(tx: Tx, circleId: string, clientId: string, id: string): Promise<CircleTie> {
  const record = await one<{ had: boolean }>(
    tx,
    `MATCH (c:NetworkCircle {id: $circleId})
     WITH c, $id IN coalesce(c.ties, []) AS had
     SET c.ties = [tie IN coalesce(c.ties, []) WHERE tie <> $id]
     RETURN had`,
    { circleId, id },
  );
  if (!record?.had) throw new DomainError('NOT_FOUND', 'No such tie in this circle.', { field: 'input.tieId' });
  return toCircleTie(id, clientId);
}

/**
 * "Vastleggen": the circle as it is now becomes a dated, frozen snapshot (a copy with new entry
 * ids), and editing goes on in the open circle, which keeps its id and entry ids so that devices
 * drawing together and their undo steps stay valid.
 */
export async function freezeCircle(
  tx: Tx,
  input: { circleId: string; snapshotId: string; label: string | null; now: string },
): Promise<void> {
  await tx.run(
    `MATCH (c:NetworkCircle {id: $circleId})-[:OF]->(client:Client)
     CREATE (s:NetworkCircle {id: $snapshotId})-[:OF]->(client)
     SET s.label = $label, s.createdAt = c.createdAt, s.frozenAt = datetime($now), s.version = 0
     WITH c, s
     CALL (c, s) {
       MATCH (c)-[p:PLACES]->(t)
       CREATE (s)-[q:PLACES {id: randomUUID()}]->(t)
       SET q.ring = p.ring, q.sector = p.sector, q.position = p.position, q.relation = p.relation,
           q.support = p.support, q.safetyNet = p.safetyNet, q.frequency = p.frequency, q.wish = p.wish,
           q.note = p.note, q.version = 1
       RETURN collect([p.id, q.id]) AS copies
     }
     WITH c, s, [tie IN coalesce(c.ties, []) |
       [[copy IN copies WHERE copy[0] = split(tie, '~')[0]][0][1], [copy IN copies WHERE copy[0] = split(tie, '~')[1]][0][1]]] AS pairs
     SET s.ties = [pair IN pairs WHERE pair[0] IS NOT NULL AND pair[1] IS NOT NULL |
       CASE WHEN pair[0] < pair[1] THEN pair[0] + '~' + pair[1] ELSE pair[1] + '~' + pair[0] END]
     SET c.createdAt = datetime($now), c.label = null`,
    input,
  );
}
