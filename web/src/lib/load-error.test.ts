import { describe, expect, it } from 'vitest';
import { classifyLoadError } from './load-error';

const withCodes = (...codes: unknown[]) => ({ graphQLErrors: codes.map((code) => ({ extensions: { code } })) });

describe('classifyLoadError', () => {
  it('asks to try again when the database is unavailable', () => {
    expect(classifyLoadError(withCodes('DATABASE_UNAVAILABLE'))).toBe('UNAVAILABLE');
  });

  it('asks to try again when the API did not answer at all', () => {
    expect(classifyLoadError({ networkError: new TypeError('Failed to fetch'), graphQLErrors: [] })).toBe('UNAVAILABLE');
  });

  it('prefers the unavailable message when several errors came back', () => {
    expect(classifyLoadError(withCodes('INTERNAL', 'DATABASE_UNAVAILABLE'))).toBe('UNAVAILABLE');
  });

  it('says not found for NOT_FOUND and for a malformed id or slug in the URL', () => {
    expect(classifyLoadError(withCodes('NOT_FOUND'))).toBe('NOT_FOUND');
    expect(classifyLoadError(withCodes('INVALID_INPUT'))).toBe('NOT_FOUND');
  });

  it('falls back to the generic message for masked and unknown errors', () => {
    expect(classifyLoadError(withCodes('INTERNAL'))).toBe('OTHER');
    expect(classifyLoadError({ graphQLErrors: [{}] })).toBe('OTHER');
    expect(classifyLoadError({ graphQLErrors: [{ extensions: undefined }] })).toBe('OTHER');
  });
});
