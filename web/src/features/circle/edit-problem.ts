import { errorCodes, type LoadErrorLike } from '../../lib/load-error';

/**
 * What went wrong with a change, sorted by what the page says and does about it. The API answers
 * with a stable `extensions.code` (and `extensions.field` for input); messages are never read.
 */
export type EditProblemKind =
  /** Someone else changed this entry since the page showed it: show the circle as it is now. */
  | 'EDIT_CONFLICT'
  /** The entry (or circle) is no longer there: someone else took it out. */
  | 'GONE'
  | 'CONTACT_DETAILS'
  | 'INVALID'
  /** Already in the circle. */
  | 'DUPLICATE'
  | 'FROZEN'
  | 'FULL'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'UNAVAILABLE'
  | 'OTHER';

/** The fields of the add and edit forms an API error can point at. */
export type FormField = 'name' | 'relation' | 'note' | 'organisation' | 'ring' | 'sector';

export interface EditProblem {
  readonly kind: EditProblemKind;
  readonly field: FormField | null;
}

const FIELDS: Readonly<Record<string, FormField>> = {
  'input.name': 'name',
  'input.person.name': 'name',
  'input.relation': 'relation',
  'input.note': 'note',
  'input.organisationId': 'organisation',
  'input.person.organisationId': 'organisation',
  'input.personId': 'name',
  'input.ring': 'ring',
  'input.sector': 'sector',
};

/** The form field an API field path (extensions.field) is about, if it is one of ours. */
export function formField(apiField: unknown): FormField | null {
  return typeof apiField === 'string' ? (FIELDS[apiField] ?? null) : null;
}

function fieldOf(error: LoadErrorLike, code: string): FormField | null {
  const found = error.graphQLErrors.find((e) => e.extensions?.['code'] === code);
  return formField(found?.extensions?.['field']);
}

export function editProblem(error: LoadErrorLike): EditProblem {
  const codes = errorCodes(error);
  const has = (code: string) => codes.includes(code);
  if (has('UNAUTHENTICATED')) return { kind: 'UNAUTHENTICATED', field: null };
  if (has('EDIT_CONFLICT')) return { kind: 'EDIT_CONFLICT', field: null };
  if (has('CONTACT_DETAILS_NOT_ALLOWED'))
    return { kind: 'CONTACT_DETAILS', field: fieldOf(error, 'CONTACT_DETAILS_NOT_ALLOWED') };
  if (has('INVALID_INPUT')) return { kind: 'INVALID', field: fieldOf(error, 'INVALID_INPUT') };
  if (has('CONFLICT')) return { kind: 'DUPLICATE', field: fieldOf(error, 'CONFLICT') };
  if (has('CIRCLE_FROZEN')) return { kind: 'FROZEN', field: null };
  if (has('CIRCLE_FULL')) return { kind: 'FULL', field: null };
  if (has('FORBIDDEN')) return { kind: 'FORBIDDEN', field: null };
  if (has('NOT_FOUND')) {
    // An organisation that is gone is a problem with the form; an entry or circle that is gone is news.
    const field = fieldOf(error, 'NOT_FOUND');
    return field === 'organisation' ? { kind: 'INVALID', field } : { kind: 'GONE', field: null };
  }
  // Nothing was changed (a write and its audit record commit together), and trying again may work.
  if (
    has('DATABASE_UNAVAILABLE') ||
    has('AUDIT_UNAVAILABLE') ||
    has('TIMEOUT') ||
    (codes.length === 0 && error.networkError !== undefined)
  )
    return { kind: 'UNAVAILABLE', field: null };
  return { kind: 'OTHER', field: null };
}

/** Problems after which the page shows the circle as it is on the server now. */
export function needsFreshCircle(problem: EditProblem): boolean {
  return problem.kind === 'EDIT_CONFLICT' || problem.kind === 'GONE' || problem.kind === 'DUPLICATE' || problem.kind === 'FROZEN';
}
