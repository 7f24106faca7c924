import type { Sector, Tier } from '../model.js';
import type { Tx } from '../tx.js';

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
