import { useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../../components/form';
import { InfoIcon, PeopleIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ResearchAggregatesDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { figureTables, periodLabel, type FigureCell, type FigureTable } from './research-model';
import { ScrollTable } from '../../components/scroll-table';

const texts = nl.research;

/** A cell's text. A suppressed cell shows "< K" and nothing else; its title says what that means. */
function FigureText({ cell }: { readonly cell: FigureCell }) {
  if (cell.kind === 'suppressed') {
    return (
      <abbr className="research-suppressed" title={cell.title}>
        {cell.text}
      </abbr>
    );
  }
  if (cell.kind === 'none') {
    return (
      <>
        <span aria-hidden="true">{cell.text}</span>
        <span className="visually-hidden">{cell.title}</span>
      </>
    );
  }
  return <>{cell.text}</>;
}

const THEMES = {
  size: { title: texts.sizeTitle, intro: null, caption: texts.sizeCaption },
  rings: { title: texts.ringsTitle, intro: texts.ringsIntro, caption: texts.ringsCaption },
  binary: { title: texts.binaryTitle, intro: texts.binaryIntro, caption: texts.binaryCaption },
  change: { title: texts.changeTitle, intro: texts.changeIntro, caption: texts.changeCaption },
  signals: { title: texts.signalsTitle, intro: texts.signalsIntro, caption: texts.signalsCaption },
} as const satisfies Record<FigureTable['key'], { title: string; intro: string | null; caption: (q: string) => string }>;

function ThemeTable({ table, quarter }: { readonly table: FigureTable; readonly quarter: string }) {
  const theme = THEMES[table.key];
  const headingId = `research-theme-${table.key}`;
  return (
    <section className="research-theme" aria-labelledby={headingId} data-theme={table.key}>
      <h3 id={headingId}>{theme.title}</h3>
      {theme.intro ? <p>{theme.intro}</p> : null}
      <ScrollTable
        caption={theme.caption(quarter)}
        boxClassName="research-scroll"
        tableClassName="research-table research-figure-table"
      >
        <thead>
          <tr>
            <th scope="col">{texts.wijkColumn}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className="number">
                {column.label}
                {column.note ? <span className="research-column-note">{column.note}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.city ? 'research-city-row' : undefined}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, index) => (
                <td key={table.columns[index]?.key ?? index} className="number" data-kind={cell.kind}>
                  <FigureText cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** "Cijfers uit netwerkcirkels": opted-in clients only, per completed quarter, small numbers hidden. */
export function CircleFiguresSection({ quarters }: { readonly quarters: readonly string[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const quarter = chosen !== null && quarters.includes(chosen) ? chosen : (quarters[0] ?? null);
  const [result, reexecute] = useQuery({
    query: ResearchAggregatesDocument,
    variables: { quarter: quarter ?? '' },
    pause: quarter === null,
  });
  const data = result.data?.researchAggregates;
  const current = data && data.period === quarter ? data : null;
  return (
    <section className="panel research-section" aria-labelledby="research-circles">
      <h2 id="research-circles">
        <PeopleIcon /> {texts.circlesTitle}
      </h2>
      <p>{texts.circlesIntro}</p>
      {quarter === null ? (
        <p>{texts.noQuarters}</p>
      ) : (
        <>
          <div className="research-controls">
            <SelectField
              id="research-quarter"
              label={texts.quarterLabel}
              value={quarter}
              onChange={(e) => setChosen(e.target.value)}
            >
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {periodLabel(q)}
                </option>
              ))}
            </SelectField>
          </div>
          {current ? (
            <>
              <div className="research-suppression-note">
                <p>
                  <InfoIcon /> {texts.suppressedExplanation(current.k)}
                </p>
                <p>{texts.suppressedCount(current.primary, current.secondary, current.k)}</p>
              </div>
              <p className="research-scroll-hint">{texts.scrollHint}</p>
              {figureTables(current).map((table) => (
                <ThemeTable key={table.key} table={table} quarter={periodLabel(current.period)} />
              ))}
            </>
          ) : result.error ? (
            <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : (
            <Loading />
          )}
        </>
      )}
    </section>
  );
}
