import { DomainError } from '../errors.js';
import { one, rows, type Tx } from '../tx.js';

export interface ErasureReport {
  circles: number;
  contacts: number;
  grants: number;
  accounts: number;
}

/**
 * Erases a client: their circles, every person who exists only in their circles, their grants,
 * their account and sessions, and their own person node. Organisations and professionals placed
 * in the circles stay (they are not the client's data). The audit log keeps its records, which
 * name the client only by pseudonym.
 */
export async function eraseClient(tx: Tx, clientId: string): Promise<ErasureReport> {
  const record = await one<{ circles: number; contacts: number; grants: number; accounts: number }>(
    tx,
    `MATCH (c:Person:Client {id: $clientId})
     CALL (c) {
       OPTIONAL MATCH (n:NetworkCircle)-[:OF]->(c)
       DETACH DELETE n
       RETURN count(n) AS circles
     }
     CALL (c) {
       OPTIONAL MATCH (p:Person)-[:CONTACT_OF]->(c)
       WHERE NOT p:Client AND NOT p:SupportWorker AND NOT p:KeyFigure AND NOT p:Coordinator
       DETACH DELETE p
       RETURN count(p) AS contacts
     }
     CALL (c) {
       OPTIONAL MATCH (c)-[g:GRANTS_ACCESS]->()
       DELETE g
       RETURN count(g) AS grants
     }
     CALL (c) {
       OPTIONAL MATCH (a:Account)-[:SIGNS_IN_AS]->(c)
       OPTIONAL MATCH (s:Session {accountId: a.id})
       DETACH DELETE s, a
       RETURN count(DISTINCT a) AS accounts
     }
     DETACH DELETE c
     RETURN circles, contacts, grants, accounts`,
    { clientId },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such client.');
  return record;
}

/** Erases people who exist only in circles, everywhere they appear. Returns the clients whose circles changed. */
export async function eraseCirclePeople(tx: Tx, personIds: readonly string[]): Promise<string[]> {
  const found = await rows<{ clientId: string }>(
    tx,
    `UNWIND $personIds AS personId
     MATCH (p:Person {id: personId})-[:CONTACT_OF]->(c:Client)
     WHERE NOT p:Client AND NOT p:SupportWorker AND NOT p:KeyFigure AND NOT p:Coordinator
     WITH p, c.id AS clientId
     // Ties name entries; those of the erased person's entries go with them.
     CALL (p) {
       MATCH (circle:NetworkCircle)-[e:PLACES]->(p)
       SET circle.ties = [tie IN coalesce(circle.ties, []) WHERE NOT e.id IN split(tie, '~')]
     }
     DETACH DELETE p
     RETURN DISTINCT clientId`,
    { personIds },
  );
  return found.map((r) => r.clientId);
}

/** Corrects the name of a person who exists only in circles. Returns the client whose circles show them. */
export async function rectifyCirclePerson(tx: Tx, personId: string, name: string): Promise<string> {
  const record = await one<{ clientId: string }>(
    tx,
    `MATCH (p:Person {id: $personId})-[:CONTACT_OF]->(c:Client)
     WHERE NOT p:Client AND NOT p:SupportWorker AND NOT p:KeyFigure AND NOT p:Coordinator
     SET p.name = $name
     RETURN c.id AS clientId`,
    { personId, name },
  );
  if (!record) throw new DomainError('NOT_FOUND', 'No such person in circles.', { field: 'input.personId' });
  return record.clientId;
}
