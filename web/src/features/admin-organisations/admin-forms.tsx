import { useId, useState, type SyntheticEvent } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { DateField, DialogButtons, ErrorSummary, type FormProblem } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { StopIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { isIsoDate, todayIso } from '../wijk/dates';
import { adminProblem, type AdminProblem, type FormKind } from './model';

const t = nl.adminOrganisations;

export type Outcome<Data> = { readonly ok: true; readonly data: Data } | { readonly ok: false; readonly problem: AdminProblem };

/** A mutation of this page that answers with its data or with what went wrong, in words. */
export function useAdminMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  form: FormKind,
): [boolean, (variables: Variables) => Promise<Outcome<Data>>] {
  const [state, execute] = useMutation(document);
  const run = async (variables: Variables): Promise<Outcome<Data>> => {
    const result = await execute(variables);
    if (result.error || !result.data)
      return {
        ok: false,
        problem: result.error ? adminProblem(result.error, form) : { field: null, message: t.problem.other },
      };
    return { ok: true, data: result.data };
  };
  return [state.fetching, run];
}

/** The problems of a form for its error summary: each on its input (`ids` maps a field to an input id). */
export function summaryOf(problems: readonly AdminProblem[], ids: Readonly<Record<string, string>>): FormProblem[] {
  return problems.map((p) => ({ fieldId: p.field ? ids[p.field] : undefined, message: p.message }));
}

export function problemAt(problems: readonly AdminProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}

interface EndDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly text: string;
  readonly hint?: string;
  readonly busy: boolean;
  readonly end: (until: string) => Promise<Outcome<unknown>>;
  readonly onCancel: () => void;
  readonly onDone: (until: string) => void;
}

/**
 * "Stoppen?" with the date it stops (today by default): the confirmation before something ends.
 * Annuleren comes first; the red button says what happens.
 */
export function EndDialog({ open, title, text, hint = t.endDateHint, busy, end, onCancel, onDone }: EndDialogProps) {
  return (
    <FormDialog open={open} title={title} onClose={onCancel}>
      <EndForm text={text} hint={hint} busy={busy} end={end} onCancel={onCancel} onDone={onDone} />
    </FormDialog>
  );
}

function EndForm({
  text,
  hint,
  busy,
  end,
  onCancel,
  onDone,
}: Omit<EndDialogProps, 'open' | 'title'> & { readonly hint: string }) {
  const id = useId();
  const [until, setUntil] = useState(todayIso);
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!isIsoDate(until)) {
      setProblems([{ field: 'until', message: t.problem.dateMissing }]);
      return;
    }
    const outcome = await end(until);
    if (outcome.ok) onDone(until);
    else setProblems([outcome.problem]);
  };
  return (
    <form noValidate onSubmit={(e) => void send(e)}>
      <p>{text}</p>
      <ErrorSummary problems={summaryOf(problems, { until: `${id}-until` })} />
      <DateField
        id={`${id}-until`}
        label={t.endDate}
        hint={hint}
        problem={problemAt(problems, 'until')}
        value={until}
        onChange={setUntil}
      />
      <DialogButtons busy={busy} submit={t.endConfirm} icon={<StopIcon />} danger onCancel={onCancel} />
    </form>
  );
}
