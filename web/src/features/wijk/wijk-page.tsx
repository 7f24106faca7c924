import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { StarIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { WijkPageDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { drawableLinks } from './elements';
import { WijkMap } from './wijk-map';
import { WijkTextAlternative } from './wijk-text-alternative';

export function WijkPage() {
  const { slug = '' } = useParams();
  const [result, reexecute] = useQuery({ query: WijkPageDocument, variables: { slug } });
  const district = result.data?.district;

  if (result.fetching && !result.data) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (result.error && !district) {
    return (
      <div className="page">
        <LoadError heading="h1" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!district) {
    return (
      <div className="page">
        <title>{nl.app.pageTitle(nl.state.notFound)}</title>
        <NotFoundMessage heading="h1" />
      </div>
    );
  }

  return (
    <div className="page wide">
      <title>{nl.app.pageTitle(district.name)}</title>
      <div className="page-heading">
        <h1>{district.name}</h1>
        {district.focus ? (
          <span className="badge">
            <StarIcon /> {nl.wijk.focusBadge}
          </span>
        ) : null}
      </div>
      <p className="lead">
        {nl.wijk.summary(district.organisations.length, drawableLinks(district).length, district.keyFigures.length)}
      </p>
      <div className="split map-wide">
        <WijkMap name={district.name} network={district} />
        <WijkTextAlternative network={district} />
      </div>
    </div>
  );
}
