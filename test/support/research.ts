import { clientHistories, type ClientHistory, type Database } from '@wijkkring/graph';

/** Every opted-in client's snapshot history up to `until`, for the wijken given. */
export async function clientHistoriesOf(db: Database, until: string, districtIds: string[]): Promise<ClientHistory[]> {
  return db.read(async (tx) => {
    const found: ClientHistory[] = [];
    for await (const client of clientHistories(tx, until, districtIds)) found.push(client);
    return found;
  });
}
