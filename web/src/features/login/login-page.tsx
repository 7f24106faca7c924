import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { ErrorSummary, TextField, type FormProblem } from '../../components/form';
import { CheckIcon, InfoIcon, KeyIcon, LoginIcon, RetryIcon } from '../../components/icons';
import { ConfirmTotpSetupDocument, LoginDocument, VerifyTotpDocument, type LoginResultFragment } from '../../gql/graphql';
import { NOTICE_PARAM, RETURN_PARAM, safeReturnPath } from '../../lib/return-path';
import { clearSessionEnded } from '../../lib/session-events';
import { nl } from '../../messages/nl';
import { startPath } from '../session/roles';
import { useResetClient, useViewer } from '../session/session-context';
import { loginProblem, type LoginStepKind } from './login-errors';
import { CodeField, TotpSetupSteps } from './second-factor';
import { normaliseTotpCode } from './totp-code';

type Step =
  | { readonly kind: 'password' }
  | { readonly kind: 'totp' }
  | { readonly kind: 'setup'; readonly secret: string; readonly uri: string };

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
  const [verifyState, verify] = useMutation(VerifyTotpDocument);
  const [confirmState, confirm] = useMutation(ConfirmTotpSetupDocument);
  const busy = loginState.fetching || verifyState.fetching || confirmState.fetching || done;

  // The reason to be here has been read (noticeFrom); the next session that ends is news again.
  useEffect(() => clearSessionEnded(), []);

  // A new step is a new question: move focus to its heading, so screen readers read it from the top.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (viewer && !done) return <Navigate to={returnTo ?? startPath(viewer)} replace />;

  function fail(error: CombinedError, at: LoginStepKind) {
    const problem = loginProblem(error, at);
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
    } else if (payload.status === 'TOTP_REQUIRED') {
      setStep({ kind: 'totp' });
    } else if (payload.totpSetup) {
      setStep({ kind: 'setup', secret: payload.totpSetup.secret, uri: payload.totpSetup.uri });
    }
  }

  async function submitPassword(event: SyntheticEvent) {
    event.preventDefault();
    const missing: FormProblem[] = [];
    if (username.trim() === '') missing.push({ fieldId: FIELD.username, message: nl.login.usernameMissing });
    if (password === '') missing.push({ fieldId: FIELD.password, message: nl.login.passwordMissing });
    setProblems(missing);
    if (missing.length > 0) return;
    const result = await login({ input: { username: username.trim(), password } });
    if (result.error) fail(result.error, 'password');
    else advance(result.data?.login);
  }

  async function submitCode(event: SyntheticEvent) {
    event.preventDefault();
    const digits = normaliseTotpCode(code);
    if (digits === null) {
      setProblems([{ fieldId: FIELD.code, message: nl.login.codeInvalid }]);
      return;
    }
    if (step.kind === 'setup') {
      const result = await confirm({ input: { code: digits } });
      if (result.error) fail(result.error, 'setup');
      else advance(result.data?.confirmTotpSetup);
    } else {
      const result = await verify({ input: { code: digits } });
      if (result.error) fail(result.error, 'totp');
      else advance(result.data?.verifyTotp);
    }
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
            <TextField
              id={FIELD.username}
              label={nl.login.username}
              problem={problemFor(FIELD.username)}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
            />
            <TextField
              id={FIELD.password}
              label={nl.login.password}
              problem={problemFor(FIELD.password)}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
            />
            <div className="checkbox">
              <input
                id="login-show-password"
                type="checkbox"
                checked={showPassword}
                onChange={(e) => setShowPassword(e.target.checked)}
              />
              <label htmlFor="login-show-password">{nl.login.showPassword}</label>
            </div>
            <button type="submit" className="button" disabled={busy}>
              <LoginIcon /> {busy ? nl.form.saving : nl.login.submit}
            </button>
          </form>
        </>
      ) : (
        <>
          <p className="step-title">{nl.login.title}</p>
          <h1 ref={headingRef} tabIndex={-1}>
            <KeyIcon /> {step.kind === 'setup' ? nl.login.setupTitle : nl.login.totpTitle}
          </h1>
          {step.kind === 'setup' ? (
            <TotpSetupSteps secret={step.secret} uri={step.uri} />
          ) : (
            <p className="lead">{nl.login.totpIntro}</p>
          )}
          <ErrorSummary problems={problems} />
          <form className="form-panel" noValidate onSubmit={(e) => void submitCode(e)}>
            <CodeField id={FIELD.code} code={code} setCode={setCode} problem={problemFor(FIELD.code)} />
            <div className="button-row">
              <button type="submit" className="button" disabled={busy}>
                <CheckIcon /> {busy ? nl.form.saving : step.kind === 'setup' ? nl.login.confirmSetup : nl.login.verify}
              </button>
              <button type="button" className="button secondary" onClick={startAgain}>
                <RetryIcon /> {nl.login.startAgain}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
