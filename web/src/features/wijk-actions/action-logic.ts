import type { WijkActionFieldsFragment, WijkActionStatus } from '../../gql/graphql';
import { nl } from '../../messages/nl';

export type WijkActionItem = WijkActionFieldsFragment;

export const ACTION_STATUSES: readonly WijkActionStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];

/** Open and in progress count as open; done and dropped as closed. */
export function isOpen(status: WijkActionStatus): boolean {
  return status === 'OPEN' || status === 'IN_PROGRESS';
}

/** An open action whose due date (a calendar date) lies before today (also a calendar date, "2026-03-14"). */
export function isOverdue(action: Pick<WijkActionItem, 'status' | 'due'>, today: string): boolean {
  return isOpen(action.status) && action.due !== null && action.due < today;
}

/**
 * Open actions first, by due date (soonest first, those without a date after them, then the
 * oldest first); then closed ones, the most recently closed first.
 */
export function sortActions<T extends Pick<WijkActionItem, 'id' | 'status' | 'due' | 'createdAt' | 'closedAt'>>(
  actions: readonly T[],
): { open: T[]; closed: T[] } {
  const open = actions
    .filter((a) => isOpen(a.status))
    .sort(
      (a, b) =>
        (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
        (a.due ?? '').localeCompare(b.due ?? '') ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
  const closed = actions
    .filter((a) => !isOpen(a.status))
    .sort((a, b) => (b.closedAt ?? b.createdAt).localeCompare(a.closedAt ?? a.createdAt) || a.id.localeCompare(b.id));
  return { open, closed };
}

/** The node ids of the open actions, for markers on the map. */
export function openActionNodeIds(actions: readonly Pick<WijkActionItem, 'status' | 'nodeIds'>[]): ReadonlySet<string> {
  return new Set(actions.filter((a) => isOpen(a.status)).flatMap((a) => a.nodeIds));
}

/** What went wrong saving an action, by the API's stable codes. */
export type ActionProblem = 'CONFLICT' | 'FORBIDDEN' | 'INVALID' | 'OTHER';

export function actionProblem(codes: readonly unknown[]): ActionProblem {
  if (codes.includes('EDIT_CONFLICT') || codes.includes('NOT_FOUND')) return 'CONFLICT';
  if (codes.includes('FORBIDDEN') || codes.includes('OUTSIDE_DISTRICT')) return 'FORBIDDEN';
  if (codes.includes('INVALID_INPUT')) return 'INVALID';
  return 'OTHER';
}

/**
 * The words for a failed save. A conflict gets the general words here; the actions panel, where
 * an edit can conflict, handles that case itself first (it reloads and says so).
 */
export function actionProblemText(problem: ActionProblem): string {
  if (problem === 'FORBIDDEN') return nl.wijkActions.forbidden;
  if (problem === 'INVALID') return nl.wijkActions.dialog.invalid;
  return nl.wijkActions.failed;
}
