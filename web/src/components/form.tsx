import {
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { nl } from '../messages/nl';
import { CheckIcon, InfoIcon } from './icons';
import './form.css';

export interface FormProblem {
  /** The id of the input the problem is about; the summary links to it. */
  readonly fieldId?: string | undefined;
  readonly message: string;
}

/**
 * The problems of a form, above it, announced (role="alert") and focused when they appear, with a
 * link to each field. Renders nothing without problems.
 */
export function ErrorSummary({
  problems,
  title = nl.form.errorTitle,
}: {
  readonly problems: readonly FormProblem[];
  readonly title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = problems.map((p) => `${p.fieldId ?? ''}:${p.message}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary-title">
        <InfoIcon /> {title}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.fieldId ?? ''}:${p.message}`}>
            {p.fieldId ? (
              <a
                href={`#${p.fieldId}`}
                onClick={(event) => {
                  // Focus the field itself; following the link would only scroll to it.
                  event.preventDefault();
                  document.getElementById(p.fieldId ?? '')?.focus();
                }}
              >
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A calm confirmation that something worked, read out by screen readers. */
export function SuccessMessage({ children }: { readonly children: ReactNode }) {
  return (
    <p className="success" role="status">
      <CheckIcon /> {children}
    </p>
  );
}

interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly problem?: string | undefined;
  readonly children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and problem above an input, as GOV.UK-style forms do; the input gets `describedBy`. */
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

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** The problem with this field, shown under the label and linked with aria-describedby. */
  readonly problem?: string | undefined;
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>, FieldProps {}

/** A labelled input with an optional hint and problem, as GOV.UK-style forms do. */
export function TextField({ id, label, hint, problem, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      {(describedBy) => (
        <input
          id={id}
          className={className ? `input ${className}` : 'input'}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>, FieldProps {}

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

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>, FieldProps {}

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

interface DateFieldProps extends FieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
}

/** A date input ("2026-03-14") that hands its value on. */
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

interface CheckboxFieldProps extends FieldProps {
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

/** Cancel and submit under a form in a dialog; the submit button is off and says so while busy. */
export function DialogButtons({
  busy,
  submit,
  icon,
  danger = false,
  busyText = nl.form.saving,
  onCancel,
}: {
  readonly busy: boolean;
  readonly submit: string;
  readonly icon: ReactNode;
  readonly danger?: boolean;
  /** What the submit button says while busy. */
  readonly busyText?: string;
  readonly onCancel: () => void;
}) {
  return (
    <div className="button-row">
      <button type="button" className="button secondary" onClick={onCancel}>
        {nl.form.cancel}
      </button>
      <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
        {icon} {busy ? busyText : submit}
      </button>
    </div>
  );
}
