import { errorCodes, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';

/**
 * What went wrong with a change to the wijkkaart, in plain Dutch, and at which field of the form.
 * The API answers with a stable `extensions.code` (and `extensions.field`, e.g. "input.note");
 * its messages are for developers and are never shown.
 */

/** The fields of the wijkkaart forms an API error can point at. */
export type WijkEditField =
  | 'from'
  | 'to'
  | 'kind'
  | 'since'
  | 'until'
  | 'strength'
  | 'note'
  | 'name'
  | 'description'
  | 'consent'
  | 'consentDate'
  | 'organisation'
  | 'category'
  | 'languages';

export interface WijkEditProblem {
  /** The field to show the message at; null: above the form. */
  readonly field: WijkEditField | null;
  readonly message: string;
}

const FIELDS: Readonly<Record<string, WijkEditField>> = {
  'input.fromId': 'from',
  'input.toId': 'to',
  'input.kind': 'kind',
  'input.since': 'since',
  'input.until': 'until',
  'input.strength': 'strength',
  'input.note': 'note',
  'input.name': 'name',
  'input.description': 'description',
  'input.consent': 'consent',
  'input.consentDate': 'consentDate',
  'input.organisationId': 'organisation',
  'input.category': 'category',
  'input.languages': 'languages',
};

/** The form field an API field path is about ("input.languages.2" is about the languages). */
export function wijkEditField(apiField: unknown): WijkEditField | null {
  if (typeof apiField !== 'string') return null;
  const known = FIELDS[apiField];
  if (known) return known;
  const parent = apiField.split('.').slice(0, 2).join('.');
  return FIELDS[parent] ?? null;
}

function fieldOf(error: LoadErrorLike, code: string): WijkEditField | null {
  return wijkEditField(error.graphQLErrors.find((e) => e.extensions?.['code'] === code)?.extensions?.['field']);
}

const p = nl.wijkEdit.problem;

/** What the page says about a refused or failed change. */
export function wijkEditProblem(error: LoadErrorLike): WijkEditProblem {
  const codes = errorCodes(error);
  const has = (code: string) => codes.includes(code);
  if (has('UNAUTHENTICATED')) return { field: null, message: p.unauthenticated };
  if (has('CONTACT_DETAILS_NOT_ALLOWED')) {
    // Only free text can hold contact details; the note is the usual one.
    return { field: fieldOf(error, 'CONTACT_DETAILS_NOT_ALLOWED') ?? 'note', message: p.contactDetails };
  }
  if (has('CONSENT_REQUIRED')) {
    const field = fieldOf(error, 'CONSENT_REQUIRED');
    // At the checkbox: they did not tick it. At an end of a link: that key figure withdrew consent.
    return field === 'consent' || field === null
      ? { field: 'consent', message: p.consentRequired }
      : { field, message: p.keyFigureWithoutConsent };
  }
  if (has('OUTSIDE_DISTRICT')) {
    const field = fieldOf(error, 'OUTSIDE_DISTRICT');
    return { field, message: field === 'to' ? p.outsideDistrictTo : p.outsideDistrict };
  }
  if (has('INVALID_INPUT')) {
    const field = fieldOf(error, 'INVALID_INPUT');
    return { field, message: field ? p.invalid[field] : p.invalidOther };
  }
  if (has('EDIT_CONFLICT')) return { field: null, message: p.editConflict };
  if (has('CONFLICT')) {
    const field = fieldOf(error, 'CONFLICT');
    return field === 'organisation' ? { field, message: p.alreadyMember } : { field: null, message: p.alreadyDone };
  }
  if (has('NOT_FOUND')) {
    // A chosen organisation that is gone is a problem with the form; the link or offering itself being gone is news.
    const field = fieldOf(error, 'NOT_FOUND');
    return field ? { field, message: p.endGone } : { field: null, message: p.gone };
  }
  if (has('FORBIDDEN')) return { field: null, message: p.forbidden };
  if (has('DATABASE_UNAVAILABLE') || (codes.length === 0 && error.networkError !== undefined))
    return { field: null, message: p.unavailable };
  return { field: null, message: p.other };
}

/** Where a form shows a problem: at one of its own fields, or (a field it does not have) above it. */
export function placeProblem(
  problem: WijkEditProblem,
  formFields: readonly WijkEditField[],
): { readonly atField: Partial<Record<WijkEditField, string>>; readonly general: string | null } {
  if (problem.field && formFields.includes(problem.field))
    return { atField: { [problem.field]: problem.message }, general: null };
  return { atField: {}, general: problem.message };
}
