import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import type { LegendItem, LineStyle } from './elements';
import { EDGE_COLOR, GROUP_STYLE } from './wijk-style';

const GROUP_TEXT = {
  tier1: nl.spoor.tier1,
  tier2: nl.spoor.tier2,
  tier3: nl.spoor.tier3,
  other: nl.spoor.other,
  keyFigure: nl.spoor.keyFigure,
} as const;

const LINES: readonly LineStyle[] = ['solid', 'dashed', 'dotted'];

export function WijkLegend({ items }: { readonly items: readonly LegendItem[] }) {
  return (
    <section className="legend" aria-labelledby="wijk-legend-title">
      <h3 id="wijk-legend-title">{nl.wijk.legendTitle}</h3>
      <ul className="legend-list">
        {items.map(({ group, count }) => (
          <li key={group} data-group={group}>
            <ShapeSwatch shape={GROUP_STYLE[group].shape} fill={GROUP_STYLE[group].color} />
            <span>
              <strong>{GROUP_TEXT[group].title}</strong> {GROUP_TEXT[group].name} <span className="count">({count})</span>
            </span>
          </li>
        ))}
      </ul>
      <h4>{nl.wijk.lineLegendTitle}</h4>
      <ul className="legend-list">
        {LINES.map((line) => (
          <li key={line}>
            <ShapeSwatch shape="line" fill={EDGE_COLOR} dash={line} />
            <span>{nl.lineStyle[line]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
