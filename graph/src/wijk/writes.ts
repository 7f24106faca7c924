import { LINK_FIELDS, toKeyFigure, toLink, toOffering } from '../district/mappers.js';
import type { KeyFigureSummary, Link, OfferingSummary } from '../district/types.js';
import type { LinkRow } from '../district/writes.js';
import { DomainError } from '../errors.js';
import type { Raw } from '../mappers.js';
import type { Language, LinkKind, LinkSource, OfferingCategory, WijkActionStatus } from '../model.js';
import { one, type Tx } from '../tx.js';
import { toWijkAction, WIJK_ACTION_FIELDS } from './mappers.js';
import type { WijkAction } from './types.js';

/**
 * Changes to the wijkkaart. Each function runs inside the caller's write transaction (the API
 * checks access first and writes the audit record in the same transaction). Links, memberships and
 * offerings are never deleted: ending one sets `until`, so the map can be drawn at any date.
 */

// ---------------------------------------------------------------------------------------------
// Where things are: the districts a change touches decide who may make it.
// ---------------------------------------------------------------------------------------------

/** The districts of an organisation (where it is active) or a key figure (their wijk); undefined when there is no such node. */
export async function nodeDistricts(
  tx: Tx,
  id: string,
): Promise<{ kind: 'ORGANISATION' | 'KEY_FIGURE'; districtIds: string[]; consent: boolean } | undefined> {
  const record = await one<{ kind: 'ORGANISATION' | 'KEY_FIGURE'; districtIds: string[]; consent: boolean }>(
    tx,
    `CALL () {
       // An ended or merged organisation (issue 11) gets no new links, offerings or memberships.
       MATCH (o:Organisation {id: $id}) WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())
       RETURN 'ORGANISATION' AS kind, COLLECT { MATCH (o)-[:ACTIVE_IN]->(d:District) RETURN d.id } AS districtIds, true AS consent
       UNION
       MATCH (k:Person:KeyFigure {id: $id})
       RETURN 'KEY_FIGURE' AS kind, COLLECT { MATCH (k)-[:KEY_FIGURE_IN]->(d:District) RETURN d.id } AS districtIds,
              coalesce(k.mapConsent, false) AS consent
     }
     RETURN kind, districtIds, consent`,
    { id },
  );
  return record;
}

/** The districts a link touches: those of both its ends. */
export async function linkDistricts(tx: Tx, linkId: string): Promise<string[] | undefined> {
  const record = await one<{ districtIds: string[] }>(
    tx,
    `MATCH (a)-[l:COLLABORATES_WITH {id: $linkId}]->(b)
     RETURN COLLECT { MATCH (x)-[:ACTIVE_IN|KEY_FIGURE_IN]->(d:District) WHERE x = a OR x = b RETURN DISTINCT d.id } AS districtIds`,
    { linkId },
  );
  return record?.districtIds;
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

export interface NewLink extends Omit<LinkRow, 'recordedFor'> {
  /** The wijk it is recorded for (its map shows it even when the other end works elsewhere). */
  districtId: string;
  /** ISO date of today: actions about this pair close when the link is valid today. */
  today: string;
  now: string;
  createdByAccountId: string | null;
}

/**
 * Records a link. The same kind of link between the same two ends may exist once at a time (an
 * ended one may be recorded again). Open missing-link actions about exactly these two ends close
 * themselves when the new link is valid today; their ids are returned.
 */
export async function recordLink(tx: Tx, link: NewLink): Promise<{ link: Link; closedActionIds: string[] }> {
  const record = await one<{ link: Raw | null; duplicate: boolean; closed: string[] }>(
    tx,
    `OPTIONAL MATCH (ao:Organisation {id: $fromId})
     OPTIONAL MATCH (ak:Person:KeyFigure {id: $fromId})
     OPTIONAL MATCH (bo:Organisation {id: $toId})
     OPTIONAL MATCH (bk:Person:KeyFigure {id: $toId})
     WITH coalesce(ao, ak) AS a, coalesce(bo, bk) AS b
     WHERE a IS NOT NULL AND b IS NOT NULL
     WITH a, b, EXISTS {
       MATCH (a)-[old:COLLABORATES_WITH]-(b)
       WHERE old.kind = $kind AND (old.until IS NULL OR old.until > coalesce(date($since), date($today)))
     } AS duplicate
     OPTIONAL CALL (a, b, duplicate) {
       WITH a, b WHERE NOT duplicate
       CREATE (a)-[l:COLLABORATES_WITH {id: $id}]->(b)
       SET l.kind = $kind, l.since = date($since), l.until = date($until), l.strength = $strength,
           l.source = $source, l.note = $note, l.createdAt = datetime($now), l.createdBy = $createdBy,
           l.recordedFor = $districtId
       WITH a, b, l
       CALL (a, b, l) {
         MATCH (act:WijkAction {signalCode: 'MISSING_LINK'})-[:ABOUT]->(a)
         WHERE act.status IN ['OPEN', 'IN_PROGRESS'] AND (act)-[:ABOUT]->(b)
           AND COUNT { (act)-[:ABOUT]->() } = 2
           AND (l.since IS NULL OR l.since <= date($today)) AND (l.until IS NULL OR l.until > date($today))
         SET act.status = 'DONE', act.closedAt = datetime($now), act.closedReason = 'LINK_RECORDED',
             act.version = act.version + 1
         RETURN collect(act.id) AS closed
       }
       RETURN l {${LINK_FIELDS}} AS link, closed
     }
     RETURN duplicate, link, coalesce(closed, []) AS closed`,
    {
      id: link.id,
      districtId: link.districtId,
      fromId: link.fromId,
      toId: link.toId,
      kind: link.kind,
      since: link.since,
      until: link.until,
      strength: link.strength,
      source: link.source,
      note: link.note,
      today: link.today,
      now: link.now,
      createdBy: link.createdByAccountId,
    },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such organisation or key figure.', { field: 'input.toId' });
  if (record.duplicate || !record.link)
    throw new DomainError('CONFLICT', 'These two already have a link of this kind.', { field: 'input.kind' });
  return { link: toLink(record.link), closedActionIds: record.closed };
}

export interface LinkChange {
  id: string;
  kind: LinkKind;
  since: string | null;
  strength: number | null;
  source: LinkSource;
  note: string | null;
}

/** Changes what a link says (its kind, start, strength, source and note); ending it is `endLink`. */
export async function updateLink(tx: Tx, change: LinkChange): Promise<Link> {
  const record = await one<{ link: Raw; badPeriod: boolean }>(
    tx,
    `MATCH (a)-[l:COLLABORATES_WITH {id: $id}]->(b)
     WITH a, b, l, (l.until IS NOT NULL AND $since IS NOT NULL AND date($since) > l.until) AS badPeriod
     CALL (l, badPeriod) {
       WITH l WHERE NOT badPeriod
       SET l.kind = $kind, l.since = date($since), l.strength = $strength, l.source = $source, l.note = $note
     }
     RETURN l {${LINK_FIELDS}} AS link, badPeriod`,
    { ...change },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such link.', { field: 'input.id' });
  if (record.badPeriod) throw new DomainError('INVALID_INPUT', 'since must not be after until.', { field: 'input.since' });
  return toLink(record.link);
}

/** Ends a link on a date (it stays, so earlier maps still show it). */
export async function endLink(tx: Tx, id: string, until: string): Promise<Link> {
  const record = await one<{ link: Raw; problem: string | null }>(
    tx,
    `MATCH (a)-[l:COLLABORATES_WITH {id: $id}]->(b)
     WITH a, b, l,
       CASE WHEN l.until IS NOT NULL THEN 'ended'
            WHEN l.since IS NOT NULL AND date($until) < l.since THEN 'before' END AS problem
     CALL (l, problem) {
       WITH l WHERE problem IS NULL
       SET l.until = date($until)
     }
     RETURN l {${LINK_FIELDS}} AS link, problem`,
    { id, until },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such link.', { field: 'input.id' });
  if (record.problem === 'ended') throw new DomainError('CONFLICT', 'This link has already ended.', { field: 'input.id' });
  if (record.problem === 'before')
    throw new DomainError('INVALID_INPUT', 'until must not be before since.', { field: 'input.until' });
  return toLink(record.link);
}

// ---------------------------------------------------------------------------------------------
// Key figures
// ---------------------------------------------------------------------------------------------

export interface NewKeyFigure {
  id: string;
  districtId: string;
  name: string;
  description: string | null;
  /** ISO date the key figure consented, as the coordinator recorded it. */
  consentDate: string;
  now: string;
}

/** A key figure with their recorded consent to appear on the wijk's map. */
export async function recordKeyFigure(tx: Tx, figure: NewKeyFigure): Promise<KeyFigureSummary> {
  const record = await one<{ k: Raw }>(
    tx,
    `MATCH (d:District {id: $districtId})
     CREATE (k:Person:KeyFigure {id: $id})-[:KEY_FIGURE_IN]->(d)
     SET k.name = $name, k.description = $description, k.mapConsent = true, k.mapConsentAt = $now,
         k.mapConsentDate = date($consentDate)
     RETURN k {.id, .name, .description, districtId: d.id} AS k`,
    { ...figure },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such district.', { field: 'input.districtId' });
  return toKeyFigure(record.k);
}

// ---------------------------------------------------------------------------------------------
// Partnerships
// ---------------------------------------------------------------------------------------------

/** The district a partnership belongs to (null: city-wide), or undefined when there is no such partnership. */
export async function partnershipDistrict(tx: Tx, partnershipId: string): Promise<{ districtId: string | null } | undefined> {
  return one<{ districtId: string | null }>(
    tx,
    `MATCH (p:Partnership {id: $partnershipId})
     RETURN COLLECT { MATCH (p)-[:IN]->(d:District) RETURN d.id }[0] AS districtId`,
    { partnershipId },
  );
}

/** An organisation joins a partnership on a date; refused while it is a member. */
export async function joinPartnership(tx: Tx, partnershipId: string, organisationId: string, since: string): Promise<void> {
  const record = await one<{ member: boolean; found: boolean }>(
    tx,
    `MATCH (p:Partnership {id: $partnershipId}), (o:Organisation {id: $organisationId})
     WHERE p.until IS NULL AND o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date($since))
     WITH p, o, EXISTS { MATCH (o)-[m:MEMBER_OF]->(p) WHERE m.until IS NULL OR m.until > date($since) } AS member
     CALL (p, o, member) {
       WITH p, o WHERE NOT member
       CREATE (o)-[m:MEMBER_OF]->(p)
       SET m.since = date($since)
     }
     RETURN member, true AS found`,
    { partnershipId, organisationId, since },
  );
  if (!record)
    throw new DomainError('NOT_FOUND', 'No such partnership or organisation (or it has ended).', {
      field: 'input.organisationId',
    });
  if (record.member)
    throw new DomainError('CONFLICT', 'This organisation is already a member.', { field: 'input.organisationId' });
}

/** An organisation leaves a partnership on a date (the membership stays on record). */
export async function leavePartnership(tx: Tx, partnershipId: string, organisationId: string, until: string): Promise<void> {
  const record = await one<{ problem: string | null }>(
    tx,
    `MATCH (o:Organisation {id: $organisationId})-[m:MEMBER_OF]->(p:Partnership {id: $partnershipId})
     WHERE m.until IS NULL
     WITH m, CASE WHEN m.since IS NOT NULL AND date($until) < m.since THEN 'before' END AS problem
     CALL (m, problem) {
       WITH m WHERE problem IS NULL
       SET m.until = date($until)
     }
     RETURN problem`,
    { partnershipId, organisationId, until },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'This organisation is not a member.', { field: 'input.organisationId' });
  if (record.problem)
    throw new DomainError('INVALID_INPUT', 'until must not be before the day it joined.', { field: 'input.until' });
}

// ---------------------------------------------------------------------------------------------
// Offerings
// ---------------------------------------------------------------------------------------------

export interface NewOffering {
  id: string;
  districtId: string;
  organisationId: string;
  category: OfferingCategory;
  name: string;
  languages: Language[];
  since: string;
}

/** An offering of an organisation in the wijk. */
export async function recordOffering(tx: Tx, offering: NewOffering): Promise<OfferingSummary> {
  const record = await one<{ f: Raw }>(
    tx,
    `MATCH (o:Organisation {id: $organisationId}), (d:District {id: $districtId})
     WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date($since)) AND (d.until IS NULL OR d.until > date($since))
     CREATE (o)-[:OFFERS]->(f:Offering {id: $id})-[:IN]->(d)
     SET f.category = $category, f.name = $name, f.languages = $languages, f.since = date($since)
     RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f`,
    { ...offering },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.organisationId' });
  return toOffering(record.f);
}

/** Where an offering is (its organisation's and its own district), for the access check. */
export async function offeringDistrict(tx: Tx, offeringId: string): Promise<{ districtId: string } | undefined> {
  return one<{ districtId: string }>(tx, `MATCH (:Offering {id: $offeringId})-[:IN]->(d:District) RETURN d.id AS districtId`, {
    offeringId,
  });
}

export interface OfferingChange {
  id: string;
  category: OfferingCategory;
  name: string;
  languages: Language[];
}

export async function updateOffering(tx: Tx, change: OfferingChange): Promise<OfferingSummary> {
  const record = await one<{ f: Raw }>(
    tx,
    `MATCH (o:Organisation)-[:OFFERS]->(f:Offering {id: $id})-[:IN]->(d:District)
     SET f.category = $category, f.name = $name, f.languages = $languages
     RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f`,
    { ...change },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such offering.', { field: 'input.id' });
  return toOffering(record.f);
}

/** Ends an offering on a date (kept on record, gone from maps after that date). */
export async function endOffering(tx: Tx, id: string, until: string): Promise<OfferingSummary> {
  const record = await one<{ f: Raw; problem: string | null }>(
    tx,
    `MATCH (o:Organisation)-[:OFFERS]->(f:Offering {id: $id})-[:IN]->(d:District)
     WITH o, f, d, CASE WHEN f.until IS NOT NULL THEN 'ended'
                        WHEN f.since IS NOT NULL AND date($until) < f.since THEN 'before' END AS problem
     CALL (f, problem) {
       WITH f WHERE problem IS NULL
       SET f.until = date($until)
     }
     RETURN f {.id, .category, .name, .languages, organisationId: o.id, districtId: d.id} AS f, problem`,
    { id, until },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such offering.', { field: 'input.id' });
  if (record.problem === 'ended') throw new DomainError('CONFLICT', 'This offering has already ended.', { field: 'input.id' });
  if (record.problem) throw new DomainError('INVALID_INPUT', 'until must not be before it started.', { field: 'input.until' });
  return toOffering(record.f);
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/** An action as it is written: what `WijkAction` says before anyone changed or closed it. */
export type WijkActionRow = Omit<WijkAction, 'version' | 'closedAt' | 'closedReason'> & { createdByAccountId: string | null };

/** Demo actions, idempotent (MERGE by id). */
export async function upsertWijkActions(tx: Tx, actions: WijkActionRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (d:District {id: row.districtId})
     MERGE (a:WijkAction {id: row.id})
     SET a.title = row.title, a.signalCode = row.signalCode, a.signalKey = row.signalKey, a.owner = row.owner,
         a.due = date(row.due), a.status = row.status, a.createdAt = datetime(row.createdAt),
         a.createdBy = row.createdByAccountId, a.version = coalesce(a.version, 1),
         a.closedAt = CASE WHEN row.status IN ['DONE', 'DROPPED'] THEN datetime(row.createdAt) END
     MERGE (a)-[:IN]->(d)
     WITH a, row
     UNWIND row.nodeIds AS nodeId
     OPTIONAL MATCH (o:Organisation {id: nodeId})
     OPTIONAL MATCH (k:Person:KeyFigure {id: nodeId})
     WITH a, coalesce(o, k) AS n WHERE n IS NOT NULL
     MERGE (a)-[:ABOUT]->(n)`,
    { rows: actions },
  );
}

/** A new action; every node it is about must be an organisation or key figure. */
export async function createWijkAction(tx: Tx, action: WijkActionRow): Promise<WijkAction> {
  const record = await one<{ a: Raw | null; missing: number }>(
    tx,
    `MATCH (d:District {id: $districtId})
     WITH d, [id IN $nodeIds WHERE NOT EXISTS { MATCH (o:Organisation {id: id}) } AND NOT EXISTS { MATCH (k:Person:KeyFigure {id: id}) }] AS missing
     OPTIONAL CALL (d, missing) {
       WITH d WHERE size(missing) = 0
       CREATE (a:WijkAction {id: $id})-[:IN]->(d)
       SET a.title = $title, a.signalCode = $signalCode, a.signalKey = $signalKey, a.owner = $owner, a.due = date($due),
           a.status = $status, a.createdAt = datetime($createdAt), a.createdBy = $createdByAccountId, a.version = 1
       WITH a
       CALL (a) {
         UNWIND $nodeIds AS nodeId
         OPTIONAL MATCH (o:Organisation {id: nodeId})
         OPTIONAL MATCH (k:Person:KeyFigure {id: nodeId})
         WITH a, coalesce(o, k) AS n
         MERGE (a)-[:ABOUT]->(n)
       }
       RETURN a {${WIJK_ACTION_FIELDS}} AS a
     }
     RETURN a, size(missing) AS missing`,
    { ...action },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such district.', { field: 'input.districtId' });
  if (record.missing > 0 || !record.a)
    throw new DomainError('NOT_FOUND', 'No such organisation or key figure.', { field: 'input.nodeIds' });
  return toWijkAction(record.a);
}

export async function actionDistrict(tx: Tx, actionId: string): Promise<string | undefined> {
  const record = await one<{ districtId: string }>(
    tx,
    `MATCH (:WijkAction {id: $actionId})-[:IN]->(d:District) RETURN d.id AS districtId`,
    { actionId },
  );
  return record?.districtId;
}

export interface WijkActionChange {
  id: string;
  expectedVersion: number;
  title: string;
  owner: string;
  due: string | null;
  status: WijkActionStatus;
  now: string;
}

/** Changes an action; refused with EDIT_CONFLICT when a colleague changed it since the editor saw it. */
export async function updateWijkAction(tx: Tx, change: WijkActionChange): Promise<WijkAction> {
  const record = await one<{ a: Raw; stale: boolean }>(
    tx,
    `MATCH (a:WijkAction {id: $id})
     SET a._lock = true REMOVE a._lock
     WITH a, a.version <> $expectedVersion AS stale
     CALL (a, stale) {
       WITH a WHERE NOT stale
       SET a.title = $title, a.owner = $owner, a.due = date($due),
           a.closedAt = CASE WHEN $status IN ['DONE', 'DROPPED'] THEN coalesce(CASE WHEN a.status IN ['DONE', 'DROPPED'] THEN a.closedAt END, datetime($now)) END,
           a.closedReason = CASE WHEN $status IN ['DONE', 'DROPPED'] AND a.status = $status THEN a.closedReason END,
           a.status = $status, a.version = a.version + 1
     }
     RETURN a {${WIJK_ACTION_FIELDS}} AS a, stale`,
    { ...change },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such action.', { field: 'input.id' });
  if (record.stale)
    throw new DomainError('EDIT_CONFLICT', 'A colleague changed this action in the meantime.', { field: 'input.id' });
  return toWijkAction(record.a);
}
