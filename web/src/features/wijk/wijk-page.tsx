import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { DownloadIcon, StarIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { WijkMapPageDocument, type WijkMapPageQuery } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { useViewer } from '../session/session-context';
import { useOpenActionNodeIds } from '../wijk-actions/use-open-actions';
import { WijkActionsPanel } from '../wijk-actions/wijk-actions-panel';
import { WijkEditPanel } from '../wijk-edit/wijk-edit-panel';
import { useNodeSignals, type WijkHighlight } from '../wijk-signals/highlight';
import { WijkSignalsPanel } from '../wijk-signals/wijk-signals-panel';
import { isIsoDate, longDate, todayIso } from './dates';
import type { WijkDiff } from './diff';
import { legendCounts, markClasses, wijkElements } from './elements';
import { applyFilter, isFiltering, NO_FILTER, type WijkFilter } from './filters';
import { graphmlFileName, wijkGraphml } from './graphml';
import { drawableLinks, mapNodes, nameMap } from './model';
import { COLUMN_LABELS } from './texts';
import { WijkCard } from './wijk-card';
import { WijkChanges, type ComparedDates } from './wijk-changes';
import { WijkFilters } from './wijk-filters';
import { WijkLegend } from './wijk-legend';
import { WijkMap } from './wijk-map';
import { WijkTextAlternative } from './wijk-text-alternative';
import './wijk.css';
import './wijk-page.css';

type LoadedMap = NonNullable<WijkMapPageQuery['wijkMap']>;

const LABELS = { columns: COLUMN_LABELS, band: nl.wijk.band };

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function WijkPage() {
  const { slug = '' } = useParams();
  const today = useMemo(() => todayIso(), []);
  const [at, setAt] = useState(today);
  const [result, reexecute] = useQuery({ query: WijkMapPageDocument, variables: { slug, at } });
  // While another date loads, keep showing the last map (so the date field keeps its focus).
  const [lastMap, setLastMap] = useState<LoadedMap | null>(null);
  const fresh = result.data?.wijkMap;
  if (fresh && fresh !== lastMap) setLastMap(fresh);
  const map = fresh ?? (result.fetching ? lastMap : null);

  if (!map && result.fetching) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (!map && result.error) {
    return (
      <div className="page">
        <LoadError heading="h1" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!map) {
    return (
      <div className="page">
        <title>{nl.app.pageTitle(nl.state.notFound)}</title>
        <NotFoundMessage heading="h1" />
      </div>
    );
  }
  return (
    <LoadedWijkPage
      map={map}
      at={at}
      today={today}
      onDate={setAt}
      updating={result.fetching || result.stale}
      reload={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

interface LoadedProps {
  readonly map: LoadedMap;
  readonly at: string;
  readonly today: string;
  readonly onDate: (date: string) => void;
  readonly updating: boolean;
  readonly reload: () => void;
}

function LoadedWijkPage({ map, at, today, onDate, updating, reload }: LoadedProps) {
  const viewer = useViewer();
  const districtId = map.district.id;
  const isCoordinator = viewer?.role === 'COORDINATOR';
  // A coordinator may have several wijken (issue 11): the tools show in each of them.
  const canAct = isCoordinator && viewer.districts.some((d) => d.id === districtId);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [filter, setFilter] = useState<WijkFilter>(NO_FILTER);
  const [highlight, setHighlight] = useState<WijkHighlight | null>(null);
  const [compared, setCompared] = useState<ComparedDates | null>(null);
  const [diff, setDiff] = useState<WijkDiff | null>(null);
  const [printImage, setPrintImage] = useState<string | null>(null);
  const cyRef = useRef<Core | null>(null);

  const nodes = useMemo(() => mapNodes(map), [map]);
  const names = useMemo(() => nameMap(map), [map]);
  const linkCount = useMemo(() => drawableLinks(map).length, [map]);
  const openActionIds = useOpenActionNodeIds(districtId, canAct);
  const nodeSignals = useNodeSignals(districtId);
  const filterResult = useMemo(() => (isFiltering(filter) ? applyFilter(map, filter) : null), [map, filter]);

  // While comparing, the map shows the later date: started links are marked, ended ones drawn grey.
  const showingDiff = diff !== null && compared !== null && map.at === compared.to ? diff : null;
  const drawing = useMemo(() => wijkElements(map, LABELS, showingDiff?.endedLinks ?? []), [map, showingDiff]);
  const startedLinkIds = useMemo(() => new Set(showingDiff?.startedLinks.map((l) => l.id) ?? []), [showingDiff]);
  const extraClasses = useMemo(
    () =>
      markClasses(map, {
        filter: filterResult,
        highlight: highlight?.nodeIds ?? null,
        selectedId,
        openActionIds,
        startedLinkIds,
      }),
    [map, filterResult, highlight, selectedId, openActionIds, startedLinkIds],
  );
  const counts = useMemo(() => legendCounts(map), [map]);
  const selected = nodes.find((n) => n.id === selectedId) ?? null;

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setFocusKey((k) => k + 1);
  }, []);
  const onReady = useCallback((cy: Core) => {
    cyRef.current = cy;
    setPrintImage(cy.png({ full: true, scale: 1.5, bg: '#ffffff' }));
  }, []);
  const onCompare = useCallback(
    (dates: ComparedDates | null) => {
      setCompared(dates);
      if (dates) onDate(dates.to);
    },
    [onDate],
  );

  // The print sheet shows the map as it is now, marks included.
  useEffect(() => {
    const refresh = () => {
      if (cyRef.current) setPrintImage(cyRef.current.png({ full: true, scale: 1.5, bg: '#ffffff' }));
    };
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);

  const downloadPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `wijk-${map.district.slug}-${map.at}.png`);
  };
  const downloadGraphml = () => {
    download(new Blob([wijkGraphml(map)], { type: 'application/graphml+xml' }), graphmlFileName(map.district.slug, map.at));
  };
  const print = () => {
    if (cyRef.current) setPrintImage(cyRef.current.png({ full: true, scale: 1.5, bg: '#ffffff' }));
    // Let React put the fresh image in the sheet first.
    setTimeout(() => window.print(), 50);
  };

  const shownCount = filterResult ? filterResult.nodeIds.size : nodes.length;

  return (
    <div className="page wide wijk-page">
      <title>{nl.app.pageTitle(map.district.name)}</title>
      <div className="wijk-screen">
        <div className="page-heading">
          <h1>{map.district.name}</h1>
          {map.district.focus ? (
            <span className="badge">
              <StarIcon /> {nl.wijk.focusBadge}
            </span>
          ) : null}
        </div>
        <p className="lead">
          {nl.wijk.summary(map.organisations.length, linkCount, map.keyFigures.length, map.outsideOrganisations.length)}
        </p>

        <div className="wijk-toolbar">
          <div className="wijk-date">
            <label htmlFor="wijk-date">{nl.wijk.dateLabel}</label>
            <input
              id="wijk-date"
              type="date"
              value={at}
              aria-describedby="wijk-date-help"
              onChange={(event) => {
                if (isIsoDate(event.target.value)) onDate(event.target.value);
              }}
            />
            <button type="button" className="button secondary small" onClick={() => onDate(today)} disabled={at === today}>
              {nl.wijk.today}
            </button>
            <p id="wijk-date-help" className="muted" aria-live="polite">
              {updating ? nl.wijk.updating : nl.wijk.showing(longDate(map.at))}
            </p>
          </div>
          <div className="wijk-downloads" role="group" aria-label={nl.wijk.downloadsTitle}>
            <button type="button" className="button secondary small" onClick={downloadPng}>
              <DownloadIcon /> {nl.wijk.downloadPng}
            </button>
            <button type="button" className="button secondary small" onClick={downloadGraphml} aria-describedby="graphml-help">
              <DownloadIcon /> {nl.wijk.downloadGraphml}
            </button>
            <button type="button" className="button secondary small" onClick={print}>
              {nl.wijk.print}
            </button>
            <p id="graphml-help" className="muted">
              {nl.wijk.graphmlHelp}
            </p>
          </div>
        </div>

        <WijkFilters map={map} filter={filter} onChange={setFilter} shown={shownCount} total={nodes.length} />

        <div className="wijk-layout">
          <WijkMap
            label={nl.wijk.graphLabel(
              map.district.name,
              map.organisations.length + map.outsideOrganisations.length,
              map.keyFigures.length,
              linkCount,
            )}
            drawing={drawing}
            extraClasses={extraClasses}
            counts={counts}
            onNodeTap={select}
            onReady={onReady}
          >
            {highlight ? (
              <p className="highlight-bar" role="status">
                <span>{nl.wijk.highlighted(highlight.label)}</span>{' '}
                <button type="button" className="button secondary small" onClick={() => setHighlight(null)}>
                  {nl.wijk.clearHighlight}
                </button>
              </p>
            ) : null}
          </WijkMap>
          <div className="wijk-side">
            <WijkCard
              map={map}
              node={selected}
              names={names}
              signals={selected ? (nodeSignals.get(selected.id) ?? []) : []}
              openAction={selected ? openActionIds.has(selected.id) : false}
              canEdit={canAct}
              onChanged={reload}
              onClose={() => setSelectedId(null)}
              focusKey={focusKey}
            />
            {isCoordinator ? (
              <WijkSignalsPanel
                districtId={districtId}
                districtName={map.district.name}
                names={names}
                highlight={highlight}
                onHighlight={setHighlight}
                canAct={canAct}
              />
            ) : null}
            {canAct ? (
              <WijkActionsPanel
                districtId={districtId}
                names={names}
                highlight={highlight}
                onHighlight={setHighlight}
                canAct={canAct}
              />
            ) : null}
          </div>
        </div>

        <WijkTextAlternative
          map={map}
          names={names}
          filter={filterResult}
          selectedId={selectedId}
          openActionIds={openActionIds}
          onSelect={select}
        />

        <WijkChanges
          slug={map.district.slug}
          today={today}
          current={map}
          compared={compared}
          onCompare={onCompare}
          onDiff={setDiff}
        />

        {canAct ? <WijkEditPanel districtId={districtId} map={map} onChanged={reload} /> : null}
      </div>

      <div className="wijk-print-sheet" aria-hidden="true">
        <p className="wijk-print-title">{nl.wijk.printTitle(map.district.name)}</p>
        <p className="wijk-print-date">{nl.wijk.printDate(longDate(map.at))}</p>
        {printImage ? <img className="wijk-print-drawing" src={printImage} alt="" /> : null}
        <WijkLegend counts={counts} compact />
      </div>
    </div>
  );
}
