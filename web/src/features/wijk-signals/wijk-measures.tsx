import { useId } from 'react';
import { ChartIcon } from '../../components/icons';
import type { WijkSignalsQuery } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { eiWords, formatIndex, formatShare, spoorName } from './wijk-signal-text';

type Measures = NonNullable<WijkSignalsQuery['wijkSignals']>['measures'];

const texts = nl.wijkSignals.measures;

/** The wijk's network in a few figures, each with one sentence that says what it means. */
export function WijkMeasuresSummary({ measures }: { readonly measures: Measures }) {
  const headingId = useId();
  const pairs = measures.tierPairs.filter((pair) => pair.a !== pair.b);
  return (
    <section className="wijk-measures" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <ChartIcon /> {texts.title}
      </h3>
      <dl className="wijk-measures-list">
        <div>
          <dt>{texts.density}</dt>
          <dd>{texts.densityText(formatShare(measures.density))}</dd>
        </div>
        <div>
          <dt>{texts.components}</dt>
          <dd>{texts.componentsText(measures.componentCount, measures.mainComponentSize, measures.nodes)}</dd>
        </div>
        <div>
          <dt>{texts.crossTier}</dt>
          <dd>
            {measures.crossTierShare === null ? texts.crossTierNone : texts.crossTierText(formatShare(measures.crossTierShare))}
          </dd>
        </div>
      </dl>
      {pairs.length > 0 ? (
        <details className="wijk-measures-ei">
          <summary>{texts.eiTitle}</summary>
          <p>{texts.eiExplanation}</p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{texts.eiTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.pairColumn}</th>
                  <th scope="col" className="number">
                    {texts.linksColumn}
                  </th>
                  <th scope="col">{texts.eiColumn}</th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((pair) => (
                  <tr key={`${pair.a}-${pair.b}`}>
                    <th scope="row">
                      {spoorName(pair.a)} – {spoorName(pair.b)}
                    </th>
                    <td className="number">{pair.island ? `0 (${texts.island})` : String(pair.edges)}</td>
                    <td>
                      {pair.eiIndex === null ? texts.notComputable : `${formatIndex(pair.eiIndex)}: ${eiWords(pair.eiIndex)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
