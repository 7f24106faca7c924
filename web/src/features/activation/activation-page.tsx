import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { ErrorSummary, TextField, type FormProblem } from '../../components/form';
import { CheckIcon, KeyIcon } from '../../components/icons';
import { ActivateAccountDocument, type LoginResultFragment } from '../../gql/graphql';
import { classifyLoadError, hasErrorCode, invalidField, retryAfterMinutes } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import {
  PasswordField,
  SecondFactorStep,
  ShowPassword,
  UsernameField,
  secondFactorAfter,
  useSecondFactor,
  useStepHeading,
  type SecondFactor,
} from '../login/login-steps';
import { PASSWORD_MAX, PASSWORD_MIN } from '../my-data/password-rules';
import { startPath } from '../session/roles';
import { useResetClient } from '../session/session-context';
import './activation-page.css';

const texts = nl.activation;

/** The query parameter an admin's activation link may carry, so the username is filled in. */
export const USERNAME_PARAM = 'gebruikersnaam';

type Step =
  | { readonly kind: 'code' }
  | SecondFactor
  /** The password is set, but the second factor was not finished in time: log in normally. */
  | { readonly kind: 'signIn' };

const FIELD = {
  username: 'activation-username',
  code: 'activation-code',
  password: 'activation-password',
  repeat: 'activation-repeat',
  totp: 'activation-totp',
} as const;

/** Problems with the first form, all at once, before anything is sent. */
function formProblems(username: string, code: string, password: string, repeat: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (username.trim() === '') problems.push({ fieldId: FIELD.username, message: texts.usernameMissing });
  if (code.trim() === '') problems.push({ fieldId: FIELD.code, message: texts.codeMissing });
  if (password.length < PASSWORD_MIN) problems.push({ fieldId: FIELD.password, message: texts.passwordTooShort });
  else if (password.length > PASSWORD_MAX) problems.push({ fieldId: FIELD.password, message: texts.passwordTooLong });
  else if (repeat !== password) problems.push({ fieldId: FIELD.repeat, message: texts.repeatDiffers });
  return problems;
}

/** What to say when the first step is refused. Codes only, never messages. */
function activationProblem(error: CombinedError): FormProblem {
  if (hasErrorCode(error, 'RATE_LIMITED')) {
    const minutes = retryAfterMinutes(error);
    return { message: minutes === null ? nl.state.rateLimited : nl.state.rateLimitedMinutes(minutes) };
  }
  if (hasErrorCode(error, 'INVALID_CREDENTIALS')) return { fieldId: FIELD.code, message: texts.refused };
  if (hasErrorCode(error, 'INVALID_INPUT')) {
    return invalidField(error) === 'input.password'
      ? { fieldId: FIELD.password, message: texts.passwordTooShort }
      : { fieldId: FIELD.code, message: texts.refused };
  }
  return { message: classifyLoadError(error) === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError };
}

/**
 * /activeren (issue 11): the username and one-time code the beheerder handed over, and a new
 * password; then, for professionals, setting up the app for login codes as at a first login.
 */
export function ActivationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [step, setStep] = useState<Step>({ kind: 'code' });
  const [username, setUsername] = useState(params.get(USERNAME_PARAM) ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [totp, setTotp] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [done, setDone] = useState(false);

  const [activateState, activate] = useMutation(ActivateAccountDocument);
  const secondFactor = useSecondFactor();
  const busy = activateState.fetching || secondFactor.fetching || done;
  const headingRef = useStepHeading(step);

  function advance(payload: LoginResultFragment | undefined) {
    if (!payload) return;
    setProblems([]);
    setTotp('');
    if (payload.status === 'SIGNED_IN') {
      setDone(true);
      resetClient();
      void navigate(payload.viewer ? startPath(payload.viewer) : '/', { replace: true });
      return;
    }
    const next = secondFactorAfter(payload);
    if (next) setStep(next);
  }

  async function submitActivation(event: SyntheticEvent) {
    event.preventDefault();
    const found = formProblems(username, code, password, repeat);
    setProblems(found);
    if (found.length > 0) return;
    const result = await activate({ input: { username: username.trim(), code: code.trim(), password } });
    if (result.error) {
      setProblems([activationProblem(result.error)]);
      return;
    }
    setPassword('');
    setRepeat('');
    advance(result.data?.activateAccount);
  }

  async function submitTotp(event: SyntheticEvent, at: SecondFactor) {
    event.preventDefault();
    const outcome = await secondFactor.send(at.kind, totp);
    if (outcome.kind === 'invalid') {
      setProblems([{ fieldId: FIELD.totp, message: nl.login.codeInvalid }]);
      return;
    }
    if (outcome.kind === 'refused') {
      const problem = outcome.problem;
      if (problem.restart) {
        setProblems([]);
        setStep({ kind: 'signIn' });
        return;
      }
      if (problem.aboutCode) setTotp('');
      setProblems([{ message: problem.message, fieldId: problem.aboutCode ? FIELD.totp : undefined }]);
      return;
    }
    advance(outcome.payload);
  }

  const problemFor = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  if (step.kind === 'signIn') {
    return (
      <div className="page narrow">
        <title>{nl.app.pageTitle(texts.title)}</title>
        <h1 ref={headingRef} tabIndex={-1}>
          <KeyIcon /> {texts.activeTitle}
        </h1>
        <p className="lead">{texts.stepExpired}</p>
        <p>
          <Link className="button" to="/inloggen">
            {texts.toLogin}
          </Link>
        </p>
      </div>
    );
  }

  if (step.kind !== 'code') {
    return (
      <div className="page narrow">
        <title>{nl.app.pageTitle(texts.title)}</title>
        <SecondFactorStep
          title={texts.title}
          headingRef={headingRef}
          step={step}
          notice={
            <p className="success" role="status">
              <CheckIcon /> {texts.passwordSet}
            </p>
          }
          problems={problems}
          fieldId={FIELD.totp}
          code={totp}
          setCode={setTotp}
          busy={busy}
          onSubmit={(e) => void submitTotp(e, step)}
        />
      </div>
    );
  }

  return (
    <div className="page narrow activation-page">
      <title>{nl.app.pageTitle(texts.title)}</title>
      <h1 ref={headingRef} tabIndex={-1}>
        <KeyIcon /> {texts.title}
      </h1>
      <p className="lead">{texts.intro}</p>
      <ErrorSummary problems={problems} />
      <form className="form-panel" noValidate onSubmit={(e) => void submitActivation(e)}>
        <UsernameField
          id={FIELD.username}
          hint={texts.usernameHint}
          problem={problemFor(FIELD.username)}
          value={username}
          setValue={setUsername}
        />
        <TextField
          id={FIELD.code}
          label={texts.code}
          hint={texts.codeHint}
          problem={problemFor(FIELD.code)}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
          className="activation-code-input"
        />
        <PasswordField
          id={FIELD.password}
          label={texts.password}
          hint={nl.myData.newPasswordHint}
          problem={problemFor(FIELD.password)}
          value={password}
          setValue={setPassword}
          shown={showPassword}
          autoComplete="new-password"
        />
        <PasswordField
          id={FIELD.repeat}
          label={texts.repeat}
          problem={problemFor(FIELD.repeat)}
          value={repeat}
          setValue={setRepeat}
          shown={showPassword}
          autoComplete="new-password"
        />
        <ShowPassword id="activation-show-password" shown={showPassword} setShown={setShowPassword} />
        <div className="button-row">
          <Link className="button secondary" to="/inloggen">
            {nl.form.cancel}
          </Link>
          <button type="submit" className="button" disabled={busy}>
            <CheckIcon /> {busy ? nl.form.saving : texts.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
