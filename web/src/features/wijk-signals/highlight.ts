import { useMemo } from 'react';
import { useQuery } from 'urql';
import { WijkSignalsDocument, type WijkSignalCode } from '../../gql/graphql';
import { nl } from '../../messages/nl';

/** A set of nodes the map marks, e.g. the organisations of one signal or action. */
export interface WijkHighlight {
  key: string;
  label: string;
  nodeIds: readonly string[];
}

export interface NodeSignal {
  readonly key: string;
  readonly code: WijkSignalCode;
  readonly label: string;
}

/** Signals per node id: each node lists the signals that mention it, in the API's order. */
export function signalsByNode(
  signals: readonly { readonly key: string; readonly code: WijkSignalCode; readonly nodeIds: readonly string[] }[],
): ReadonlyMap<string, readonly NodeSignal[]> {
  const byNode = new Map<string, NodeSignal[]>();
  for (const signal of signals) {
    for (const id of new Set(signal.nodeIds)) {
      const list = byNode.get(id) ?? [];
      list.push({ key: signal.key, code: signal.code, label: nl.wijkSignals.marker[signal.code] });
      byNode.set(id, list);
    }
  }
  return byNode;
}

const EMPTY: ReadonlyMap<string, readonly NodeSignal[]> = new Map();

/**
 * Editing the map (links, key figures, offerings, partnerships) changes the signals: these payload
 * types make urql ask again after such a mutation. One object, so the panel and the map share it.
 */
export const SIGNALS_CONTEXT = { additionalTypenames: ['LinkPayload', 'KeyFigurePayload', 'OfferingPayload', 'OkPayload'] };

/**
 * Signals per node id, for markers on the map. The same query document as the signals panel, so
 * urql answers both from one request.
 */
export function useNodeSignals(districtId: string): ReadonlyMap<string, readonly NodeSignal[]> {
  const [result] = useQuery({
    query: WijkSignalsDocument,
    variables: { districtId },
    pause: districtId === '',
    context: SIGNALS_CONTEXT,
  });
  const signals = result.data?.wijkSignals?.signals;
  return useMemo(() => (signals ? signalsByNode(signals) : EMPTY), [signals]);
}
