import { describe, expect, it } from 'vitest';
import type { WijkActionStatus } from '../../gql/graphql';
import { actionProblem, isOverdue, openActionNodeIds, sortActions } from './action-logic';

const action = (
  id: string,
  status: WijkActionStatus,
  due: string | null,
  extra: { createdAt?: string; closedAt?: string | null; nodeIds?: string[] } = {},
) => ({
  id,
  status,
  due,
  createdAt: extra.createdAt ?? '2026-10-01T10:00:00Z',
  closedAt: extra.closedAt ?? null,
  nodeIds: extra.nodeIds ?? [],
});

describe('sortActions (issue 9)', () => {
  it('puts open actions first, soonest due first and those without a date last; closed ones after, latest first', () => {
    const { open, closed } = sortActions([
      action('no-date', 'OPEN', null),
      action('done-early', 'DONE', null, { closedAt: '2026-10-02T10:00:00Z' }),
      action('late', 'IN_PROGRESS', '2026-12-20'),
      action('soon', 'OPEN', '2026-11-01'),
      action('dropped-late', 'DROPPED', '2026-11-01', { closedAt: '2026-11-20T10:00:00Z' }),
    ]);
    expect(open.map((a) => a.id)).toEqual(['soon', 'late', 'no-date']);
    expect(closed.map((a) => a.id)).toEqual(['dropped-late', 'done-early']);
  });
});

describe('isOverdue', () => {
  it('is true only for an open action whose date has passed', () => {
    expect(isOverdue({ status: 'OPEN', due: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', due: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'OPEN', due: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'DONE', due: '2026-01-01' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'OPEN', due: null }, '2026-11-30')).toBe(false);
  });
});

describe('openActionNodeIds', () => {
  it('collects the nodes of open and in-progress actions only', () => {
    const ids = openActionNodeIds([
      action('a', 'OPEN', null, { nodeIds: ['x', 'y'] }),
      action('b', 'IN_PROGRESS', null, { nodeIds: ['z'] }),
      action('c', 'DONE', null, { nodeIds: ['w'] }),
    ]);
    expect([...ids].sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('actionProblem', () => {
  it('sorts the API codes into what the user can do', () => {
    expect(actionProblem(['EDIT_CONFLICT'])).toBe('CONFLICT');
    expect(actionProblem(['OUTSIDE_DISTRICT'])).toBe('FORBIDDEN');
    expect(actionProblem(['INVALID_INPUT'])).toBe('INVALID');
    expect(actionProblem([])).toBe('OTHER');
  });
});
