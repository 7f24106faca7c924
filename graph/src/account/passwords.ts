import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * Passwords are hashed with Argon2id at OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane):
 * about 40 ms on the 2-core reference machine, memory-hard so that GPUs gain little.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** OWASP ASVS 2.1: at least 8 characters, at most 64 allowed, any character, no composition rules, no rotation. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
export const passwordSchema = z
  .string()
  .refine((value) => Array.from(value).length >= PASSWORD_MIN, `must be at least ${String(PASSWORD_MIN)} characters`)
  .refine((value) => Array.from(value).length <= PASSWORD_MAX, `must be at most ${String(PASSWORD_MAX)} characters`);

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * For unknown usernames we still verify against a hash, so that the answer takes as long as for a
 * known account and does not reveal which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('wijkkring-dummy-password');
  await verifyPassword(await dummy, password);
  return false;
}
