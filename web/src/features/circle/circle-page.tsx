import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BackIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { CirclePageDocument, type CirclePageQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { nl } from '../../messages/nl';
import { useSignedInViewer } from '../session/session-context';
import { circleElements } from './circle-elements';
import { CircleList } from './circle-list';
import { CircleMap } from './circle-map';

type Circle = NonNullable<CirclePageQuery['networkCircle']>;

function CircleView({ circle, layout }: { readonly circle: Circle; readonly layout: CirclePageQuery['circleLayout'] }) {
  const drawing = useMemo(() => circleElements(circle.clientName, layout, circle.entries), [circle, layout]);
  // A client reaches their own circle from the menu; only professionals have a list of clients to go back to.
  const hasClientList = useSignedInViewer().role !== 'CLIENT';
  return (
    <div className="page wide">
      <title>{nl.app.pageTitle(nl.circle.title(circle.clientName))}</title>
      {hasClientList ? (
        <p className="back">
          <Link to="/kring">
            <BackIcon /> {nl.circle.backToList}
          </Link>
        </p>
      ) : null}
      <h1>{nl.circle.title(circle.clientName)}</h1>
      <p className="lead">
        {circle.frozenAt ? nl.circle.frozenOn(formatDate(circle.frozenAt)) : nl.circle.madeOn(formatDate(circle.createdAt))}
        {circle.label ? ` · ${circle.label}` : ''}. {nl.circle.summary(circle.entries.length)}
      </p>
      <div className="split">
        <CircleMap clientName={circle.clientName} drawing={drawing} />
        <CircleList layout={layout} entries={circle.entries} unplaced={drawing.placement.unplaced} />
      </div>
    </div>
  );
}

export function CirclePage() {
  const { circleId = '' } = useParams();
  const [result, reexecute] = useQuery({ query: CirclePageDocument, variables: { id: circleId } });
  const circle = result.data?.networkCircle;

  if (result.fetching && !result.data) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (result.error && !circle) {
    return (
      <div className="page">
        <LoadError heading="h1" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!circle || !result.data) {
    return (
      <div className="page">
        <title>{nl.app.pageTitle(nl.state.notFound)}</title>
        <NotFoundMessage heading="h1" />
      </div>
    );
  }
  return <CircleView circle={circle} layout={result.data.circleLayout} />;
}
