import { useId, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BackIcon, ChangesIcon, InfoIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import {
  CircleComparisonDocument,
  CircleHistoryDocument,
  CircleHistoryOwnerDocument,
  type CircleComparisonQuery,
  type CircleHistoryQuery,
} from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { nl } from '../../messages/nl';
import { SignalsPanel } from '../circle-signals/signals-panel';
import { CircleLegend, MarkSwatch } from '../circle-drawing/circle-legend';
import { CircleSvg } from '../circle-drawing/circle-svg';
import { drawingModel } from '../circle-drawing/drawing-model';
import { DrawingScroll, naturalSize } from '../circle-drawing/drawing-scroll';
import { changeSentence, changeWho } from './change-sentence';
import { markedEntries } from './marked-entries';
import { defaultPair, orderPair, snapshotDate } from './snapshot-date';
import './history.css';

type Comparison = CircleComparisonQuery['compareCircles'];
type Change = Comparison['changes'][number];
type Layout = CircleHistoryQuery['circleLayout'];
type Snapshot = NonNullable<CircleHistoryQuery['client']>['circles'][number];

function snapshotOption(circle: Snapshot): string {
  return circle.frozenAt === null
    ? nl.history.openCircle(formatDate(circle.createdAt))
    : nl.history.snapshot(formatDate(circle.frozenAt), circle.label);
}

interface SnapshotSelectProps {
  readonly label: string;
  readonly circles: readonly Snapshot[];
  readonly value: string;
  readonly onChange: (circleId: string) => void;
}

/** One of the two snapshots to compare, chosen from all of the client's circles. */
function SnapshotSelect({ label, circles, value, onChange }: SnapshotSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {circles.map((c) => (
          <option key={c.id} value={c.id}>
            {snapshotOption(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChangeList({ changes, earlierDate, layout }: { changes: readonly Change[]; earlierDate: string; layout: Layout }) {
  const moved = changes.filter((c) => c.kind !== 'UNCHANGED');
  const unchanged = changes.filter((c) => c.kind === 'UNCHANGED');
  return (
    <>
      {moved.length === 0 ? (
        <p>{nl.history.nothingChanged(formatDate(earlierDate))}</p>
      ) : (
        <ul className="change-list">
          {moved.map((change) => (
            <li key={`${change.targetId}-${change.earlierEntryId ?? ''}-${change.laterEntryId ?? ''}`}>
              {change.kind !== 'UNCHANGED' ? <MarkSwatch mark={change.kind} /> : null}
              <span>
                <span className="change-kind">{nl.history.mark[change.kind]}:</span> {changeSentence(change, earlierDate, layout)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {unchanged.length > 0 ? (
        <details className="unchanged">
          <summary>{nl.history.unchangedTitle(unchanged.length)}</summary>
          <ul>
            {unchanged.map((change) => (
              <li key={`${change.targetId}-${change.laterEntryId ?? ''}`}>{changeWho(change)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function ComparisonView({ comparison, layout }: { readonly comparison: Comparison; readonly layout: Layout }) {
  const mapTitleId = useId();
  const listTitleId = useId();
  const model = useMemo(
    () => drawingModel(layout, markedEntries(comparison), [], { clientName: comparison.later.clientName }),
    [comparison, layout],
  );
  const { earlier, later, changes } = comparison;
  const count = (kind: Change['kind']) => changes.filter((c) => c.kind === kind).length;
  const changed = changes.length - count('UNCHANGED');
  // The open circle is "now", not the day it began.
  const laterDate = later.frozenAt ? formatDate(later.frozenAt) : null;
  return (
    <>
      <p className="lead">{nl.history.summary(count('JOINED'), count('CLOSER'), count('FURTHER'), count('LEFT'))}</p>
      <div className="split circle-split">
        <section className="map-panel" aria-labelledby={mapTitleId}>
          <h2 id={mapTitleId}>{nl.history.mapTitle(laterDate)}</h2>
          <p>{nl.history.mapHelp}</p>
          <DrawingScroll label={nl.drawing.scrollLabel} focusable>
            <CircleSvg
              className="compare-drawing"
              style={naturalSize(model)}
              model={model}
              clientName={later.clientName}
              label={nl.history.graphLabel(later.clientName, laterDate, changed)}
            />
          </DrawingScroll>
          <CircleLegend marks />
        </section>
        <section className="text-alternative" aria-labelledby={listTitleId}>
          <h2 id={listTitleId}>{nl.history.listTitle}</h2>
          <ChangeList changes={changes} earlierDate={snapshotDate(earlier)} layout={layout} />
        </section>
      </div>
      <SignalsPanel circle={later} />
    </>
  );
}

function Comparing({ earlierId, laterId, layout }: { earlierId: string; laterId: string; layout: Layout }) {
  const [result, reexecute] = useQuery({ query: CircleComparisonDocument, variables: { earlierId, laterId } });
  const comparison = result.data?.compareCircles;
  if (result.fetching && !comparison) return <Loading />;
  if (result.error && !comparison)
    return <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!comparison) return <NotFoundMessage />;
  return <ComparisonView comparison={comparison} layout={layout} />;
}

function History({ circleId, clientId }: { readonly circleId: string; readonly clientId: string }) {
  const [params, setParams] = useSearchParams();
  const [result, reexecute] = useQuery({ query: CircleHistoryDocument, variables: { clientId } });
  const client = result.data?.client;

  if (result.fetching && !result.data) return <Loading />;
  if (result.error && !client)
    return <LoadError heading="h1" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!client || !result.data) return <NotFoundMessage heading="h1" />;

  const circles = client.circles;
  const fallback = defaultPair(circles, circleId);
  // An id from an old link that is not (or no longer) one of this client's circles counts as not chosen.
  const known = (id: string | null) => (id !== null && circles.some((c) => c.id === id) ? id : null);
  const firstId = known(params.get('eerder')) ?? fallback?.earlierId ?? '';
  const secondId = known(params.get('later')) ?? fallback?.laterId ?? '';
  const pair = orderPair(circles, firstId, secondId);

  function choose(key: 'eerder' | 'later', id: string) {
    const next = new URLSearchParams(params);
    next.set('eerder', key === 'eerder' ? id : firstId);
    next.set('later', key === 'later' ? id : secondId);
    setParams(next, { replace: true });
  }

  return (
    <>
      <title>{nl.app.pageTitle(nl.history.pageTitle(client.name))}</title>
      <h1>
        <ChangesIcon /> {nl.history.title}
      </h1>
      <p className="lead">{nl.history.intro}</p>
      {circles.length < 2 ? (
        <p className="notice calm">
          <InfoIcon /> {nl.history.onlyOne}
        </p>
      ) : (
        <>
          <form className="panel compare-pick" aria-label={nl.history.pickTitle} onSubmit={(e) => e.preventDefault()}>
            <SnapshotSelect
              label={nl.history.earlier}
              circles={circles}
              value={firstId}
              onChange={(id) => choose('eerder', id)}
            />
            <SnapshotSelect label={nl.history.later} circles={circles} value={secondId} onChange={(id) => choose('later', id)} />
          </form>
          <div role="status">
            {pair?.swapped ? (
              <p className="notice calm">
                <InfoIcon /> {nl.history.swapped}
              </p>
            ) : null}
            {!pair ? (
              <p className="notice calm">
                <InfoIcon /> {nl.history.sameTwice}
              </p>
            ) : null}
          </div>
          {pair ? <Comparing earlierId={pair.earlierId} laterId={pair.laterId} layout={result.data.circleLayout} /> : null}
        </>
      )}
    </>
  );
}

/** Which client the circle belongs to: the circle says so. */
function useCircleOwner(circleId: string): { clientId: string | null; fetching: boolean } {
  const [owner] = useQuery({ query: CircleHistoryOwnerDocument, variables: { circleId } });
  return { clientId: owner.data?.networkCircle?.clientId ?? null, fetching: owner.fetching };
}

/** "Wat is er veranderd": two snapshots of one client side by side, on the drawing and in sentences. */
export function ComparePage() {
  const { circleId = '' } = useParams();
  const { clientId, fetching } = useCircleOwner(circleId);
  return (
    <div className="page wide">
      <p className="back">
        <Link to={`/kring/${encodeURIComponent(circleId)}`}>
          <BackIcon /> {nl.history.backToCircle}
        </Link>
      </p>
      {clientId ? (
        <History circleId={circleId} clientId={clientId} />
      ) : fetching ? (
        <Loading />
      ) : (
        <>
          <h1>
            <ChangesIcon /> {nl.history.title}
          </h1>
          <p className="notice calm">
            <InfoIcon /> {nl.history.noClient}
          </p>
        </>
      )}
    </div>
  );
}
