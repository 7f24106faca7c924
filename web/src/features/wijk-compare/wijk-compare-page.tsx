import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { BackIcon, ChartIcon, IdeaIcon, StarIcon } from '../../components/icons';
import { ScrollTable } from '../../components/scroll-table';
import { LoadError, Loading } from '../../components/load-state';
import { DistrictComparisonDocument, type DistrictComparisonQuery, type SpoorGroup } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { useViewer } from '../session/session-context';
import { formatShare } from '../wijk-signals/wijk-signal-text';
import { countIn, largestCount, missingInOwn, orderDistricts } from './compare';
import { SmallChart, type ChartRow } from './small-multiples';
import './wijk-compare.css';

type Comparison = DistrictComparisonQuery['districtComparison'];
type District = Comparison['districts'][number];

const texts = nl.wijkCompare;

const GROUP_NAMES: Record<SpoorGroup, string> = {
  TIER_1: `${nl.spoor.tier1.title}: ${nl.spoor.tier1.name}`,
  TIER_2: `${nl.spoor.tier2.title}: ${nl.spoor.tier2.name}`,
  TIER_3: `${nl.spoor.tier3.title}: ${nl.spoor.tier3.name}`,
  OTHER: nl.spoor.other.title,
};
const GROUP_ORDER: readonly SpoorGroup[] = ['TIER_1', 'TIER_2', 'TIER_3', 'OTHER'];

/** A count, or a visible "–" that a screen reader reads as "geen". */
function Count({ n }: { readonly n: number }) {
  return n > 0 ? (
    <>{String(n)}</>
  ) : (
    <>
      <span aria-hidden="true">{texts.noneShort}</span>
      <span className="visually-hidden">{texts.none}</span>
    </>
  );
}

function CompareTable({ caption, children }: { readonly caption: string; readonly children: ReactNode }) {
  return (
    <ScrollTable caption={caption} boxClassName="table-scroll" tableClassName="compare-table">
      {children}
    </ScrollTable>
  );
}

function DistrictHeaders({
  districts,
  ownId,
  first,
}: {
  readonly districts: readonly District[];
  readonly ownId: string | null;
  readonly first: string;
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {districts.map((d) => (
          <th key={d.id} scope="col" className={d.id === ownId ? 'number own' : 'number'}>
            {d.id === ownId ? texts.own(d.name) : d.name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function CoverageTable({
  caption,
  first,
  rows,
  districts,
  ownId,
}: {
  readonly caption: string;
  readonly first: string;
  readonly rows: readonly ChartRow[];
  readonly districts: readonly District[];
  readonly ownId: string | null;
}) {
  return (
    <CompareTable caption={caption}>
      <DistrictHeaders districts={districts} ownId={ownId} first={first} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {districts.map((d) => {
              const n = countIn(row, d.id);
              return (
                <td key={d.id} className={`number${d.id === ownId ? ' own' : ''}${n === 0 ? ' empty' : ''}`}>
                  <Count n={n} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </CompareTable>
  );
}

function OwnWijkHelper({
  rows,
  own,
  districts,
}: {
  readonly rows: readonly ChartRow[];
  readonly own: District;
  readonly districts: readonly District[];
}) {
  const missing = missingInOwn(
    rows.map((row) => ({ key: row.key, districts: row.districts })),
    own.id,
    districts,
  );
  const labels = new Map(rows.map((row) => [row.key, row.label]));
  return (
    <section className="panel compare-helper" aria-labelledby="compare-question">
      <h2 id="compare-question">
        <IdeaIcon /> {texts.question}
      </h2>
      {missing.length === 0 ? (
        <p>{texts.missingNone(own.name)}</p>
      ) : (
        <>
          <p>{texts.missingIntro(own.name)}</p>
          <ul className="compare-missing">
            {missing.map((m) => (
              <li key={m.key}>
                {texts.missingItem(labels.get(m.key) ?? m.key, nl.wijkSignals.list(m.elsewhere.map((d) => d.name)))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ComparisonBody({ data, ownId }: { readonly data: Comparison; readonly ownId: string | null }) {
  const districts = orderDistricts(data.districts, ownId);
  const own = districts.find((d) => d.id === ownId) ?? null;
  const categories: ChartRow[] = data.categories
    .map((c) => ({ key: c.category, label: nl.signals.offerCategory[c.category], districts: c.districts }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const groups: ChartRow[] = GROUP_ORDER.flatMap((group) => {
    const row = data.groups.find((g) => g.group === group);
    return row ? [{ key: group, label: GROUP_NAMES[group], districts: row.districts }] : [];
  });
  const measures = new Map(data.measures.map((m) => [m.districtId, m]));
  const max = largestCount(
    categories,
    districts.map((d) => d.id),
  );
  if (districts.length === 0) return <p>{texts.empty}</p>;
  return (
    <>
      {own ? <OwnWijkHelper rows={categories} own={own} districts={districts} /> : <p>{texts.noOwnWijk}</p>}
      <section aria-labelledby="compare-categories">
        <h2 id="compare-categories">{texts.categoriesTitle}</h2>
        <p className="compare-scroll-hint">{texts.scrollHint}</p>
        <CoverageTable
          caption={texts.categoriesCaption}
          first={texts.categoryColumn}
          rows={categories}
          districts={districts}
          ownId={ownId}
        />
      </section>
      <section aria-labelledby="compare-groups">
        <h2 id="compare-groups">{texts.groupsTitle}</h2>
        <CoverageTable
          caption={texts.groupsCaption}
          first={texts.spoorColumn}
          rows={groups}
          districts={districts}
          ownId={ownId}
        />
      </section>
      <section aria-labelledby="compare-measures">
        <h2 id="compare-measures">{texts.measuresTitle}</h2>
        <CompareTable caption={texts.measuresCaption}>
          <thead>
            <tr>
              <th scope="col">{texts.wijkColumn}</th>
              <th scope="col" className="number">
                {texts.organisationsColumn}
              </th>
              <th scope="col" className="number">
                {texts.linksColumn}
              </th>
              <th scope="col" className="number">
                {texts.densityColumn}
              </th>
              <th scope="col" className="number">
                {texts.crossTierColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => {
              const m = measures.get(d.id);
              return (
                <tr key={d.id} className={d.id === ownId ? 'own' : undefined}>
                  <th scope="row">{d.id === ownId ? texts.own(d.name) : d.name}</th>
                  <td className="number">{m ? String(m.organisations) : texts.noneShort}</td>
                  <td className="number">{m ? String(m.links) : texts.noneShort}</td>
                  <td className="number">{m ? formatShare(m.density) : texts.noneShort}</td>
                  <td className="number">
                    {m?.crossTierShare === null || m === undefined ? texts.notComputable : formatShare(m.crossTierShare)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </CompareTable>
      </section>
      <section aria-labelledby="compare-charts">
        <h2 id="compare-charts">
          <ChartIcon /> {texts.chartTitle}
        </h2>
        <p>{texts.chartIntro}</p>
        <div className="small-multiples">
          {districts.map((d) => (
            <SmallChart key={d.id} districtId={d.id} name={d.name} own={d.id === ownId} rows={categories} max={max} />
          ))}
        </div>
      </section>
    </>
  );
}

/** "Wijken vergelijken": what each wijk offers, side by side, with the viewer's own wijk first. */
export function WijkComparePage() {
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: DistrictComparisonDocument });
  const data = result.data?.districtComparison;
  return (
    <div className="page compare-page">
      <title>{nl.app.pageTitle(texts.title)}</title>
      <h1>{texts.title}</h1>
      <p className="lead">{texts.intro}</p>
      <p className="back">
        <Link to="/wijken">
          <BackIcon /> {texts.backToDistricts}
        </Link>
      </p>
      {viewer?.district ? (
        <p>
          <StarIcon /> {texts.yourWijk}: <strong>{viewer.district.name}</strong>
        </p>
      ) : null}
      {result.fetching && !data ? <Loading /> : null}
      {result.error && !data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {data ? <ComparisonBody data={data} ownId={viewer?.role === 'COORDINATOR' ? (viewer.district?.id ?? null) : null} /> : null}
    </div>
  );
}
