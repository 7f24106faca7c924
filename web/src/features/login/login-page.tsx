import { useEffect, useState, type SyntheticEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary, type FormProblem } from '../../components/form';
import { InfoIcon, LoginIcon } from '../../components/icons';
import { LoginDocument, type LoginResultFragment } from '../../gql/graphql';
import { NOTICE_PARAM, RETURN_PARAM, safeReturnPath } from '../../lib/return-path';
import { clearSessionEnded } from '../../lib/session-events';
import { nl } from '../../messages/nl';
import { startPath } from '../session/roles';
import { useResetClient, useViewer } from '../session/session-context';
import { loginProblem, type LoginProblem } from './login-errors';
import {
  PasswordField,
  SecondFactorStep,
  ShowPassword,
  UsernameField,
  secondFactorAfter,
  useSecondFactor,
  useStepHeading,
  type SecondFactor,
} from './login-steps';

type Step = { readonly kind: 'password' } | SecondFactor;

type Notice = 'loggedOut' | 'expired' | 'erased';

/**
 * Why the user is on the login page: after logging out or erasing their data (a full page load,
 * so a query parameter), or because their session ended (history state from the app layout).
 */
function noticeFrom(search: URLSearchParams, state: unknown): Notice | null {
  const param = search.get(NOTICE_PARAM);
  if (param === 'uitgelogd') return 'loggedOut';
  if (param === 'verwijderd') return 'erased';
  if (typeof state === 'object' && state !== null && 'notice' in state && state.notice === 'expired') return 'expired';
  return null;
}

const FIELD = { username: 'login-username', password: 'login-password', code: 'login-code' } as const;

/** /inloggen: username and password, then (for professionals) a TOTP code, or setting one up the first time. */
export function LoginPage() {
  const viewer = useViewer();
  const location = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const returnTo = safeReturnPath(params.get(RETURN_PARAM));
  const notice = noticeFrom(params, location.state);

  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [done, setDone] = useState(false);

  const [loginState, login] = useMutation(LoginDocument);
  const secondFactor = useSecondFactor();
  const busy = loginState.fetching || secondFactor.fetching || done;

  // The reason to be here has been read (noticeFrom); the next session that ends is news again.
  useEffect(() => clearSessionEnded(), []);

  const headingRef = useStepHeading(step);

  if (viewer && !done) return <Navigate to={returnTo ?? startPath(viewer)} replace />;

  function fail(problem: LoginProblem) {
    if (problem.restart) {
      setStep({ kind: 'password' });
      setPassword('');
    }
    if (problem.aboutCode) setCode('');
    setProblems([{ message: problem.message, fieldId: problem.aboutCode ? FIELD.code : undefined }]);
  }

  function advance(payload: LoginResultFragment | undefined) {
    if (!payload) return;
    setProblems([]);
    setCode('');
    if (payload.status === 'SIGNED_IN') {
      setDone(true);
      // A fresh client: nothing cached from before the login, and `viewer` is asked again.
      resetClient();
      void navigate(returnTo ?? (payload.viewer ? startPath(payload.viewer) : '/'), { replace: true });
      return;
    }
    const next = secondFactorAfter(payload);
    if (next) setStep(next);
  }

  async function submitPassword(event: SyntheticEvent) {
    event.preventDefault();
    const missing: FormProblem[] = [];
    if (username.trim() === '') missing.push({ fieldId: FIELD.username, message: nl.login.usernameMissing });
    if (password === '') missing.push({ fieldId: FIELD.password, message: nl.login.passwordMissing });
    setProblems(missing);
    if (missing.length > 0) return;
    const result = await login({ input: { username: username.trim(), password } });
    if (result.error) fail(loginProblem(result.error, 'password'));
    else advance(result.data?.login);
  }

  async function submitCode(event: SyntheticEvent, at: SecondFactor) {
    event.preventDefault();
    const outcome = await secondFactor.send(at.kind, code);
    if (outcome.kind === 'invalid') setProblems([{ fieldId: FIELD.code, message: nl.login.codeInvalid }]);
    else if (outcome.kind === 'refused') fail(outcome.problem);
    else advance(outcome.payload);
  }

  function startAgain() {
    setProblems([]);
    setPassword('');
    setCode('');
    setStep({ kind: 'password' });
  }

  const problemFor = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  return (
    <div className="page narrow">
      <title>{nl.app.pageTitle(nl.login.title)}</title>
      {step.kind === 'password' ? (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            <LoginIcon /> {nl.login.title}
          </h1>
          {notice && problems.length === 0 ? (
            <p className="notice calm" role="status">
              <InfoIcon /> {nl.login[notice]}
            </p>
          ) : null}
          <p className="lead">{nl.login.intro}</p>
          <ErrorSummary problems={problems} />
          <form className="form-panel" noValidate onSubmit={(e) => void submitPassword(e)}>
            <UsernameField id={FIELD.username} problem={problemFor(FIELD.username)} value={username} setValue={setUsername} />
            <PasswordField
              id={FIELD.password}
              label={nl.login.password}
              problem={problemFor(FIELD.password)}
              value={password}
              setValue={setPassword}
              shown={showPassword}
              autoComplete="current-password"
            />
            <ShowPassword id="login-show-password" shown={showPassword} setShown={setShowPassword} />
            <button type="submit" className="button" disabled={busy}>
              <LoginIcon /> {busy ? nl.form.saving : nl.login.submit}
            </button>
          </form>
        </>
      ) : (
        <SecondFactorStep
          title={nl.login.title}
          headingRef={headingRef}
          step={step}
          problems={problems}
          fieldId={FIELD.code}
          code={code}
          setCode={setCode}
          busy={busy}
          onSubmit={(e) => void submitCode(e, step)}
          onStartAgain={startAgain}
        />
      )}
    </div>
  );
}
