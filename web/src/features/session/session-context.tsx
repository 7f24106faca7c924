import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../../gql/graphql';

export type SignedInViewer = NonNullable<ViewerQuery['viewer']>;

/** Who is signed in; null when nobody is. Provided by the app layout once `viewer` has loaded. */
export const ViewerContext = createContext<SignedInViewer | null>(null);

/** Replaces the urql client by a fresh one with an empty cache (after login, logout and erasure). */
export const ResetClientContext = createContext<() => void>(() => undefined);

export function useViewer(): SignedInViewer | null {
  return useContext(ViewerContext);
}

/** For pages below RequireViewer, which only renders them when someone is signed in. */
export function useSignedInViewer(): SignedInViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useSignedInViewer used outside RequireViewer');
  return viewer;
}

export function useResetClient(): () => void {
  return useContext(ResetClientContext);
}
