import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorSummary, TextField, type FormProblem } from '../../components/form';
import { CheckIcon, PlusIcon, SearchIcon } from '../../components/icons';
import {
  CircleOrganisationSearchDocument,
  type CircleLayoutFieldsFragment,
  type ContactFrequency,
  type SupportKind,
  type Wish,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { defaultPlacement, type NewEntryKind } from './circle-state';
import { containsContactDetails } from './contact-details';
import type { EntryChange, EntryContent, EntryDraft } from './edit-history';
import type { FormField } from './edit-problem';
import type { ActionResult, Circle, Entry } from './use-circle-editor';

const SUPPORT_KINDS: readonly SupportKind[] = ['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET'];
const WISHES: readonly Wish[] = ['MORE_CONTACT', 'LESS_CONTACT', 'NEW_CONTACT'];
const FREQUENCY_LABEL: Readonly<Record<ContactFrequency, string>> = nl.editor.frequencyOption;
const FREQUENCIES = Object.keys(FREQUENCY_LABEL) as ContactFrequency[];

/** The API's limits (graph/src/circle/schemas.ts); the fields stop typing there. */
const NAME_MAX = 40;
const RELATION_MAX = 40;
const NOTE_MAX = 280;

type Problems = Partial<Record<FormField, string>>;

interface Picked {
  readonly id: string;
  readonly name: string;
}

function emptyToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The problem at a field, in words, from what the API said (none when it went well). */
function apiProblem(result: ActionResult): Problems | null {
  if (result.ok) return null;
  const { problem } = result;
  const field = problem.field ?? (problem.kind === 'CONTACT_DETAILS' ? 'note' : null);
  if (!field) return null;
  if (problem.kind === 'CONTACT_DETAILS') return { [field]: nl.editor.contactDetails };
  if (problem.kind === 'DUPLICATE') return { [field]: nl.editor.duplicate };
  if (problem.kind === 'INVALID') return { [field]: nl.editor.invalid };
  return null;
}

/** Checks the text fields before sending, as the API will: no contact details. */
function textProblems(texts: Partial<Record<FormField, string>>): Problems {
  const problems: Problems = {};
  for (const [field, text] of Object.entries(texts) as [FormField, string][]) {
    if (containsContactDetails(text)) problems[field] = nl.editor.contactDetails;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

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
function OrganisationPicker({ circleId, idPrefix, legend, hint, optional, value, onChange, problem }: OrganisationPickerProps) {
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

interface PlaceFieldsProps {
  readonly idPrefix: string;
  readonly layout: CircleLayoutFieldsFragment;
  readonly ring: number;
  readonly sector: string;
  readonly onRing: (ring: number) => void;
  readonly onSector: (sector: string) => void;
}

function PlaceFields({ idPrefix, layout, ring, sector, onRing, onSector }: PlaceFieldsProps) {
  const rings = [...layout.rings].sort((a, b) => a.ring - b.ring);
  return (
    <div className="place-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-ring`}>{nl.editor.ring}</label>
        <select id={`${idPrefix}-ring`} className="input" value={ring} onChange={(e) => onRing(Number(e.target.value))}>
          {rings.map((r) => (
            <option key={r.ring} value={r.ring}>
              {nl.editor.ringOption(r.ring, r.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-sector`}>{nl.editor.sector}</label>
        <select id={`${idPrefix}-sector`} className="input" value={sector} onChange={(e) => onSector(e.target.value)}>
          {layout.sectors.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

interface ContentFieldsProps {
  readonly idPrefix: string;
  readonly value: ContentState;
  readonly onChange: (value: ContentState) => void;
  readonly noteProblem: string | undefined;
}

interface ContentState {
  readonly support: readonly SupportKind[];
  readonly frequency: ContactFrequency | '';
  readonly wish: Wish | '';
  readonly note: string;
}

/** Support, contact, wish and note: the same in the add and the edit form. */
function ContentFields({ idPrefix, value, onChange, noteProblem }: ContentFieldsProps) {
  return (
    <>
      <fieldset className="choices compact">
        <legend>{nl.editor.support}</legend>
        <p className="field-hint">{nl.editor.supportHint}</p>
        {SUPPORT_KINDS.map((kind) => (
          <div className="checkbox" key={kind}>
            <input
              type="checkbox"
              id={`${idPrefix}-support-${kind}`}
              checked={value.support.includes(kind)}
              onChange={(e) =>
                onChange({
                  ...value,
                  support: e.target.checked ? [...value.support, kind] : value.support.filter((s) => s !== kind),
                })
              }
            />
            <label htmlFor={`${idPrefix}-support-${kind}`}>{nl.support[kind]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-frequency`}>{nl.editor.frequency}</label>
        <select
          id={`${idPrefix}-frequency`}
          className="input"
          value={value.frequency}
          onChange={(e) => onChange({ ...value, frequency: FREQUENCIES.find((f) => f === e.target.value) ?? '' })}
        >
          <option value="">{nl.editor.frequencyNone}</option>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABEL[f]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choices compact">
        <legend>{nl.editor.wish}</legend>
        {(['', ...WISHES] as const).map((wish) => (
          <div className="checkbox" key={wish || 'none'}>
            <input
              type="radio"
              name={`${idPrefix}-wish`}
              id={`${idPrefix}-wish-${wish || 'none'}`}
              checked={value.wish === wish}
              onChange={() => onChange({ ...value, wish })}
            />
            <label htmlFor={`${idPrefix}-wish-${wish || 'none'}`}>{wish ? nl.wish[wish] : nl.editor.wishNone}</label>
          </div>
        ))}
      </fieldset>
      <div className={noteProblem ? 'field has-problem' : 'field'}>
        <label htmlFor={`${idPrefix}-note`}>{nl.editor.note}</label>
        <p className="field-hint" id={`${idPrefix}-note-hint`}>
          {nl.editor.noteHint}
        </p>
        {noteProblem ? (
          <p className="field-problem" id={`${idPrefix}-note-problem`}>
            {noteProblem}
          </p>
        ) : null}
        <textarea
          id={`${idPrefix}-note`}
          className="input"
          rows={3}
          maxLength={NOTE_MAX}
          value={value.note}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? `${idPrefix}-note-hint ${idPrefix}-note-problem` : `${idPrefix}-note-hint`}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
      </div>
    </>
  );
}

function contentOf(state: ContentState): EntryContent & { note: string | null } {
  return {
    relation: null,
    support: SUPPORT_KINDS.filter((k) => state.support.includes(k)),
    frequency: state.frequency === '' ? null : state.frequency,
    wish: state.wish === '' ? null : state.wish,
    note: emptyToNull(state.note),
  };
}

function summary(problems: Problems, ids: Record<FormField, string>): FormProblem[] {
  return (Object.entries(problems) as [FormField, string][]).map(([field, message]) => ({ fieldId: ids[field], message }));
}

function Buttons({ busy, submit, icon, onCancel }: { busy: boolean; submit: string; icon: ReactNode; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="button" className="button secondary" onClick={onCancel}>
        {nl.form.cancel}
      </button>
      <button type="submit" className="button" disabled={busy}>
        {icon} {busy ? nl.form.saving : submit}
      </button>
    </div>
  );
}

/** The two short text fields of the add and the edit form: their words and the API's limit. */
const TEXT_FIELDS = {
  name: { label: nl.editor.name, hint: nl.editor.nameHint, maxLength: NAME_MAX },
  relation: { label: nl.editor.relation, hint: nl.editor.relationHint, maxLength: RELATION_MAX },
} as const;

interface EntryTextFieldProps {
  readonly field: keyof typeof TEXT_FIELDS;
  readonly id: string;
  readonly value: string;
  readonly problem: string | undefined;
  readonly autoFocus?: boolean;
  readonly onChange: (value: string) => void;
}

/** The name (first name or nickname) or the relation: the same in the add and the edit form. */
function EntryTextField({ field, id, value, problem, autoFocus, onChange }: EntryTextFieldProps) {
  const { label, hint, maxLength } = TEXT_FIELDS[field];
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      problem={problem}
      value={value}
      maxLength={maxLength}
      autoComplete="off"
      autoFocus={autoFocus}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The ids of the form's fields, for the error summary; `organisation` is where that problem is shown. */
function fieldIds(id: string, organisation: string): Record<FormField, string> {
  return {
    name: `${id}-name`,
    relation: `${id}-relation`,
    note: `${id}-note`,
    organisation,
    ring: `${id}-ring`,
    sector: `${id}-sector`,
  };
}

// ---------------------------------------------------------------------------------------------
// Add
// ---------------------------------------------------------------------------------------------

interface AddEntryFormProps {
  readonly circle: Circle;
  readonly layout: CircleLayoutFieldsFragment;
  readonly busy: boolean;
  readonly onAdd: (draft: EntryDraft) => Promise<ActionResult>;
  readonly onCancel: () => void;
}

/** Someone new in the circle: a person (first name or nickname, optionally where they work) or an organisation. */
export function AddEntryForm({ circle, layout, busy, onAdd, onCancel }: AddEntryFormProps) {
  const id = useId();
  const ids = fieldIds(id, `${id}-org-search`);
  const [kind, setKind] = useState<NewEntryKind>('PERSON');
  const [name, setName] = useState('');
  const [employer, setEmployer] = useState<Picked | null>(null);
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [relation, setRelation] = useState('');
  const [place, setPlace] = useState(() => defaultPlacement('PERSON', layout));
  const [placeTouched, setPlaceTouched] = useState(false);
  const [content, setContent] = useState<ContentState>({ support: [], frequency: '', wish: '', note: '' });
  const [problems, setProblems] = useState<Problems>({});

  const chooseKind = (next: NewEntryKind) => {
    setKind(next);
    setProblems({});
    // Sensible places follow the kind until the user chose a place themselves.
    if (!placeTouched) setPlace(defaultPlacement(next, layout));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problems = textProblems({ name, relation, note: content.note });
    if (kind === 'PERSON' && name.trim() === '') found.name = nl.editor.nameMissing;
    if (kind === 'ORGANISATION' && !organisation) found.organisation = nl.editor.organisationMissing;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const draft: EntryDraft = {
      ...contentOf(content),
      relation: emptyToNull(relation),
      ring: place.ring,
      sector: place.sector,
      tiedTo: [],
      target:
        kind === 'ORGANISATION' && organisation
          ? { kind: 'ORGANISATION', organisationId: organisation.id }
          : { kind: 'NEW_PERSON', name: name.trim(), organisationId: employer?.id ?? null },
    };
    const atField = apiProblem(await onAdd(draft));
    if (atField) setProblems(atField);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={summary(problems, ids)} />
      <fieldset className="choices">
        <legend>{nl.editor.kindLegend}</legend>
        {(['PERSON', 'ORGANISATION'] as const).map((k) => (
          <div className="choice" key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              id={`${id}-kind-${k}`}
              checked={kind === k}
              autoFocus={k === 'PERSON'}
              onChange={() => chooseKind(k)}
            />
            <label htmlFor={`${id}-kind-${k}`}>
              <span className="choice-title">{k === 'PERSON' ? nl.editor.kindPerson : nl.editor.kindOrganisation}</span>
              <span className="choice-hint">{k === 'PERSON' ? nl.editor.kindPersonHint : nl.editor.kindOrganisationHint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'PERSON' ? (
        <>
          <EntryTextField field="name" id={ids.name} value={name} problem={problems.name} onChange={setName} />
          <details className="more">
            <summary>{nl.editor.worksAt}</summary>
            <OrganisationPicker
              circleId={circle.id}
              idPrefix={`${id}-employer`}
              legend={nl.editor.worksAt}
              hint={nl.editor.worksAtHint}
              optional
              value={employer}
              onChange={setEmployer}
              problem={problems.organisation}
            />
          </details>
        </>
      ) : (
        <OrganisationPicker
          circleId={circle.id}
          idPrefix={`${id}-org`}
          legend={nl.editor.organisation}
          optional={false}
          value={organisation}
          onChange={setOrganisation}
          problem={problems.organisation}
        />
      )}
      <EntryTextField field="relation" id={ids.relation} value={relation} problem={problems.relation} onChange={setRelation} />
      <PlaceFields
        idPrefix={id}
        layout={layout}
        ring={place.ring}
        sector={place.sector}
        onRing={(ring) => {
          setPlaceTouched(true);
          setPlace((p) => ({ ...p, ring }));
        }}
        onSector={(sector) => {
          setPlaceTouched(true);
          setPlace((p) => ({ ...p, sector }));
        }}
      />
      <details className="more" open={problems.note ? true : undefined}>
        <summary>{nl.editor.moreDetails}</summary>
        <ContentFields idPrefix={id} value={content} onChange={setContent} noteProblem={problems.note} />
      </details>
      <Buttons busy={busy} submit={nl.editor.submitAdd} icon={<PlusIcon />} onCancel={onCancel} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Edit
// ---------------------------------------------------------------------------------------------

interface EditEntryFormProps {
  readonly circle: Circle;
  readonly layout: CircleLayoutFieldsFragment;
  readonly entry: Entry;
  readonly busy: boolean;
  readonly onSave: (change: EntryChange) => Promise<ActionResult>;
  readonly onCancel: () => void;
}

/** Everything about one entry: name (people who belong to the client), place, words, and who they know. */
export function EditEntryForm({ circle, layout, entry, busy, onSave, onCancel }: EditEntryFormProps) {
  const id = useId();
  const ids = fieldIds(id, `${id}-relation`);
  // Staff (a begeleider with an account) keep their own name; only people the client added can be renamed.
  const canRename = entry.target.__typename === 'CirclePerson' && entry.target.ownContact;
  const [name, setName] = useState(entry.target.name);
  const [relation, setRelation] = useState(entry.relation ?? '');
  const [place, setPlace] = useState({ ring: entry.ring, sector: entry.sector });
  const [content, setContent] = useState<ContentState>({
    support: entry.support,
    frequency: entry.frequency ?? '',
    wish: entry.wish ?? '',
    note: entry.note ?? '',
  });
  const [tied, setTied] = useState<readonly string[]>(() =>
    circle.ties.flatMap((t) => (t.fromEntryId === entry.id ? [t.toEntryId] : t.toEntryId === entry.id ? [t.fromEntryId] : [])),
  );
  const [problems, setProblems] = useState<Problems>({});
  const others = circle.entries.filter((e) => e.id !== entry.id).sort((a, b) => a.target.name.localeCompare(b.target.name, 'nl'));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problems = textProblems({ ...(canRename ? { name } : {}), relation, note: content.note });
    if (canRename && name.trim() === '') found.name = nl.editor.nameMissing;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const result = await onSave({
      ring: place.ring,
      sector: place.sector,
      name: canRename ? name.trim() : null,
      content: { ...contentOf(content), relation: emptyToNull(relation) },
      tiedTo: tied,
    });
    const atField = apiProblem(result);
    if (atField) setProblems(atField);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary problems={summary(problems, ids)} />
      {canRename ? (
        <EntryTextField field="name" id={ids.name} value={name} problem={problems.name} autoFocus onChange={setName} />
      ) : null}
      <EntryTextField
        field="relation"
        id={ids.relation}
        value={relation}
        problem={problems.relation}
        autoFocus={!canRename}
        onChange={setRelation}
      />
      <PlaceFields
        idPrefix={id}
        layout={layout}
        ring={place.ring}
        sector={place.sector}
        onRing={(ring) => setPlace((p) => ({ ...p, ring }))}
        onSector={(sector) => setPlace((p) => ({ ...p, sector }))}
      />
      <ContentFields idPrefix={id} value={content} onChange={setContent} noteProblem={problems.note} />
      <fieldset className="choices compact">
        <legend>{nl.editor.tiesLegend(entry.target.name)}</legend>
        <p className="field-hint">{others.length === 0 ? nl.editor.tiesEmpty : nl.editor.tiesHint}</p>
        {others.map((other) => (
          <div className="checkbox" key={other.id}>
            <input
              type="checkbox"
              id={`${id}-tie-${other.id}`}
              checked={tied.includes(other.id)}
              onChange={(e) => setTied(e.target.checked ? [...tied, other.id] : tied.filter((t) => t !== other.id))}
            />
            <label htmlFor={`${id}-tie-${other.id}`}>{other.target.name}</label>
          </div>
        ))}
      </fieldset>
      <Buttons busy={busy} submit={nl.editor.submitEdit} icon={<CheckIcon />} onCancel={onCancel} />
    </form>
  );
}
