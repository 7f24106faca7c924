/** Search an organisation by name, for a new entry or for where a person works. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { TextField } from '../../components/form';
import { SearchIcon } from '../../components/icons';
import { CircleOrganisationSearchDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';

export interface Picked {
  readonly id: string;
  readonly name: string;
}

interface OrganisationPickerProps {
  readonly circleId: string;
  readonly idPrefix: string;
  readonly legend: string;
  readonly hint?: string;
  readonly optional: boolean;
  readonly value: Picked | null;
  readonly onChange: (value: Picked | null) => void;
  readonly problem: string | undefined;
}

/** Search an organisation by name; the client's own wijk comes first (the API orders them). */
export function OrganisationPicker({
  circleId,
  idPrefix,
  legend,
  hint,
  optional,
  value,
  onChange,
  problem,
}: OrganisationPickerProps) {
  const [text, setText] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [found] = useQuery({
    query: CircleOrganisationSearchDocument,
    variables: { circleId, search: term ?? '' },
    pause: term === null,
  });
  const matches = term !== null ? (found.data?.circleOrganisationSearch ?? []) : [];
  const search = () => {
    const trimmed = text.trim();
    setMissing(trimmed === '');
    if (trimmed !== '') setTerm(trimmed);
  };
  const searchId = `${idPrefix}-search`;
  return (
    <fieldset
      className={problem ? 'choices organisation-picker has-problem' : 'choices organisation-picker'}
      id={`${idPrefix}-field`}
    >
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {problem ? <p className="field-problem">{problem}</p> : null}
      <div className="search-row">
        <TextField
          id={searchId}
          label={nl.editor.search}
          value={text}
          maxLength={60}
          problem={missing ? nl.editor.searchMissing : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches; it must not send the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
        />
        <button type="button" className="button secondary" onClick={search}>
          <SearchIcon /> {nl.editor.searchButton}
        </button>
      </div>
      {term !== null && found.fetching ? <p role="status">{nl.editor.searching}</p> : null}
      {term !== null && found.data ? (
        <p role="status">{matches.length === 0 ? nl.editor.searchNone : nl.editor.searchResults(matches.length)}</p>
      ) : null}
      {optional && (matches.length > 0 || value) ? (
        <div className="choice">
          <input
            type="radio"
            name={`${idPrefix}-choice`}
            id={`${idPrefix}-none`}
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <label htmlFor={`${idPrefix}-none`}>
            <span className="choice-title">{nl.editor.noOrganisation}</span>
          </label>
        </div>
      ) : null}
      {value && !matches.some((m) => m.organisation.id === value.id) ? (
        <div className="choice">
          <input type="radio" name={`${idPrefix}-choice`} id={`${idPrefix}-chosen`} checked onChange={() => onChange(value)} />
          <label htmlFor={`${idPrefix}-chosen`}>
            <span className="choice-title">{value.name}</span>
          </label>
        </div>
      ) : null}
      {matches.map((m) => (
        <div className="choice" key={m.organisation.id}>
          <input
            type="radio"
            name={`${idPrefix}-choice`}
            id={`${idPrefix}-${m.organisation.id}`}
            checked={value?.id === m.organisation.id}
            onChange={() => onChange({ id: m.organisation.id, name: m.organisation.name })}
          />
          <label htmlFor={`${idPrefix}-${m.organisation.id}`}>
            <span className="choice-title">{m.organisation.name}</span>
            {m.inClientDistrict ? <span className="choice-hint">{nl.editor.inClientDistrict}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
