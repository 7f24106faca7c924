import { useId, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { TextField } from '../../components/form';
import { SearchIcon } from '../../components/icons';
import { Loading } from '../../components/load-state';
import { AdminOrganisationPickerDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';

const t = nl.adminOrganisations;

interface PickerProps {
  /** The radio group's name and the id prefix of its inputs. */
  readonly id: string;
  readonly legend: string;
  readonly searchLabel: string;
  /** Left out of the choices (the duplicate itself). */
  readonly exclude?: string;
  /** Only organisations active in this wijk. */
  readonly districtId?: string | null;
  readonly value: string | null;
  readonly onChange: (organisation: { id: string; name: string }) => void;
  readonly problem?: string | undefined;
}

/**
 * Find a current organisation by (part of) its name and choose it: a search field, then the
 * results as radio buttons (keyboard: Tab to the group, arrow keys to choose).
 */
export function OrganisationPicker({ id, legend, searchLabel, exclude, districtId, value, onChange, problem }: PickerProps) {
  const problemId = useId();
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState<string | null>(districtId ? '' : null);
  const [result] = useQuery({
    query: AdminOrganisationPickerDocument,
    variables: { search: term ? term : null, districtId: districtId ?? null },
    pause: term === null,
  });
  const choices = (result.data?.adminOrganisations.nodes ?? []).filter((o) => o.id !== exclude);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTerm(search.trim());
  };

  return (
    <div className="admin-org-picker">
      <div className="search-row" role="search">
        <TextField
          id={`${id}-search`}
          label={searchLabel}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here instead of sending the dialog's form.
            if (e.key === 'Enter') submit(e);
          }}
          type="search"
          autoComplete="off"
          maxLength={80}
        />
        <button type="button" className="button secondary" onClick={submit}>
          <SearchIcon /> {t.searchButton}
        </button>
      </div>
      {term !== null && result.fetching ? <Loading /> : null}
      {term !== null && result.data && choices.length === 0 ? <p role="status">{t.mergeNoneFound}</p> : null}
      {choices.length > 0 ? (
        <fieldset
          className={problem ? 'choices has-problem' : 'choices'}
          id={id}
          tabIndex={-1}
          aria-describedby={problem ? problemId : undefined}
        >
          <legend>{legend}</legend>
          {problem ? (
            <p className="field-problem" id={problemId}>
              {problem}
            </p>
          ) : null}
          {choices.map((o) => (
            <div className="choice" key={o.id}>
              <input
                type="radio"
                name={id}
                id={`${id}-${o.id}`}
                checked={value === o.id}
                onChange={() => onChange({ id: o.id, name: o.name })}
              />
              <label htmlFor={`${id}-${o.id}`}>
                <span className="choice-title">{o.name}</span>
                <span className="choice-hint">{nl.sector[o.sector]}</span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : problem ? (
        <p className="field-problem" id={id} tabIndex={-1}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
