import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { LoadError, Loading } from '../../components/load-state';
import { WijkMapEarlierDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { isIsoDate, longDate, monthYear } from './dates';
import { diffIsEmpty, diffMaps, type WijkDiff } from './diff';
import type { WijkMapData } from './model';
import { kindText } from './texts';

export interface ComparedDates {
  readonly from: string;
  readonly to: string;
}

/** The change list in sentences. */
export function changeSentences(diff: WijkDiff): { key: string; text: string }[] {
  const name = (id: string) => diff.names.get(id) ?? '';
  return [
    ...diff.startedLinks.map((l) => ({
      key: `started-${l.id}`,
      text: nl.wijk.linkStarted(name(l.fromId), kindText(l.kind), name(l.toId), monthYear(l.since)),
    })),
    ...diff.endedLinks.map((l) => ({
      key: `ended-${l.id}`,
      text: nl.wijk.linkEnded(name(l.fromId), kindText(l.kind), name(l.toId), l.until ? longDate(l.until) : null),
    })),
    ...diff.organisationsAppeared.map((o) => ({ key: `org-in-${o.id}`, text: nl.wijk.organisationAppeared(o.name) })),
    ...diff.organisationsWent.map((o) => ({ key: `org-out-${o.id}`, text: nl.wijk.organisationWent(o.name) })),
    ...diff.offeringsAppeared.map((o) => ({
      key: `offer-in-${o.id}`,
      text: nl.wijk.offeringAppeared(name(o.organisationId), o.name),
    })),
    ...diff.offeringsWent.map((o) => ({ key: `offer-out-${o.id}`, text: nl.wijk.offeringWent(name(o.organisationId), o.name) })),
  ];
}

/**
 * "Wat is er veranderd in de wijk": two dates, both maps fetched, the differences in sentences.
 * `onCompare` tells the page, which then shows the later date on the map (`current`) with the
 * changes marked; only the earlier map is fetched here.
 */
export function WijkChanges({
  slug,
  today,
  current,
  compared,
  onCompare,
  onDiff,
}: {
  readonly slug: string;
  readonly today: string;
  readonly current: WijkMapData;
  readonly compared: ComparedDates | null;
  readonly onCompare: (dates: ComparedDates | null) => void;
  readonly onDiff: (diff: WijkDiff | null) => void;
}) {
  const [from, setFrom] = useState(() => `${String(Number(today.slice(0, 4)) - 2)}${today.slice(4)}`);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const [earlier, reloadEarlier] = useQuery({
    query: WijkMapEarlierDocument,
    variables: { slug, at: compared?.from ?? today },
    pause: compared === null,
  });
  const a = earlier.data?.wijkMap;
  // The later map is the page's own: comparing puts the page on the later date.
  const b = current;
  const ready = compared !== null && a !== undefined && a !== null;
  const diff = useMemo(
    () => (ready && a.at === compared.from && b.at === compared.to ? diffMaps(a, b) : null),
    [ready, a, b, compared],
  );
  useEffect(() => {
    onDiff(diff);
  }, [diff, onDiff]);
  const sentences = diff ? changeSentences(diff) : [];
  const loadError = earlier.error;

  return (
    <section className="wijk-changes panel-box" aria-labelledby="wijk-changes-title">
      <h2 id="wijk-changes-title">{nl.wijk.changesTitle}</h2>
      <p>{nl.wijk.changesIntro}</p>
      <form
        className="changes-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!isIsoDate(from) || !isIsoDate(to) || from >= to) {
            setProblem(nl.wijk.compareOrder);
            return;
          }
          setProblem(null);
          onCompare({ from, to });
        }}
      >
        <label>
          <span>{nl.wijk.changesFrom}</span>
          <input type="date" value={from} max={today} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <label>
          <span>{nl.wijk.changesTo}</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
        </label>
        <button type="submit" className="button">
          {nl.wijk.compare}
        </button>
        {compared ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              onCompare(null);
              onDiff(null);
            }}
          >
            {nl.wijk.stopCompare}
          </button>
        ) : null}
      </form>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {compared === null ? null : loadError ? (
        <LoadError
          error={loadError}
          onRetry={() => {
            reloadEarlier({ requestPolicy: 'network-only' });
          }}
        />
      ) : !diff ? (
        <Loading />
      ) : (
        <div className="changes-result" role="status">
          <h3>{nl.wijk.changesHeading(longDate(compared.from), longDate(compared.to))}</h3>
          {diffIsEmpty(diff) ? (
            <p>{nl.wijk.noChanges}</p>
          ) : (
            <>
              <ul className="change-list">
                {sentences.map((s) => (
                  <li key={s.key}>{s.text}</li>
                ))}
              </ul>
              <p className="muted">{nl.wijk.changesOnMap(longDate(compared.to))}</p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
