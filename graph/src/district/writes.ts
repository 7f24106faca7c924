import { DomainError } from '../errors.js';
import type { Language, LinkKind, LinkSource, OfferingCategory, PartnershipKind } from '../model.js';
import { nameKey } from '../organisation/schemas.js';
import { one, rows, type Tx } from '../tx.js';

export interface DistrictRow {
  id: string;
  name: string;
  slug: string;
  focus: boolean;
  partOfId: string | null;
}

/** Idempotent: MERGE by id, then set the same values again. */
export async function upsertDistricts(tx: Tx, districts: DistrictRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (d:District {id: row.id})
     SET d.name = row.name, d.slug = row.slug, d.focus = row.focus`,
    { rows: districts },
  );
  await tx.run(
    `UNWIND $rows AS row
     WITH row WHERE row.partOfId IS NOT NULL
     MATCH (d:District {id: row.id}), (p:District {id: row.partOfId})
     MERGE (d)-[:PART_OF]->(p)`,
    { rows: districts },
  );
}

export interface PartnershipRow {
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
  memberIds: string[];
}

export async function upsertPartnerships(tx: Tx, partnerships: PartnershipRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (p:Partnership {id: row.id})
     SET p.name = row.name, p.kind = row.kind
     WITH p, row
     CALL (p, row) {
       WITH p, row WHERE row.districtId IS NOT NULL
       MATCH (d:District {id: row.districtId})
       MERGE (p)-[:IN]->(d)
     }
     WITH p, row
     UNWIND row.memberIds AS memberId
     MATCH (o:Organisation {id: memberId})
     MERGE (o)-[:MEMBER_OF]->(p)`,
    { rows: partnerships },
  );
}

export interface OfferingRow {
  id: string;
  organisationId: string;
  districtId: string;
  category: OfferingCategory;
  name: string;
  /** Languages it is given in (model.LANGUAGES); empty when only Dutch is meant. */
  languages?: Language[];
}

export async function upsertOfferings(tx: Tx, offerings: OfferingRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (o:Organisation {id: row.organisationId}), (d:District {id: row.districtId})
     MERGE (f:Offering {id: row.id})
     SET f.category = row.category, f.name = row.name, f.languages = coalesce(row.languages, [])
     MERGE (o)-[:OFFERS]->(f)
     MERGE (f)-[:IN]->(d)`,
    { rows: offerings },
  );
}

export interface LinkRow {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  /** ISO date (YYYY-MM-DD) or null. */
  since: string | null;
  until: string | null;
  strength: number | null;
  source: LinkSource;
  note: string | null;
  /**
   * The wijk the link was recorded for. A link with an end outside a wijk is drawn on that wijk's
   * map only when it was recorded for it; a link between two organisations of one wijk always is.
   */
  recordedFor?: string | null;
}

/** Links between organisations, or between a key figure and an organisation. */
export async function upsertLinks(tx: Tx, links: LinkRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (ao:Organisation {id: row.fromId})
     OPTIONAL MATCH (ak:Person:KeyFigure {id: row.fromId})
     OPTIONAL MATCH (bo:Organisation {id: row.toId})
     OPTIONAL MATCH (bk:Person:KeyFigure {id: row.toId})
     WITH row, coalesce(ao, ak) AS a, coalesce(bo, bk) AS b WHERE a IS NOT NULL AND b IS NOT NULL
     MERGE (a)-[l:COLLABORATES_WITH {id: row.id}]->(b)
     SET l.kind = row.kind, l.since = date(row.since), l.until = date(row.until),
         l.strength = row.strength, l.source = row.source, l.note = row.note, l.recordedFor = row.recordedFor`,
    { rows: links.map((link) => ({ recordedFor: null, ...link })) },
  );
}

// ---------------------------------------------------------------------------------------------
// Administration (issue 11): wijken and partnerships are created, renamed and ended, never
// deleted. Each function runs inside the caller's write transaction.
// ---------------------------------------------------------------------------------------------

/** Names already used by current wijken (or partnerships), by `nameKey`, except `exceptId`. */
async function nameTaken(
  tx: Tx,
  label: 'District' | 'Partnership',
  name: string,
  exceptId: string | null,
  today: string,
): Promise<boolean> {
  const found = await rows<{ name: string }>(
    tx,
    label === 'District'
      ? `MATCH (n:District) WHERE (n.until IS NULL OR n.until > date($today)) AND ($exceptId IS NULL OR n.id <> $exceptId)
         RETURN n.name AS name`
      : `MATCH (n:Partnership) WHERE (n.until IS NULL OR n.until > date($today)) AND ($exceptId IS NULL OR n.id <> $exceptId)
         RETURN n.name AS name`,
    { exceptId, today },
  );
  const key = nameKey(name);
  return found.some((n) => nameKey(n.name) === key);
}

export interface NewDistrict {
  id: string;
  name: string;
  slug: string;
  /** The wijk it is part of (Kanaleneiland ⊂ Zuidwest), or null. */
  partOfId: string | null;
}

/** A new wijk. CONFLICT when a current wijk has the name or any wijk the slug; NOT_FOUND for an unknown `partOfId`. */
export async function createDistrict(tx: Tx, district: NewDistrict, options: { today: string; now: string }): Promise<void> {
  if (await nameTaken(tx, 'District', district.name, null, options.today))
    throw new DomainError('CONFLICT', 'A wijk with this name exists already.', { field: 'input.name' });
  const record = await one<{ slugTaken: boolean; partOfFound: boolean }>(
    tx,
    `OPTIONAL MATCH (p:District {id: $partOfId})
     RETURN EXISTS { MATCH (d:District {slug: $slug}) } AS slugTaken, $partOfId IS NULL OR p IS NOT NULL AS partOfFound`,
    { slug: district.slug, partOfId: district.partOfId },
  );
  if (record?.slugTaken) throw new DomainError('CONFLICT', 'This slug is taken.', { field: 'input.slug' });
  if (!record?.partOfFound) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.partOfId' });
  await tx.run(
    `CREATE (d:District {id: $id})
     SET d.name = $name, d.slug = $slug, d.focus = false, d.createdAt = datetime($now)
     WITH d
     CALL (d) {
       MATCH (p:District {id: $partOfId})
       MERGE (d)-[:PART_OF]->(p)
     }`,
    { ...district, now: options.now },
  );
}

/** Renames a wijk (its slug stays: links to it keep working). */
export async function renameDistrict(tx: Tx, id: string, name: string, today: string): Promise<void> {
  const found = await one<{ id: string }>(
    tx,
    `MATCH (d:District {id: $id}) SET d._lock = true REMOVE d._lock RETURN d.id AS id`,
    {
      id,
    },
  );
  if (!found) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.id' });
  if (await nameTaken(tx, 'District', name, id, today))
    throw new DomainError('CONFLICT', 'A wijk with this name exists already.', { field: 'input.name' });
  await tx.run('MATCH (d:District {id: $id}) SET d.name = $name', { id, name });
}

/**
 * Ends a wijk on a date: from then on it is not in the list of wijken. Its organisations, links and
 * history stay, so its map of an earlier date can still be drawn. CONFLICT when it ended already.
 */
export async function endDistrict(tx: Tx, id: string, until: string, now: string): Promise<void> {
  const record = await one<{ ended: boolean }>(
    tx,
    `MATCH (d:District {id: $id})
     SET d._lock = true REMOVE d._lock
     WITH d, d.until IS NOT NULL AS ended
     CALL (d, ended) {
       WITH d, ended WHERE NOT ended
       SET d.until = date($until), d.endedAt = datetime($now)
     }
     RETURN ended`,
    { id, until, now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.id' });
  if (record.ended) throw new DomainError('CONFLICT', 'This wijk has ended already.', { field: 'input.id' });
}

export interface NewPartnership {
  id: string;
  name: string;
  kind: PartnershipKind;
  /** null: city-wide (the regiegroep). */
  districtId: string | null;
  since: string;
}

/** A new partnership without members (they join with `joinPartnership`). CONFLICT for a current partnership's name. */
export async function createPartnership(
  tx: Tx,
  partnership: NewPartnership,
  options: { today: string; now: string },
): Promise<void> {
  if (await nameTaken(tx, 'Partnership', partnership.name, null, options.today))
    throw new DomainError('CONFLICT', 'A partnership with this name exists already.', { field: 'input.name' });
  const record = await one<{ ok: boolean }>(
    tx,
    `OPTIONAL MATCH (d:District {id: $districtId})
     WITH d WHERE $districtId IS NULL OR d IS NOT NULL
     CREATE (p:Partnership {id: $id})
     SET p.name = $name, p.kind = $kind, p.since = date($since), p.createdAt = datetime($now)
     WITH p, d
     CALL (p, d) {
       WITH p, d WHERE d IS NOT NULL
       MERGE (p)-[:IN]->(d)
     }
     RETURN true AS ok`,
    { ...partnership, now: options.now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.districtId' });
}

export interface PartnershipChange {
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
}

/** Renames a partnership, changes its kind or its wijk (null: city-wide). */
export async function updatePartnership(tx: Tx, change: PartnershipChange, today: string): Promise<void> {
  const found = await one<{ districtFound: boolean }>(
    tx,
    `MATCH (p:Partnership {id: $id})
     SET p._lock = true REMOVE p._lock
     RETURN $districtId IS NULL OR EXISTS { MATCH (:District {id: $districtId}) } AS districtFound`,
    { id: change.id, districtId: change.districtId },
  );
  if (!found) throw new DomainError('NOT_FOUND', 'No such partnership.', { field: 'input.id' });
  if (!found.districtFound) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.districtId' });
  if (await nameTaken(tx, 'Partnership', change.name, change.id, today))
    throw new DomainError('CONFLICT', 'A partnership with this name exists already.', { field: 'input.name' });
  await tx.run(
    `MATCH (p:Partnership {id: $id})
     SET p.name = $name, p.kind = $kind
     WITH p
     CALL (p) {
       MATCH (p)-[r:IN]->(d:District) WHERE $districtId IS NULL OR d.id <> $districtId
       DELETE r
     }
     CALL (p) {
       MATCH (d:District {id: $districtId})
       MERGE (p)-[:IN]->(d)
     }`,
    { ...change },
  );
}

/** Ends a partnership on a date; memberships still running end then too (kept on record). CONFLICT when it ended already. */
export async function endPartnership(tx: Tx, id: string, until: string, now: string): Promise<{ memberships: number }> {
  const record = await one<{ problem: string | null; memberships: number | null }>(
    tx,
    `MATCH (p:Partnership {id: $id})
     SET p._lock = true REMOVE p._lock
     WITH p, CASE WHEN p.until IS NOT NULL THEN 'ended'
                  WHEN p.since IS NOT NULL AND date($until) < p.since THEN 'before' END AS problem
     OPTIONAL CALL (p, problem) {
       WITH p, problem WHERE problem IS NULL
       SET p.until = date($until), p.endedAt = datetime($now)
       WITH p
       MATCH (p)<-[m:MEMBER_OF]-(:Organisation)
       WHERE m.until IS NULL OR m.until > date($until)
       SET m.until = CASE WHEN m.since IS NOT NULL AND m.since > date($until) THEN m.since ELSE date($until) END
       RETURN count(m) AS memberships
     }
     RETURN problem, memberships`,
    { id, until, now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such partnership.', { field: 'input.id' });
  if (record.problem === 'ended') throw new DomainError('CONFLICT', 'This partnership has ended already.', { field: 'input.id' });
  if (record.problem === 'before')
    throw new DomainError('INVALID_INPUT', 'until must not be before the partnership started.', { field: 'input.until' });
  return { memberships: record.memberships ?? 0 };
}
