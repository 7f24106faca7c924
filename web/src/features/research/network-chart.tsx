import { useId } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { nl } from '../../messages/nl';
import {
  chartData,
  formatSeriesValue,
  periodLabel,
  periodShort,
  type MetricDef,
  type NetworkPeriod,
  type SeriesDef,
} from './research-model';

const texts = nl.research;

/** Line colours (each ≥ 4.5:1 on white) and dash patterns, so lines differ without colour too. */
const COLOURS = ['#1f4e79', '#a33c00', '#1d6b2f', '#6a3d9a'] as const;
const DASHES = [undefined, '8 4', '2 4', '10 4 2 4'] as const;

function tickFormatter(series: SeriesDef | undefined) {
  return (value: number) =>
    formatSeriesValue(value, series?.kind === 'share' ? 'share' : series?.kind === 'count' ? 'count' : 'index');
}

/**
 * The chart of one metric over time. Recharts' accessibility layer makes the chart one tab stop
 * whose arrow keys walk the periods (the tooltip, a live region, reads each one out); the figure's
 * caption names it. The table beside it holds the same numbers and is what screen readers use.
 */
export function NetworkChart({
  periods,
  metric,
  caption,
}: {
  readonly periods: readonly NetworkPeriod[];
  readonly metric: MetricDef;
  readonly caption: string;
}) {
  const captionId = useId();
  const helpId = useId();
  const data = chartData(periods, metric);
  const left = metric.series.find((s) => s.axis === 'left');
  const right = metric.series.find((s) => s.axis === 'right');
  const byKey = new Map(metric.series.map((s) => [s.key, s]));
  return (
    <figure className="research-chart" aria-labelledby={captionId} aria-describedby={helpId} data-metric={metric.key}>
      <figcaption id={captionId}>{caption}</figcaption>
      <p id={helpId} className="research-chart-help">
        {texts.chartHelp}
      </p>
      <div className="research-chart-box">
        <LineChart
          accessibilityLayer
          responsive
          data={data}
          title={caption}
          desc={metric.help}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 10, right: right ? 10 : 20, bottom: 5, left: 5 }}
        >
          <CartesianGrid stroke="#d9dde3" strokeDasharray="3 3" />
          <XAxis dataKey="period" tickFormatter={periodShort} tick={{ fill: '#1c1c1c', fontSize: 14 }} minTickGap={16} />
          <YAxis
            yAxisId="left"
            domain={metric.domain ? [...metric.domain] : [0, 'auto']}
            allowDecimals={left?.kind !== 'count'}
            tickFormatter={tickFormatter(left)}
            tick={{ fill: '#1c1c1c', fontSize: 14 }}
            width={64}
          />
          {right ? (
            <YAxis
              yAxisId="right"
              orientation="right"
              domain={[0, 1]}
              tickFormatter={tickFormatter(right)}
              tick={{ fill: '#1c1c1c', fontSize: 14 }}
              width={52}
            />
          ) : null}
          <Tooltip
            labelFormatter={(label) => (typeof label === 'string' ? periodLabel(label) : '')}
            formatter={(value, _name, item) => {
              const series = byKey.get(String(item.dataKey));
              return typeof value === 'number' && series ? formatSeriesValue(value, series.kind) : texts.notComputable;
            }}
          />
          {metric.series.map((series, index) => (
            <Line
              key={series.key}
              yAxisId={series.axis}
              type="linear"
              dataKey={series.key}
              name={series.label}
              stroke={COLOURS[index % COLOURS.length]}
              strokeWidth={2.5}
              strokeDasharray={DASHES[index % DASHES.length]}
              dot={{ r: 3.5, strokeWidth: 2, strokeDasharray: '' }}
              activeDot={{ r: 6 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      {metric.series.length > 1 ? (
        // Our own legend, outside the drawing: Dutch words, and the same dashes as the lines.
        <ul className="research-legend">
          {metric.series.map((series, index) => (
            <li key={series.key}>
              <svg className="research-legend-line" width="36" height="12" aria-hidden="true" focusable="false">
                <line
                  x1="2"
                  y1="6"
                  x2="34"
                  y2="6"
                  stroke={COLOURS[index % COLOURS.length]}
                  strokeWidth="3"
                  strokeDasharray={DASHES[index % DASHES.length]}
                />
              </svg>
              {series.label}
              {series.axis === 'right' ? ` ${texts.rightAxis}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
