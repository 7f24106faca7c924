/**
 * A TOTP code as typed: apps show "123 456", people paste "123-456" or add spaces. Returns the six
 * digits, or null when it is not six digits.
 */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A base32 secret in groups of four ("6DMN JGIE PZFM …"), easier to type over from a screen. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
