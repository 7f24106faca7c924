/** The fields the add and edit forms share: place on the circle, the words about someone, and the buttons. */
import type { ReactNode } from 'react';
import { TextField, type FormProblem } from '../../components/form';
import { type CircleLayoutFieldsFragment, type ContactFrequency, type SupportKind, type Wish } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { containsContactDetails } from './contact-details';
import type { EntryContent } from './edit-history';
import type { FormField } from './edit-problem';
import type { ActionResult } from './use-circle-editor';

const SUPPORT_KINDS: readonly SupportKind[] = ['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET'];
const WISHES: readonly Wish[] = ['MORE_CONTACT', 'LESS_CONTACT', 'NEW_CONTACT'];
const FREQUENCY_LABEL: Readonly<Record<ContactFrequency, string>> = nl.editor.frequencyOption;
const FREQUENCIES = Object.keys(FREQUENCY_LABEL) as ContactFrequency[];

/** The API's limits (graph/src/circle/schemas.ts); the fields stop typing there. */
const NAME_MAX = 40;
const RELATION_MAX = 40;
const NOTE_MAX = 280;

export type Problems = Partial<Record<FormField, string>>;

export function emptyToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The problem at a field, in words, from what the API said (none when it went well). */
export function apiProblem(result: ActionResult): Problems | null {
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
export function textProblems(texts: Partial<Record<FormField, string>>): Problems {
  const problems: Problems = {};
  for (const [field, text] of Object.entries(texts) as [FormField, string][]) {
    if (containsContactDetails(text)) problems[field] = nl.editor.contactDetails;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

interface PlaceFieldsProps {
  readonly idPrefix: string;
  readonly layout: CircleLayoutFieldsFragment;
  readonly ring: number;
  readonly sector: string;
  readonly onRing: (ring: number) => void;
  readonly onSector: (sector: string) => void;
}

export function PlaceFields({ idPrefix, layout, ring, sector, onRing, onSector }: PlaceFieldsProps) {
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

export interface ContentState {
  readonly support: readonly SupportKind[];
  readonly frequency: ContactFrequency | '';
  readonly wish: Wish | '';
  readonly note: string;
}

/** Support, contact, wish and note: the same in the add and the edit form. */
export function ContentFields({ idPrefix, value, onChange, noteProblem }: ContentFieldsProps) {
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

export function contentOf(state: ContentState): EntryContent & { note: string | null } {
  return {
    relation: null,
    support: SUPPORT_KINDS.filter((k) => state.support.includes(k)),
    frequency: state.frequency === '' ? null : state.frequency,
    wish: state.wish === '' ? null : state.wish,
    note: emptyToNull(state.note),
  };
}

export function summary(problems: Problems, ids: Record<FormField, string>): FormProblem[] {
  return (Object.entries(problems) as [FormField, string][]).map(([field, message]) => ({ fieldId: ids[field], message }));
}

export function Buttons({
  busy,
  submit,
  icon,
  onCancel,
}: {
  busy: boolean;
  submit: string;
  icon: ReactNode;
  onCancel: () => void;
}) {
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
export function EntryTextField({ field, id, value, problem, autoFocus, onChange }: EntryTextFieldProps) {
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
export function fieldIds(id: string, organisation: string): Record<FormField, string> {
  return {
    name: `${id}-name`,
    relation: `${id}-relation`,
    note: `${id}-note`,
    organisation,
    ring: `${id}-ring`,
    sector: `${id}-sector`,
  };
}
