import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenMessage } from '../../components/load-state';
import type { Role } from '../../gql/graphql';
import { loginPath } from '../../lib/return-path';
import { sessionEnded } from '../../lib/session-events';
import { startPath } from './roles';
import { useSignedInViewer, useViewer } from './session-context';

/** Pages for signed-in people only: anyone else goes to /inloggen, which brings them back here afterwards. */
export function RequireViewer() {
  const viewer = useViewer();
  const { pathname, search } = useLocation();
  if (!viewer) {
    return <Navigate to={loginPath(pathname + search)} replace state={sessionEnded() ? { notice: 'expired' } : undefined} />;
  }
  return <Outlet />;
}

/** "/": the start page of the signed-in person's role. */
export function StartRedirect() {
  return <Navigate to={startPath(useSignedInViewer())} replace />;
}

/**
 * A page meant for some roles only. The API refuses the data anyway; this only saves a round trip
 * and shows the calm "not allowed" message straight away.
 */
export function RoleGate({ roles, children }: { readonly roles: readonly Role[]; readonly children: ReactNode }) {
  const viewer = useSignedInViewer();
  if (!roles.includes(viewer.role)) {
    return (
      <div className="page">
        <ForbiddenMessage heading="h1" />
      </div>
    );
  }
  return children;
}
