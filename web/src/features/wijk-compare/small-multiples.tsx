import { useId } from 'react';
import { nl } from '../../messages/nl';
import { barLength, countIn, type DistrictCount } from './compare';

export interface ChartRow {
  readonly key: string;
  readonly label: string;
  readonly districts: readonly DistrictCount[];
}

const texts = nl.wijkCompare;
const ROW = 16;
const LABEL_WIDTH = 112;
const BAR_WIDTH = 120;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 24;

/**
 * One small bar chart: the rows (offer categories) of one wijk, on the scale shared by every chart.
 * Plain SVG with role="img", a title and a description that reads out every figure; the table
 * above is the full text alternative.
 */
export function SmallChart({
  districtId,
  name,
  own,
  rows,
  max,
}: {
  readonly districtId: string;
  readonly name: string;
  readonly own: boolean;
  readonly rows: readonly ChartRow[];
  readonly max: number;
}) {
  const titleId = useId();
  const descId = useId();
  const height = rows.length * ROW + 4;
  const desc = texts.chartDesc(name, rows.map((row) => texts.chartPart(row.label, countIn(row, districtId))).join(', '));
  return (
    <figure className={own ? 'small-chart own' : 'small-chart'}>
      <figcaption>
        {name}
        {own ? <span className="badge">{texts.yourWijk}</span> : null}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
        className="small-chart-svg"
      >
        <title id={titleId}>{texts.chartLabel(name)}</title>
        <desc id={descId}>{desc}</desc>
        {rows.map((row, i) => {
          const count = countIn(row, districtId);
          const y = i * ROW + 2;
          const length = barLength(count, max, BAR_WIDTH);
          return (
            <g key={row.key}>
              <text x={LABEL_WIDTH - 4} y={y + ROW / 2} className="small-chart-label" textAnchor="end" dominantBaseline="middle">
                {row.label}
              </text>
              <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={y} y2={y + ROW - 2} className="small-chart-axis" />
              {count > 0 ? <rect x={LABEL_WIDTH} y={y + 2} width={length} height={ROW - 5} className="small-chart-bar" /> : null}
              <text x={LABEL_WIDTH + length + 4} y={y + ROW / 2} className="small-chart-value" dominantBaseline="middle">
                {count > 0 ? String(count) : texts.noneShort}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
