import { useId, useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, SuccessMessage, TextField, type FormProblem } from '../../components/form';
import { EyeIcon, PencilIcon, PlusIcon, SearchIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import {
  AccessPageDocument,
  GrantAccessDocument,
  RevokeAccessDocument,
  SetAnalysisConsentDocument,
  SupportWorkerSearchDocument,
  type AccessLevel,
  type GrantFieldsFragment,
} from '../../gql/graphql';
import { todayInAmsterdam } from '../../lib/format';
import { classifyLoadError, invalidField } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import { useSignedInViewer } from '../session/session-context';
import { AuditTrail } from './audit-trail';
import { grantPeriod } from './grant-text';
import './access-page.css';

const LEVELS: readonly AccessLevel[] = ['READ', 'EDIT'];

function LevelBadge({ level }: { readonly level: AccessLevel }) {
  return (
    <span className="badge subtle">
      {level === 'EDIT' ? <PencilIcon /> : <EyeIcon />} {nl.access.level[level]}
    </span>
  );
}

function workerLabel(grant: Pick<GrantFieldsFragment, 'supportWorker'>): string {
  const { name, organisation } = grant.supportWorker;
  return organisation ? `${name} (${organisation.name})` : name;
}

interface GrantListProps {
  readonly grants: readonly GrantFieldsFragment[];
  readonly onRevoke: (grant: GrantFieldsFragment) => void;
}

function GrantItem({
  grant,
  onRevoke,
}: {
  readonly grant: GrantFieldsFragment;
  readonly onRevoke?: (grant: GrantFieldsFragment) => void;
}) {
  const period = grantPeriod(grant);
  return (
    <li className="grant">
      <div className="grant-who">
        <span className="grant-name">{grant.supportWorker.name}</span>
        {grant.supportWorker.organisation ? <span className="muted">{grant.supportWorker.organisation.name}</span> : null}
      </div>
      <div className="grant-what">
        <LevelBadge level={grant.level} />
        <span>{period.period}</span>
        <span className="muted">{period.since}</span>
      </div>
      {onRevoke ? (
        <button
          type="button"
          className="button secondary small"
          aria-label={nl.access.revokeFor(grant.supportWorker.name)}
          onClick={() => onRevoke(grant)}
        >
          <StopIcon /> {nl.access.revoke}
        </button>
      ) : null}
    </li>
  );
}

function GrantList({ grants, onRevoke }: GrantListProps) {
  const active = grants.filter((g) => g.active);
  const ended = grants.filter((g) => !g.active);
  return (
    <section className="panel" aria-labelledby="grants-title">
      <h2 id="grants-title">
        <EyeIcon /> {nl.access.listTitle}
      </h2>
      {active.length === 0 ? (
        <p>{nl.access.empty}</p>
      ) : (
        <ul className="grant-list" aria-label={nl.access.active}>
          {active.map((g) => (
            <GrantItem key={g.id} grant={g} onRevoke={onRevoke} />
          ))}
        </ul>
      )}
      {ended.length > 0 ? (
        <>
          <h3>{nl.access.ended}</h3>
          <ul className="grant-list ended" aria-label={nl.access.ended}>
            {ended.map((g) => (
              <GrantItem key={g.id} grant={g} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const FIELD = { search: 'grant-search', worker: 'grant-worker', until: 'grant-until' } as const;

/** Find a support worker by name, choose what they may do and until when, and give access. */
function GrantForm({ onGranted }: { readonly onGranted: (message: string) => void }) {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [level, setLevel] = useState<AccessLevel>('READ');
  const [until, setUntil] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [found] = useQuery({ query: SupportWorkerSearchDocument, variables: { search: term ?? '' }, pause: term === null });
  const [granting, grant] = useMutation(GrantAccessDocument);
  const levelHelpId = useId();
  const workers = term === null ? [] : (found.data?.supportWorkers.nodes ?? []);

  function runSearch() {
    const value = search.trim();
    if (value === '') {
      setProblems([{ fieldId: FIELD.search, message: nl.access.searchMissing }]);
      return;
    }
    setProblems([]);
    setWorkerId(null);
    setTerm(value);
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    const worker = workers.find((w) => w.id === workerId);
    if (!worker)
      found.push({ fieldId: workers[0] ? `${FIELD.worker}-${workers[0].id}` : FIELD.search, message: nl.access.workerMissing });
    if (until !== '' && until < todayInAmsterdam()) found.push({ fieldId: FIELD.until, message: nl.access.untilInPast });
    setProblems(found);
    if (!worker || found.length > 0) return;
    const result = await grant({ input: { supportWorkerId: worker.id, level, until: until === '' ? null : until } });
    if (result.error) {
      const field = invalidField(result.error);
      const kind = classifyLoadError(result.error);
      setProblems([
        field === 'input.until'
          ? { fieldId: FIELD.until, message: nl.access.untilInPast }
          : {
              message:
                kind === 'UNAVAILABLE' ? nl.state.unavailable : kind === 'FORBIDDEN' ? nl.state.forbidden : nl.state.otherError,
            },
      ]);
      return;
    }
    setSearch('');
    setTerm(null);
    setWorkerId(null);
    setLevel('READ');
    setUntil('');
    onGranted(nl.access.granted(worker.name));
  }

  return (
    <section className="panel" aria-labelledby="grant-title">
      <h2 id="grant-title">
        <PlusIcon /> {nl.access.grantTitle}
      </h2>
      <p>{nl.access.grantIntro}</p>
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="search-row">
          <TextField
            id={FIELD.search}
            label={nl.access.search}
            problem={problems.find((p) => p.fieldId === FIELD.search)?.message}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              // Enter in the search field searches; it does not give access to whoever was chosen before.
              if (e.key === 'Enter') {
                e.preventDefault();
                runSearch();
              }
            }}
            type="search"
            autoComplete="off"
            // The API's limit for `supportWorkers(search)`.
            maxLength={80}
          />
          <button type="button" className="button secondary" onClick={runSearch}>
            <SearchIcon /> {nl.access.searchButton}
          </button>
        </div>
        {term !== null && found.fetching ? <Loading /> : null}
        {term !== null && found.error ? <LoadError error={found.error} onRetry={runSearch} /> : null}
        {term !== null && found.data ? (
          <p role="status">{workers.length === 0 ? nl.access.searchNone : nl.access.searchResults(workers.length)}</p>
        ) : null}
        {workers.length > 0 ? (
          <>
            <fieldset className="choices">
              <legend>{nl.access.chooseWorker}</legend>
              {workers.map((w) => (
                <div className="choice" key={w.id}>
                  <input
                    type="radio"
                    name="grant-worker"
                    id={`${FIELD.worker}-${w.id}`}
                    checked={workerId === w.id}
                    onChange={() => setWorkerId(w.id)}
                  />
                  <label htmlFor={`${FIELD.worker}-${w.id}`}>
                    <span className="choice-title">{w.name}</span>
                    {w.organisation ? <span className="choice-hint">{w.organisation.name}</span> : null}
                  </label>
                </div>
              ))}
            </fieldset>
            <fieldset className="choices">
              <legend>{nl.access.chooseLevel}</legend>
              {LEVELS.map((l) => (
                <div className="choice" key={l}>
                  <input
                    type="radio"
                    name="grant-level"
                    id={`grant-level-${l}`}
                    checked={level === l}
                    onChange={() => setLevel(l)}
                    aria-describedby={`${levelHelpId}-${l}`}
                  />
                  <label htmlFor={`grant-level-${l}`}>
                    <span className="choice-title">
                      {l === 'EDIT' ? <PencilIcon /> : <EyeIcon />} {nl.access.level[l]}
                    </span>
                    <span className="choice-hint" id={`${levelHelpId}-${l}`}>
                      {nl.access.levelHelp[l]}
                    </span>
                  </label>
                </div>
              ))}
            </fieldset>
            <TextField
              id={FIELD.until}
              label={nl.access.untilLabel}
              hint={nl.access.untilHint}
              problem={problems.find((p) => p.fieldId === FIELD.until)?.message}
              type="date"
              min={todayInAmsterdam()}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              className="date-input"
            />
            <button type="submit" className="button" disabled={granting.fetching}>
              <EyeIcon /> {granting.fetching ? nl.form.saving : nl.access.grantButton}
            </button>
          </>
        ) : null}
      </form>
    </section>
  );
}

/** "Mijn kring mag meetellen in wijkoverzichten": off unless the client turns it on. */
function ConsentSwitch({ consent }: { readonly consent: boolean }) {
  const [state, setConsent] = useMutation(SetAnalysisConsentDocument);
  // Shows the choice at once; goes back to what the API has when saving fails.
  const [value, setValue] = useState(consent);
  const [failed, setFailed] = useState(false);
  const textId = useId();

  async function change(next: boolean) {
    setValue(next);
    setFailed(false);
    const result = await setConsent({ input: { consent: next } });
    if (result.error || !result.data) {
      setValue(!next);
      setFailed(true);
    } else {
      setValue(result.data.setAnalysisConsent.analysisConsent);
    }
  }

  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">{nl.access.consentTitle}</h2>
      <p id={textId}>{nl.access.consentText}</p>
      <p className="muted">{nl.access.consentDefault}</p>
      <div className="switch">
        <input
          type="checkbox"
          role="switch"
          id="analysis-consent"
          checked={value}
          disabled={state.fetching}
          aria-describedby={textId}
          onChange={(e) => void change(e.target.checked)}
        />
        <label htmlFor="analysis-consent">{nl.access.consentLabel}</label>
      </div>
      <p role="status" className="switch-state">
        {value ? nl.access.consentOn : nl.access.consentOff}
      </p>
      {failed ? (
        <p className="notice" role="alert">
          {nl.state.otherError}
        </p>
      ) : null}
    </section>
  );
}

function AccessContent({ clientId }: { readonly clientId: string }) {
  const [result, reexecute] = useQuery({ query: AccessPageDocument, variables: { clientId } });
  const [revoking, revoke] = useMutation(RevokeAccessDocument);
  const [toRevoke, setToRevoke] = useState<GrantFieldsFragment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [revokeFailed, setRevokeFailed] = useState(false);
  // Remounts "Wie heeft er gekeken" after a change, so the new lines show.
  const [auditKey, setAuditKey] = useState(0);

  function changed(text: string) {
    setMessage(text);
    reexecute({ requestPolicy: 'network-only' });
    setAuditKey((k) => k + 1);
  }

  async function confirmRevoke() {
    if (!toRevoke) return;
    const name = toRevoke.supportWorker.name;
    const answer = await revoke({ input: { grantId: toRevoke.id } });
    setToRevoke(null);
    setRevokeFailed(Boolean(answer.error));
    if (!answer.error) changed(nl.access.revoked(name));
  }

  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.access.title)}</title>
      <h1>
        <EyeIcon /> {nl.access.title}
      </h1>
      <p className="lead">{nl.access.intro}</p>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {revokeFailed ? (
        <p className="notice" role="alert">
          {nl.state.otherError}
        </p>
      ) : null}
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {result.data ? (
        <>
          <GrantList grants={result.data.myGrants} onRevoke={setToRevoke} />
          <GrantForm onGranted={changed} />
          {result.data.client ? <ConsentSwitch consent={result.data.client.analysisConsent} /> : null}
        </>
      ) : null}
      <AuditTrail key={auditKey} />
      <ConfirmDialog
        open={toRevoke !== null}
        title={toRevoke ? nl.access.revokeTitle(workerLabel(toRevoke)) : ''}
        confirmLabel={nl.access.revokeConfirm}
        confirmIcon={<StopIcon />}
        busy={revoking.fetching}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setToRevoke(null)}
      >
        <p>{toRevoke ? nl.access.revokeText(toRevoke.supportWorker.name) : null}</p>
      </ConfirmDialog>
    </div>
  );
}

/** Wie mag meekijken (CLIENT): who may see the circle, giving and stopping access, consent, and who looked. */
export function AccessPage() {
  const viewer = useSignedInViewer();
  return <RoleGate roles={['CLIENT']}>{viewer.clientId ? <AccessContent clientId={viewer.clientId} /> : null}</RoleGate>;
}
