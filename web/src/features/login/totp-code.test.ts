import { describe, expect, it } from 'vitest';
import { groupSecret, normaliseTotpCode } from './totp-code';

describe('normaliseTotpCode', () => {
  it('accepts six digits, also with a space or dash in the middle', () => {
    expect(normaliseTotpCode('123456')).toBe('123456');
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
  });

  it('refuses anything else', () => {
    for (const input of ['', '12345', '1234567', '12a456', '１２３４５６']) expect(normaliseTotpCode(input), input).toBeNull();
  });
});

describe('groupSecret', () => {
  it('groups a base32 secret by four', () => {
    expect(groupSecret('6DMNJGIEPZFMHH3MTIPF')).toBe('6DMN JGIE PZFM HH3M TIPF');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});
