import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { CircleIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { MyCircleDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import { useSignedInViewer } from '../session/session-context';

/** The client's current circle: found through `viewer.clientId`, shown by the circle page. */
function MyCircle({ clientId }: { readonly clientId: string }) {
  const [result, reexecute] = useQuery({ query: MyCircleDocument, variables: { clientId } });
  const circleId = result.data?.client?.currentCircle?.id;

  if (circleId) return <Navigate to={`/kring/${encodeURIComponent(circleId)}`} replace />;
  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.myCircle.title)}</title>
      <h1>
        <CircleIcon /> {nl.myCircle.title}
      </h1>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {result.data && !result.data.client ? <NotFoundMessage /> : null}
      {result.data?.client && !circleId ? <p className="lead">{nl.myCircle.noCircle}</p> : null}
    </div>
  );
}

export function MyCirclePage() {
  const viewer = useSignedInViewer();
  return (
    <RoleGate roles={['CLIENT']}>
      {viewer.clientId ? (
        <MyCircle clientId={viewer.clientId} />
      ) : (
        <div className="page">
          <NotFoundMessage heading="h1" />
        </div>
      )}
    </RoleGate>
  );
}
