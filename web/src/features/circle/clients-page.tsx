import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ArrowIcon, CircleIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ClientsPageDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';

export function ClientsPage() {
  const [result, reexecute] = useQuery({ query: ClientsPageDocument });
  const clients = result.data?.clients.nodes ?? [];

  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.clients.title)}</title>
      <h1>{nl.clients.title}</h1>
      <p className="lead">{nl.clients.intro}</p>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {result.data && clients.length === 0 ? <p>{nl.clients.empty}</p> : null}
      {clients.length > 0 ? (
        <ul className="link-list client-list">
          {clients.map((c) => (
            <li key={c.id}>
              {c.currentCircle ? (
                <Link to={`/kring/${c.currentCircle.id}`} className="link-row">
                  <span className="link-row-main">
                    <CircleIcon />
                    <span className="link-row-title">{c.name}</span>
                  </span>
                  <span className="link-row-meta">{c.district ? nl.clients.livesIn(c.district.name) : ''}</span>
                  <ArrowIcon className="link-row-arrow" />
                </Link>
              ) : (
                <div className="link-row disabled">
                  <span className="link-row-main">
                    <span className="link-row-title">{c.name}</span>
                  </span>
                  <span className="link-row-meta">{nl.clients.noCircle}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
