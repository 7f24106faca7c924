import { nl } from '../../messages/nl';
import type { LinkKind, OfferingCategory, WijkEditMap } from './types';

/** The link kinds in the order the form offers them: the everyday ones first. */
export const LINK_KINDS: readonly LinkKind[] = [
  'COLLABORATION',
  'REFERRAL',
  'HANDOVER',
  'JOINT_CONSULTATION',
  'JOINT_MEETING',
  'JOINT_TRAINING',
  'FUNDING',
];

export const OFFERING_CATEGORIES: readonly OfferingCategory[] = [
  'BUDDY',
  'DAY_ACTIVITIES',
  'DEBT_SUPPORT',
  'DISTRICT_NURSING',
  'GENERAL_PRACTICE',
  'HOUSING',
  'LANGUAGE',
  'MEALS',
  'MENTAL_HEALTH',
  'NEIGHBOURHOOD_SUPPORT',
  'PEER_SUPPORT',
  'SHELTERED_LIVING',
  'SPORT',
  'VOLUNTEERING',
  'WALK_IN',
  'YOUTH_FAMILY',
];

/** The languages an offering can be given in (model.LANGUAGES of the API), in this order. */
export const LANGUAGES = ['nl', 'en', 'ar', 'ary', 'ber', 'tr', 'pl', 'ti', 'so', 'uk', 'fa', 'fr', 'es', 'pap'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The API's limits (graph/src/wijk/schemas.ts): the fields stop typing there. */
export const LINK_NOTE_MAX = 280;
export const KEY_FIGURE_NAME_MAX = 60;
export const DESCRIPTION_MAX = 280;
export const OFFERING_NAME_MAX = 80;

/** Today as YYYY-MM-DD in the user's own time zone (what a date input shows). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "15 januari 2024" for 2024-01-15; anything else as it is. */
export function dutchDate(iso: string): string {
  return isIsoDate(iso) ? DATE.format(new Date(`${iso}T00:00:00Z`)) : iso;
}

/** Whether a date input holds a whole date (the browser leaves it empty when it is not). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** Trimmed text, or null when nothing is left. */
export function emptyToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The name of every organisation (in the wijk and at its edge) and key figure on the map, by id. */
export function namesOf(map: WijkEditMap): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const node of [...map.organisations, ...map.outsideOrganisations, ...map.keyFigures]) names.set(node.id, node.name);
  return names;
}

/** "Buurtteam – Huisartsenpraktijk": how a link is named in lists, dialogs and announcements. */
export function linkLabel(link: { fromId: string; toId: string }, names: ReadonlyMap<string, string>): string {
  return `${names.get(link.fromId) ?? '?'} – ${names.get(link.toId) ?? '?'}`;
}

export interface LinkRow {
  readonly id: string;
  readonly label: string;
  readonly kind: LinkKind;
  readonly since: string | null;
}

/** The links the map shows (ended ones are not on it), named and sorted by name. */
export function linkRows(map: WijkEditMap, today: string): LinkRow[] {
  const names = namesOf(map);
  return map.links
    .filter((l) => !l.until || l.until > today)
    .map((l) => ({ id: l.id, label: linkLabel(l, names), kind: l.kind, since: l.since ?? null }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/** The partnerships of this wijk itself (city-wide ones are not the coordinator's to change). */
export function wijkPartnerships(map: WijkEditMap, districtId: string): WijkEditMap['partnerships'] {
  return map.partnerships.filter((p) => p.districtId === districtId);
}

/** Organisations of the wijk that could join a partnership: not yet a member. */
export function joinCandidates(map: WijkEditMap, partnership: { memberIds: readonly string[] }): WijkEditMap['organisations'] {
  const members = new Set(partnership.memberIds);
  return map.organisations.filter((o) => !members.has(o.id));
}

/** A partnership's members, by name; members outside the wijk are named from the map's edge. */
export function members(map: WijkEditMap, partnership: { memberIds: readonly string[] }): { id: string; name: string }[] {
  const names = namesOf(map);
  return partnership.memberIds
    .map((id) => ({ id, name: names.get(id) ?? '?' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Languages in the form's order, each once, only the known ones. */
export function orderedLanguages(chosen: Iterable<string>): Language[] {
  const set = new Set(chosen);
  return LANGUAGES.filter((code) => set.has(code));
}

/** The strength a select holds: 1 to 5, or null for "weet ik niet". */
export function parseStrength(value: string): number | null {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/**
 * What the live region says after a link was recorded. When open missing-link actions about the
 * two closed themselves, that comes first: the coordinator's action list changed too.
 */
export function linkRecordedMessage(label: string, closedActions: number): string {
  return closedActions > 0 ? `${nl.wijkEdit.actionClosed} (${label}).` : nl.wijkEdit.linkRecorded(label);
}
