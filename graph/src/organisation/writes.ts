import { DomainError } from '../errors.js';
import { TIER_OF_SECTOR, type Sector, type Tier } from '../model.js';
import { one, rows, type Tx } from '../tx.js';
import { findOrganisationRecords } from './reads.js';
import { nameKey, slugify } from './schemas.js';
import type { MergeResult, OrganisationRecord } from './types.js';

export interface OrganisationRow {
  id: string;
  name: string;
  slug: string;
  tier: Tier | null;
  sector: Sector;
  /** 'source' when the report states it, 'assumed' when it is our classification. */
  classification: 'source' | 'assumed';
  note: string | null;
  districtIds: string[];
}

export async function upsertOrganisations(tx: Tx, organisations: OrganisationRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (o:Organisation {id: row.id})
     SET o.name = row.name, o.slug = row.slug, o.tier = row.tier, o.sector = row.sector,
         o.classification = row.classification, o.note = row.note
     WITH o, row
     UNWIND row.districtIds AS districtId
     MATCH (d:District {id: districtId})
     MERGE (o)-[:ACTIVE_IN]->(d)`,
    { rows: organisations },
  );
}

// ---------------------------------------------------------------------------------------------
// Administration (issue 11): create, edit, end and merge. Each function runs inside the caller's
// write transaction (the API checks access and writes the audit record in the same transaction).
// Nothing that is referenced is deleted: ending sets `until`, merging keeps the duplicate as a
// record marked `mergedInto`.
// ---------------------------------------------------------------------------------------------

export interface NewOrganisation {
  id: string;
  name: string;
  /** null: made from the name (with -2, -3 … when that slug is taken). */
  slug: string | null;
  sector: Sector;
  note: string | null;
  districtIds: string[];
}

/** The field a problem with row `index` of `count` rows is reported on: `input.x` for one row, `rows.3.x` in a batch. */
function fieldOf(count: number, index: number, field: string): string {
  return count === 1 ? `input.${field}` : `rows.${String(index)}.${field}`;
}

interface KnownOrganisation {
  id: string;
  name: string;
  slug: string;
  current: boolean;
}

/** Every organisation's name and slug, in one scan: duplicates are found by `nameKey`, which Cypher cannot compute. */
async function knownOrganisations(tx: Tx, today: string): Promise<KnownOrganisation[]> {
  return rows<KnownOrganisation>(
    tx,
    `MATCH (o:Organisation)
     RETURN o.id AS id, o.name AS name, o.slug AS slug,
            o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date($today)) AS current`,
    { today },
  );
}

async function requireDistricts(tx: Tx, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const record = await one<{ missing: string[] }>(
    tx,
    `UNWIND $ids AS id
     OPTIONAL MATCH (d:District {id: id})
     WITH id, d WHERE d IS NULL
     RETURN collect(id) AS missing`,
    { ids: [...new Set(ids)] },
  );
  if ((record?.missing.length ?? 0) > 0) throw new DomainError('NOT_FOUND', 'No such wijk.', { field });
}

/**
 * Creates organisations (one, or a batch from an import) with their wijken. Refused with CONFLICT
 * when a current organisation has the same name (case and accents do not count) or a given slug is
 * taken; NOT_FOUND when a wijk does not exist. Returns them in the order given.
 */
export async function createOrganisations(
  tx: Tx,
  organisations: readonly NewOrganisation[],
  options: { today: string; now: string },
): Promise<OrganisationRecord[]> {
  if (organisations.length === 0) return [];
  const known = await knownOrganisations(tx, options.today);
  const names = new Set(known.filter((o) => o.current).map((o) => nameKey(o.name)));
  const slugs = new Set(known.map((o) => o.slug));
  const planned = organisations.map((organisation, index) => {
    const key = nameKey(organisation.name);
    if (names.has(key))
      throw new DomainError('CONFLICT', 'An organisation with this name exists already.', {
        field: fieldOf(organisations.length, index, 'name'),
      });
    names.add(key);
    let slug = organisation.slug;
    if (slug !== null) {
      if (slugs.has(slug))
        throw new DomainError('CONFLICT', 'This slug is taken.', { field: fieldOf(organisations.length, index, 'slug') });
    } else {
      const base = slugify(organisation.name) || 'organisatie';
      slug = base;
      for (let n = 2; slugs.has(slug); n += 1) slug = `${base}-${String(n)}`;
    }
    slugs.add(slug);
    return { ...organisation, slug, tier: TIER_OF_SECTOR[organisation.sector] };
  });
  await requireDistricts(
    tx,
    organisations.flatMap((o) => o.districtIds),
    organisations.length === 1 ? 'input.districtIds' : 'rows.districtIds',
  );
  await tx.run(
    `UNWIND $rows AS row
     CREATE (o:Organisation {id: row.id})
     SET o.name = row.name, o.slug = row.slug, o.tier = row.tier, o.sector = row.sector, o.note = row.note,
         o.createdAt = datetime($now)
     WITH o, row
     UNWIND row.districtIds AS districtId
     MATCH (d:District {id: districtId})
     MERGE (o)-[:ACTIVE_IN]->(d)`,
    { rows: planned, now: options.now },
  );
  const found = await findOrganisationRecords(
    tx,
    planned.map((o) => o.id),
  );
  const byId = new Map(found.map((o) => [o.id, o]));
  return planned.map((o) => {
    const record = byId.get(o.id);
    if (!record) throw new DomainError('INTEGRITY', `Organisation ${o.id} was not created.`);
    return record;
  });
}

export async function createOrganisation(
  tx: Tx,
  organisation: NewOrganisation,
  options: { today: string; now: string },
): Promise<OrganisationRecord> {
  const [created] = await createOrganisations(tx, [organisation], options);
  if (!created) throw new DomainError('INTEGRITY', 'The organisation was not created.');
  return created;
}

export interface OrganisationChange {
  id: string;
  name: string;
  sector: Sector;
  note: string | null;
  /** Exactly the wijken it is active in from now on. */
  districtIds: string[];
}

/** Changes what an organisation is called, its sector (and so its tier), note and wijken. A merged record cannot change. */
export async function updateOrganisation(tx: Tx, change: OrganisationChange, today: string): Promise<OrganisationRecord> {
  const state = await one<{ mergedInto: string | null }>(
    tx,
    `MATCH (o:Organisation {id: $id}) SET o._lock = true REMOVE o._lock RETURN o.mergedInto AS mergedInto`,
    { id: change.id },
  );
  if (!state) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.id' });
  if (state.mergedInto !== null)
    throw new DomainError('CONFLICT', 'This record was merged into another one; change that one.', { field: 'input.id' });
  const key = nameKey(change.name);
  const known = await knownOrganisations(tx, today);
  if (known.some((o) => o.current && o.id !== change.id && nameKey(o.name) === key))
    throw new DomainError('CONFLICT', 'An organisation with this name exists already.', { field: 'input.name' });
  await requireDistricts(tx, change.districtIds, 'input.districtIds');
  await tx.run(
    `MATCH (o:Organisation {id: $id})
     SET o.name = $name, o.sector = $sector, o.tier = $tier, o.note = $note
     WITH o
     CALL (o) {
       MATCH (o)-[r:ACTIVE_IN]->(d:District) WHERE NOT d.id IN $districtIds
       DELETE r
     }
     CALL (o) {
       UNWIND $districtIds AS districtId
       MATCH (d:District {id: districtId})
       MERGE (o)-[:ACTIVE_IN]->(d)
     }`,
    { ...change, tier: TIER_OF_SECTOR[change.sector] },
  );
  const [record] = await findOrganisationRecords(tx, [change.id]);
  if (!record) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.id' });
  return record;
}

export interface EndReport {
  links: number;
  memberships: number;
  offerings: number;
}

/**
 * Ends an organisation on a date: from that date it is no longer on maps or in searches. Its links,
 * memberships and offerings that were still running end on the same date (kept on record), so a
 * map of an earlier date shows it as it was. Refused when it ended already or was merged.
 */
export async function endOrganisation(
  tx: Tx,
  id: string,
  until: string,
  now: string,
): Promise<{ organisation: OrganisationRecord; ended: EndReport }> {
  const record = await one<{
    problem: string | null;
    links: number | null;
    memberships: number | null;
    offerings: number | null;
  }>(
    tx,
    `MATCH (o:Organisation {id: $id})
     SET o._lock = true REMOVE o._lock
     WITH o, CASE WHEN o.mergedInto IS NOT NULL THEN 'merged' WHEN o.until IS NOT NULL THEN 'ended' END AS problem
     OPTIONAL CALL (o, problem) {
       WITH o, problem WHERE problem IS NULL
       SET o.until = date($until), o.endedAt = datetime($now)
       WITH o
       CALL (o) {
         MATCH (o)-[l:COLLABORATES_WITH]-()
         WHERE l.until IS NULL OR l.until > date($until)
         SET l.until = CASE WHEN l.since IS NOT NULL AND l.since > date($until) THEN l.since ELSE date($until) END
         RETURN count(l) AS links
       }
       CALL (o) {
         MATCH (o)-[m:MEMBER_OF]->(:Partnership)
         WHERE m.until IS NULL OR m.until > date($until)
         SET m.until = CASE WHEN m.since IS NOT NULL AND m.since > date($until) THEN m.since ELSE date($until) END
         RETURN count(m) AS memberships
       }
       CALL (o) {
         MATCH (o)-[:OFFERS]->(f:Offering)
         WHERE f.until IS NULL OR f.until > date($until)
         SET f.until = CASE WHEN f.since IS NOT NULL AND f.since > date($until) THEN f.since ELSE date($until) END
         RETURN count(f) AS offerings
       }
       RETURN links, memberships, offerings
     }
     RETURN problem, links, memberships, offerings`,
    { id, until, now },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.id' });
  if (record.problem === 'merged')
    throw new DomainError('CONFLICT', 'This record was merged into another one.', { field: 'input.id' });
  if (record.problem === 'ended')
    throw new DomainError('CONFLICT', 'This organisation has ended already.', { field: 'input.id' });
  const [organisation] = await findOrganisationRecords(tx, [id]);
  if (!organisation) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.id' });
  return {
    organisation,
    ended: { links: record.links ?? 0, memberships: record.memberships ?? 0, offerings: record.offerings ?? 0 },
  };
}

/**
 * Every relationship type that touches an organisation (graph/migrations, graph/src, seed/src as of
 * issue 11) and that a merge knows how to move. A duplicate with any other type is not merged
 * (CONFLICT), so a relationship added later cannot be lost silently.
 */
export const ORGANISATION_RELATIONSHIPS = [
  'ACTIVE_IN',
  'OFFERS',
  'MEMBER_OF',
  'COLLABORATES_WITH',
  'WORKS_AT',
  'ABOUT',
  'PLACES',
  'MERGED_INTO',
] as const;

/**
 * Two records of the same organisation become one (issue 11). Everything of the duplicate moves to
 * the record that is kept: wijken, offerings, memberships, links, the people employed by it, the
 * coordinators' actions about it and the entries in clients' circles (open and frozen). Nothing
 * is doubled: a link the kept record already has with the same other end (same kind, overlapping
 * period) becomes one link with the earliest start and the latest end; a membership of the same
 * partnership likewise; a circle that places both keeps one entry (support kinds joined, its ties
 * pointed at the entry that stays). Links between the two records go. The duplicate stays as a
 * record marked `mergedInto` (with the date), with a MERGED_INTO relationship, so old ids can be
 * resolved and history explained. Runs in the caller's transaction: it all happens or none of it.
 */
export async function mergeOrganisations(
  tx: Tx,
  input: { duplicateId: string; keepId: string; now: string },
): Promise<MergeResult> {
  if (input.duplicateId === input.keepId)
    throw new DomainError('INVALID_INPUT', 'An organisation cannot be merged into itself.', { field: 'input.keepId' });
  const check = await one<{
    duplicate: boolean;
    keep: boolean;
    duplicateMerged: string | null;
    keepMerged: string | null;
    unknown: string[];
  }>(
    tx,
    `OPTIONAL MATCH (d:Organisation {id: $duplicateId})
     OPTIONAL MATCH (k:Organisation {id: $keepId})
     CALL (d, k) {
       WITH d, k WHERE d IS NOT NULL AND k IS NOT NULL
       SET d._lock = true, k._lock = true
       REMOVE d._lock, k._lock
     }
     RETURN d IS NOT NULL AS duplicate, k IS NOT NULL AS keep, d.mergedInto AS duplicateMerged, k.mergedInto AS keepMerged,
       COLLECT { MATCH (d)-[r]-() WHERE NOT type(r) IN $known RETURN DISTINCT type(r) } AS unknown`,
    { duplicateId: input.duplicateId, keepId: input.keepId, known: ORGANISATION_RELATIONSHIPS },
  );
  if (!check?.duplicate) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.duplicateId' });
  if (!check.keep) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.keepId' });
  if (check.duplicateMerged !== null)
    throw new DomainError('CONFLICT', 'This record was merged into another one already.', { field: 'input.duplicateId' });
  if (check.keepMerged !== null)
    throw new DomainError('CONFLICT', 'The record to keep was itself merged into another one; keep that one.', {
      field: 'input.keepId',
    });
  if (check.unknown.length > 0)
    throw new DomainError('CONFLICT', `The duplicate has relationships a merge cannot move: ${check.unknown.join(', ')}.`, {
      field: 'input.duplicateId',
    });

  const ids = { duplicateId: input.duplicateId, keepId: input.keepId, now: input.now };
  const count = async (cypher: string): Promise<number> => (await one<{ n: number }>(tx, cypher, ids))?.n ?? 0;

  const districts = await count(
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (d)-[r:ACTIVE_IN]->(x:District)
     WITH k, collect({r: r, x: x, had: EXISTS { (k)-[:ACTIVE_IN]->(x) }}) AS found
     UNWIND found AS f
     WITH k, f.r AS r, f.x AS x, f.had AS had
     MERGE (k)-[:ACTIVE_IN]->(x)
     DELETE r
     RETURN count(CASE WHEN had THEN null ELSE x END) AS n`,
  );
  const offerings = await count(
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (d)-[r:OFFERS]->(f:Offering)
     WITH k, collect({r: r, f: f}) AS found
     UNWIND found AS row
     WITH k, row.r AS r, row.f AS f
     CREATE (k)-[:OFFERS]->(f)
     DELETE r
     RETURN count(f) AS n`,
  );
  const memberships = await count(
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (d)-[m:MEMBER_OF]->(p:Partnership)
     WITH k, collect({m: m, p: p}) AS found
     UNWIND found AS row
     WITH k, row.m AS m, row.p AS p
     CALL (k, m, p) {
       OPTIONAL MATCH (k)-[km:MEMBER_OF]->(p)
       WHERE (km.since IS NULL OR m.until IS NULL OR km.since <= m.until)
         AND (m.since IS NULL OR km.until IS NULL OR m.since <= km.until)
       WITH k, m, p, head(collect(km)) AS same
       CALL (k, m, p, same) {
         WITH k, m, p, same WHERE same IS NULL
         CREATE (k)-[n:MEMBER_OF]->(p)
         SET n = properties(m)
       }
       CALL (m, same) {
         WITH m, same WHERE same IS NOT NULL
         SET same.since = CASE WHEN same.since IS NULL OR m.since IS NULL THEN null
                               WHEN m.since < same.since THEN m.since ELSE same.since END,
             same.until = CASE WHEN same.until IS NULL OR m.until IS NULL THEN null
                               WHEN m.until > same.until THEN m.until ELSE same.until END
       }
       DELETE m
       RETURN 1 AS done
     }
     RETURN count(done) AS n`,
  );
  const linkOutcomes = await rows<{ outcome: string; n: number }>(
    tx,
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (d)-[l:COLLABORATES_WITH]-(x)
     WITH d, k, collect({l: l, x: x, outgoing: startNode(l) = d}) AS found
     UNWIND found AS row
     WITH k, row.l AS l, row.x AS x, row.outgoing AS outgoing
     CALL (k, l, x, outgoing) {
       WITH k, l, x, outgoing WHERE x = k
       DELETE l
       RETURN 'self' AS outcome
     UNION
       WITH k, l, x, outgoing WHERE x <> k
       OPTIONAL MATCH (k)-[kl:COLLABORATES_WITH]-(x)
       WHERE kl.kind = l.kind
         AND (kl.since IS NULL OR l.until IS NULL OR kl.since <= l.until)
         AND (l.since IS NULL OR kl.until IS NULL OR l.since <= kl.until)
       WITH k, l, x, outgoing, head(collect(kl)) AS same
       CALL (k, l, x, outgoing, same) {
         WITH k, l, x, outgoing, same, properties(l) AS props WHERE same IS NULL
         DELETE l
         WITH k, x, outgoing, props
         CALL (k, x, outgoing, props) {
           WITH k, x, outgoing, props WHERE outgoing
           CREATE (k)-[n:COLLABORATES_WITH]->(x)
           SET n = props
         }
         CALL (k, x, outgoing, props) {
           WITH k, x, outgoing, props WHERE NOT outgoing
           CREATE (x)-[n:COLLABORATES_WITH]->(k)
           SET n = props
         }
       }
       CALL (l, same) {
         WITH l, same WHERE same IS NOT NULL
         SET same.since = CASE WHEN same.since IS NULL OR l.since IS NULL THEN null
                               WHEN l.since < same.since THEN l.since ELSE same.since END,
             same.until = CASE WHEN same.until IS NULL OR l.until IS NULL THEN null
                               WHEN l.until > same.until THEN l.until ELSE same.until END,
             same.strength = CASE WHEN same.strength IS NULL THEN l.strength
                                  WHEN l.strength IS NULL OR same.strength >= l.strength THEN same.strength ELSE l.strength END,
             same.note = coalesce(same.note, l.note),
             same.recordedFor = coalesce(same.recordedFor, l.recordedFor)
         DELETE l
       }
       RETURN CASE WHEN same IS NULL THEN 'moved' ELSE 'shared' END AS outcome
     }
     RETURN outcome, count(*) AS n`,
    ids,
  );
  const outcome = (name: string) => linkOutcomes.find((o) => o.outcome === name)?.n ?? 0;
  const employees = await count(
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (p:Person)-[r:WORKS_AT]->(d)
     WITH k, collect({p: p, r: r, props: properties(r)}) AS found
     UNWIND found AS row
     WITH k, row.p AS p, row.r AS r, row.props AS props
     MERGE (p)-[w:WORKS_AT]->(k)
     ON CREATE SET w = props
     DELETE r
     RETURN count(DISTINCT p) AS n`,
  );
  const actions = await count(
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (a:WijkAction)-[r:ABOUT]->(d)
     WITH k, collect({a: a, r: r, both: EXISTS { (a)-[:ABOUT]->(k) }}) AS found
     UNWIND found AS row
     WITH k, row.a AS a, row.r AS r, row.both AS both
     MERGE (a)-[:ABOUT]->(k)
     SET a.version = coalesce(a.version, 1) + 1
     DELETE r
     // A missing link between the two records of one organisation is not missing: that action ends.
     WITH a, both
     CALL (a, both) {
       WITH a WHERE both AND a.signalCode = 'MISSING_LINK' AND a.status IN ['OPEN', 'IN_PROGRESS']
       SET a.status = 'DROPPED', a.closedAt = datetime($now), a.closedReason = 'ORGANISATIONS_MERGED'
     }
     RETURN count(DISTINCT a) AS n`,
  );
  const circles = await rows<{ circleId: string; clientId: string | null; version: number; open: boolean; entryIds: string[] }>(
    tx,
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     MATCH (c:NetworkCircle)-[p:PLACES]->(d)
     WITH k, collect({c: c, p: p}) AS found
     UNWIND found AS row
     WITH k, row.c AS c, row.p AS p
     CALL (k, c, p) {
       OPTIONAL MATCH (c)-[q:PLACES]->(k)
       WITH k, c, p, q
       CALL (k, c, p, q) {
         WITH k, c, p, q, properties(p) AS props WHERE q IS NULL
         DELETE p
         CREATE (c)-[n:PLACES]->(k)
         SET n = props, n.version = coalesce(props.version, 0) + 1
         RETURN n.id AS entryId
       UNION
         WITH c, p, q WHERE q IS NOT NULL
         SET q.support = reduce(acc = coalesce(q.support, []), s IN coalesce(p.support, []) | CASE WHEN s IN acc THEN acc ELSE acc + s END),
             q.relation = coalesce(q.relation, p.relation), q.note = coalesce(q.note, p.note),
             q.wish = coalesce(q.wish, p.wish), q.frequency = coalesce(q.frequency, p.frequency),
             q.version = coalesce(q.version, 0) + 1
         SET q.safetyNet = 'SAFETY_NET' IN q.support
         WITH c, p, q.id AS kept, p.id AS gone
         DELETE p
         WITH c, kept, [t IN coalesce(c.ties, []) | [x IN split(t, '~') | CASE WHEN x = gone THEN kept ELSE x END]] AS pairs
         WITH c, kept, [pair IN pairs WHERE pair[0] <> pair[1] |
                          CASE WHEN pair[0] < pair[1] THEN pair[0] + '~' + pair[1] ELSE pair[1] + '~' + pair[0] END] AS ties
         SET c.ties = reduce(acc = [], t IN ties | CASE WHEN t IN acc THEN acc ELSE acc + t END)
         RETURN kept AS entryId
       }
       RETURN entryId
     }
     WITH c, collect(DISTINCT entryId) AS entryIds
     SET c.version = CASE WHEN c.frozenAt IS NULL THEN coalesce(c.version, 0) + 1 ELSE c.version END
     RETURN c.id AS circleId, COLLECT { MATCH (c)-[:OF]->(cl:Client) RETURN cl.id }[0] AS clientId,
            coalesce(c.version, 0) AS version, c.frozenAt IS NULL AS open, entryIds`,
    ids,
  );
  const left = await one<{ left: number }>(
    tx,
    `MATCH (d:Organisation {id: $duplicateId}), (k:Organisation {id: $keepId})
     SET d.mergedInto = k.id, d.mergedAt = datetime($now), k.note = coalesce(k.note, d.note)
     CREATE (d)-[:MERGED_INTO {at: datetime($now)}]->(k)
     RETURN COUNT { (d)-[r]-() WHERE NOT r:MERGED_INTO } AS left`,
    { ...ids, now: input.now },
  );
  // Every relationship was moved above; anything left means the statements and the list disagree.
  if ((left?.left ?? 0) > 0) throw new DomainError('INTEGRITY', 'The duplicate still has relationships after the merge.');
  const [kept] = await findOrganisationRecords(tx, [input.keepId]);
  if (!kept) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'input.keepId' });
  return {
    kept,
    counts: {
      links: outcome('moved'),
      sharedLinks: outcome('shared'),
      selfLinks: outcome('self'),
      offerings,
      memberships,
      districts,
      employees,
      actions,
    },
    circles: circles.map((c) => {
      if (c.clientId === null) throw new DomainError('INTEGRITY', `Circle ${c.circleId} has no client.`);
      return { circleId: c.circleId, clientId: c.clientId, version: c.version, open: c.open, entryIds: c.entryIds };
    }),
  };
}
