import { DomainError } from '../errors.js';
import { one, rows, type Tx } from '../tx.js';

/** A study an admin set up: its exports share one salt, so a client keeps one pseudonym across them. */
export interface ResearchStudy {
  id: string;
  name: string;
  createdAt: string;
}

/** The salt never leaves `graph` through this type: it is read only by `studySalt`. */
export async function createStudy(
  tx: Tx,
  study: { id: string; name: string; salt: string; now: string },
): Promise<ResearchStudy> {
  const taken = await one<{ n: number }>(tx, 'MATCH (s:ResearchStudy {name: $name}) RETURN count(s) AS n', { name: study.name });
  if ((taken?.n ?? 0) > 0) throw new DomainError('CONFLICT', 'A study with this name exists already.', { field: 'name' });
  const created = await one<{ study: ResearchStudy }>(
    tx,
    `CREATE (s:ResearchStudy {id: $id, name: $name, salt: $salt, createdAt: datetime($now)})
     RETURN s {.id, .name, createdAt: toString(s.createdAt)} AS study`,
    study,
  );
  if (!created) throw new Error('the study was not created');
  return created.study;
}

export async function listStudies(tx: Tx): Promise<ResearchStudy[]> {
  const found = await rows<{ study: ResearchStudy }>(
    tx,
    `MATCH (s:ResearchStudy) RETURN s {.id, .name, createdAt: toString(s.createdAt)} AS study ORDER BY s.name LIMIT 500`,
  );
  return found.map((row) => row.study);
}

export async function studySalt(tx: Tx, id: string): Promise<string | undefined> {
  return (await one<{ salt: string }>(tx, 'MATCH (s:ResearchStudy {id: $id}) RETURN s.salt AS salt', { id }))?.salt;
}
