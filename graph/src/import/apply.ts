import type { Tx } from '../tx.js';
import { planSocialMapImport, type ImportPlan, type PlanOptions } from './plan.js';
import type { ParsedFile } from './types.js';

export interface ApplyOptions extends PlanOptions {
  /** ISO date of today: open missing-link actions about a new link valid today close themselves. */
  today: string;
  /** ISO date-time, recorded on new links. */
  now: string;
  accountId: string | null;
}

export interface ApplyResult {
  /** False when the file has errors: nothing was written. */
  applied: boolean;
  plan: ImportPlan;
  /** Missing-link actions closed because the link they asked for is now recorded. */
  closedActionIds: string[];
}

/**
 * Applies a parsed file inside the caller's write transaction: plans again against what the
 * database holds now (someone may have changed it since the dry run) and writes nothing when that
 * plan has any error. Otherwise every create and change is one UNWIND statement per kind of
 * record, in this one transaction: all of it commits, or none of it.
 */
export async function applySocialMapImport(tx: Tx, parsed: ParsedFile, options: ApplyOptions): Promise<ApplyResult> {
  const plan = await planSocialMapImport(tx, parsed, options);
  if (plan.issueCount > 0) return { applied: false, plan, closedActionIds: [] };
  const { organisations, partnerships, offerings, memberships, links } = plan.writes;

  if (organisations.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.create
         CREATE (o:Organisation {id: row.id})
         SET o.slug = row.slug, o.createdAt = datetime($now)
       }
       MATCH (o:Organisation {id: row.id})
       SET o.name = row.name, o.tier = row.tier, o.sector = row.sector, o.note = row.note
       WITH o, row
       UNWIND row.districtIds AS districtId
       MATCH (d:District {id: districtId})
       MERGE (o)-[:ACTIVE_IN]->(d)`,
      { rows: organisations, now: options.now },
    );
  }
  if (partnerships.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.create
         CREATE (:Partnership {id: row.id})
       }
       MATCH (p:Partnership {id: row.id})
       SET p.name = row.name, p.kind = row.kind
       WITH p, row WHERE row.districtId IS NOT NULL
       MATCH (d:District {id: row.districtId})
       CALL (p, d) {
         MATCH (p)-[old:IN]->(other:District) WHERE other <> d
         DELETE old
       }
       MERGE (p)-[:IN]->(d)`,
      { rows: partnerships },
    );
  }
  if (offerings.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.create
         MATCH (o:Organisation {id: row.organisationId}), (d:District {id: row.districtId})
         CREATE (o)-[:OFFERS]->(:Offering {id: row.id, category: row.category})-[:IN]->(d)
       }
       MATCH (f:Offering {id: row.id})
       SET f.name = row.name, f.languages = row.languages, f.since = date(row.since), f.until = date(row.until)`,
      { rows: offerings },
    );
  }
  if (memberships.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.elementId IS NULL
         MATCH (o:Organisation {id: row.organisationId}), (p:Partnership {id: row.partnershipId})
         CREATE (o)-[m:MEMBER_OF]->(p)
         SET m.since = date(row.since), m.until = date(row.until)
       }
       CALL (row) {
         WITH row WHERE row.elementId IS NOT NULL
         MATCH ()-[m:MEMBER_OF]->() WHERE elementId(m) = row.elementId
         SET m.since = date(row.since), m.until = date(row.until)
       }`,
      { rows: memberships },
    );
  }
  let closedActionIds: string[] = [];
  if (links.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.create
         MATCH (a:Organisation {id: row.fromId}), (b:Organisation {id: row.toId})
         CREATE (a)-[l:COLLABORATES_WITH {id: row.id}]->(b)
         SET l.kind = row.kind, l.createdAt = datetime($now), l.createdBy = $accountId
       }
       MATCH ()-[l:COLLABORATES_WITH {id: row.id}]->()
       SET l.since = date(row.since), l.until = date(row.until), l.strength = row.strength,
           l.source = row.source, l.note = row.note, l.recordedFor = row.recordedFor`,
      { rows: links, now: options.now, accountId: options.accountId },
    );
    // As recordLink does: an open missing-link action about exactly these two closes itself.
    const closed = await tx.run<{ id: string }>(
      `UNWIND $rows AS row
       WITH row WHERE row.create
         AND (row.since IS NULL OR date(row.since) <= date($today))
         AND (row.until IS NULL OR date(row.until) > date($today))
       MATCH (a:Organisation {id: row.fromId}), (b:Organisation {id: row.toId})
       MATCH (act:WijkAction {signalCode: 'MISSING_LINK'})-[:ABOUT]->(a)
       WHERE act.status IN ['OPEN', 'IN_PROGRESS'] AND (act)-[:ABOUT]->(b) AND COUNT { (act)-[:ABOUT]->() } = 2
       WITH DISTINCT act
       SET act.status = 'DONE', act.closedAt = datetime($now), act.closedReason = 'LINK_RECORDED',
           act.version = act.version + 1
       RETURN act.id AS id`,
      { rows: links, today: options.today, now: options.now },
    );
    closedActionIds = closed.records.map((r) => r.get('id'));
  }
  return { applied: true, plan, closedActionIds };
}
