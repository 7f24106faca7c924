import { describe, expect, it } from 'vitest';
import { auditHash, canonicalAuditText, GENESIS_HASH } from './chain.js';
import type { AuditRecord } from './types.js';

type Unhashed = Omit<AuditRecord, 'hash'>;

const RECORD: Unhashed = {
  id: '6f1c2b1e-3a4d-4c5e-9f60-718293a4b5c6',
  seq: 42,
  at: '2026-03-14T09:30:00.000Z',
  actorAccountId: 'a8d0c6a2-1111-4222-8333-944455556666',
  actorRole: 'SUPPORT_WORKER',
  actorLabel: null,
  onBehalfOf: 'b7e1d5c3-7777-4888-9999-aaaabbbbcccc',
  clientRef: 'pseudonym-of-a-client',
  subject: 'NetworkCircle',
  action: 'READ',
  result: 'SUCCESS',
  origin: '127.0.0.1',
  detail: 'CirclePage',
  prevHash: GENESIS_HASH,
};

/** The fields in the order the chain hashes them; a new field must be added here on purpose. */
const FIELD_ORDER = [
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
] as const;

/** A different value of the same kind for every field. */
const CHANGED: { [K in keyof Unhashed]: Unhashed[K] } = {
  id: '6f1c2b1e-3a4d-4c5e-9f60-718293a4b5c7',
  seq: 43,
  at: '2026-03-14T09:30:00.001Z',
  actorAccountId: null,
  actorRole: 'ADMIN',
  actorLabel: 'someone',
  onBehalfOf: null,
  clientRef: 'pseudonym-of-another-client',
  subject: 'Client',
  action: 'EXPORT',
  result: 'DENIED',
  origin: '10.0.0.1',
  detail: null,
  prevHash: 'f'.repeat(64),
};

describe('the canonical text of an audit record (issue 3)', () => {
  it('lists every field in a fixed order, whatever the order of the object’s keys', () => {
    const text = canonicalAuditText(RECORD);
    expect(JSON.parse(text)).toEqual(FIELD_ORDER.map((field) => RECORD[field]));
    const reversed = Object.fromEntries(Object.entries(RECORD).reverse()) as Unhashed;
    expect(canonicalAuditText(reversed)).toBe(text);
    expect(auditHash(reversed)).toBe(auditHash(RECORD));
  });

  it('is stable: the same record always gives the same text and hash', () => {
    expect(canonicalAuditText({ ...RECORD })).toBe(canonicalAuditText(RECORD));
    // Pinned, so that a change to the canonical form (which would break every stored chain) is noticed.
    expect(canonicalAuditText(RECORD)).toBe(
      '["6f1c2b1e-3a4d-4c5e-9f60-718293a4b5c6",42,"2026-03-14T09:30:00.000Z","a8d0c6a2-1111-4222-8333-944455556666",' +
        '"SUPPORT_WORKER",null,"b7e1d5c3-7777-4888-9999-aaaabbbbcccc","pseudonym-of-a-client","NetworkCircle","READ",' +
        `"SUCCESS","127.0.0.1","CirclePage","${GENESIS_HASH}"]`,
    );
    expect(auditHash(RECORD)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats a missing optional field as null, and ignores a stored hash or unknown keys', () => {
    const withoutDetail = { ...RECORD } as Partial<Unhashed>;
    delete withoutDetail.detail;
    expect(canonicalAuditText(withoutDetail as Unhashed)).toBe(canonicalAuditText({ ...RECORD, detail: null }));
    const extra = { ...RECORD, hash: 'x'.repeat(64), somethingElse: 'ignored' } as Unhashed;
    expect(auditHash(extra)).toBe(auditHash(RECORD));
  });

  it.each(FIELD_ORDER)('changes the hash when only %s changes', (field) => {
    const altered: Unhashed = { ...RECORD, [field]: CHANGED[field] };
    expect(altered[field]).not.toEqual(RECORD[field]);
    expect(auditHash(altered)).not.toBe(auditHash(RECORD));
  });

  it('tells values apart that look alike as text (null versus "null", a number versus its digits)', () => {
    expect(auditHash({ ...RECORD, detail: 'null' })).not.toBe(auditHash({ ...RECORD, detail: null }));
    expect(auditHash({ ...RECORD, detail: '' })).not.toBe(auditHash({ ...RECORD, detail: null }));
    expect(auditHash({ ...RECORD, seq: '42' as unknown as number })).not.toBe(auditHash(RECORD));
    // Moving text from one field to the next must not give the same text.
    expect(canonicalAuditText({ ...RECORD, subject: 'ab', detail: 'c' })).not.toBe(
      canonicalAuditText({ ...RECORD, subject: 'a', detail: 'bc' }),
    );
  });
});
