import { z } from 'zod';
import { text } from '../circle/schemas.js';
import { LANGUAGES, LINK_KINDS, OFFERING_CATEGORIES, WIJK_ACTION_STATUSES, WIJK_SIGNAL_CODES } from '../model.js';

/**
 * What a coordinator may write on the wijkkaart, checked at the API's edge. Free text is short and
 * holds no e-mail address or phone number (`text`): the map is public within the city, not an
 * address book.
 */
function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, 'may not be empty'));
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z.iso.date('must be a date like 2026-03-01');

export const LINK_NOTE_MAX = 280;
export const KEY_FIGURE_NAME_MAX = 60;
export const DESCRIPTION_MAX = 280;
export const OFFERING_NAME_MAX = 80;
export const ACTION_TITLE_MAX = 120;
export const ACTION_OWNER_MAX = 80;

export const linkKindSchema = z.enum(LINK_KINDS);
/** 1 (loose) to 5 (close). */
export const linkStrengthSchema = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');
/** Users record what they know themselves or from the public report; demo and synthetic links come from the seed only. */
export const userLinkSourceSchema = z.enum(['USER', 'REPORT']);
export const linkNoteSchema = text(LINK_NOTE_MAX);

export const keyFigureNameSchema = requiredText(KEY_FIGURE_NAME_MAX);
export const descriptionSchema = text(DESCRIPTION_MAX);

export const offeringNameSchema = requiredText(OFFERING_NAME_MAX);
export const offeringCategorySchema = z.enum(OFFERING_CATEGORIES);
export const languagesSchema = z
  .array(z.enum(LANGUAGES))
  .max(LANGUAGES.length)
  .refine((codes) => new Set(codes).size === codes.length, 'each language once');

export const actionTitleSchema = requiredText(ACTION_TITLE_MAX);
export const actionOwnerSchema = requiredText(ACTION_OWNER_MAX);
export const actionStatusSchema = z.enum(WIJK_ACTION_STATUSES);
export const signalCodeSchema = z.enum(WIJK_SIGNAL_CODES);
/** A signal's key as the signals return it: CODE:part or CODE:part~part, parts being ids or group names. */
export const signalKeySchema = z
  .string()
  .max(200)
  .regex(/^[A-Z_]+:[A-Za-z0-9_-]+(~[A-Za-z0-9_-]+)?$/, 'must be a signal key');

/** `until` must not lie before `since` (a link or membership cannot end before it began). */
export function periodIssue(since: string | null | undefined, until: string | null | undefined): string | null {
  if (!since || !until) return null;
  return until < since ? 'must not be before since' : null;
}
