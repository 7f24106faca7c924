import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../../components/form';
import { ChartIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ResearchNetworkSeriesDocument, type Granularity } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { NetworkChart } from './network-chart';
import {
  isMetricKey,
  latestBrokers,
  METRIC_KEYS,
  metricDef,
  periodCount,
  tableRows,
  type MetricDef,
  type MetricKey,
  type NetworkPeriod,
  type Wijk,
} from './research-model';
import { ScrollTable } from '../../components/scroll-table';

const texts = nl.research;
const GRANULARITIES: readonly Granularity[] = ['MONTH', 'QUARTER'];

function SeriesTable({
  periods,
  metric,
  caption,
}: {
  readonly periods: readonly NetworkPeriod[];
  readonly metric: MetricDef;
  readonly caption: string;
}) {
  const rows = tableRows(periods, metric);
  return (
    <ScrollTable caption={caption} boxClassName="research-scroll" tableClassName="research-table research-series-table">
      <thead>
        <tr>
          <th scope="col">{texts.periodColumn}</th>
          {metric.series.map((series) => (
            <th key={series.key} scope="col" className="number">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period} data-period={row.period}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => (
              <td key={cell.key} className="number" data-series={cell.key}>
                {cell.missing ? (
                  <>
                    <span aria-hidden="true">{cell.text}</span>
                    <span className="visually-hidden">{texts.notComputable}</span>
                  </>
                ) : (
                  cell.text
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Brokers({ periods }: { readonly periods: readonly NetworkPeriod[] }) {
  const headingId = useId();
  const latest = latestBrokers(periods);
  if (!latest) return null;
  return (
    <section className="research-brokers" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.brokersTitle(latest.label)}</h3>
      <p>{texts.brokersIntro}</p>
      {latest.brokers.length === 0 ? (
        <p>{texts.brokersNone}</p>
      ) : (
        <ol className="research-broker-list">
          {latest.brokers.map((broker) => (
            <li key={broker.id}>
              <span className="research-broker-name">{broker.name}</span>{' '}
              <span className="research-broker-value">{broker.betweenness}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Metrics of the organisation network of one wijk over time: choices, chart, table, brokers. */
export function NetworkSection({
  wijken,
  wijkId,
  onWijk,
}: {
  readonly wijken: readonly Wijk[];
  readonly wijkId: string;
  readonly onWijk: (id: string) => void;
}) {
  const [granularity, setGranularity] = useState<Granularity>('MONTH');
  const [metricKey, setMetricKey] = useState<MetricKey>('organisations');
  const [result, reexecute] = useQuery({
    query: ResearchNetworkSeriesDocument,
    variables: { granularity, periods: periodCount(granularity), districtIds: [wijkId] },
  });
  // Only the answer for what is chosen now: never the previous wijk's numbers under the new name.
  const series = result.data?.researchNetworkSeries.find((s) => s.districtId === wijkId && s.granularity === granularity);
  const metric = metricDef(metricKey);
  const wijkName = wijken.find((w) => w.districtId === wijkId)?.districtName ?? '';
  const per = texts.granularity[granularity];
  return (
    <section className="panel research-section" aria-labelledby="research-network">
      <h2 id="research-network">
        <ChartIcon /> {texts.networkTitle}
      </h2>
      <p>{texts.networkIntro}</p>
      <div className="research-controls">
        <SelectField id="research-wijk" label={texts.wijkLabel} value={wijkId} onChange={(e) => onWijk(e.target.value)}>
          {wijken.map((w) => (
            <option key={w.districtId} value={w.districtId}>
              {w.districtName}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="research-granularity"
          label={texts.granularityLabel}
          value={granularity}
          onChange={(e) => setGranularity(e.target.value === 'QUARTER' ? 'QUARTER' : 'MONTH')}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {texts.granularity[g]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="research-metric"
          label={texts.metricLabel}
          value={metricKey}
          onChange={(e) => {
            if (isMetricKey(e.target.value)) setMetricKey(e.target.value);
          }}
        >
          {METRIC_KEYS.map((key) => (
            <option key={key} value={key}>
              {texts.metric[key]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="research-metric-help">{metric.help}</p>
      {series ? (
        series.periods.length === 0 ? (
          <p>{texts.noPeriods}</p>
        ) : (
          <>
            <div className="research-chart-and-table">
              <NetworkChart periods={series.periods} metric={metric} caption={texts.chartCaption(metric.label, wijkName, per)} />
              <SeriesTable periods={series.periods} metric={metric} caption={texts.tableCaption(metric.label, wijkName, per)} />
            </div>
            <Brokers periods={series.periods} />
          </>
        )
      ) : result.error ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
