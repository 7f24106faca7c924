import type { Database } from '../driver.js';
import { DomainError } from '../errors.js';
import type { Tx } from '../tx.js';

/**
 * Deletes one synthetic city (seed/src/generator.ts) by its slug prefix, e.g. "synth-1000-".
 * A city of 10,000 clients is about 400,000 rows, more than one transaction should hold, so each
 * step deletes in batches (`CALL { } IN TRANSACTIONS`, which runs in auto-commit transactions).
 */
export async function deleteSyntheticCity(db: Database, slugPrefix: string): Promise<void> {
  if (!/^synth-\d+-$/.test(slugPrefix))
    throw new DomainError('INVALID_INPUT', 'not a synthetic slug prefix', { field: 'slugPrefix' });
  const p = { prefix: slugPrefix };
  const steps = [
    `MATCH (d:District)<-[:LIVES_IN]-(c:Client) WHERE d.slug STARTS WITH $prefix
     MATCH (n:NetworkCircle)-[:OF]->(c)
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS`,
    `MATCH (d:District)<-[:LIVES_IN]-(c:Client) WHERE d.slug STARTS WITH $prefix
     MATCH (x:Person)-[:CONTACT_OF]->(c)
     CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (d:District)<-[:LIVES_IN|KEY_FIGURE_IN]-(x:Person) WHERE d.slug STARTS WITH $prefix
     CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (d:District)<-[:IN]-(x) WHERE d.slug STARTS WITH $prefix AND (x:Offering OR x:Partnership)
     CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (o:Organisation)<-[:WORKS_AT]-(w:SupportWorker) WHERE o.slug STARTS WITH $prefix
     CALL (w) { DETACH DELETE w } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (o:Organisation) WHERE o.slug STARTS WITH $prefix
     CALL (o) { DETACH DELETE o } IN TRANSACTIONS OF 1000 ROWS`,
    'MATCH (d:District) WHERE d.slug STARTS WITH $prefix DETACH DELETE d',
  ];
  for (const statement of steps) await db.autoCommit(statement, p);
}

/** The checksum recorded when a named dataset (such as the demo data) was last loaded. */
export async function datasetChecksum(tx: Tx, name: string): Promise<string | null> {
  const result = await tx.run('MATCH (d:Dataset {name: $name}) RETURN d.checksum AS checksum', { name });
  const value: unknown = result.records[0]?.get('checksum');
  return typeof value === 'string' ? value : null;
}

export async function recordDataset(tx: Tx, name: string, checksum: string): Promise<void> {
  await tx.run('MERGE (d:Dataset {name: $name}) SET d.checksum = $checksum, d.loadedAt = datetime()', { name, checksum });
}
