import { useId } from 'react';
import type { LinkKind, OfferingCategory } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { isFiltering, NO_FILTER, offeringCategories, offeringLanguages, type WijkFilter } from './filters';
import { byName, LINK_KINDS, NODE_GROUPS, type WijkMapData } from './model';
import { COLUMN_LABELS, languageName } from './texts';

export function WijkFilters({
  map,
  filter,
  onChange,
  shown,
  total,
}: {
  readonly map: WijkMapData;
  readonly filter: WijkFilter;
  readonly onChange: (filter: WijkFilter) => void;
  readonly shown: number;
  readonly total: number;
}) {
  const id = useId();
  const categories = offeringCategories(map);
  const languages = offeringLanguages(map);
  const partnerships = [...map.partnerships].sort(byName);
  return (
    <section className="wijk-filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{nl.wijk.filtersTitle}</h2>
      <fieldset className="filter-groups">
        <legend>{nl.wijk.spoorFilter}</legend>
        {NODE_GROUPS.map((group) => (
          <label key={group} className="check">
            <input
              type="checkbox"
              checked={filter.groups.has(group)}
              onChange={(event) => {
                const groups = new Set(filter.groups);
                if (event.target.checked) groups.add(group);
                else groups.delete(group);
                onChange({ ...filter, groups });
              }}
            />
            <span>{COLUMN_LABELS[group]}</span>
          </label>
        ))}
      </fieldset>
      <div className="filter-selects">
        <label>
          <span>{nl.wijk.linkKindFilter}</span>
          <select
            value={filter.linkKind ?? ''}
            onChange={(event) => onChange({ ...filter, linkKind: (event.target.value || null) as LinkKind | null })}
          >
            <option value="">{nl.wijk.allLinkKinds}</option>
            {LINK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {nl.linkKind[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{nl.wijk.categoryFilter}</span>
          <select
            value={filter.category ?? ''}
            onChange={(event) => onChange({ ...filter, category: (event.target.value || null) as OfferingCategory | null })}
          >
            <option value="">{nl.wijk.allCategories}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {nl.signals.offerCategory[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{nl.wijk.languageFilter}</span>
          <select
            value={filter.language ?? ''}
            onChange={(event) => onChange({ ...filter, language: event.target.value || null })}
          >
            <option value="">{nl.wijk.allLanguages}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {nl.wijk.languageOption(languageName(l))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{nl.wijk.partnershipFilter}</span>
          <select
            value={filter.partnershipId ?? ''}
            onChange={(event) => onChange({ ...filter, partnershipId: event.target.value || null })}
          >
            <option value="">{nl.wijk.allPartnerships}</option>
            {partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isFiltering(filter) ? (
        <p className="filter-summary" role="status">
          {nl.wijk.filterSummary(shown, total)}{' '}
          <button type="button" className="button secondary small" onClick={() => onChange(NO_FILTER)}>
            {nl.wijk.clearFilters}
          </button>
        </p>
      ) : (
        <p className="filter-summary" role="status" />
      )}
    </section>
  );
}
