import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, SuccessMessage, TextField, type FormProblem } from '../../components/form';
import { PencilIcon, SearchIcon, TrashIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import {
  CirclePeopleDocument,
  EraseCirclePeopleDocument,
  RectifyCirclePersonDocument,
  type CirclePeopleQuery,
} from '../../gql/graphql';
import { classifyLoadError, invalidField, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { AdminFrame } from './admin-frame';
import './admin.css';

type Match = CirclePeopleQuery['circlePeople'][number];

/** "zus · Kanaleneiland · staat in 2 kringen · juni 2025 – november 2026": enough to tell two Peters apart (issue 11). */
function personFacts(p: Match): string {
  const months = p.firstSeen && p.lastSeen ? nl.admin.seen(monthName(p.firstSeen), monthName(p.lastSeen)) : null;
  return [p.relations.join(', '), p.districtName, nl.admin.inCircles(p.circleCount), months].filter(Boolean).join(' · ');
}

function monthName(month: string): string {
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The API's limits on `circlePeople(name)` and a corrected name. */
const SEARCH_MIN = 2;
const SEARCH_MAX = 60;
const NAME_MAX = 60;

function generalProblem(error: LoadErrorLike): FormProblem {
  const kind = classifyLoadError(error);
  return {
    message: kind === 'UNAVAILABLE' ? nl.state.unavailable : kind === 'FORBIDDEN' ? nl.state.forbidden : nl.state.otherError,
  };
}

/** Correct the name of one person who appears in circles. */
function RectifyForm({
  person,
  onDone,
  onCancel,
}: {
  readonly person: Match;
  readonly onDone: (name: string) => void;
  readonly onCancel: () => void;
}) {
  const [state, rectify] = useMutation(RectifyCirclePersonDocument);
  const [name, setName] = useState(person.name);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const id = `rectify-${person.id}`;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const value = name.trim();
    if (value === '') {
      setProblems([{ fieldId: id, message: nl.admin.nameMissing }]);
      return;
    }
    const result = await rectify({ input: { personId: person.id, name: value } });
    if (result.error) {
      setProblems([
        invalidField(result.error) === 'input.name'
          ? { fieldId: id, message: nl.admin.nameMissing }
          : generalProblem(result.error),
      ]);
      return;
    }
    onDone(value);
  }

  return (
    <form className="inline-form" noValidate onSubmit={(e) => void submit(e)} aria-label={nl.admin.rectifyFor(person.name)}>
      <ErrorSummary problems={problems} />
      <TextField
        id={id}
        label={nl.admin.newName}
        problem={problems.find((p) => p.fieldId === id)?.message}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="off"
        maxLength={NAME_MAX}
      />
      <button type="submit" className="button small" disabled={state.fetching}>
        {state.fetching ? nl.form.saving : nl.admin.save}
      </button>
      <button type="button" className="button secondary small" onClick={onCancel}>
        {nl.admin.cancel}
      </button>
    </form>
  );
}

function PeopleSearch() {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [result, reexecute] = useQuery({ query: CirclePeopleDocument, variables: { name: term ?? '' }, pause: term === null });
  const [erasing, erase] = useMutation(EraseCirclePeopleDocument);
  const people = term === null ? [] : (result.data?.circlePeople ?? []);

  function submitSearch(event: SyntheticEvent) {
    event.preventDefault();
    const value = search.trim();
    if (value.length < SEARCH_MIN) {
      setProblems([{ fieldId: 'people-search', message: nl.admin.searchMissing }]);
      return;
    }
    setProblems([]);
    setMessage(null);
    setSelected(new Set());
    setEditing(null);
    setTerm(value);
    if (value === term) reexecute({ requestPolicy: 'network-only' });
  }

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  function askErase() {
    if (selected.size === 0) {
      setProblems([{ message: nl.admin.noneSelected }]);
      return;
    }
    setProblems([]);
    setConfirming(true);
  }

  async function confirmErase() {
    const ids = [...selected];
    const answer = await erase({ input: { personIds: ids } });
    setConfirming(false);
    if (answer.error) {
      setProblems([generalProblem(answer.error)]);
      return;
    }
    setSelected(new Set());
    setMessage(nl.admin.erased(ids.length));
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">
        <SearchIcon /> {nl.admin.searchTitle}
      </h2>
      <ErrorSummary problems={problems} />
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      <form className="search-row" noValidate onSubmit={submitSearch} role="search">
        <TextField
          id="people-search"
          label={nl.admin.searchLabel}
          problem={problems.find((p) => p.fieldId === 'people-search')?.message}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          type="search"
          autoComplete="off"
          maxLength={SEARCH_MAX}
        />
        <button type="submit" className="button secondary">
          <SearchIcon /> {nl.admin.searchButton}
        </button>
      </form>
      {term !== null && result.fetching && !result.data ? <Loading /> : null}
      {term !== null && result.error ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {term !== null && result.data ? (
        <p role="status">{people.length === 0 ? nl.admin.none : nl.admin.results(people.length)}</p>
      ) : null}
      {people.length > 0 ? (
        <>
          <ul className="people-list">
            {people.map((p) => (
              <li key={p.id} className="person">
                <div className="choice">
                  <input
                    type="checkbox"
                    id={`person-${p.id}`}
                    checked={selected.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <label htmlFor={`person-${p.id}`}>
                    <span className="choice-title">{p.name}</span>
                    <span className="choice-hint">{personFacts(p)}</span>
                  </label>
                </div>
                <button
                  type="button"
                  className="button secondary small"
                  aria-expanded={editing === p.id}
                  aria-label={nl.admin.rectifyFor(p.name)}
                  onClick={() => setEditing(editing === p.id ? null : p.id)}
                >
                  <PencilIcon /> {nl.admin.rectify}
                </button>
                {editing === p.id ? (
                  <RectifyForm
                    person={p}
                    onDone={(name) => {
                      setEditing(null);
                      setMessage(nl.admin.rectified(name));
                      reexecute({ requestPolicy: 'network-only' });
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {/* Nothing to erase until someone is chosen (issue 11): no red button that does nothing. */}
          {selected.size > 0 ? (
            <button type="button" className="button danger" onClick={askErase}>
              <TrashIcon /> {nl.admin.eraseSelected(selected.size)}
            </button>
          ) : (
            <p className="muted">{nl.admin.chooseToErase}</p>
          )}
        </>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={nl.admin.eraseTitle(selected.size)}
        confirmLabel={nl.admin.eraseConfirm}
        confirmIcon={<TrashIcon />}
        busy={erasing.fetching}
        onConfirm={() => void confirmErase()}
        onCancel={() => setConfirming(false)}
      >
        <p>{nl.admin.eraseText}</p>
        <ul>
          {people
            .filter((p) => selected.has(p.id))
            .map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

/** Beheer (ADMIN): find people who appear in circles, to correct their name or erase them everywhere. */
export function AdminPage() {
  return (
    <AdminFrame title={nl.admin.peopleTitle} lead={nl.admin.intro}>
      <PeopleSearch />
    </AdminFrame>
  );
}
