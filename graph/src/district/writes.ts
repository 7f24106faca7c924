import type { Language, LinkKind, LinkSource, OfferingCategory, PartnershipKind } from '../model.js';
import type { Tx } from '../tx.js';

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
