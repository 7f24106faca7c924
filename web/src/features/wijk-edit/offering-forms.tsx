import { useId, useState, type SyntheticEvent } from 'react';
import { DialogButtons, SelectField, TextField } from '../../components/form';
import { CheckIcon, PlusIcon } from '../../components/icons';
import { WijkEditEndOfferingDocument, WijkEditRecordOfferingDocument, WijkEditUpdateOfferingDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import type { WijkEditField } from './edit-problem';
import { EndOnDateForm } from './end-on-date-form';
import { ChoiceField, NO_PROBLEMS, ProblemSummary, problemsFor, useWijkMutation, type Problems } from './fields';
import type { OfferingCategory, WijkEditMap } from './types';
import { LANGUAGES, OFFERING_CATEGORIES, OFFERING_NAME_MAX, orderedLanguages } from './wijk-edit-model';

const t = nl.wijkEdit;
const FIELDS: readonly WijkEditField[] = ['organisation', 'category', 'name', 'languages'];

type Offering = WijkEditMap['offerings'][number];

function LanguagesField({
  idPrefix,
  value,
  onChange,
  problem,
}: {
  readonly idPrefix: string;
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly problem: string | undefined;
}) {
  return (
    <fieldset
      className={problem ? 'choices wijk-edit-languages has-problem' : 'choices wijk-edit-languages'}
      id={`${idPrefix}-languages`}
      tabIndex={-1}
    >
      <legend>{t.languages}</legend>
      <p className="field-hint">{t.languagesHint}</p>
      {problem ? <p className="field-problem">{problem}</p> : null}
      <div className="wijk-edit-language-grid">
        {LANGUAGES.map((code) => (
          <div className="checkbox" key={code}>
            <input
              type="checkbox"
              id={`${idPrefix}-language-${code}`}
              checked={value.includes(code)}
              onChange={(e) => onChange(orderedLanguages(e.target.checked ? [...value, code] : value.filter((c) => c !== code)))}
            />
            <label htmlFor={`${idPrefix}-language-${code}`}>{t.languageName[code]}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function CategoryField({
  id,
  value,
  onChange,
  problem,
}: {
  readonly id: string;
  readonly value: OfferingCategory | '';
  readonly onChange: (value: OfferingCategory | '') => void;
  readonly problem: string | undefined;
}) {
  return (
    <SelectField
      id={id}
      label={t.category}
      problem={problem}
      value={value}
      onChange={(e) => onChange(OFFERING_CATEGORIES.find((c) => c === e.target.value) ?? '')}
    >
      <option value="">{t.choose}</option>
      {OFFERING_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t.categoryOption[c]}
        </option>
      ))}
    </SelectField>
  );
}

interface OfferingFormProps {
  readonly districtId: string;
  readonly map: WijkEditMap;
  /** The offering to change; absent: a new one. */
  readonly offering?: Offering | undefined;
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/** "Aanbod toevoegen" and "Aanpassen": organisation (new only), category, name and languages. */
export function OfferingForm({ districtId, map, offering, onCancel, onDone }: OfferingFormProps) {
  const id = useId();
  const [organisationId, setOrganisationId] = useState(offering?.organisationId ?? '');
  const [category, setCategory] = useState<OfferingCategory | ''>(offering?.category ?? '');
  const [name, setName] = useState(offering?.name ?? '');
  const [languages, setLanguages] = useState<string[]>(() => orderedLanguages(offering?.languages ?? []));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [recording, recordOffering] = useWijkMutation(WijkEditRecordOfferingDocument);
  const [updating, updateOffering] = useWijkMutation(WijkEditUpdateOfferingDocument);
  const ids = {
    organisation: `${id}-organisation`,
    category: `${id}-category`,
    name: `${id}-name`,
    languages: `${id}-languages`,
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const atField: Problems['atField'] = {};
    if (!offering && organisationId === '') atField.organisation = t.missingOrganisation;
    if (category === '') atField.category = t.problem.invalid.category;
    if (name.trim() === '') atField.name = t.missingName;
    setProblems({ atField, general: null });
    if (Object.keys(atField).length > 0 || category === '') return;
    if (offering) {
      const outcome = await updateOffering({ input: { id: offering.id, category, name: name.trim(), languages } });
      if (outcome.ok) onDone(t.offeringUpdated(outcome.data.updateOffering.offering.name));
      else setProblems(problemsFor(outcome.problem, FIELDS));
    } else {
      const outcome = await recordOffering({ input: { districtId, organisationId, category, name: name.trim(), languages } });
      if (outcome.ok) onDone(t.offeringAdded(outcome.data.recordOffering.offering.name));
      else setProblems(problemsFor(outcome.problem, FIELDS));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemSummary problems={problems} ids={ids} />
      {offering ? (
        <p className="wijk-edit-subject">{map.organisations.find((o) => o.id === offering.organisationId)?.name}</p>
      ) : (
        <ChoiceField
          id={ids.organisation}
          label={t.offeringOrganisation}
          problem={problems.atField.organisation}
          value={organisationId}
          choices={map.organisations}
          autoFocus
          onChange={(e) => setOrganisationId(e.target.value)}
        />
      )}
      <CategoryField id={ids.category} value={category} onChange={setCategory} problem={problems.atField.category} />
      <TextField
        id={ids.name}
        label={t.offeringName}
        hint={t.offeringNameHint}
        problem={problems.atField.name}
        value={name}
        maxLength={OFFERING_NAME_MAX}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <LanguagesField idPrefix={id} value={languages} onChange={setLanguages} problem={problems.atField.languages} />
      <DialogButtons
        busy={recording || updating}
        submit={offering ? t.save : t.addOffering}
        icon={offering ? <CheckIcon /> : <PlusIcon />}
        onCancel={onCancel}
      />
    </form>
  );
}

interface EndOfferingFormProps {
  readonly offering: Offering;
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/** "Stopt": the offering ends on a date (kept on record). */
export function EndOfferingForm({ offering, onCancel, onDone }: EndOfferingFormProps) {
  const [busy, endOffering] = useWijkMutation(WijkEditEndOfferingDocument);
  return (
    <EndOnDateForm
      subject={offering.name}
      label={t.offeringUntil}
      hint={t.offeringUntilHint}
      submit={t.offeringStops}
      busy={busy}
      end={(until) => endOffering({ input: { id: offering.id, until } })}
      onCancel={onCancel}
      onDone={() => onDone(t.offeringEnded(offering.name))}
    />
  );
}
