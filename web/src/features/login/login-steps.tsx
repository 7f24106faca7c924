import { useEffect, useRef, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, TextField, type FormProblem } from '../../components/form';
import { CheckIcon, KeyIcon, RetryIcon } from '../../components/icons';
import { ConfirmTotpSetupDocument, VerifyTotpDocument, type LoginResultFragment } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { loginProblem, type LoginProblem } from './login-errors';
import { CodeField, TotpSetupSteps } from './second-factor';
import { normaliseTotpCode } from './totp-code';
import './login-steps.css';

/** The second step of a login or an activation: typing a code, or setting up the app first. */
export type SecondFactor = { readonly kind: 'totp' } | { readonly kind: 'setup'; readonly secret: string; readonly uri: string };

/** What became of a code typed at the second step. */
export type SecondFactorOutcome =
  /** Not six digits: nothing was sent. */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'refused'; readonly problem: LoginProblem }
  | { readonly kind: 'answered'; readonly payload: LoginResultFragment | undefined };

/**
 * A new step is a new question: move focus to its heading, so screen readers read it from the top.
 * Not at the first step, which the page opens with.
 */
export function useStepHeading(step: unknown): RefObject<HTMLHeadingElement | null> {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);
  return headingRef;
}

/** Sends a code typed at the second step: confirming a new app, or signing in with one. */
export function useSecondFactor() {
  const [confirmState, confirm] = useMutation(ConfirmTotpSetupDocument);
  const [verifyState, verify] = useMutation(VerifyTotpDocument);

  async function send(step: SecondFactor['kind'], code: string): Promise<SecondFactorOutcome> {
    const digits = normaliseTotpCode(code);
    if (digits === null) return { kind: 'invalid' };
    const result = step === 'setup' ? await confirm({ input: { code: digits } }) : await verify({ input: { code: digits } });
    if (result.error) return { kind: 'refused', problem: loginProblem(result.error, step) };
    const data = result.data;
    return {
      kind: 'answered',
      payload:
        data && 'confirmTotpSetup' in data ? data.confirmTotpSetup : data && 'verifyTotp' in data ? data.verifyTotp : undefined,
    };
  }

  return { fetching: confirmState.fetching || verifyState.fetching, send };
}

/** The second step after a payload that did not sign in yet; null when the payload asks for neither. */
export function secondFactorAfter(payload: LoginResultFragment): SecondFactor | null {
  if (payload.status === 'TOTP_REQUIRED') return { kind: 'totp' };
  if (payload.totpSetup) return { kind: 'setup', secret: payload.totpSetup.secret, uri: payload.totpSetup.uri };
  return null;
}

/** The username, as a login or an activation asks for it. */
export function UsernameField({
  id,
  hint,
  problem,
  value,
  setValue,
}: {
  readonly id: string;
  readonly hint?: string;
  readonly problem: string | undefined;
  readonly value: string;
  readonly setValue: (value: string) => void;
}) {
  return (
    <TextField
      id={id}
      label={nl.login.username}
      hint={hint}
      problem={problem}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      autoComplete="username"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
    />
  );
}

/** A password, hidden unless the ShowPassword box is ticked. */
export function PasswordField({
  id,
  label,
  hint,
  problem,
  value,
  setValue,
  shown,
  autoComplete,
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly problem: string | undefined;
  readonly value: string;
  readonly setValue: (value: string) => void;
  readonly shown: boolean;
  readonly autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      problem={problem}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      type={shown ? 'text' : 'password'}
      autoComplete={autoComplete}
    />
  );
}

export function ShowPassword({
  id,
  shown,
  setShown,
}: {
  readonly id: string;
  readonly shown: boolean;
  readonly setShown: (shown: boolean) => void;
}) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
      <label htmlFor={id}>{nl.login.showPassword}</label>
    </div>
  );
}

/**
 * The second step of a login or an activation: its heading, how to set up the app or where to find
 * the code, and the form for the code. Without `onStartAgain` the submit button stands alone.
 */
export function SecondFactorStep({
  title,
  headingRef,
  step,
  notice,
  problems,
  fieldId,
  code,
  setCode,
  busy,
  onSubmit,
  onStartAgain,
}: {
  /** The name of the whole procedure, above the step's own heading. */
  readonly title: string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly step: SecondFactor;
  /** Shown between the heading and the instructions. */
  readonly notice?: ReactNode;
  readonly problems: readonly FormProblem[];
  readonly fieldId: string;
  readonly code: string;
  readonly setCode: (code: string) => void;
  readonly busy: boolean;
  readonly onSubmit: (event: SyntheticEvent) => void;
  readonly onStartAgain?: () => void;
}) {
  const submit = (
    <button type="submit" className="button" disabled={busy}>
      <CheckIcon /> {busy ? nl.form.saving : step.kind === 'setup' ? nl.login.confirmSetup : nl.login.verify}
    </button>
  );
  return (
    <>
      <p className="step-title">{title}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        <KeyIcon /> {step.kind === 'setup' ? nl.login.setupTitle : nl.login.totpTitle}
      </h1>
      {notice}
      {step.kind === 'setup' ? (
        <TotpSetupSteps secret={step.secret} uri={step.uri} />
      ) : (
        <p className="lead">{nl.login.totpIntro}</p>
      )}
      <ErrorSummary problems={problems} />
      <form className="form-panel" noValidate onSubmit={onSubmit}>
        <CodeField id={fieldId} code={code} setCode={setCode} problem={problems.find((p) => p.fieldId === fieldId)?.message} />
        {onStartAgain ? (
          <div className="button-row">
            {submit}
            <button type="button" className="button secondary" onClick={onStartAgain}>
              <RetryIcon /> {nl.login.startAgain}
            </button>
          </div>
        ) : (
          submit
        )}
      </form>
    </>
  );
}
