import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { ErrorSummary, TextField, type FormProblem } from '../../components/form';
import { nl } from '../../messages/nl';
import { placeProblem, wijkEditProblem, type WijkEditField, type WijkEditProblem } from './edit-problem';

/** Problems of a wijkkaart form: per field, and one above the form for the rest. */
export interface Problems {
  readonly atField: Partial<Record<WijkEditField, string>>;
  readonly general: string | null;
}

export const NO_PROBLEMS: Problems = { atField: {}, general: null };

export function hasProblems(problems: Problems): boolean {
  return problems.general !== null || Object.keys(problems.atField).length > 0;
}

/** The summary above a form: every problem, linked to its field (`ids` says which input that is). */
export function ProblemSummary({
  problems,
  ids,
}: {
  readonly problems: Problems;
  readonly ids: Partial<Record<WijkEditField, string>>;
}) {
  const list: FormProblem[] = [
    ...(problems.general ? [{ message: problems.general }] : []),
    ...(Object.entries(problems.atField) as [WijkEditField, string][]).map(([field, message]) => ({
      fieldId: ids[field],
      message,
    })),
  ];
  return <ErrorSummary problems={list} />;
}

export type MutationOutcome<Data> =
  { readonly ok: true; readonly data: Data } | { readonly ok: false; readonly problem: WijkEditProblem };

/**
 * A mutation that answers with its data, or with what went wrong in words (see edit-problem.ts).
 * The request policy is left to urql: the page asks for the map again through onChanged.
 */
export function useWijkMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): [boolean, (variables: Variables) => Promise<MutationOutcome<Data>>] {
  const [state, execute] = useMutation(document);
  const run = async (variables: Variables): Promise<MutationOutcome<Data>> => {
    const result = await execute(variables);
    if (result.error || !result.data) {
      return {
        ok: false,
        problem: result.error ? wijkEditProblem(result.error) : { field: null, message: nl.wijkEdit.problem.other },
      };
    }
    return { ok: true, data: result.data };
  };
  return [state.fetching, run];
}

/** The problem of a refused change placed on this form's fields. */
export function problemsFor(problem: WijkEditProblem, fields: readonly WijkEditField[]): Problems {
  return placeProblem(problem, fields);
}

interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
  readonly children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and problem above an input, as TextField does, for selects and text areas. */
function FieldFrame({ id, label, hint, problem, children }: FieldFrameProps) {
  const hintId = useId();
  const problemId = useId();
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problem ? 'field has-problem' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" id={problemId}>
          {problem}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
}

export function SelectField({ id, label, hint, problem, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      {(describedBy) => (
        <select id={id} className="input" aria-invalid={problem ? true : undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
}

export function TextAreaField({ id, label, hint, problem, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      {(describedBy) => (
        <textarea
          id={id}
          className="input"
          rows={3}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

interface DateFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
}

export function DateField({ id, label, hint, problem, value, onChange, autoFocus }: DateFieldProps) {
  return (
    <TextField
      id={id}
      type="date"
      className="date-input"
      label={label}
      hint={hint}
      problem={problem}
      value={value}
      autoFocus={autoFocus}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

interface CheckboxFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** A checkbox with its own hint and problem (the problem sits right above the box). */
export function CheckboxField({ id, label, hint, problem, checked, onChange }: CheckboxFieldProps) {
  const hintId = useId();
  const problemId = useId();
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problem ? 'field has-problem' : 'field'}>
      {problem ? (
        <p className="field-problem" id={problemId}>
          {problem}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function DialogButtons({
  busy,
  submit,
  icon,
  danger = false,
  onCancel,
}: {
  readonly busy: boolean;
  readonly submit: string;
  readonly icon: ReactNode;
  readonly danger?: boolean;
  readonly onCancel: () => void;
}) {
  return (
    <div className="button-row">
      <button type="button" className="button secondary" onClick={onCancel}>
        {nl.form.cancel}
      </button>
      <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
        {icon} {busy ? nl.form.saving : submit}
      </button>
    </div>
  );
}
