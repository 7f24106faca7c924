import { randomUUID } from 'node:crypto';
import {
  ACTIVATION_VALID_MS,
  activationCodeHash,
  createAccountWithPerson,
  deleteSessionsOf,
  findAccount,
  missingAccountRefs,
  newActivationCode,
  placeAccountPerson,
  placementIssues,
  resetSecondFactor,
  revokeGrantsTo,
  setAccountActive,
  setAccountRole,
  setActivation,
  usernameTaken,
  type AccountSummary,
  type Role,
  type Tx,
} from '@wijkkring/graph';
import { auditedWrite } from '../audit/audited-write.js';
import type { Context } from '../context.js';
import { apiError, invalidInput } from '../errors.js';

/**
 * Accounts as an admin manages them (issue 11): make one with its person, hand over a one-time
 * activation code, change role, organisation and wijken, reset the second factor, turn off and on.
 * Every step is one transaction through `auditedWrite`; a step on a client's account names the
 * client, so it reaches that client's trail.
 */

/** A code shown once: the admin hands it over; only its hash is kept. */
export interface ActivationCode {
  code: string;
  expiresAt: number;
}

export interface AccountPlacementInput {
  role: Role;
  organisationId: string | null;
  districtIds: string[];
}

export interface NewAccountInput extends AccountPlacementInput {
  username: string;
  displayName: string;
}

/** Every problem with what the role needs, each with its field, as INVALID_INPUT. */
function checkPlacement(input: AccountPlacementInput): void {
  const issues = placementIssues(input);
  if (issues.length > 0) throw invalidInput(issues.map((issue) => ({ ...issue, path: ['input', ...issue.path] })));
}

/** The organisation and wijken named must exist (checked in the change's own transaction). */
async function checkRefs(tx: Tx, input: AccountPlacementInput): Promise<void> {
  const missing = await missingAccountRefs(tx, input.organisationId, input.districtIds);
  if (missing.organisation) throw apiError('NOT_FOUND', 'No such organisation.', { field: 'input.organisationId' });
  if (missing.districtIds.length > 0) throw apiError('NOT_FOUND', 'No such wijk.', { field: 'input.districtIds' });
}

async function issueCode(tx: Tx, context: Context, accountId: string): Promise<ActivationCode> {
  const code = newActivationCode();
  const expiresAt = context.now + ACTIVATION_VALID_MS;
  await setActivation(tx, accountId, activationCodeHash(code), context.now, expiresAt);
  return { code, expiresAt };
}

async function existing(tx: Tx, accountId: string): Promise<AccountSummary> {
  const found = await findAccount(tx, accountId);
  if (!found) throw apiError('NOT_FOUND', 'No such account.', { field: 'input.accountId' });
  return found;
}

async function reread(tx: Tx, accountId: string): Promise<AccountSummary> {
  const found = await findAccount(tx, accountId);
  if (!found) throw new Error('An account just changed cannot be found.');
  return found;
}

export async function createAccount(
  context: Context,
  input: NewAccountInput,
): Promise<{ account: AccountSummary; activation: ActivationCode }> {
  checkPlacement(input);
  const accountId = randomUUID();
  const personId = randomUUID();
  const isClient = input.role === 'CLIENT';
  return auditedWrite(
    context,
    { subject: 'Account', action: 'CREATE', clientId: null, detail: `account ${accountId} created (${input.role})` },
    async (tx, record) => {
      await checkRefs(tx, input);
      if (await usernameTaken(tx, input.username)) {
        throw apiError('CONFLICT', 'This username is taken.', { field: 'input.username' });
      }
      await createAccountWithPerson(
        tx,
        { id: accountId, personId, circleId: isClient ? randomUUID() : null, ...input },
        new Date(context.now).toISOString(),
      );
      // The client exists from here on: the record (and a failure after this point) names them.
      if (isClient) record.clientId = personId;
      const activation = await issueCode(tx, context, accountId);
      return { account: await reread(tx, accountId), activation };
    },
  );
}

/** A new activation code for an account; the one that waited stops working. */
export async function issueActivationCode(
  context: Context,
  accountId: string,
): Promise<{ account: AccountSummary; activation: ActivationCode }> {
  return auditedWrite(
    context,
    { subject: 'Account', action: 'UPDATE', detail: `new activation code, account ${accountId}` },
    async (tx, record) => {
      const found = await existing(tx, accountId);
      record.clientId = found.clientId;
      // Only for an account that has no password yet: a code for an activated account would let the
      // admin choose its password and sign in as that person (a client's circle, a begeleider's grants).
      if (found.activated)
        throw apiError(
          'CONFLICT',
          'This account is activated already; a new code is only for accounts that were never activated.',
          {
            field: 'input.accountId',
          },
        );
      const activation = await issueCode(tx, context, accountId);
      return { account: await reread(tx, accountId), activation };
    },
  );
}

/**
 * Changes role, organisation and wijken together. A client's account stays a client's account and
 * no other becomes one: a client owns circles, a professional does not. A changed role ends the
 * account's sessions, so its menu and pages follow at once.
 */
export async function updateAccount(context: Context, accountId: string, input: AccountPlacementInput): Promise<AccountSummary> {
  checkPlacement(input);
  return auditedWrite(
    context,
    { subject: 'Account', action: 'UPDATE', detail: `account ${accountId} changed` },
    async (tx, record) => {
      const found = await existing(tx, accountId);
      record.clientId = found.clientId;
      if ((found.role === 'CLIENT') !== (input.role === 'CLIENT')) {
        throw apiError('INVALID_INPUT', 'A client’s account stays a client’s account, and no other account becomes one.', {
          field: 'input.role',
        });
      }
      if (!found.personId) throw apiError('NOT_FOUND', 'The account signs in as nobody.', { field: 'input.accountId' });
      await checkRefs(tx, input);
      record.detail =
        found.role === input.role
          ? `account ${accountId} changed`
          : `account ${accountId}: role changed (${found.role} to ${input.role})`;
      await placeAccountPerson(tx, found.personId, input.role, input.organisationId, input.districtIds);
      if (found.role !== input.role) {
        await setAccountRole(tx, accountId, input.role);
        await deleteSessionsOf(tx, accountId);
        // No longer a begeleider: the clients' grants end now, and each client's trail says so.
        if (found.role === 'SUPPORT_WORKER') {
          const clients = await revokeGrantsTo(tx, found.personId, new Date(context.now).toISOString());
          if (clients.length > 0) record.clientIds = clients;
        }
      }
      return reread(tx, accountId);
    },
  );
}

/** Removes the second factor and ends every session: the person sets up a new one at the next login. */
export async function resetAccountSecondFactor(context: Context, accountId: string): Promise<AccountSummary> {
  return auditedWrite(
    context,
    { subject: 'Account', action: 'UPDATE', detail: `account ${accountId}: second factor reset` },
    async (tx, record) => {
      record.clientId = (await existing(tx, accountId)).clientId;
      await resetSecondFactor(tx, accountId);
      return reread(tx, accountId);
    },
  );
}

/** Turns an account off (every session of it ends at once) or on again. */
export async function setActive(context: Context, accountId: string, active: boolean): Promise<AccountSummary> {
  return auditedWrite(
    context,
    { subject: 'Account', action: 'UPDATE', detail: `account ${accountId} turned ${active ? 'on' : 'off'}` },
    async (tx, record) => {
      record.clientId = (await existing(tx, accountId)).clientId;
      await setAccountActive(tx, accountId, active);
      return reread(tx, accountId);
    },
  );
}
