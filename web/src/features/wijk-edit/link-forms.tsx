import { useId, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { CheckboxField, DateField, DialogButtons, SelectField, TextAreaField, TextField } from '../../components/form';
import { CheckIcon, SearchIcon } from '../../components/icons';
import { Loading } from '../../components/load-state';
import {
  WijkEditLinkDetailsDocument,
  WijkEditOrganisationSearchDocument,
  WijkEditRecordLinkDocument,
  WijkEditUpdateLinkDocument,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import type { WijkEditField } from './edit-problem';
import { ChoiceField, NO_PROBLEMS, ProblemSummary, problemsFor, useWijkMutation, type Problems } from './fields';
import type { LinkKind, WijkEditMap } from './types';
import {
  emptyToNull,
  isIsoDate,
  LINK_KINDS,
  LINK_NOTE_MAX,
  linkLabel,
  linkRecordedMessage,
  namesOf,
  parseStrength,
  todayIso,
} from './wijk-edit-model';

const t = nl.wijkEdit;
const STRENGTHS = [1, 2, 3, 4, 5] as const;

interface Picked {
  readonly id: string;
  readonly name: string;
}

/** Search any organisation by name (for a link with an organisation outside the wijk). */
function OrganisationSearch({
  idPrefix,
  value,
  onChange,
  problem,
}: {
  readonly idPrefix: string;
  readonly value: Picked | null;
  readonly onChange: (value: Picked) => void;
  readonly problem: string | undefined;
}) {
  const [text, setText] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [found] = useQuery({
    query: WijkEditOrganisationSearchDocument,
    variables: { search: term ?? '' },
    pause: term === null,
  });
  const matches = term !== null ? (found.data?.organisations.nodes ?? []) : [];
  const search = () => {
    const trimmed = text.trim();
    setMissing(trimmed === '');
    if (trimmed !== '') setTerm(trimmed);
  };
  return (
    <fieldset className={problem ? 'choices wijk-edit-search has-problem' : 'choices wijk-edit-search'}>
      <legend>{t.to}</legend>
      {problem ? <p className="field-problem">{problem}</p> : null}
      <div className="wijk-edit-search-row">
        <TextField
          id={`${idPrefix}-search`}
          label={t.search}
          value={text}
          maxLength={60}
          autoComplete="off"
          problem={missing ? t.searchMissing : undefined}
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
          <SearchIcon /> {t.searchButton}
        </button>
      </div>
      <div role="status">
        {term !== null && found.fetching ? t.searching : null}
        {term !== null && found.data && !found.fetching
          ? matches.length === 0
            ? t.searchNone
            : t.searchResults(matches.length)
          : null}
      </div>
      {value && !matches.some((m) => m.id === value.id) ? (
        <div className="choice">
          <input type="radio" name={`${idPrefix}-choice`} id={`${idPrefix}-chosen`} checked onChange={() => onChange(value)} />
          <label htmlFor={`${idPrefix}-chosen`}>
            <span className="choice-title">{value.name}</span>
          </label>
        </div>
      ) : null}
      {matches.map((m) => (
        <div className="choice" key={m.id}>
          <input
            type="radio"
            name={`${idPrefix}-choice`}
            id={`${idPrefix}-${m.id}`}
            checked={value?.id === m.id}
            onChange={() => onChange({ id: m.id, name: m.name })}
          />
          <label htmlFor={`${idPrefix}-${m.id}`}>
            <span className="choice-title">{m.name}</span>
            {m.districts.length > 0 ? <span className="choice-hint">{m.districts.map((d) => d.name).join(', ')}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** What a link is, from when, how strong, and a note: the same fields when recording and when changing it. */
interface LinkDetails {
  readonly kind: LinkKind;
  /** "2026-03-14", or '' when unknown. */
  readonly since: string;
  /** "1" to "5", or '' for none. */
  readonly strength: string;
  readonly note: string;
}

function LinkDetailFields({
  ids,
  value,
  onChange,
  problems,
}: {
  readonly ids: { readonly kind: string; readonly since: string; readonly strength: string; readonly note: string };
  readonly value: LinkDetails;
  readonly onChange: (value: LinkDetails) => void;
  readonly problems: Problems['atField'];
}) {
  return (
    <>
      <SelectField
        id={ids.kind}
        label={t.kind}
        problem={problems.kind}
        value={value.kind}
        onChange={(event) => onChange({ ...value, kind: LINK_KINDS.find((k) => k === event.target.value) ?? value.kind })}
      >
        {LINK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t.linkKindOption[kind]}
          </option>
        ))}
      </SelectField>
      <DateField
        id={ids.since}
        label={t.since}
        hint={t.sinceHint}
        problem={problems.since}
        value={value.since}
        onChange={(since) => onChange({ ...value, since })}
      />
      <SelectField
        id={ids.strength}
        label={t.strength}
        hint={t.strengthHint}
        problem={problems.strength}
        value={value.strength}
        onChange={(e) => onChange({ ...value, strength: e.target.value })}
      >
        <option value="">{t.strengthNone}</option>
        {STRENGTHS.map((n) => (
          <option key={n} value={String(n)}>
            {t.strengthOption[n]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={ids.note}
        label={t.note}
        hint={t.noteHint}
        problem={problems.note}
        value={value.note}
        maxLength={LINK_NOTE_MAX}
        onChange={(e) => onChange({ ...value, note: e.target.value })}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Record
// ---------------------------------------------------------------------------------------------

const RECORD_FIELDS: readonly WijkEditField[] = ['from', 'to', 'kind', 'since', 'strength', 'note'];

interface RecordLinkFormProps {
  readonly districtId: string;
  readonly map: WijkEditMap;
  readonly onCancel: () => void;
  /** Recorded: what to say (and whether open missing-link actions closed themselves). */
  readonly onDone: (message: string) => void;
}

/** "Verbinding vastleggen": from, to (in the wijk or, ticked, anywhere), kind, since, strength, note. */
export function RecordLinkForm({ districtId, map, onCancel, onDone }: RecordLinkFormProps) {
  const id = useId();
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [outside, setOutside] = useState(false);
  const [outsideTo, setOutsideTo] = useState<Picked | null>(null);
  const [details, setDetails] = useState<LinkDetails>(() => ({
    kind: 'COLLABORATION',
    since: todayIso(),
    strength: '',
    note: '',
  }));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, recordLink] = useWijkMutation(WijkEditRecordLinkDocument);
  const ids = {
    from: `${id}-from`,
    to: outside ? `${id}-to-search` : `${id}-to`,
    kind: `${id}-kind`,
    since: `${id}-since`,
    strength: `${id}-strength`,
    note: `${id}-note`,
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const to = outside ? (outsideTo?.id ?? '') : toId;
    const atField: Problems['atField'] = {};
    if (fromId === '') atField.from = t.missingFrom;
    if (to === '') atField.to = t.missingTo;
    else if (to === fromId) atField.to = t.sameEnds;
    if (!isIsoDate(details.since)) atField.since = t.missingDate;
    setProblems({ atField, general: null });
    if (Object.keys(atField).length > 0) return;
    const outcome = await recordLink({
      input: {
        districtId,
        fromId,
        toId: to,
        kind: details.kind,
        since: details.since,
        until: null,
        strength: parseStrength(details.strength),
        note: emptyToNull(details.note),
        source: 'USER',
        betweenDistricts: outside,
      },
    });
    if (!outcome.ok) {
      setProblems(problemsFor(outcome.problem, RECORD_FIELDS));
      return;
    }
    const names = new Map(namesOf(map));
    if (outsideTo) names.set(outsideTo.id, outsideTo.name);
    const { link, closedActionIds } = outcome.data.recordLink;
    onDone(linkRecordedMessage(linkLabel(link, names), closedActionIds.length));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemSummary problems={problems} ids={ids} />
      <SelectField
        id={ids.from}
        label={t.from}
        hint={t.fromHint}
        problem={problems.atField.from}
        value={fromId}
        autoFocus
        onChange={(e) => setFromId(e.target.value)}
      >
        <option value="">{t.choose}</option>
        <optgroup label={t.organisationsGroup}>
          {map.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </optgroup>
        {map.keyFigures.length > 0 ? (
          <optgroup label={t.keyFiguresGroup}>
            {map.keyFigures.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <CheckboxField id={`${id}-outside`} label={t.outside} hint={t.outsideHint} checked={outside} onChange={setOutside} />
      {outside ? (
        <OrganisationSearch idPrefix={`${id}-to`} value={outsideTo} onChange={setOutsideTo} problem={problems.atField.to} />
      ) : (
        <ChoiceField
          id={ids.to}
          label={t.to}
          hint={t.toHint}
          problem={problems.atField.to}
          value={toId}
          choices={map.organisations}
          onChange={(e) => setToId(e.target.value)}
        />
      )}
      <LinkDetailFields ids={ids} value={details} onChange={setDetails} problems={problems.atField} />
      <DialogButtons busy={busy} submit={t.submitLink} icon={<CheckIcon />} onCancel={onCancel} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------------------------

const UPDATE_FIELDS: readonly WijkEditField[] = ['kind', 'since', 'strength', 'note'];

interface UpdateLinkFormProps {
  readonly districtId: string;
  readonly linkId: string;
  readonly label: string;
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/** "Aanpassen": kind, since, strength and note of a link, as the API has them now. */
export function UpdateLinkForm({ districtId, linkId, label, onCancel, onDone }: UpdateLinkFormProps) {
  const [details] = useQuery({
    query: WijkEditLinkDetailsDocument,
    variables: { districtId },
    requestPolicy: 'network-only',
  });
  const link = details.data?.wijkMap?.links.find((l) => l.id === linkId);
  if (details.fetching && !details.data) return <Loading />;
  if (!link) {
    return (
      <>
        <p role="alert">{details.error ? t.problem.unavailable : t.problem.gone}</p>
        <div className="button-row">
          <button type="button" className="button secondary" onClick={onCancel}>
            {nl.form.cancel}
          </button>
        </div>
      </>
    );
  }
  return <UpdateLinkFields link={link} label={label} onCancel={onCancel} onDone={onDone} />;
}

interface LinkNow {
  readonly id: string;
  readonly kind: LinkKind;
  readonly since: string | null;
  readonly strength: number | null;
  readonly note: string | null;
  readonly source: string;
}

function UpdateLinkFields({
  link,
  label,
  onCancel,
  onDone,
}: {
  readonly link: LinkNow;
  readonly label: string;
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}) {
  const id = useId();
  const [details, setDetails] = useState<LinkDetails>({
    kind: link.kind,
    since: link.since ?? '',
    strength: link.strength === null ? '' : String(link.strength),
    note: link.note ?? '',
  });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, updateLink] = useWijkMutation(WijkEditUpdateLinkDocument);
  const ids = { kind: `${id}-kind`, since: `${id}-since`, strength: `${id}-strength`, note: `${id}-note` };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    // A link recorded without a start date may stay without one; a date that is there must be whole.
    const { kind, since, strength, note } = details;
    if (since !== '' && !isIsoDate(since)) {
      setProblems({ atField: { since: t.missingDate }, general: null });
      return;
    }
    const outcome = await updateLink({
      input: {
        id: link.id,
        kind,
        since: since === '' ? null : since,
        strength: parseStrength(strength),
        note: emptyToNull(note),
        // What the public report says stays marked as such; everything else is the coordinator's own knowledge.
        source: link.source === 'REPORT' ? 'REPORT' : 'USER',
      },
    });
    if (outcome.ok) onDone(t.linkUpdated(label));
    else setProblems(problemsFor(outcome.problem, UPDATE_FIELDS));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="wijk-edit-subject">{label}</p>
      <ProblemSummary problems={problems} ids={ids} />
      <LinkDetailFields ids={ids} value={details} onChange={setDetails} problems={problems.atField} />
      <DialogButtons busy={busy} submit={t.save} icon={<CheckIcon />} onCancel={onCancel} />
    </form>
  );
}
