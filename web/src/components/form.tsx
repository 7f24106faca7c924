import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { nl } from '../messages/nl';
import { CheckIcon, InfoIcon } from './icons';

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

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** The problem with this field, shown under the label and linked with aria-describedby. */
  readonly problem?: string | undefined;
}

/** A labelled input with an optional hint and problem, as GOV.UK-style forms do. */
export function TextField({ id, label, hint, problem, className, ...input }: TextFieldProps) {
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
      <input
        id={id}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
