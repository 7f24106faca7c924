import { useEffect, useRef } from 'react';
import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import { EndLinkButton } from '../wijk-edit/end-link-button';
import type { WijkSignalCode } from '../../gql/graphql';
import { longDate, monthYear } from './dates';
import { drawableLinks, type MapNode, type WijkMapData } from './model';
import { kindText, languageList, nodeKindText } from './texts';
import { GROUP_STYLE } from './wijk-style';

export interface WijkCardProps {
  readonly map: WijkMapData;
  readonly node: MapNode | null;
  readonly names: ReadonlyMap<string, string>;
  readonly signals: readonly { readonly key: string; readonly code: WijkSignalCode; readonly label: string }[];
  readonly openAction: boolean;
  readonly canEdit: boolean;
  readonly onChanged: () => void;
  readonly onClose: () => void;
  /** Changes each time a node is chosen, so the heading takes the focus again. */
  readonly focusKey: number;
}

/** Everything about one organisation or key figure: spoor, where, offerings, partnerships, links, signals. */
export function WijkCard({ map, node, names, signals, openAction, canEdit, onChanged, onClose, focusKey }: WijkCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey > 0) headingRef.current?.focus();
  }, [focusKey]);

  if (!node) {
    return (
      <section className="wijk-card empty" aria-labelledby="wijk-card-title">
        <h2 id="wijk-card-title">{nl.wijk.cardTitle}</h2>
        <p className="muted">{nl.wijk.cardEmpty}</p>
      </section>
    );
  }
  const offerings = map.offerings.filter((o) => o.organisationId === node.id);
  const partnerships = map.partnerships.filter((p) => p.memberIds.includes(node.id));
  const links = drawableLinks(map).filter((l) => l.fromId === node.id || l.toId === node.id);
  const style = GROUP_STYLE[node.group];

  return (
    <section className="wijk-card" aria-labelledby="wijk-card-title" data-node-id={node.id}>
      <div className="wijk-card-head">
        <h2 id="wijk-card-title" ref={headingRef} tabIndex={-1}>
          <ShapeSwatch shape={style.shape} fill={style.color} />
          <span>{node.name}</span>
        </h2>
        <button type="button" className="button secondary small" onClick={onClose}>
          {nl.wijk.close}
        </button>
      </div>
      <p className="wijk-card-kind">
        {nodeKindText(node)}
        {node.kind === 'keyFigure' ? null : (
          <>
            {' · '}
            <strong className={node.kind === 'outside' ? 'badge subtle outside-badge' : 'badge subtle'}>
              {node.kind === 'outside' ? nl.wijk.outsideDistrict : nl.wijk.inDistrict}
            </strong>
          </>
        )}
        {openAction ? (
          <>
            {' · '}
            <strong className="badge">{nl.wijk.openAction}</strong>
          </>
        ) : null}
      </p>
      {node.kind === 'keyFigure' ? null : (
        <>
          <h3>{nl.wijk.offeringsTitle}</h3>
          {offerings.length === 0 ? (
            <p className="muted">{nl.wijk.noOfferings}</p>
          ) : (
            <ul className="wijk-card-list">
              {offerings.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong> ({nl.signals.offerCategory[o.category]})
                  {o.languages.length > 0 ? <>, {nl.wijk.inLanguages(languageList(o.languages))}</> : null}
                </li>
              ))}
            </ul>
          )}
          <h3>{nl.wijk.cardPartnershipsTitle}</h3>
          {partnerships.length === 0 ? (
            <p className="muted">{nl.wijk.noCardPartnerships}</p>
          ) : (
            <ul className="wijk-card-list">
              {partnerships.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="muted">({nl.partnershipKind[p.kind]})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>{nl.wijk.cardLinksTitle}</h3>
      {links.length === 0 ? (
        <p className="muted">{nl.wijk.noCardLinks}</p>
      ) : (
        <ul className="wijk-card-list wijk-card-links">
          {links.map((l) => {
            const other = names.get(l.fromId === node.id ? l.toId : l.fromId) ?? '';
            const text = nl.wijk.cardLink(kindText(l.kind), other, monthYear(l.since), l.until ? longDate(l.until) : null);
            return (
              <li key={l.id}>
                <span>{text}</span>
                {canEdit ? <EndLinkButton linkId={l.id} label={text} onChanged={onChanged} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{nl.wijk.signalsTitle}</h3>
      {signals.length === 0 ? (
        <p className="muted">{nl.wijk.noSignals}</p>
      ) : (
        <ul className="wijk-card-list">
          {signals.map((s) => (
            <li key={s.key}>{s.label}</li>
          ))}
        </ul>
      )}
      {openAction ? <p>{nl.wijk.hasOpenAction}</p> : null}
    </section>
  );
}
