import { z } from 'zod';
import { text } from '../circle/schemas.js';
import { PARTNERSHIP_KINDS, SECTORS } from '../model.js';

/**
 * What an admin may write about organisations, wijken and partnerships (issue 11), checked at the
 * API's edge and by the CSV import. Names are short free text without contact details (`text`):
 * the sociale kaart is public within the city, not an address book.
 */
function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, 'may not be empty'));
}

export const ORGANISATION_NAME_MAX = 120;
export const ORGANISATION_NOTE_MAX = 500;
export const DISTRICT_NAME_MAX = 80;
export const PARTNERSHIP_NAME_MAX = 120;
export const SLUG_MAX = 60;
/** An organisation is active in at most this many wijken (Utrecht has ten, plus a few parts). */
export const DISTRICTS_PER_ORGANISATION_MAX = 50;

export const organisationNameSchema = requiredText(ORGANISATION_NAME_MAX);
export const organisationNoteSchema = text(ORGANISATION_NOTE_MAX);
export const sectorSchema = z.enum(SECTORS);
export const districtNameSchema = requiredText(DISTRICT_NAME_MAX);
export const partnershipNameSchema = requiredText(PARTNERSHIP_NAME_MAX);
export const partnershipKindSchema = z.enum(PARTNERSHIP_KINDS);

/** Lower-case words joined by single dashes, as in URLs ("buurtteam-kanaleneiland"). */
export const slugSchema = z
  .string()
  .max(SLUG_MAX, `at most ${String(SLUG_MAX)} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug like "buurtteam-zuidwest"');

export const districtIdsSchema = z
  .array(z.uuid('must be a UUID'))
  .max(DISTRICTS_PER_ORGANISATION_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'each wijk once');

/** A slug made from a name: "Buurtcentrum De Bram & Co" → "buurtcentrum-de-bram-co"; empty when nothing is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 4)
    .replace(/-+$/g, '');
}

/** How names are compared for duplicates: case, accents and spacing do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
