import { hash } from 'node:crypto';

/**
 * The Wijkkring namespace for name-based ids. Fixed forever: changing it would give every demo
 * and synthetic node a new id, so a reload would duplicate instead of MERGE.
 */
export const WIJKKRING_NAMESPACE = '5f0d3c1e-8a47-4b52-9e21-6c0a8d7b4f13';

/** RFC 4122 appendix C; used by the tests to check the implementation against a published vector. */
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const namespaceBytes = new Map<string, Buffer>();

function uuidBytes(uuid: string): Buffer {
  let bytes = namespaceBytes.get(uuid);
  if (bytes) return bytes;
  if (!UUID_PATTERN.test(uuid)) throw new Error(`Not a UUID: ${uuid}`);
  bytes = Buffer.from(uuid.replaceAll('-', ''), 'hex');
  namespaceBytes.set(uuid, bytes);
  return bytes;
}

/** Name-based UUID, version 5 (SHA-1), as in RFC 4122 section 4.3. */
export function uuidV5(name: string, namespace: string): string {
  // One-shot hash on purpose: the synthetic city makes hundreds of thousands of ids.
  const hex = hash('sha1', Buffer.concat([uuidBytes(namespace), Buffer.from(name, 'utf8')]), 'hex');
  const version = '5';
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of a seeded node from its natural key, e.g. `organisation:dock`. */
export function seedId(key: string): string {
  return uuidV5(key, WIJKKRING_NAMESPACE);
}

/** The id of a demo account, by username (the demo's actions name their author by it). */
export function demoAccountId(username: string): string {
  return seedId(`account:${username}`);
}
