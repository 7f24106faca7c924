import { useMemo } from 'react';
import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import {
  keyFigureRows,
  organisationsBySpoor,
  partnershipSummaries,
  type DistrictNetwork,
  type OrganisationGroup,
} from './elements';
import { GROUP_STYLE } from './wijk-style';

const GROUP_TEXT: Record<OrganisationGroup, { readonly title: string; readonly name: string; readonly description: string }> = {
  tier1: nl.spoor.tier1,
  tier2: nl.spoor.tier2,
  tier3: nl.spoor.tier3,
  other: nl.spoor.other,
};

/** Everything the map shows, as lists and tables: organisations per spoor with their links, key figures, partnerships. */
export function WijkTextAlternative({ network }: { readonly network: DistrictNetwork }) {
  const groups = useMemo(() => organisationsBySpoor(network), [network]);
  const keyFigures = useMemo(() => keyFigureRows(network), [network]);
  const partnerships = useMemo(() => partnershipSummaries(network), [network]);

  return (
    <div className="text-alternative">
      <section aria-labelledby="spoor-list-title">
        <h2 id="spoor-list-title">{nl.wijk.listTitle}</h2>
        <p>{nl.wijk.listIntro}</p>
        {groups.map(({ group, organisations }) => {
          const headingId = `spoor-${group}`;
          const text = GROUP_TEXT[group];
          return (
            <section key={group} className="spoor-group" aria-labelledby={headingId} data-group={group}>
              <h3 id={headingId}>
                <ShapeSwatch shape={GROUP_STYLE[group].shape} fill={GROUP_STYLE[group].color} />
                <span>
                  {text.title}: {text.name} <span className="count">({organisations.length})</span>
                </span>
              </h3>
              {organisations.length === 0 ? (
                <p className="muted">{nl.wijk.noneInGroup}</p>
              ) : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{nl.wijk.organisationColumn}</th>
                      {group === 'other' ? <th scope="col">{nl.wijk.sectorColumn}</th> : null}
                      <th scope="col" className="number">
                        {nl.wijk.linksColumn}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {organisations.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">{o.name}</th>
                        {group === 'other' ? <td>{nl.sector[o.sector]}</td> : null}
                        <td className="number">{o.links}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
        {keyFigures.length > 0 ? (
          <section className="spoor-group" aria-labelledby="spoor-keyFigure" data-group="keyFigure">
            <h3 id="spoor-keyFigure">
              <ShapeSwatch shape={GROUP_STYLE.keyFigure.shape} fill={GROUP_STYLE.keyFigure.color} />
              <span>
                {nl.spoor.keyFigure.title}: {nl.spoor.keyFigure.name} <span className="count">({keyFigures.length})</span>
              </span>
            </h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{nl.wijk.keyFigureColumn}</th>
                  <th scope="col" className="number">
                    {nl.wijk.linksColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {keyFigures.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td className="number">{k.links}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="partnerships-title">
        <h2 id="partnerships-title">{nl.wijk.partnershipsTitle}</h2>
        <p>{nl.wijk.partnershipsIntro}</p>
        {partnerships.length === 0 ? (
          <p className="muted">{nl.wijk.noPartnerships}</p>
        ) : (
          <ul className="partnership-list">
            {partnerships.map((p) => (
              <li key={p.id}>
                <p className="partnership-name">
                  <strong>{p.name}</strong> <span className="badge subtle">{nl.partnershipKind[p.kind]}</span>{' '}
                  <span className="count">{nl.wijk.members(p.memberCount)}</span>
                </p>
                {p.members.length > 0 ? (
                  <details>
                    <summary>{nl.wijk.showMembers}</summary>
                    <ul className="member-list">
                      {p.members.map((m) => (
                        <li key={m.id}>
                          <ShapeSwatch shape={GROUP_STYLE[m.group].shape} fill={GROUP_STYLE[m.group].color} />
                          <span>
                            {m.name} <span className="muted">({GROUP_TEXT[m.group].title})</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
