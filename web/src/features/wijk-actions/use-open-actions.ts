import { useMemo } from 'react';
import { useQuery } from 'urql';
import { WijkActionsDocument } from '../../gql/graphql';
import { openActionNodeIds } from './action-logic';

const EMPTY: ReadonlySet<string> = new Set();
/**
 * An empty list carries no typename; this tells urql which mutations make it stale: any action
 * change, and a recorded link (it may close a missing-link action by itself).
 */
export const ACTIONS_CONTEXT = { additionalTypenames: ['WijkAction', 'LinkPayload'] };

/**
 * Node ids of the wijk's open actions (open or in progress), for markers on the map. The same query
 * as the actions panel, so urql answers both from one request. `enabled` false: no request (a
 * viewer who may not see actions).
 */
export function useOpenActionNodeIds(districtId: string, enabled: boolean): ReadonlySet<string> {
  const [result] = useQuery({
    query: WijkActionsDocument,
    variables: { districtId },
    pause: !enabled || districtId === '',
    context: ACTIONS_CONTEXT,
  });
  const actions = enabled ? result.data?.wijkActions : undefined;
  return useMemo(() => (actions ? openActionNodeIds(actions) : EMPTY), [actions]);
}
