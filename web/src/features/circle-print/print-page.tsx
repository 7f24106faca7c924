import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BackIcon, CheckIcon, ImageIcon, InfoIcon, PrinterIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { CirclePrintDocument, RecordCirclePrintDocument, type CirclePrintQuery, type PrintFormat } from '../../gql/graphql';
import { formatDate, todayInAmsterdam } from '../../lib/format';
import { nl } from '../../messages/nl';
import { CircleLegend } from '../circle-drawing/circle-legend';
import { CircleSvg } from '../circle-drawing/circle-svg';
import { drawingModel } from '../circle-drawing/drawing-model';
import { download, pagePng, pngFileName } from './png';
import { ringList } from './ring-list';
import './print.css';

type Circle = NonNullable<CirclePrintQuery['networkCircle']>;
type Layout = CirclePrintQuery['circleLayout'];
type Status = { readonly kind: 'idle' | 'busy' | 'done' | 'failed' };

function PrintView({ circle, layout }: { readonly circle: Circle; readonly layout: Layout }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [, record] = useMutation(RecordCirclePrintDocument);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const model = useMemo(() => drawingModel(layout, circle.entries, [], { clientName: circle.clientName }), [circle, layout]);
  const rings = useMemo(() => ringList(layout, circle.entries), [circle, layout]);
  const title = nl.print.title(circle.clientName);
  const date = circle.frozenAt
    ? nl.print.dateFrozen(formatDate(circle.frozenAt), circle.label)
    : nl.print.dateOpen(formatDate(new Date().toISOString()));
  // Set while our own button prints, so the browser's beforeprint does not record the same print twice.
  const printing = useRef(false);

  async function recorded(format: PrintFormat): Promise<boolean> {
    const result = await record({ input: { circleId: circle.id, format } });
    return !result.error && result.data?.recordCirclePrint.ok === true;
  }

  // Printing from the browser's own menu (Ctrl+P) is a print too: the audit log hears of it.
  useEffect(() => {
    const onBeforePrint = () => {
      if (!printing.current) void record({ input: { circleId: circle.id, format: 'PDF' } });
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [circle.id, record]);

  async function print() {
    setStatus({ kind: 'busy' });
    // Nothing is printed that the audit log did not record first.
    if (!(await recorded('PDF'))) {
      setStatus({ kind: 'failed' });
      return;
    }
    setStatus({ kind: 'idle' });
    printing.current = true;
    try {
      window.print();
    } finally {
      printing.current = false;
    }
  }

  async function downloadPng() {
    const svg = svgRef.current;
    if (!svg) return;
    setStatus({ kind: 'busy' });
    try {
      const png = await pagePng(svg, {
        title,
        date,
        legend: nl.circle.legend,
        footer: nl.print.footer,
        list: { title: nl.printList.title, ringTitle: nl.printList.ring, nobody: nl.printList.nobody, rings },
      });
      if (!(await recorded('PNG'))) {
        setStatus({ kind: 'failed' });
        return;
      }
      download(png, pngFileName(circle.clientName, todayInAmsterdam()));
      setStatus({ kind: 'done' });
    } catch {
      setStatus({ kind: 'failed' });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <div className="page print-page">
      <title>{nl.app.pageTitle(nl.print.pageTitle(circle.clientName))}</title>
      <div className="print-screen-only">
        <p className="back">
          <Link to={`/kring/${encodeURIComponent(circle.id)}`}>
            <BackIcon /> {nl.print.backToCircle}
          </Link>
        </p>
        <p className="lead">{nl.print.intro}</p>
        <div className="button-row print-actions">
          <button type="button" className="button" onClick={() => void print()} disabled={busy}>
            <PrinterIcon /> {nl.print.print}
          </button>
          <button type="button" className="button secondary" onClick={() => void downloadPng()} disabled={busy}>
            <ImageIcon /> {busy ? nl.print.downloading : nl.print.downloadPng}
          </button>
        </div>
        <div role="status" className="print-status">
          {status.kind === 'done' ? (
            <p className="success">
              <CheckIcon /> {nl.print.downloaded}
            </p>
          ) : null}
        </div>
        {status.kind === 'failed' ? (
          <p className="notice" role="alert">
            <InfoIcon /> {nl.print.failed}
          </p>
        ) : null}
      </div>
      <article className="print-sheet" aria-labelledby="print-title">
        <header className="print-sheet-header">
          <h1 id="print-title">{title}</h1>
          <p className="print-date">{date}</p>
        </header>
        <div className="print-drawing-box">
          <CircleSvg
            svgRef={svgRef}
            className="print-drawing"
            model={model}
            clientName={circle.clientName}
            label={nl.print.drawingLabel(circle.clientName, model.nodes.length)}
          />
        </div>
        {model.unplacedIds.length > 0 ? <p className="print-note">{nl.print.notShown(model.unplacedIds.length)}</p> : null}
        <section className="print-list" aria-labelledby="print-list-title">
          <h2 id="print-list-title">{nl.printList.title}</h2>
          <div className="print-list-rings">
            {rings.map((ring) => (
              <section key={ring.ring} className="print-list-ring" aria-labelledby={`print-ring-${String(ring.ring)}`}>
                <h3 id={`print-ring-${String(ring.ring)}`}>{nl.printList.ring(ring.ring, ring.label)}</h3>
                {ring.names.length === 0 ? (
                  <p className="print-list-nobody">{nl.printList.nobody}</p>
                ) : (
                  <ul>
                    {ring.names.map((entry) => (
                      <li key={entry.id}>
                        <span className="print-list-name">{entry.name}</span>{' '}
                        <span className="print-list-group">({entry.group})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </section>
        <CircleLegend title={nl.print.legendTitle} headingLevel={2} />
        <p className="print-footer">{nl.print.footer}</p>
      </article>
    </div>
  );
}

/** Afdrukken: one A4 page with the circle, who is in each ring, a legend, the date and the client's chosen name. */
export function PrintPage() {
  const { circleId = '' } = useParams();
  const [result, reexecute] = useQuery({ query: CirclePrintDocument, variables: { id: circleId } });
  const circle = result.data?.networkCircle;
  if (result.fetching && !result.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (result.error && !circle)
    return (
      <div className="page">
        <LoadError heading="h1" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!circle || !result.data)
    return (
      <div className="page">
        <NotFoundMessage heading="h1" />
      </div>
    );
  return <PrintView circle={circle} layout={result.data.circleLayout} />;
}
