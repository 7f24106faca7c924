import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import type { LineStyle, MapColumn } from './model';
import { GROUP_TEXT } from './texts';
import { EDGE_COLOR, GROUP_STYLE, LINE_MARKER } from './wijk-style';

const LINES: readonly LineStyle[] = ['solid', 'dashed', 'dotted'];

/** A line with its marker, as on the map. */
export function LineSwatch({ line }: { readonly line: LineStyle }) {
  const marker = LINE_MARKER[line];
  return (
    <svg className="swatch" width="40" height="28" viewBox="0 0 40 28" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="14"
        x2={marker === 'triangle' ? 30 : 38}
        y2="14"
        stroke={EDGE_COLOR}
        strokeWidth="2.5"
        strokeDasharray={line === 'dashed' ? '6 4' : line === 'dotted' ? '1.5 3.5' : undefined}
        strokeLinecap={line === 'dotted' ? 'round' : 'butt'}
      />
      {marker === 'triangle' ? <polygon points="29,8 38,14 29,20" fill={EDGE_COLOR} /> : null}
      {marker === 'circle' ? <circle cx="20" cy="14" r="4.5" fill={EDGE_COLOR} /> : null}
    </svg>
  );
}

export function WijkLegend({
  counts,
  compact = false,
}: {
  readonly counts: readonly { readonly group: MapColumn; readonly count: number }[];
  readonly compact?: boolean;
}) {
  const Heading = compact ? 'h2' : 'h3';
  // One level below the legend's own heading (issue 14: no skipped heading levels, on paper either).
  const Sub = compact ? 'h3' : 'h4';
  return (
    <section className={compact ? 'legend legend-compact' : 'legend'} aria-labelledby={compact ? undefined : 'wijk-legend-title'}>
      <Heading id={compact ? undefined : 'wijk-legend-title'}>{nl.wijk.legendTitle}</Heading>
      <ul className="legend-list">
        {counts.map(({ group, count }) =>
          group === 'outside' ? (
            <li key={group} data-group={group}>
              <svg className="swatch" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
                <circle cx="14" cy="14" r="9" fill="#ffffff" stroke="#1c1c1c" strokeWidth="2.5" strokeDasharray="4 3" />
              </svg>
              <span>
                {nl.wijk.outsideLegend} <span className="count">({count})</span>
              </span>
            </li>
          ) : (
            <li key={group} data-group={group}>
              <ShapeSwatch shape={GROUP_STYLE[group].shape} fill={GROUP_STYLE[group].color} />
              <span>
                <strong>{GROUP_TEXT[group].title}</strong> {GROUP_TEXT[group].name} <span className="count">({count})</span>
              </span>
            </li>
          ),
        )}
      </ul>
      <Sub>{nl.wijk.lineLegendTitle}</Sub>
      <ul className="legend-list">
        {LINES.map((line) => (
          <li key={line}>
            <LineSwatch line={line} />
            <span>{nl.lineStyle[line]}</span>
          </li>
        ))}
      </ul>
      {compact ? null : (
        <>
          <h4>{nl.wijk.markLegendTitle}</h4>
          <ul className="legend-list legend-notes">
            <li>{nl.wijk.bandLegend}</li>
            <li>{nl.wijk.openActionLegend}</li>
            <li>{nl.wijk.startedLegend}</li>
            <li>{nl.wijk.endedLegend}</li>
          </ul>
        </>
      )}
    </section>
  );
}
