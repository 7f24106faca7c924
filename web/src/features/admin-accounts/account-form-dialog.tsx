import { useState, type SyntheticEvent } from 'react';
import { useMutation } from 'urql';
import { DialogButtons, ErrorSummary, SelectField, TextField, type FormProblem } from '../../components/form';
import { CheckIcon, PlusIcon } from '../../components/icons';
import {
  CreateAccountDocument,
  UpdateAccountDocument,
  type AdminAccountFieldsFragment,
  type AdminActivationCodeFragment,
  type Role,
} from '../../gql/graphql';
import { classifyLoadError, errorCodes, invalidField, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import {
  accountInput,
  accountProblems,
  NAME_MAX,
  normaliseUsername,
  problemFromApi,
  roleNeeds,
  toggleWijk,
  USERNAME_MAX,
  type AccountField,
  type AccountFormValues,
} from './account-form';

const texts = nl.adminAccounts;
const ROLES: readonly Role[] = ['CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'];

export interface Choice {
  readonly id: string;
  readonly name: string;
}

const FIELD: Record<AccountField, string> = {
  role: 'account-role',
  displayName: 'account-name',
  username: 'account-username',
  organisationId: 'account-organisation',
  districtIds: 'account-wijken',
};

function firstCode(error: LoadErrorLike): string | null {
  const code = errorCodes(error)[0];
  return typeof code === 'string' ? code : null;
}

/**
 * The form to make an account or change one (issue 11): role, and what the role needs. Making one
 * answers with the activation code, which the page shows once.
 */
export function AccountForm({
  account,
  organisations,
  districts,
  onCancel,
  onCreated,
  onSaved,
}: {
  /** The account to change; null: a new one. */
  readonly account: AdminAccountFieldsFragment | null;
  readonly organisations: readonly Choice[];
  readonly districts: readonly Choice[];
  readonly onCancel: () => void;
  readonly onCreated: (account: AdminAccountFieldsFragment, activation: AdminActivationCodeFragment) => void;
  readonly onSaved: (account: AdminAccountFieldsFragment) => void;
}) {
  const creating = account === null;
  const [values, setValues] = useState<AccountFormValues>({
    role: account?.role ?? 'SUPPORT_WORKER',
    displayName: account?.displayName ?? '',
    username: account?.username ?? '',
    organisationId: account?.organisationId ?? '',
    districtIds: account?.districts.map((d) => d.id) ?? [],
  });
  const [problems, setProblems] = useState<(FormProblem & { field?: AccountField })[]>([]);
  const [createState, create] = useMutation(CreateAccountDocument);
  const [updateState, update] = useMutation(UpdateAccountDocument);
  const busy = createState.fetching || updateState.fetching;
  const needs = roleNeeds(values.role);
  const isClientAccount = account?.role === 'CLIENT';
  const roles = creating ? ROLES : isClientAccount ? (['CLIENT'] as const) : ROLES.filter((r) => r !== 'CLIENT');

  const set = (patch: Partial<AccountFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const problemFor = (field: AccountField) => problems.find((p) => p.field === field)?.message;

  function refused(error: LoadErrorLike) {
    const mapped = problemFromApi(firstCode(error), invalidField(error));
    if (mapped) {
      setProblems([{ field: mapped.field, fieldId: FIELD[mapped.field], message: texts.problem[mapped.problem] }]);
    } else if (firstCode(error) === 'NOT_FOUND') {
      setProblems([{ message: texts.notFound }]);
    } else {
      setProblems([{ message: classifyLoadError(error) === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError }]);
    }
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found = accountProblems(values, creating).map((p) => ({
      field: p.field,
      fieldId: p.field === 'districtIds' && needs.wijken === 'several' ? `${FIELD.districtIds}-first` : FIELD[p.field],
      message: texts.problem[p.problem],
    }));
    setProblems(found);
    if (found.length > 0) return;
    if (creating) {
      const result = await create({
        input: { ...accountInput(values), displayName: values.displayName.trim(), username: normaliseUsername(values.username) },
      });
      const payload = result.data?.createAccount;
      if (result.error || !payload) {
        if (result.error) refused(result.error);
        return;
      }
      onCreated(payload.account, payload.activation);
    } else {
      const result = await update({ input: { accountId: account.id, ...accountInput(values) } });
      const payload = result.data?.updateAccount;
      if (result.error || !payload) {
        if (result.error) refused(result.error);
        return;
      }
      onSaved(payload.account);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="account-form">
      <ErrorSummary problems={problems} />
      {isClientAccount ? (
        <p className="field-hint">{texts.fields.clientRoleFixed}</p>
      ) : (
        <SelectField
          id={FIELD.role}
          label={texts.fields.role}
          hint={creating ? undefined : texts.fields.roleChangeNote}
          problem={problemFor('role')}
          value={values.role}
          onChange={(e) => set({ role: e.target.value as Role, districtIds: [] })}
          autoFocus
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {nl.role[role]}
            </option>
          ))}
        </SelectField>
      )}
      {creating ? (
        <>
          <TextField
            id={FIELD.displayName}
            label={texts.fields.displayName}
            hint={texts.fields.displayNameHint}
            problem={problemFor('displayName')}
            value={values.displayName}
            onChange={(e) => set({ displayName: e.target.value })}
            maxLength={NAME_MAX + 20}
            autoComplete="off"
          />
          <TextField
            id={FIELD.username}
            label={texts.fields.username}
            hint={texts.fields.usernameHint}
            problem={problemFor('username')}
            value={values.username}
            onChange={(e) => set({ username: e.target.value })}
            maxLength={USERNAME_MAX + 10}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
        </>
      ) : null}
      {needs.organisation !== 'none' ? (
        <SelectField
          id={FIELD.organisationId}
          label={texts.fields.organisation}
          hint={needs.organisation === 'required' ? texts.fields.organisationRequired : texts.fields.organisationOptional}
          problem={problemFor('organisationId')}
          value={values.organisationId}
          onChange={(e) => set({ organisationId: e.target.value })}
        >
          <option value="">
            {needs.organisation === 'required' ? texts.fields.noOrganisation : texts.fields.noneOrganisation}
          </option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {needs.wijken === 'one' ? (
        <SelectField
          id={FIELD.districtIds}
          label={texts.fields.wijkClient}
          problem={problemFor('districtIds')}
          value={values.districtIds[0] ?? ''}
          onChange={(e) => set({ districtIds: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{texts.fields.noWijk}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {needs.wijken === 'several' ? (
        <fieldset
          className={problemFor('districtIds') ? 'choices wijk-choices has-problem' : 'choices wijk-choices'}
          aria-describedby={`${FIELD.districtIds}-hint`}
        >
          <legend>{texts.fields.wijken}</legend>
          <p className="field-hint" id={`${FIELD.districtIds}-hint`}>
            {texts.fields.wijkenHint}
          </p>
          {problemFor('districtIds') ? <p className="field-problem">{problemFor('districtIds')}</p> : null}
          <div className="wijk-checkboxes">
            {districts.map((d, index) => (
              <div className="checkbox" key={d.id}>
                <input
                  type="checkbox"
                  id={index === 0 ? `${FIELD.districtIds}-first` : `${FIELD.districtIds}-${d.id}`}
                  checked={values.districtIds.includes(d.id)}
                  onChange={(e) => set({ districtIds: toggleWijk(values.districtIds, d.id, e.target.checked) })}
                />
                <label htmlFor={index === 0 ? `${FIELD.districtIds}-first` : `${FIELD.districtIds}-${d.id}`}>
                  {d.name}
                  {values.districtIds[0] === d.id && values.districtIds.length > 1 ? (
                    <span className="muted"> ({texts.fields.first})</span>
                  ) : null}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <DialogButtons
        busy={busy}
        submit={creating ? texts.create : texts.save}
        icon={creating ? <PlusIcon /> : <CheckIcon />}
        onCancel={onCancel}
      />
    </form>
  );
}
