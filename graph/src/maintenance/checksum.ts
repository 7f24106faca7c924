import { createHash } from 'node:crypto';
import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isPoint, isTime } from 'neo4j-driver';
import { stream, type Tx } from '../tx.js';

/** What a database holds, independent of where and how it is stored: for backups and restore drills (issue 12). */
export interface ContentSummary {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node with two labels counts for both), by label name. */
  labels: Record<string, number>;
  /** Relationships per type, by type name. */
  types: Record<string, number>;
  /** SHA-256 (hex) over every node and relationship with its labels or type and its properties. */
  checksum: string;
}

/** Bumped whenever the canonical form below changes, so checksums of different forms never compare equal. */
const FORM = 'wijkkring-content/1';
const MODULUS = 1n << 256n;

/** Driver values that are not plain JSON, tagged so that, say, a date and the string of it differ. */
const TAGGED: readonly [string, (value: unknown) => boolean][] = [
  ['date', isDate],
  ['datetime', isDateTime],
  ['localdatetime', isLocalDateTime],
  ['time', isTime],
  ['localtime', isLocalTime],
  ['duration', isDuration],
  ['point', isPoint],
  ['int', isInt],
];

/** One text per value: map keys sorted, every kind distinguishable, nothing depending on the driver's object identity. */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(',')}]`;
  if (value instanceof Int8Array || value instanceof Uint8Array) return `bytes(${Buffer.from(value).toString('hex')})`;
  // The driver's temporal and spatial values print the same text for the same value (ISO 8601 for times).
  for (const [tag, test] of TAGGED) if (test(value)) return `${tag}(${(value as { toString(): string }).toString()})`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalValue(inner)}`).join(',')}}`;
  }
  throw new Error(`contentChecksum: a property value of a kind it does not know (${Object.prototype.toString.call(value)})`);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A checksum of the whole database's content that two copies share exactly when they hold the
 * same nodes and relationships (labels, types, properties, and which nodes each relationship
 * joins), whatever their internal ids, store files or the order Neo4j hands rows out in.
 *
 * Each node is hashed from its sorted labels and canonical properties; each relationship from its
 * type, properties and the hashes of its two end nodes (element ids only join the two scans within
 * this one transaction, they are never hashed). The item hashes are added modulo 2^256: the same
 * multiset of items gives the same sum in any order, as hashing the sorted list would, but in
 * constant memory and without a sort over every row, so a 10,000-client database (about half a
 * million nodes) streams through once. Only nodes that have relationships keep their hash until
 * the second scan.
 */
export async function contentChecksum(tx: Tx): Promise<ContentSummary> {
  let sum = 0n;
  let nodes = 0;
  let relationships = 0;
  const labels = new Map<string, number>();
  const types = new Map<string, number>();
  const endHashes = new Map<string, string>();

  for await (const row of stream<{ id: string; labels: string[]; props: Record<string, unknown>; linked: boolean }>(
    tx,
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props, EXISTS { (n)--() } AS linked',
  )) {
    const sortedLabels = [...row.labels].sort();
    const hash = digest(`N${canonicalValue(sortedLabels)}${canonicalValue(row.props)}`);
    sum = (sum + BigInt(`0x${hash.toString('hex')}`)) % MODULUS;
    nodes += 1;
    for (const label of sortedLabels) labels.set(label, (labels.get(label) ?? 0) + 1);
    if (row.linked) endHashes.set(row.id, hash.toString('base64'));
  }

  for await (const row of stream<{ start: string; type: string; props: Record<string, unknown>; end: string }>(
    tx,
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS start, type(r) AS type, properties(r) AS props, elementId(b) AS end',
  )) {
    const start = endHashes.get(row.start);
    const end = endHashes.get(row.end);
    if (start === undefined || end === undefined) throw new Error('contentChecksum: a relationship whose end node was not seen');
    const hash = digest(`R${JSON.stringify(row.type)}${canonicalValue(row.props)}${start}${end}`);
    sum = (sum + BigInt(`0x${hash.toString('hex')}`)) % MODULUS;
    relationships += 1;
    types.set(row.type, (types.get(row.type) ?? 0) + 1);
  }

  const checksum = createHash('sha256')
    .update(`${FORM}\n${String(nodes)}\n${String(relationships)}\n${sum.toString(16).padStart(64, '0')}\n`)
    .digest('hex');
  return { nodes, relationships, labels: sortedCounts(labels), types: sortedCounts(types), checksum };
}
