import type { LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';

const t = nl.adminOrganisations;

/** What a form of this page is about: the same error code means something else for a wijk than for an organisation. */
export type FormKind = 'organisation' | 'district' | 'partnership' | 'member' | 'offering' | 'end' | 'merge';

/** A refused change in words, placed on a field of the form (its last path segment, e.g. "name") or above it (null). */
export interface AdminProblem {
  readonly field: string | null;
  readonly message: string;
}

function fieldOf(error: LoadErrorLike): string | null {
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.['field'];
    if (typeof field === 'string' && field !== '') {
      const parts = field.split('.').filter((part) => part !== 'input' && !/^\d+$/.test(part));
      return parts[parts.length - 1] ?? null;
    }
  }
  return null;
}

function codeOf(error: LoadErrorLike): string | null {
  if (error.graphQLErrors.length === 0) return error.networkError === undefined ? null : 'UNAVAILABLE';
  const code = error.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

const INVALID: Record<string, string> = {
  name: t.problem.nameTooLong,
  slug: t.problem.slugInvalid,
  note: t.problem.noteInvalid,
  until: t.problem.dateMissing,
  since: t.problem.dateMissing,
  districtId: t.problem.placeMissing,
  districtIds: t.problem.districtMissing,
  keepId: t.problem.sameOrganisation,
};

/**
 * Turns the API's stable codes (never its messages) into Dutch, placed on the field it names.
 * CONFLICT on a name means a duplicate name; on an id, that the record ended or was merged meanwhile.
 */
export function adminProblem(error: LoadErrorLike, form: FormKind): AdminProblem {
  const code = codeOf(error);
  const field = fieldOf(error);
  switch (code) {
    case 'INVALID_INPUT':
      if (field && INVALID[field]) {
        if (field === 'until' && form !== 'merge') return { field, message: t.problem.dateMissing };
        return { field, message: INVALID[field] };
      }
      return { field: null, message: t.problem.other };
    case 'CONTACT_DETAILS_NOT_ALLOWED':
      return { field, message: t.problem.contactDetails };
    case 'CONFLICT':
      if (field === 'name')
        return {
          field,
          message:
            form === 'district'
              ? t.problem.districtNameTaken
              : form === 'partnership'
                ? t.problem.partnershipNameTaken
                : t.problem.nameTaken,
        };
      if (field === 'slug') return { field, message: t.problem.slugTaken };
      if (field === 'organisationId') return { field, message: t.problem.alreadyMember };
      if (form === 'merge') return { field: null, message: t.problem.alreadyMerged };
      return { field: null, message: t.problem.alreadyEnded };
    case 'OUTSIDE_DISTRICT':
      return { field: field ?? null, message: t.problem.outsideDistrict };
    case 'NOT_FOUND':
      return { field: null, message: t.problem.gone };
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return { field: null, message: t.problem.forbidden };
    case 'UNAVAILABLE':
    case 'DATABASE_UNAVAILABLE':
      return { field: null, message: t.problem.unavailable };
    default:
      return { field: null, message: t.problem.other };
  }
}

export interface MergeMoves {
  readonly links: number;
  readonly sharedLinks: number;
  readonly selfLinks: number;
  readonly offerings: number;
  readonly memberships: number;
  readonly districts: number;
  readonly employees: number;
  readonly actions: number;
}

const MOVING = ['links', 'offerings', 'memberships', 'districts', 'employees', 'actions'] as const;

/** "12 koppelingen, 3 aanbod en 2 medewerkers": what moves, nothing that is zero. */
export function movesText(moves: MergeMoves): string {
  const parts = MOVING.filter((key) => moves[key] > 0).map((key) => t.moves[key](moves[key]));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t.and} ${parts[parts.length - 1] ?? ''}`;
}

/** The sentences of the merge confirmation, in order. */
export function mergeSentences(moves: MergeMoves, duplicate: string, keep: string): string[] {
  const moving = movesText(moves);
  return [
    moving ? t.mergeMoves(moving, keep, MOVING.reduce((sum, key) => sum + moves[key], 0) === 1) : t.mergeNothing(keep),
    ...(moves.sharedLinks > 0 ? [t.mergeShared(moves.sharedLinks)] : []),
    ...(moves.selfLinks > 0 ? [t.mergeSelf(moves.selfLinks)] : []),
    t.mergeCircles,
    t.mergeKeptAs(duplicate, keep),
  ];
}

export const SECTOR_TIER: Readonly<Record<string, number | null>> = {
  SOCIAL_BASE: 1,
  NEIGHBOURHOOD_TEAMS: 2,
  ADDITIONAL_CARE: 3,
  PRIMARY_CARE: null,
  HOUSING_ASSOCIATION: null,
  MUNICIPALITY: null,
  RESEARCH_EDUCATION: null,
};

/** "kanaleneiland-west" from "Kanaleneiland West": a suggestion for a new wijk's slug. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}
