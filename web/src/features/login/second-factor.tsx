import { TextField } from '../../components/form';
import { nl } from '../../messages/nl';
import { groupSecret } from './totp-code';
import './second-factor.css';

/** The six digits from the authenticator app (to sign in, or to confirm a new app). */
export function CodeField({
  id,
  code,
  setCode,
  problem,
}: {
  readonly id: string;
  readonly code: string;
  readonly setCode: (v: string) => void;
  readonly problem: string | undefined;
}) {
  return (
    <TextField
      id={id}
      label={nl.login.code}
      hint={nl.login.codeHint}
      problem={problem}
      value={code}
      onChange={(e) => setCode(e.target.value)}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 -]*"
      maxLength={8}
      className="code-input"
      spellCheck={false}
    />
  );
}

/**
 * How to set up a second factor: the app, the secret to type over, the code to confirm with. Shown
 * at a professional's first login and after activating an account (issue 11).
 */
export function TotpSetupSteps({ secret, uri }: { readonly secret: string; readonly uri: string }) {
  return (
    <>
      <p className="lead">{nl.login.setupIntro}</p>
      <ol className="steps">
        <li>{nl.login.setupStep1}</li>
        <li>
          {nl.login.setupStep2}
          <span className="secret-box">
            <span className="visually-hidden">{nl.login.secretLabel}: </span>
            <code className="secret">{groupSecret(secret)}</code>
          </span>
        </li>
        <li>{nl.login.setupStep3}</li>
      </ol>
      <details className="uri">
        <summary>{nl.login.uriSummary}</summary>
        <p>{nl.login.uriText}</p>
        <code className="uri-text">{uri}</code>
      </details>
    </>
  );
}
