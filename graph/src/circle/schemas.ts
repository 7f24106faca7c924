import { z } from 'zod';
import { CONTACT_FREQUENCIES, SUPPORT_KINDS, WISHES } from '../model.js';
import type { CircleLayout } from './layout.js';

/**
 * The circle is not an address book: names, relations and notes may not hold an e-mail address or
 * a phone number. The patterns are deliberately broad (a false alarm costs the user one edit; a
 * miss puts a third party's contact details in a care record).
 */
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/** Nine or more digits, allowing spaces, dots, dashes, brackets and a leading + (06-12345678, +31 30 123 4567). */
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){8,}/;

export function containsContactDetails(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

/** The issue message the API recognises and answers with CONTACT_DETAILS_NOT_ALLOWED. */
export const CONTACT_DETAILS_MESSAGE = 'no e-mail addresses or phone numbers';

/** Short free text without contact details (also the wijkkaart's notes, names and descriptions). */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${String(max)} characters`)
    .refine((value) => !containsContactDetails(value), CONTACT_DETAILS_MESSAGE);
}

export const NAME_MAX = 40;
export const RELATION_MAX = 40;
export const NOTE_MAX = 280;
export const LABEL_MAX = 60;

/** A first name or nickname. */
export const personNameSchema = text(NAME_MAX).pipe(z.string().min(1, 'a name is needed'));
export const relationSchema = text(RELATION_MAX);
export const noteSchema = text(NOTE_MAX);
export const snapshotLabelSchema = text(LABEL_MAX);

export const supportSchema = z
  .array(z.enum(SUPPORT_KINDS))
  .max(SUPPORT_KINDS.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind of support once');
export const frequencySchema = z.enum(CONTACT_FREQUENCIES);
export const wishSchema = z.enum(WISHES);

/** Ring and sector must be part of the deployment's layout. */
export function placementIssues(layout: CircleLayout, ring: number, sector: string): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!layout.rings.some((r) => r.ring === ring))
    issues.push({ field: 'ring', message: `ring must be one of ${layout.rings.map((r) => r.ring).join(', ')}` });
  if (!layout.sectors.some((s) => s.key === sector))
    issues.push({ field: 'sector', message: `sector must be one of ${layout.sectors.map((s) => s.key).join(', ')}` });
  return issues;
}
