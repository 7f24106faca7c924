import { useId, useState, type SyntheticEvent } from 'react';
import { CheckboxField, DateField, DialogButtons, TextAreaField, TextField } from '../../components/form';
import { PlusIcon } from '../../components/icons';
import { WijkEditRecordKeyFigureDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import type { WijkEditField } from './edit-problem';
import { NO_PROBLEMS, ProblemSummary, problemsFor, useWijkMutation, type Problems } from './fields';
import { DESCRIPTION_MAX, emptyToNull, isIsoDate, KEY_FIGURE_NAME_MAX, todayIso } from './wijk-edit-model';

const t = nl.wijkEdit;
const FIELDS: readonly WijkEditField[] = ['name', 'description', 'consent', 'consentDate'];

interface RecordKeyFigureFormProps {
  readonly districtId: string;
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/**
 * "Sleutelfiguur toevoegen": name, a short description, and their consent with its date. The API
 * refuses a key figure without consent (CONSENT_REQUIRED); the form sends it anyway, so the one
 * rule lives in one place and its answer shows at the checkbox.
 */
export function RecordKeyFigureForm({ districtId, onCancel, onDone }: RecordKeyFigureFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [consent, setConsent] = useState(false);
  const [consentDate, setConsentDate] = useState(todayIso);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, recordKeyFigure] = useWijkMutation(WijkEditRecordKeyFigureDocument);
  const ids = { name: `${id}-name`, description: `${id}-description`, consent: `${id}-consent`, consentDate: `${id}-date` };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const atField: Problems['atField'] = {};
    if (name.trim() === '') atField.name = t.missingName;
    if (!isIsoDate(consentDate)) atField.consentDate = t.missingDate;
    setProblems({ atField, general: null });
    if (Object.keys(atField).length > 0) return;
    const outcome = await recordKeyFigure({
      input: { districtId, name: name.trim(), description: emptyToNull(description), consent, consentDate },
    });
    if (outcome.ok) onDone(t.keyFigureAdded(outcome.data.recordKeyFigure.keyFigure.name));
    else setProblems(problemsFor(outcome.problem, FIELDS));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemSummary problems={problems} ids={ids} />
      <TextField
        id={ids.name}
        label={t.keyFigureName}
        hint={t.keyFigureNameHint}
        problem={problems.atField.name}
        value={name}
        maxLength={KEY_FIGURE_NAME_MAX}
        autoComplete="off"
        autoFocus
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        id={ids.description}
        label={t.description}
        hint={t.descriptionHint}
        problem={problems.atField.description}
        value={description}
        maxLength={DESCRIPTION_MAX}
        onChange={(e) => setDescription(e.target.value)}
      />
      <CheckboxField
        id={ids.consent}
        label={t.consent}
        hint={t.consentHint}
        problem={problems.atField.consent}
        checked={consent}
        onChange={setConsent}
      />
      <DateField
        id={ids.consentDate}
        label={t.consentDate}
        problem={problems.atField.consentDate}
        value={consentDate}
        onChange={setConsentDate}
      />
      <DialogButtons busy={busy} submit={t.submitKeyFigure} icon={<PlusIcon />} onCancel={onCancel} />
    </form>
  );
}
