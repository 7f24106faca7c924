import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ArrowIcon, ChartIcon, HomeIcon, StarIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { DistrictsPageDocument, type DistrictsPageQuery } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { useViewer } from '../session/session-context';
import { splitDistricts } from './district-order';

type DistrictItem = DistrictsPageQuery['districts']['nodes'][number];

function DistrictList({
  districts,
  ownIds,
}: {
  readonly districts: readonly DistrictItem[];
  readonly ownIds: readonly string[];
}) {
  return (
    <ul className="link-list">
      {districts.map((d) => (
        <li key={d.id}>
          <Link to={`/wijk/${d.slug}`} className={ownIds.includes(d.id) ? 'link-row own-district' : 'link-row'}>
            <span className="link-row-main">
              <span className="link-row-title">{d.name}</span>
              {ownIds.includes(d.id) ? (
                <span className="badge">
                  <HomeIcon /> {nl.districts.yourWijk}
                </span>
              ) : null}
              {d.focus ? (
                <span className="badge subtle">
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
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: DistrictsPageDocument });
  const districts = result.data?.districts.nodes ?? [];
  // A coordinator's own wijken come first and are marked; the comparison is for coordinators and admins.
  const ownIds = viewer?.role === 'COORDINATOR' ? viewer.districts.map((d) => d.id) : [];
  const canCompare = viewer?.role === 'COORDINATOR' || viewer?.role === 'ADMIN';
  const { own, focus, other } = splitDistricts(districts, ownIds);

  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.districts.title)}</title>
      <h1>{nl.districts.title}</h1>
      <p className="lead">{nl.districts.intro}</p>
      {canCompare ? (
        <div className="button-row" style={{ alignItems: 'center' }}>
          <Link className="button secondary" to="/wijken/vergelijken">
            <ChartIcon /> {nl.districts.compareLink}
          </Link>
          <span>{nl.districts.compareText}</span>
        </div>
      ) : null}
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {result.data && districts.length === 0 ? <p>{nl.districts.empty}</p> : null}
      {own.length > 0 ? (
        <section aria-labelledby="jouw-wijk">
          <h2 id="jouw-wijk">
            <HomeIcon /> {own.length > 1 ? nl.districts.yourWijkenTitle : nl.districts.yourWijkTitle}
          </h2>
          <DistrictList districts={own} ownIds={ownIds} />
        </section>
      ) : null}
      {focus.length > 0 ? (
        <section aria-labelledby="focus-wijken">
          <h2 id="focus-wijken">
            <StarIcon /> {nl.districts.focusTitle}
          </h2>
          <p>{own.some((d) => d.focus) ? nl.districts.focusTextOwn : nl.districts.focusText}</p>
          <DistrictList districts={focus} ownIds={ownIds} />
        </section>
      ) : null}
      {other.length > 0 ? (
        <section aria-labelledby="andere-wijken">
          <h2 id="andere-wijken">{nl.districts.otherTitle}</h2>
          <DistrictList districts={other} ownIds={ownIds} />
        </section>
      ) : null}
    </div>
  );
}
