import { describe, expect, it } from 'vitest';
import { classifyLoadError, hasErrorCode, invalidField, retryAfterMinutes } from './load-error';

const withCodes = (...codes: unknown[]) => ({ graphQLErrors: codes.map((code) => ({ extensions: { code } })) });

describe('classifyLoadError', () => {
  it('asks to try again when the database is unavailable', () => {
    expect(classifyLoadError(withCodes('DATABASE_UNAVAILABLE'))).toBe('UNAVAILABLE');
  });

  it('asks to try again when the read could not be recorded, or ran out of time (issue 14)', () => {
    expect(classifyLoadError(withCodes('AUDIT_UNAVAILABLE'))).toBe('UNAVAILABLE');
    expect(classifyLoadError(withCodes('TIMEOUT'))).toBe('UNAVAILABLE');
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

  it('says "not allowed" for FORBIDDEN, not "not found" or a generic error', () => {
    expect(classifyLoadError(withCodes('FORBIDDEN'))).toBe('FORBIDDEN');
    expect(classifyLoadError(withCodes('NOT_FOUND', 'FORBIDDEN'))).toBe('FORBIDDEN');
  });

  it('recognises an ended session before anything else: the user must log in first', () => {
    expect(classifyLoadError(withCodes('UNAUTHENTICATED'))).toBe('UNAUTHENTICATED');
    expect(classifyLoadError(withCodes('FORBIDDEN', 'UNAUTHENTICATED', 'DATABASE_UNAVAILABLE'))).toBe('UNAUTHENTICATED');
  });

  it('asks to wait for RATE_LIMITED', () => {
    expect(classifyLoadError(withCodes('RATE_LIMITED'))).toBe('RATE_LIMITED');
  });
});

describe('hasErrorCode', () => {
  it('finds a code among several errors, and is false without an error', () => {
    expect(hasErrorCode(withCodes('INTERNAL', 'UNAUTHENTICATED'), 'UNAUTHENTICATED')).toBe(true);
    expect(hasErrorCode(withCodes('FORBIDDEN'), 'UNAUTHENTICATED')).toBe(false);
    expect(hasErrorCode(undefined, 'UNAUTHENTICATED')).toBe(false);
  });
});

describe('retryAfterMinutes', () => {
  const limited = (retryAfterSeconds: unknown) => ({
    graphQLErrors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
  });

  it('rounds the seconds up to whole minutes', () => {
    expect(retryAfterMinutes(limited(900))).toBe(15);
    expect(retryAfterMinutes(limited(61))).toBe(2);
  });

  it('never says "wait 0 minutes"', () => {
    expect(retryAfterMinutes(limited(0))).toBe(1);
    expect(retryAfterMinutes(limited(5))).toBe(1);
  });

  it('is null when the API gave no usable number', () => {
    expect(retryAfterMinutes(limited(undefined))).toBeNull();
    expect(retryAfterMinutes(limited('900'))).toBeNull();
    expect(retryAfterMinutes(withCodes('RATE_LIMITED'))).toBeNull();
    expect(retryAfterMinutes(withCodes('INTERNAL'))).toBeNull();
  });
});

describe('invalidField', () => {
  it('returns the field path of an INVALID_INPUT error', () => {
    const error = { graphQLErrors: [{ extensions: { code: 'INVALID_INPUT', field: 'input.newPassword' } }] };
    expect(invalidField(error)).toBe('input.newPassword');
  });

  it('is null for other errors', () => {
    expect(invalidField(withCodes('INVALID_INPUT'))).toBeNull();
    expect(invalidField({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN', field: 'x' } }] })).toBeNull();
  });
});
