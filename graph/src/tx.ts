import type { ManagedTransaction, RecordShape } from 'neo4j-driver';

/** A transaction handed to domain functions. Reads and writes take the same type; the caller chooses the mode. */
export type Tx = ManagedTransaction;

/** Runs one parameterised statement and returns its records as plain objects. */
export async function rows<T extends RecordShape>(tx: Tx, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await tx.run<T>(cypher, params);
  return result.records.map((record) => record.toObject());
}

export async function one<T extends RecordShape>(
  tx: Tx,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T | undefined> {
  const found = await rows<T>(tx, cypher, params);
  return found[0];
}

/**
 * Runs one statement and hands its records over one at a time, as the server sends them: the caller
 * holds one record, not the whole result (an export of every opted-in client stays small in memory).
 */
export async function* stream<T extends RecordShape>(
  tx: Tx,
  cypher: string,
  params: Record<string, unknown> = {},
): AsyncGenerator<T, void, undefined> {
  for await (const record of tx.run<T>(cypher, params)) yield record.toObject();
}
