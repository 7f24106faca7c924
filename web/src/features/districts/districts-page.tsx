import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ArrowIcon, StarIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { DistrictsPageDocument, type DistrictsPageQuery } from '../../gql/graphql';
import { nl } from '../../messages/nl';

type DistrictItem = DistrictsPageQuery['districts']['nodes'][number];

function DistrictList({ districts }: { readonly districts: readonly DistrictItem[] }) {
  return (
    <ul className="link-list">
      {districts.map((d) => (
        <li key={d.id}>
          <Link to={`/wijk/${d.slug}`} className="link-row">
            <span className="link-row-main">
              <span className="link-row-title">{d.name}</span>
              {d.focus ? (
                <span className="badge">
                  <StarIcon /> {nl.districts.focusBadge}
                </span>
              ) : null}
            </span>
            <span className="link-row-meta">{nl.districts.organisations(d.organisationCount)}</span>
            <ArrowIcon className="link-row-arrow" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function DistrictsPage() {
  const [result, reexecute] = useQuery({ query: DistrictsPageDocument });
  const districts = result.data?.districts.nodes ?? [];
  const focus = districts.filter((d) => d.focus);
  const other = districts.filter((d) => !d.focus);

  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.districts.title)}</title>
      <h1>{nl.districts.title}</h1>
      <p className="lead">{nl.districts.intro}</p>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {result.data && districts.length === 0 ? <p>{nl.districts.empty}</p> : null}
      {focus.length > 0 ? (
        <section aria-labelledby="focus-wijken">
          <h2 id="focus-wijken">
            <StarIcon /> {nl.districts.focusTitle}
          </h2>
          <p>{nl.districts.focusText}</p>
          <DistrictList districts={focus} />
        </section>
      ) : null}
      {other.length > 0 ? (
        <section aria-labelledby="andere-wijken">
          <h2 id="andere-wijken">{nl.districts.otherTitle}</h2>
          <DistrictList districts={other} />
        </section>
      ) : null}
    </div>
  );
}
