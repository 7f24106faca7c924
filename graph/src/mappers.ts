import { DomainError } from './errors.js';

/**
 * Small, strict readers for values coming back from Cypher map projections. With
 * `disableLosslessIntegers`, integers arrive as numbers; temporal values are returned with
 * `toString()` in Cypher, so they arrive as ISO strings.
 */
export type Raw = Record<string, unknown>;

function fail(field: string, value: unknown): never {
  throw new DomainError('INTEGRITY', `Unexpected value for ${field}: ${JSON.stringify(value)}`);
}

export function str(raw: Raw, field: string): string {
  const value = raw[field];
  return typeof value === 'string' ? value : fail(field, value);
}

export function optStr(raw: Raw, field: string): string | null {
  const value = raw[field];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : fail(field, value);
}

export function num(raw: Raw, field: string): number {
  const value = raw[field];
  return typeof value === 'number' ? value : fail(field, value);
}

export function optNum(raw: Raw, field: string): number | null {
  const value = raw[field];
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : fail(field, value);
}

export function bool(raw: Raw, field: string): boolean {
  const value = raw[field];
  if (value === null || value === undefined) return false;
  return typeof value === 'boolean' ? value : fail(field, value);
}

export function strList(raw: Raw, field: string): string[] {
  const value = raw[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fail(field, value);
}

export function list(raw: Raw, field: string): Raw[] {
  const value = raw[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? (value as Raw[]) : fail(field, value);
}

export function oneOf<T extends string | number>(allowed: readonly T[], raw: Raw, field: string): T {
  const value = raw[field];
  return allowed.includes(value as T) ? (value as T) : fail(field, value);
}

export function optOneOf<T extends string | number>(allowed: readonly T[], raw: Raw, field: string): T | null {
  const value = raw[field];
  if (value === null || value === undefined) return null;
  return oneOf(allowed, raw, field);
}
