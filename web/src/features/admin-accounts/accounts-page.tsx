import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SelectField, SuccessMessage, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import {
  BackIcon,
  CheckIcon,
  KeyIcon,
  LockIcon,
  PencilIcon,
  PlusIcon,
  RetryIcon,
  SearchIcon,
  StopIcon,
  UserIcon,
} from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ModalDialog } from '../../components/modal-dialog';
import {
  AccountChoicesDocument,
  AdminAccountsDocument,
  IssueActivationCodeDocument,
  ResetSecondFactorDocument,
  SetAccountActiveDocument,
  type AdminAccountFieldsFragment,
  type AdminActivationCodeFragment,
  type Role,
} from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { classifyLoadError, hasErrorCode, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { AdminFrame } from '../admin/admin-frame';
import { AccountForm } from './account-form-dialog';
import './accounts-page.css';

const texts = nl.adminAccounts;
const PAGE_SIZE = 20;
const ROLES: readonly Role[] = ['CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'];

type Account = AdminAccountFieldsFragment;

interface Filters {
  readonly search: string;
  readonly role: Role | '';
  readonly active: '' | 'on' | 'off';
  readonly organisationId: string;
  readonly districtId: string;
}

const NO_FILTERS: Filters = { search: '', role: '', active: '', organisationId: '', districtId: '' };

type Dialog =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly account: Account }
  | { readonly kind: 'code'; readonly account: Account }
  | { readonly kind: 'reset'; readonly account: Account }
  | { readonly kind: 'active'; readonly account: Account };

/** The code just made, shown once. */
interface ShownCode {
  readonly account: Account;
  readonly activation: AdminActivationCodeFragment;
}

function problemText(error: LoadErrorLike): string {
  if (hasErrorCode(error, 'NOT_FOUND')) return texts.notFound;
  return classifyLoadError(error) === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError;
}

/** Where the activation page is, with the username filled in. */
function activationUrl(username: string): string {
  return `${window.location.origin}/activeren?gebruikersnaam=${encodeURIComponent(username)}`;
}

/** The one-time code, with what to do with it (issue 11: there is no mail server). */
function ActivationCodeDialog({ shown, onClose }: { readonly shown: ShownCode | null; readonly onClose: () => void }) {
  const t = texts.code;
  return (
    <ModalDialog
      open={shown !== null}
      title={shown ? t.title(shown.account.displayName) : ''}
      onClose={onClose}
      className="dialog activation-dialog"
    >
      {shown ? (
        <>
          <p>{t.intro}</p>
          <div className="activation-box">
            <p className="activation-give">
              <KeyIcon /> {t.give(shown.account.displayName)}
            </p>
            <dl className="activation-facts">
              <dt>{t.label}</dt>
              <dd>
                <code className="activation-code" data-testid="activation-code">
                  {shown.activation.code}
                </code>
              </dd>
              <dt>{t.username}</dt>
              <dd>
                <code data-testid="activation-username">{shown.account.username}</code>
              </dd>
              <dt>{t.url}</dt>
              <dd>
                <code className="activation-url" data-testid="activation-url">
                  {activationUrl(shown.account.username)}
                </code>
              </dd>
            </dl>
            <p>{t.until(formatDateTime(shown.activation.expiresAt))}</p>
            <p className="muted">{t.how}</p>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={onClose}>
              <CheckIcon /> {t.done}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}

function status(account: Account): string[] {
  const parts: string[] = [];
  if (!account.active) parts.push(texts.statusOff);
  if (!account.activated) {
    if (account.activationExpiresAt === null || account.activationExpiresAt === undefined) parts.push(texts.statusNoCode);
    else if (Date.parse(account.activationExpiresAt) < Date.now()) parts.push(texts.statusExpired);
    else parts.push(texts.statusWaiting(formatDateTime(account.activationExpiresAt)));
  }
  parts.push(account.totpEnabled ? texts.statusTotp : texts.statusNoTotp);
  return parts;
}

function AccountCard({ account, onAction }: { readonly account: Account; readonly onAction: (dialog: Dialog) => void }) {
  const wijken = account.districts.map((d) => d.name).join(', ');
  return (
    <li className={account.active ? 'account-card' : 'account-card off'}>
      <div className="account-head">
        <h3>
          <UserIcon /> {account.displayName}
        </h3>
        <span className="badge subtle">{nl.role[account.role]}</span>
        {!account.active ? <span className="badge">{texts.off}</span> : null}
      </div>
      <p className="account-meta">
        {texts.username(account.username)}
        {account.organisationName ? <> · {texts.worksAt(account.organisationName)}</> : null}
        {wijken ? <> · {texts.wijken(wijken)}</> : null}
      </p>
      <p className="account-status">{status(account).join(' · ')}</p>
      <div className="button-row account-actions" role="group" aria-label={texts.actionsFor(account.displayName)}>
        <button type="button" className="button secondary small" onClick={() => onAction({ kind: 'edit', account })}>
          <PencilIcon /> {texts.edit}
        </button>
        {account.activated ? null : (
          // Only before activation: a code for an activated account would let the admin choose its password.
          <button type="button" className="button secondary small" onClick={() => onAction({ kind: 'code', account })}>
            <KeyIcon /> {texts.newCode}
          </button>
        )}
        {account.totpEnabled ? (
          <button type="button" className="button secondary small" onClick={() => onAction({ kind: 'reset', account })}>
            <RetryIcon /> {texts.resetTotp}
          </button>
        ) : null}
        <button type="button" className="button secondary small" onClick={() => onAction({ kind: 'active', account })}>
          {account.active ? <StopIcon /> : <LockIcon />} {account.active ? texts.turnOff : texts.turnOn}
        </button>
      </div>
    </li>
  );
}

function variablesOf(filters: Filters, after: string | null) {
  return {
    first: PAGE_SIZE,
    after,
    search: filters.search.trim() === '' ? null : filters.search.trim(),
    role: filters.role === '' ? null : filters.role,
    active: filters.active === '' ? null : filters.active === 'on',
    organisationId: filters.organisationId === '' ? null : filters.organisationId,
    districtId: filters.districtId === '' ? null : filters.districtId,
  };
}

/** Beheer › Accounts (issue 11): list and filter accounts, make one, change one, hand over activation codes. */
function Accounts() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The cursors of the pages before this one: "Vorige" goes back one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [list, refetch] = useQuery({ query: AdminAccountsDocument, variables: variablesOf(filters, after) });
  const [choices] = useQuery({ query: AccountChoicesDocument });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [shown, setShown] = useState<ShownCode | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [codeState, issueCode] = useMutation(IssueActivationCodeDocument);
  const [resetState, reset] = useMutation(ResetSecondFactorDocument);
  const [activeState, setActive] = useMutation(SetAccountActiveDocument);

  const organisations = choices.data?.organisations.nodes ?? [];
  const districts = choices.data?.districts.nodes ?? [];

  function apply(event: SyntheticEvent) {
    event.preventDefault();
    setFilters(draft);
    setCursors([null]);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setCursors([null]);
  }

  function open(next: Dialog) {
    setActionProblem(null);
    setSuccess(null);
    setDialog(next);
  }

  function changed(message: string) {
    setDialog(null);
    setSuccess(message);
    refetch({ requestPolicy: 'network-only' });
  }

  async function confirmAction() {
    if (!dialog || dialog.kind === 'create' || dialog.kind === 'edit') return;
    const { account } = dialog;
    const input = { accountId: account.id };
    if (dialog.kind === 'code') {
      const result = await issueCode({ input });
      const payload = result.data?.issueActivationCode;
      if (result.error || !payload) {
        setActionProblem(result.error ? problemText(result.error) : nl.state.otherError);
        return;
      }
      setDialog(null);
      setShown({ account: payload.account, activation: payload.activation });
      refetch({ requestPolicy: 'network-only' });
    } else if (dialog.kind === 'reset') {
      const result = await reset({ input });
      if (result.error) setActionProblem(problemText(result.error));
      else changed(texts.resetDone(account.displayName));
    } else {
      const result = await setActive({ input: { ...input, active: !account.active } });
      if (result.error) setActionProblem(problemText(result.error));
      else changed(account.active ? texts.turnedOff(account.displayName) : texts.turnedOn(account.displayName));
    }
  }

  const page = list.data?.accounts;
  const offset = (cursors.length - 1) * PAGE_SIZE;
  const confirming = dialog && (dialog.kind === 'code' || dialog.kind === 'reset' || dialog.kind === 'active') ? dialog : null;

  return (
    <>
      <div className="button-row accounts-top">
        <button type="button" className="button" onClick={() => open({ kind: 'create' })}>
          <PlusIcon /> {texts.newAccount}
        </button>
      </div>
      {success ? <SuccessMessage>{success}</SuccessMessage> : null}

      <section className="panel accounts-filters" aria-labelledby="accounts-filters-title">
        <h2 id="accounts-filters-title">
          <SearchIcon /> {texts.filtersTitle}
        </h2>
        <form noValidate onSubmit={apply}>
          <div className="filter-grid">
            <TextField
              id="accounts-search"
              label={texts.search}
              value={draft.search}
              onChange={(e) => setDraft({ ...draft, search: e.target.value })}
              maxLength={64}
              autoComplete="off"
            />
            <SelectField
              id="accounts-role"
              label={texts.role}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role | '' })}
            >
              <option value="">{texts.allRoles}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {nl.role[role]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="accounts-active"
              label={texts.state}
              value={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.value as Filters['active'] })}
            >
              <option value="">{texts.allStates}</option>
              <option value="on">{texts.on}</option>
              <option value="off">{texts.off}</option>
            </SelectField>
            <SelectField
              id="accounts-organisation"
              label={texts.organisation}
              value={draft.organisationId}
              onChange={(e) => setDraft({ ...draft, organisationId: e.target.value })}
            >
              <option value="">{texts.allOrganisations}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="accounts-wijk"
              label={texts.wijk}
              value={draft.districtId}
              onChange={(e) => setDraft({ ...draft, districtId: e.target.value })}
            >
              <option value="">{texts.allWijken}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              <SearchIcon /> {texts.apply}
            </button>
            <button type="button" className="button secondary" onClick={clear}>
              {texts.clear}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="accounts-list-title">
        <h2 id="accounts-list-title">{texts.listTitle}</h2>
        {list.fetching && !page ? (
          <Loading />
        ) : list.error && !page ? (
          <LoadError error={list.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : page && page.nodes.length === 0 ? (
          <p>{texts.none}</p>
        ) : page ? (
          <>
            <p role="status" className="muted">
              {texts.shown(offset + 1, offset + page.nodes.length, page.pageInfo.totalCount)}
            </p>
            <ul className="account-list">
              {page.nodes.map((account) => (
                <AccountCard key={account.id} account={account} onAction={open} />
              ))}
            </ul>
            <div className="button-row">
              {cursors.length > 1 ? (
                <button type="button" className="button secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                  <BackIcon /> {texts.previous}
                </button>
              ) : null}
              {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}
                >
                  {texts.next}
                </button>
              ) : null}
            </div>
          </>
        ) : null}
      </section>

      <FormDialog
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        title={dialog?.kind === 'edit' ? texts.editTitle(dialog.account.displayName) : texts.newTitle}
        onClose={() => setDialog(null)}
        className="account-dialog"
      >
        {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
          <AccountForm
            account={dialog.kind === 'edit' ? dialog.account : null}
            organisations={organisations}
            districts={districts}
            onCancel={() => setDialog(null)}
            onCreated={(account, activation) => {
              setDialog(null);
              setSuccess(texts.code.created(account.displayName));
              setShown({ account, activation });
              refetch({ requestPolicy: 'network-only' });
            }}
            onSaved={(account) => changed(texts.saved(account.displayName))}
          />
        ) : null}
      </FormDialog>

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'code'
            ? texts.newCodeTitle(confirming.account.displayName)
            : confirming?.kind === 'reset'
              ? texts.resetTitle(confirming.account.displayName)
              : confirming?.account.active
                ? texts.offTitle(confirming.account.displayName)
                : confirming
                  ? texts.onTitle(confirming.account.displayName)
                  : ''
        }
        confirmLabel={
          confirming?.kind === 'code'
            ? texts.newCodeConfirm
            : confirming?.kind === 'reset'
              ? texts.resetConfirm
              : confirming?.account.active
                ? texts.turnOff
                : texts.turnOn
        }
        confirmIcon={confirming?.kind === 'code' ? <KeyIcon /> : confirming?.kind === 'reset' ? <RetryIcon /> : <StopIcon />}
        busy={codeState.fetching || resetState.fetching || activeState.fetching}
        onConfirm={() => void confirmAction()}
        onCancel={() => setDialog(null)}
      >
        {confirming ? (
          <p>
            {confirming.kind === 'code'
              ? texts.newCodeText
              : confirming.kind === 'reset'
                ? texts.resetText(confirming.account.displayName)
                : confirming.account.active
                  ? texts.offText(confirming.account.displayName)
                  : texts.onText(confirming.account.displayName)}
          </p>
        ) : null}
        {actionProblem ? (
          <p className="field-problem" role="alert">
            {actionProblem}
          </p>
        ) : null}
      </ConfirmDialog>

      <ActivationCodeDialog shown={shown} onClose={() => setShown(null)} />
    </>
  );
}

/** Beheer › Accounts. */
export function AccountsPage() {
  return (
    <AdminFrame title={texts.title} lead={texts.lead}>
      <Accounts />
    </AdminFrame>
  );
}
