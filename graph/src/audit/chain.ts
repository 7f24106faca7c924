import { createHash } from 'node:crypto';
import type { AuditRecord } from './types.js';

/** The chain starts from this hash; every record carries the hash of the one before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are hashed, in a fixed order, so the same record always gives the same text. */
const HASHED_FIELDS = [
  'id',
  'seq',
  'at',
  'actorAccountId',
  'actorRole',
  'actorLabel',
  'onBehalfOf',
  'clientRef',
  'subject',
  'action',
  'result',
  'origin',
  'detail',
  'prevHash',
] as const satisfies readonly (keyof AuditRecord)[];

export function canonicalAuditText(record: Omit<AuditRecord, 'hash'>): string {
  return JSON.stringify(HASHED_FIELDS.map((field) => record[field] ?? null));
}

export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalAuditText(record)).digest('hex');
}
