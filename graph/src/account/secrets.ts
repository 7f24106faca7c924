import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';

/**
 * TOTP secrets are stored sealed with AES-256-GCM under a key from the API's configuration, so a
 * copy of the database alone does not yield anyone's second factor.
 */
/**
 * The development defaults of the API's SECRET_KEY and AUDIT_PSEUDONYM_KEY. Shared by the API and
 * the demo seed (which seals the demo accounts' TOTP secrets); a production start refuses both.
 */
export const DEVELOPMENT_SECRET_KEY = 'development-only-secret-key-do-not-use-in-production';
export const DEVELOPMENT_PSEUDONYM_KEY = 'development-only-pseudonym-key-do-not-use-in-production';

function keyOf(secretKey: string): Buffer {
  return createHash('sha256').update(secretKey).digest();
}

export function seal(secretKey: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(secretKey: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new DomainError('INTEGRITY', 'A sealed secret is malformed.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new DomainError('INTEGRITY', 'A sealed secret cannot be opened with the configured key.', { cause });
  }
}
