import { describe, expect, it } from 'vitest';
import { DNS_NAMESPACE, seedId, uuidV5, WIJKKRING_NAMESPACE } from './ids.js';

describe('uuidV5', () => {
  // Both values as computed by Python's uuid.uuid5 (the second is the example in its documentation).
  it('matches known vectors in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', DNS_NAMESPACE)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('sets version 5 and the RFC 4122 variant', () => {
    expect(seedId('organisation:dock')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same id for the same key and a different id for another key', () => {
    expect(seedId('organisation:dock')).toBe(uuidV5('organisation:dock', WIJKKRING_NAMESPACE));
    expect(seedId('organisation:dock')).not.toBe(seedId('organisation:nizu'));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'wijkkring')).toThrow(/Not a UUID/);
  });
});
