import { one, type Tx } from '../tx.js';

export interface ServerInfo {
  version: string;
  edition: string;
}

export async function serverInfo(tx: Tx): Promise<ServerInfo> {
  const record = await one<ServerInfo>(
    tx,
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
  );
  return record ?? { version: 'unknown', edition: 'unknown' };
}
