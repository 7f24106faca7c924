import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

const problems = (current: string, next: string, repeat = next) =>
  passwordProblems({ current, next, repeat }).map((p) => p.problem);

describe('passwordProblems', () => {
  it('accepts 8 to 64 characters that differ from the current password and are typed twice the same', () => {
    expect(problems('oud-wachtwoord', 'nieuw123')).toEqual([]);
    expect(problems('oud-wachtwoord', 'x'.repeat(64))).toEqual([]);
  });

  it('refuses too short and too long', () => {
    expect(problems('oud', 'kort123')).toEqual(['tooShort']);
    expect(problems('oud', 'x'.repeat(65))).toEqual(['tooLong']);
  });

  it('counts length as the API does (UTF-16 code units), so it never accepts what the API refuses', () => {
    expect(problems('oud', '😀'.repeat(32))).toEqual([]);
    expect(problems('oud', '😀'.repeat(33))).toEqual(['tooLong']);
  });

  it('asks for the current password, and a repeat that matches', () => {
    expect(problems('', 'nieuw-wachtwoord', 'nieuw-wachtwoort')).toEqual(['currentMissing', 'repeatDiffers']);
  });

  it('says when the new password is the old one', () => {
    expect(problems('hetzelfde1', 'hetzelfde1')).toEqual(['sameAsCurrent']);
  });
});
