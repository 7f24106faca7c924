import { useId, useState, type ReactNode } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { DateField, DialogButtons, ErrorSummary, SelectField, type FormProblem } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CheckIcon, StopIcon } from '../../components/icons';
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
  const send = async () => {
    if (!isIsoDate(until)) {
      setProblems([{ field: 'until', message: t.problem.dateMissing }]);
      return;
    }
    const outcome = await end(until);
    if (outcome.ok) onDone(until);
    else setProblems([outcome.problem]);
  };
  return (
    <AdminForm problems={problems} ids={{ until: `${id}-until` }} onSubmit={send} intro={<p>{text}</p>}>
      <DateField
        id={`${id}-until`}
        label={t.endDate}
        hint={hint}
        problem={problemAt(problems, 'until')}
        value={until}
        onChange={setUntil}
      />
      <DialogButtons busy={busy} submit={t.endConfirm} icon={<StopIcon />} danger onCancel={onCancel} />
    </AdminForm>
  );
}

interface ChoiceSelectProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly problem: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The first option, with the value '' (nothing chosen yet, or none). */
  readonly empty: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** A select with an empty first option and then the choices. */
export function ChoiceSelect({ empty, options, onChange, ...field }: ChoiceSelectProps) {
  return (
    <SelectField {...field} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/** Choices of a district list as options: `{ id, name }` to `{ value, label }`. */
export function districtOptions(districts: readonly { readonly id: string; readonly name: string }[]) {
  return districts.map((d) => ({ value: d.id, label: d.name }));
}

interface CheckboxGridProps {
  /** The fieldset's id; each checkbox's id is this with its value appended. */
  readonly id: string;
  readonly className: string;
  readonly legend: string;
  readonly hint: string;
  readonly problem?: string | undefined;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: readonly string[]) => void;
}

/** Several checkboxes in a grid, any number of them chosen. */
export function CheckboxGrid({ id, className, legend, hint, problem, options, chosen, onChange }: CheckboxGridProps) {
  return (
    <fieldset className={`choices ${className}`} id={id} tabIndex={-1}>
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {problem ? <p className="field-problem">{problem}</p> : null}
      <div className="admin-org-district-grid">
        {options.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

interface AdminFormProps {
  readonly problems: readonly AdminProblem[];
  /** Maps a field to its input's id, so the error summary links to it. */
  readonly ids: Readonly<Record<string, string>>;
  readonly onSubmit: () => Promise<void> | void;
  /** Above the error summary. */
  readonly intro?: ReactNode;
  readonly children: ReactNode;
}

/** A form of this page: checked here, not by the browser, with its problems summarised on top. */
export function AdminForm({ problems, ids, onSubmit, intro, children }: AdminFormProps) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {intro}
      <ErrorSummary problems={summaryOf(problems, ids)} />
      {children}
    </form>
  );
}

/** The problems whose check failed, in the form's order: `[failed, field, message]`. */
export function missingOf(...checks: readonly (readonly [boolean, string, string])[]): AdminProblem[] {
  return checks.filter(([failed]) => failed).map(([, field, message]) => ({ field, message }));
}

/** Annuleren and the button that saves the form, with a check mark. */
export function SaveButtons({
  busy,
  submit,
  onCancel,
}: {
  readonly busy: boolean;
  readonly submit: string;
  readonly onCancel: () => void;
}) {
  return <DialogButtons busy={busy} submit={submit} icon={<CheckIcon />} onCancel={onCancel} />;
}
