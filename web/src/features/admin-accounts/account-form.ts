import type { Role } from '../../gql/graphql';

/** What the account form holds (issue 11). Mirrors the API's rules, so every problem shows before sending. */
export interface AccountFormValues {
  readonly role: Role;
  readonly displayName: string;
  readonly username: string;
  readonly organisationId: string;
  /** A coordinator's wijken in the order chosen; a client's one wijk. */
  readonly districtIds: readonly string[];
}

export type AccountField = 'role' | 'displayName' | 'username' | 'organisationId' | 'districtIds';

export type AccountProblem =
  | 'nameMissing'
  | 'nameTooLong'
  | 'usernameMissing'
  | 'usernameInvalid'
  | 'usernameTaken'
  | 'organisationMissing'
  | 'organisationUnknown'
  | 'wijkMissing'
  | 'wijkOne'
  | 'wijkTooMany'
  | 'wijkUnknown'
  | 'roleClient';

export const NAME_MAX = 80;
export const USERNAME_MAX = 64;
export const WIJKEN_MAX = 10;
const USERNAME = /^[a-z0-9][a-z0-9._-]*$/;

/** Which parts of the form a role uses. */
export function roleNeeds(role: Role): { organisation: 'required' | 'optional' | 'none'; wijken: 'several' | 'one' | 'none' } {
  switch (role) {
    case 'SUPPORT_WORKER':
      return { organisation: 'required', wijken: 'none' };
    case 'COORDINATOR':
      return { organisation: 'optional', wijken: 'several' };
    case 'CLIENT':
      return { organisation: 'none', wijken: 'one' };
    default:
      return { organisation: 'none', wijken: 'none' };
  }
}

/** The username as the API stores it. */
export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}

/** Every problem of the form at once. `creating`: the name and username are asked too. */
export function accountProblems(
  values: AccountFormValues,
  creating: boolean,
): { field: AccountField; problem: AccountProblem }[] {
  const problems: { field: AccountField; problem: AccountProblem }[] = [];
  if (creating) {
    const name = values.displayName.trim();
    if (name === '') problems.push({ field: 'displayName', problem: 'nameMissing' });
    else if (name.length > NAME_MAX) problems.push({ field: 'displayName', problem: 'nameTooLong' });
    const username = normaliseUsername(values.username);
    if (username === '') problems.push({ field: 'username', problem: 'usernameMissing' });
    else if (username.length < 3 || username.length > USERNAME_MAX || !USERNAME.test(username))
      problems.push({ field: 'username', problem: 'usernameInvalid' });
  }
  const needs = roleNeeds(values.role);
  if (needs.organisation === 'required' && values.organisationId === '')
    problems.push({ field: 'organisationId', problem: 'organisationMissing' });
  if (needs.wijken === 'several' && values.districtIds.length === 0)
    problems.push({ field: 'districtIds', problem: 'wijkMissing' });
  if (needs.wijken === 'several' && values.districtIds.length > WIJKEN_MAX)
    problems.push({ field: 'districtIds', problem: 'wijkTooMany' });
  if (needs.wijken === 'one' && values.districtIds.length !== 1) problems.push({ field: 'districtIds', problem: 'wijkOne' });
  return problems;
}

/** What the API is sent: only what the role uses. */
export function accountInput(values: AccountFormValues): {
  role: Role;
  organisationId: string | null;
  districtIds: string[];
} {
  const needs = roleNeeds(values.role);
  return {
    role: values.role,
    organisationId: needs.organisation === 'none' || values.organisationId === '' ? null : values.organisationId,
    districtIds: needs.wijken === 'none' ? [] : needs.wijken === 'one' ? values.districtIds.slice(0, 1) : [...values.districtIds],
  };
}

/** A refusal of the API, by its code and field, as a problem of the form. Null: not about one field. */
export function problemFromApi(
  code: string | null,
  field: string | null,
): { field: AccountField; problem: AccountProblem } | null {
  const name = field?.replace(/^input\./, '') ?? '';
  if (code === 'CONFLICT' && name === 'username') return { field: 'username', problem: 'usernameTaken' };
  if (code === 'NOT_FOUND' && name === 'organisationId') return { field: 'organisationId', problem: 'organisationUnknown' };
  if (code === 'NOT_FOUND' && name === 'districtIds') return { field: 'districtIds', problem: 'wijkUnknown' };
  if (code === 'INVALID_INPUT') {
    if (name === 'displayName') return { field: 'displayName', problem: 'nameTooLong' };
    if (name === 'username') return { field: 'username', problem: 'usernameInvalid' };
    if (name === 'organisationId') return { field: 'organisationId', problem: 'organisationMissing' };
    if (name.startsWith('districtIds')) return { field: 'districtIds', problem: 'wijkMissing' };
    if (name === 'role') return { field: 'role', problem: 'roleClient' };
  }
  return null;
}

/** Ticking a wijk adds it at the end (the first chosen stays first); unticking removes it. */
export function toggleWijk(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}
