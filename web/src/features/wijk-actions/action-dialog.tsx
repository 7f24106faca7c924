import { useId, useState, type SyntheticEvent } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { DateField, DialogButtons, ErrorSummary, SelectField, TextField, type FormProblem } from '../../components/form';
import { CheckIcon } from '../../components/icons';
import type { WijkActionStatus } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { ACTION_STATUSES } from './action-logic';

/** The API's limits (graph/src/wijk/schemas.ts). */
export const ACTION_TITLE_MAX = 120;
export const ACTION_OWNER_MAX = 80;

export interface ActionDraft {
  readonly title: string;
  readonly owner: string;
  /** "2026-03-14", or '' for no date. */
  readonly due: string;
  readonly status: WijkActionStatus;
}

interface ActionDialogProps {
  readonly open: boolean;
  readonly mode: 'create' | 'edit';
  readonly initial: ActionDraft;
  /** The signal the action comes from, shown above the form. */
  readonly signalLabel?: string | undefined;
  /** Saves; resolves to a problem to show, or null when it worked (the dialog then closes itself via onClose). */
  readonly onSave: (draft: ActionDraft) => Promise<string | null>;
  readonly onClose: () => void;
}

const dialogText = nl.wijkActions.dialog;

/** Create or edit one action: what, who, by when (and, when editing, its status). */
export function ActionDialog({ open, mode, initial, signalLabel, onSave, onClose }: ActionDialogProps) {
  return (
    <FormDialog
      open={open}
      title={mode === 'create' ? dialogText.newTitle : dialogText.editTitle}
      onClose={onClose}
      className="wijk-action-dialog"
    >
      <ActionForm mode={mode} initial={initial} signalLabel={signalLabel} onSave={onSave} onClose={onClose} />
    </FormDialog>
  );
}

function ActionForm({ mode, initial, signalLabel, onSave, onClose }: Omit<ActionDialogProps, 'open'>) {
  const id = useId();
  const ids = { title: `${id}-title`, owner: `${id}-owner`, due: `${id}-due`, status: `${id}-status` };
  const [draft, setDraft] = useState<ActionDraft>({ ...initial, title: initial.title.slice(0, ACTION_TITLE_MAX) });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const problemOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (draft.title.trim() === '') found.push({ fieldId: ids.title, message: dialogText.titleMissing });
    if (draft.owner.trim() === '') found.push({ fieldId: ids.owner, message: dialogText.ownerMissing });
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    void onSave({ ...draft, title: draft.title.trim(), owner: draft.owner.trim() }).then((problem) => {
      setBusy(false);
      if (problem !== null) setProblems([{ message: problem }]);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      {signalLabel ? <p className="wijk-action-signal">{dialogText.fromSignal(signalLabel)}</p> : null}
      <ErrorSummary problems={problems} />
      <TextField
        id={ids.title}
        label={dialogText.title}
        hint={dialogText.titleHint}
        problem={problemOf(ids.title)}
        value={draft.title}
        maxLength={ACTION_TITLE_MAX}
        required
        autoFocus
        onChange={(e) => setDraft({ ...draft, title: e.target.value })}
      />
      <TextField
        id={ids.owner}
        label={dialogText.owner}
        hint={dialogText.ownerHint}
        problem={problemOf(ids.owner)}
        value={draft.owner}
        maxLength={ACTION_OWNER_MAX}
        required
        autoComplete="off"
        onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
      />
      <DateField id={ids.due} label={dialogText.due} value={draft.due} onChange={(due) => setDraft({ ...draft, due })} />
      {mode === 'edit' ? (
        <SelectField
          id={ids.status}
          label={dialogText.status}
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value as WijkActionStatus })}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {nl.wijkActions.status[status]}
            </option>
          ))}
        </SelectField>
      ) : null}
      <DialogButtons busy={busy} submit={dialogText.save} busyText={dialogText.saving} icon={<CheckIcon />} onCancel={onClose} />
    </form>
  );
}
