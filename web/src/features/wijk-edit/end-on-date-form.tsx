import { useId, useState, type SyntheticEvent } from 'react';
import { DateField, DialogButtons } from '../../components/form';
import { StopIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { NO_PROBLEMS, ProblemSummary, problemsFor, type MutationOutcome, type Problems } from './fields';
import { isIsoDate, todayIso } from './wijk-edit-model';

interface EndOnDateFormProps {
  /** What ends, in words, above the form. */
  readonly subject: string;
  /** A line of explanation under the subject, if any. */
  readonly text?: string | undefined;
  readonly label: string;
  readonly hint: string;
  readonly submit: string;
  readonly busy: boolean;
  /** Sends the end date (a run of useWijkMutation). */
  readonly end: (until: string) => Promise<MutationOutcome<unknown>>;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}

/** A link, offering or membership stops on a date (today by default); what stopped stays on record. */
export function EndOnDateForm({ subject, text, label, hint, submit, busy, end, onCancel, onDone }: EndOnDateFormProps) {
  const id = useId();
  const [until, setUntil] = useState(todayIso);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!isIsoDate(until)) {
      setProblems({ atField: { until: nl.wijkEdit.missingDate }, general: null });
      return;
    }
    const outcome = await end(until);
    if (outcome.ok) onDone();
    else setProblems(problemsFor(outcome.problem, ['until']));
  };

  return (
    <form onSubmit={(e) => void send(e)} noValidate>
      <p className="wijk-edit-subject">{subject}</p>
      {text ? <p>{text}</p> : null}
      <ProblemSummary problems={problems} ids={{ until: `${id}-until` }} />
      <DateField
        id={`${id}-until`}
        label={label}
        hint={hint}
        problem={problems.atField.until}
        value={until}
        onChange={setUntil}
        autoFocus
      />
      <DialogButtons busy={busy} submit={submit} icon={<StopIcon />} danger onCancel={onCancel} />
    </form>
  );
}
