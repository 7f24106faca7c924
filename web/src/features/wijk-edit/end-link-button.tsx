import { useId, useState, type SyntheticEvent } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { StopIcon } from '../../components/icons';
import { WijkEditEndLinkDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { announce } from './announce';
import { DateField, DialogButtons, NO_PROBLEMS, ProblemSummary, problemsFor, useWijkMutation, type Problems } from './fields';
import { isIsoDate, todayIso } from './wijk-edit-model';
import './wijk-edit.css';

const t = nl.wijkEdit;

interface EndLinkButtonProps {
  readonly linkId: string;
  /** The link in words, e.g. "Buurtteam – Huisarts": read out with the button and shown in the dialog. */
  readonly label: string;
  readonly onChanged: () => void;
  /** Where to say it worked; by default a polite announcement for screen readers. */
  readonly onDone?: (message: string) => void;
}

/** "Beëindigen": a small dialog with the date the link stops (today by default) → endLink. */
export function EndLinkButton({ linkId, label, onChanged, onDone }: EndLinkButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        aria-label={`${t.endLink}: ${label}`}
        type="button"
        className="button secondary small"
        onClick={() => setOpen(true)}
      >
        <StopIcon /> {t.endLink}
      </button>
      <FormDialog open={open} title={t.endLinkTitle} onClose={() => setOpen(false)} className="wijk-edit-dialog">
        <EndLinkForm
          linkId={linkId}
          label={label}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            (onDone ?? announce)(t.linkEnded(label));
            onChanged();
          }}
        />
      </FormDialog>
    </>
  );
}

function EndLinkForm({
  linkId,
  label,
  onCancel,
  onDone,
}: {
  readonly linkId: string;
  readonly label: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const id = useId();
  const [until, setUntil] = useState(todayIso);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, endLink] = useWijkMutation(WijkEditEndLinkDocument);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!isIsoDate(until)) {
      setProblems({ atField: { until: t.missingDate }, general: null });
      return;
    }
    const outcome = await endLink({ input: { id: linkId, until } });
    if (outcome.ok) onDone();
    else setProblems(problemsFor(outcome.problem, ['until']));
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="wijk-edit-subject">{label}</p>
      <p>{t.endLinkText}</p>
      <ProblemSummary problems={problems} ids={{ until: `${id}-until` }} />
      <DateField
        id={`${id}-until`}
        label={t.endDate}
        hint={t.endDateHint}
        problem={problems.atField.until}
        value={until}
        onChange={setUntil}
        autoFocus
      />
      <DialogButtons busy={busy} submit={t.endLink} icon={<StopIcon />} danger onCancel={onCancel} />
    </form>
  );
}
