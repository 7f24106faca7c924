import { useMemo } from 'react';
import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import type { FilterResult } from './filters';
import { byName, drawableLinks, MAP_COLUMNS, mapNodes, type MapColumn, type WijkMapData } from './model';
import { COLUMN_LABELS, linkSentence, nodeKindText } from './texts';
import { GROUP_STYLE } from './wijk-style';
import './wijk-text-alternative.css';

export interface TextAlternativeProps {
  readonly map: WijkMapData;
  readonly names: ReadonlyMap<string, string>;
  readonly filter: FilterResult | null;
  readonly selectedId: string | null;
  readonly openActionIds: ReadonlySet<string>;
  readonly onSelect: (id: string) => void;
}

/**
 * Everything the map shows, as lists: every organisation and key figure as a button that opens its
 * card (grouped like the map's columns), every link (grouped by the first of its two names), and
 * the partnerships. Follows the filter: what the filter leaves out is not listed.
 */
export function WijkTextAlternative({ map, names, filter, selectedId, openActionIds, onSelect }: TextAlternativeProps) {
  const nodes = useMemo(() => mapNodes(map), [map]);
  const visible = (id: string) => filter === null || filter.nodeIds.has(id);
  const columns = MAP_COLUMNS.map((column) => ({
    column,
    all: nodes.filter((n) => n.column === column),
  })).filter((c) => c.all.length > 0);

  const linkGroups = useMemo(() => {
    const groups = new Map<string, { id: string; name: string; sentences: { id: string; text: string }[] }>();
    for (const link of drawableLinks(map)) {
      if (filter && !filter.linkIds.has(link.id)) continue;
      const [first, second] = [link.fromId, link.toId].sort((a, b) =>
        byName({ id: a, name: names.get(a) ?? '' }, { id: b, name: names.get(b) ?? '' }),
      );
      const firstId = first ?? link.fromId;
      const ordered = { ...link, fromId: firstId, toId: second ?? link.toId };
      const group = groups.get(firstId) ?? { id: firstId, name: names.get(firstId) ?? '', sentences: [] };
      group.sentences.push({ id: link.id, text: linkSentence(names, ordered) });
      groups.set(firstId, group);
    }
    return [...groups.values()]
      .sort(byName)
      .map((g) => ({ ...g, sentences: g.sentences.sort((a, b) => a.text.localeCompare(b.text, 'nl')) }));
  }, [map, names, filter]);

  return (
    <div className="text-alternative wijk-text-alternative">
      <section aria-labelledby="wijk-list-title" className="wijk-node-list">
        <h2 id="wijk-list-title">{nl.wijk.listTitle}</h2>
        <p>{nl.wijk.listIntro}</p>
        {columns.map(({ column, all }) => {
          const shown = all.filter((n) => visible(n.id));
          return (
            <section key={column} className="spoor-group" aria-labelledby={`wijk-list-${column}`} data-group={column}>
              <h3 id={`wijk-list-${column}`}>
                <ColumnSwatch column={column} />
                <span>
                  {COLUMN_LABELS[column]}{' '}
                  <span className="count">
                    ({shown.length === all.length ? all.length : `${String(shown.length)}/${String(all.length)}`})
                  </span>
                </span>
              </h3>
              {shown.length === 0 ? (
                <p className="muted">{nl.wijk.noneMatch}</p>
              ) : (
                <ul className="node-buttons">
                  {shown.map((n) => (
                    <li key={n.id}>
                      <button
                        type="button"
                        className="node-button"
                        data-node-id={n.id}
                        aria-pressed={selectedId === n.id}
                        onClick={() => onSelect(n.id)}
                      >
                        <ShapeSwatch shape={GROUP_STYLE[n.group].shape} fill={GROUP_STYLE[n.group].color} />
                        <span className="node-button-text">
                          <span className="node-button-name">{n.name}</span>
                          {column === 'other' || column === 'outside' ? <span className="muted">{nodeKindText(n)}</span> : null}
                          {openActionIds.has(n.id) ? <span className="badge">{nl.wijk.openAction}</span> : null}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="wijk-links-title" className="wijk-link-list">
        <h2 id="wijk-links-title">{nl.wijk.linksTitle}</h2>
        <p>{nl.wijk.linksIntro}</p>
        {linkGroups.length === 0 ? (
          <p className="muted">{nl.wijk.noLinks}</p>
        ) : (
          linkGroups.map((g) => (
            <section key={g.id} aria-label={g.name}>
              <h3 className="link-group-title">{g.name}</h3>
              <ul>
                {g.sentences.map((s) => (
                  <li key={s.id} data-link-id={s.id}>
                    {s.text}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>

      <section aria-labelledby="wijk-partnerships-title">
        <h2 id="wijk-partnerships-title">{nl.wijk.partnershipsTitle}</h2>
        <p>{nl.wijk.partnershipsIntro}</p>
        {map.partnerships.length === 0 ? (
          <p className="muted">{nl.wijk.noPartnerships}</p>
        ) : (
          <ul className="partnership-list">
            {[...map.partnerships].sort(byName).map((p) => {
              const members = [...new Set(p.memberIds)];
              const here = nodes.filter((n) => members.includes(n.id));
              return (
                <li key={p.id}>
                  <p className="partnership-name">
                    <strong>{p.name}</strong> <span className="badge subtle">{nl.partnershipKind[p.kind]}</span>{' '}
                    <span className="count">{nl.wijk.members(members.length)}</span>
                  </p>
                  {here.length > 0 ? (
                    <details>
                      <summary>{nl.wijk.showMembers}</summary>
                      <ul className="member-list">
                        {here.map((m) => (
                          <li key={m.id}>
                            <ShapeSwatch shape={GROUP_STYLE[m.group].shape} fill={GROUP_STYLE[m.group].color} />
                            <span>{m.name}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function ColumnSwatch({ column }: { readonly column: MapColumn }) {
  if (column === 'outside')
    return (
      <svg className="swatch" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
        <circle cx="14" cy="14" r="9" fill="#ffffff" stroke="#1c1c1c" strokeWidth="2.5" strokeDasharray="4 3" />
      </svg>
    );
  return <ShapeSwatch shape={GROUP_STYLE[column].shape} fill={GROUP_STYLE[column].color} />;
}
