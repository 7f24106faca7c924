import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { one, type Tx } from '../tx.js';

/**
 * Activation codes (issue 11). There is no mail server: the admin reads a new account's code off
 * the screen once and hands it over. A code is 20 characters of Crockford's base32 (100 random
 * bits), works once, for 72 hours; the database keeps only its SHA-256, so neither a copy of the
 * database nor the admin can read it back.
 */
export const ACTIVATION_VALID_MS = 72 * 60 * 60_000;

/** Crockford's base32: no I, L, O or U, so nothing is read as 1, 0 or a rude word. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20;

/** A new code, in groups of four ("7K3M-…"), easier to read out and type over. */
export function newActivationCode(): string {
  // 256 is a multiple of 32: every character is equally likely.
  const bytes = randomBytes(LENGTH);
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % 32] ?? '0').join('');
  return (chars.match(/.{4}/g) ?? []).join('-');
}

/**
 * A code as typed: any case, with or without dashes or spaces; O is read as 0, I and L as 1 (as
 * Crockford intends). Null when it cannot be a code at all.
 */
export function normaliseActivationCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== LENGTH) return null;
  for (const char of chars) if (!ALPHABET.includes(char)) return null;
  return chars;
}

/** What is stored of a code: SHA-256 of its normal form (hex). The code has 100 random bits, so no slow hash is needed. */
export function activationCodeHash(code: string): string {
  const normal = normaliseActivationCode(code) ?? code;
  return createHash('sha256').update(`wijkkring-activation:${normal}`).digest('hex');
}

/** Compares two hashes in constant time. */
export function sameCodeHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Gives an account a new activation code (its hash), replacing any code that waited: the old one
 * stops working. Returns false when there is no such account.
 */
export async function setActivation(
  tx: Tx,
  accountId: string,
  codeHash: string,
  issuedAt: number,
  expiresAt: number,
): Promise<boolean> {
  const record = await one<{ n: number }>(
    tx,
    `MATCH (a:Account {id: $accountId})
     SET a.activationHash = $codeHash, a.activationIssuedAt = $issuedAt, a.activationExpiresAt = $expiresAt
     RETURN count(a) AS n`,
    { accountId, codeHash, issuedAt, expiresAt },
  );
  return (record?.n ?? 0) > 0;
}

/**
 * Uses an activation code: when the account is active and `codeHash` is the code that waits and
 * has not expired at `now`, sets the password, removes the code (it works once) and ends any
 * session of the account. The write lock is taken before the code is read, so two uses of one
 * code cannot both pass. Returns false, changing nothing, otherwise.
 */
export async function consumeActivation(
  tx: Tx,
  accountId: string,
  codeHash: string,
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const record = await one<{ ok: boolean }>(
    tx,
    `MATCH (a:Account {id: $accountId})
     SET a._lock = true
     REMOVE a._lock
     WITH a, a.active = true AND a.passwordHash IS NULL AND a.activationHash = $codeHash AND a.activationExpiresAt > $now AS ok
     FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
       SET a.passwordHash = $passwordHash, a.passwordChangedAt = $nowIso, a.activatedAt = $nowIso
       REMOVE a.activationHash, a.activationIssuedAt, a.activationExpiresAt)
     WITH a, ok
     OPTIONAL MATCH (s:Session {accountId: a.id}) WHERE ok
     DETACH DELETE s
     RETURN DISTINCT ok`,
    { accountId, codeHash, passwordHash, now, nowIso: new Date(now).toISOString() },
  );
  return record?.ok ?? false;
}
