import { useState, type SyntheticEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, SuccessMessage, TextField, type FormProblem } from '../../components/form';
import { DownloadIcon, KeyIcon, TrashIcon, UserIcon } from '../../components/icons';
import { ChangePasswordDocument, EraseMyDataDocument, ExportMyDataDocument } from '../../gql/graphql';
import { saveFile } from '../../lib/download';
import { classifyLoadError, hasErrorCode, invalidField, type LoadErrorLike } from '../../lib/load-error';
import { loginPageAfter } from '../../lib/return-path';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import { PASSWORD_MAX, passwordProblems } from './password-rules';
import './my-data-page.css';

/** A calm sentence for an error these forms do not handle field by field. */
function generalProblem(error: LoadErrorLike): FormProblem {
  const kind = classifyLoadError(error);
  return {
    message: kind === 'UNAVAILABLE' ? nl.state.unavailable : kind === 'FORBIDDEN' ? nl.state.forbidden : nl.state.otherError,
  };
}

function ExportSection() {
  const [state, exportData] = useMutation(ExportMyDataDocument);
  const [saved, setSaved] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);

  async function download() {
    setSaved(null);
    const result = await exportData({});
    if (result.error || !result.data) {
      setProblems(result.error ? [generalProblem(result.error)] : []);
      return;
    }
    setProblems([]);
    saveFile(result.data.exportMyData.fileName, 'application/json', result.data.exportMyData.json);
    setSaved(result.data.exportMyData.fileName);
  }

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">
        <DownloadIcon /> {nl.myData.exportTitle}
      </h2>
      <p>{nl.myData.exportText}</p>
      <ErrorSummary problems={problems} />
      <button type="button" className="button" onClick={() => void download()} disabled={state.fetching}>
        <DownloadIcon /> {state.fetching ? nl.form.saving : nl.myData.exportButton}
      </button>
      {saved ? <SuccessMessage>{nl.myData.exported}</SuccessMessage> : null}
    </section>
  );
}

const PW = { current: 'password-current', next: 'password-new', repeat: 'password-repeat' } as const;

function PasswordSection() {
  const [state, changePassword] = useMutation(ChangePasswordDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [changed, setChanged] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setChanged(false);
    const found = passwordProblems({ current, next, repeat }).map(({ field, problem }) => ({
      fieldId: PW[field],
      message: nl.myData.passwordProblem[problem],
    }));
    setProblems(found);
    if (found.length > 0) return;
    const result = await changePassword({ input: { currentPassword: current, newPassword: next } });
    if (result.error) {
      if (hasErrorCode(result.error, 'INVALID_CREDENTIALS'))
        setProblems([{ fieldId: PW.current, message: nl.myData.currentWrong }]);
      else if (invalidField(result.error) === 'input.newPassword')
        setProblems([{ fieldId: PW.next, message: nl.myData.newPasswordInvalid }]);
      else setProblems([generalProblem(result.error)]);
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setChanged(true);
  }

  const problemFor = (id: string) => problems.find((p) => p.fieldId === id)?.message;
  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">
        <KeyIcon /> {nl.myData.passwordTitle}
      </h2>
      <ErrorSummary problems={problems} />
      {changed ? <SuccessMessage>{nl.myData.passwordChanged}</SuccessMessage> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id={PW.current}
          label={nl.myData.currentPassword}
          problem={problemFor(PW.current)}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          id={PW.next}
          label={nl.myData.newPassword}
          hint={nl.myData.newPasswordHint}
          problem={problemFor(PW.next)}
          type="password"
          autoComplete="new-password"
          // A little room above the limit, so a too-long password gets our message instead of being cut off silently.
          maxLength={PASSWORD_MAX * 2}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <TextField
          id={PW.repeat}
          label={nl.myData.repeatPassword}
          problem={problemFor(PW.repeat)}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <button type="submit" className="button" disabled={state.fetching}>
          <KeyIcon /> {state.fetching ? nl.form.saving : nl.myData.passwordButton}
        </button>
      </form>
    </section>
  );
}

function EraseSection() {
  const [state, erase] = useMutation(EraseMyDataDocument);
  const [word, setWord] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (word.trim() !== nl.myData.eraseWord) {
      setProblems([{ fieldId: 'erase-confirm', message: nl.myData.eraseConfirmWrong }]);
      return;
    }
    setProblems([]);
    const result = await erase({ input: { confirmation: word.trim() } });
    if (result.error || !result.data?.eraseMyData.ok) {
      setProblems(
        result.error && invalidField(result.error) === 'input.confirmation'
          ? [{ fieldId: 'erase-confirm', message: nl.myData.eraseConfirmWrong }]
          : [result.error ? generalProblem(result.error) : { message: nl.state.otherError }],
      );
      return;
    }
    // The account is gone and so is the session: forget everything on this device too (a full page load).
    window.location.replace(loginPageAfter('verwijderd'));
  }

  return (
    <section className="panel danger-zone" aria-labelledby="erase-title">
      <h2 id="erase-title">
        <TrashIcon /> {nl.myData.eraseTitle}
      </h2>
      <p>{nl.myData.eraseIntro}</p>
      <p>
        <strong>{nl.myData.eraseWhat}</strong>
      </p>
      <ul>
        {nl.myData.eraseItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{nl.myData.eraseKept}</p>
      <p className="warning">
        <strong>{nl.myData.eraseWarning}</strong>
      </p>
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="erase-confirm"
          label={nl.myData.eraseConfirmLabel}
          problem={problems.find((p) => p.fieldId === 'erase-confirm')?.message}
          value={word}
          onChange={(e) => setWord(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button danger" disabled={state.fetching}>
          <TrashIcon /> {state.fetching ? nl.form.saving : nl.myData.eraseButton}
        </button>
      </form>
    </section>
  );
}

/** Mijn gegevens (CLIENT): download everything, change the password, erase everything. */
export function MyDataPage() {
  return (
    <RoleGate roles={['CLIENT']}>
      <div className="page">
        <title>{nl.app.pageTitle(nl.myData.title)}</title>
        <h1>
          <UserIcon /> {nl.myData.title}
        </h1>
        <p className="lead">{nl.myData.intro}</p>
        <ExportSection />
        <PasswordSection />
        <EraseSection />
      </div>
    </RoleGate>
  );
}
