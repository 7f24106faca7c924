import {
  COORDINATOR_DISTRICTS_MAX,
  displayNameSchema,
  listAccounts,
  usernameSchema,
  type AccountDistrict,
  type AccountSummary,
} from '@wijkkring/graph';
import { z } from 'zod';
import {
  createAccount,
  issueActivationCode,
  resetAccountSecondFactor,
  setActive,
  updateAccount,
  type ActivationCode,
} from '../auth/accounts.js';
import { builder } from '../builder.js';
import { RoleEnum } from './auth.js';
import { connection, pageArgs, pageWindow, uuid } from './common.js';

const AccountDistrictRef = builder.objectRef<AccountDistrict>('AccountDistrict').implement({
  description: 'A wijk of an account: a coordinator’s (in the order given; the first is the one the app opens), a client’s own.',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

const Account = builder.objectRef<AccountSummary>('Account').implement({
  description: 'An account, as the admin manages it. Never a password, a second-factor secret or an activation code.',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    displayName: t.exposeString('displayName'),
    active: t.exposeBoolean('active'),
    totpEnabled: t.exposeBoolean('totpEnabled'),
    activated: t.exposeBoolean('activated', { description: 'The person chose a password with their activation code.' }),
    activationExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the activation code that waits stops working; null when none waits.',
      resolve: (a) => (a.activationExpiresAt === null ? null : new Date(a.activationExpiresAt).toISOString()),
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.createdAt }),
    organisationId: t.exposeID('organisationId', { nullable: true }),
    organisationName: t.exposeString('organisationName', { nullable: true }),
    districts: t.field({ type: [AccountDistrictRef], resolve: (a) => a.districts }),
  }),
});

const AccountConnection = connection('Account', Account);

const ActivationCodeRef = builder.objectRef<ActivationCode>('ActivationCode').implement({
  description:
    'A one-time activation code, shown only in this answer: it is stored as a hash and cannot be read again. Valid 72 hours, once.',
  fields: (t) => ({
    code: t.exposeString('code'),
    expiresAt: t.field({ type: 'DateTime', resolve: (a) => new Date(a.expiresAt).toISOString() }),
  }),
});

const AccountWithCode = (name: string) =>
  builder.objectRef<{ account: AccountSummary; activation: ActivationCode }>(name).implement({
    fields: (t) => ({
      account: t.field({ type: Account, resolve: (p) => p.account }),
      activation: t.field({ type: ActivationCodeRef, resolve: (p) => p.activation }),
    }),
  });
const CreateAccountPayload = AccountWithCode('CreateAccountPayload');
const IssueActivationCodePayload = AccountWithCode('IssueActivationCodePayload');

const AccountPayload = (name: string) =>
  builder.objectRef<{ account: AccountSummary }>(name).implement({
    fields: (t) => ({ account: t.field({ type: Account, resolve: (p) => p.account }) }),
  });
const UpdateAccountPayload = AccountPayload('UpdateAccountPayload');
const ResetSecondFactorPayload = AccountPayload('ResetSecondFactorPayload');

builder.queryField('accounts', (t) =>
  t.field({
    type: AccountConnection,
    description:
      'ADMIN: accounts by username, narrowed by role, on or off, organisation, wijk and a part of the username or name. Each client shown is recorded as a read of that client.',
    args: {
      ...pageArgs,
      search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(64) }),
      role: t.arg({ type: RoleEnum, required: false }),
      active: t.arg.boolean({ required: false }),
      organisationId: t.arg.id({ required: false, validate: uuid }),
      districtId: t.arg.id({ required: false, validate: uuid }),
    },
    resolve: async (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      const page = await context.db.read((tx) =>
        listAccounts(
          tx,
          {
            role: args.role ?? null,
            active: args.active ?? null,
            organisationId: args.organisationId ?? null,
            districtId: args.districtId ?? null,
            search: args.search?.trim() ?? null,
          },
          skip,
          limit,
        ),
      );
      // The list shows clients' names: each client shown is a read of that client (NEN 7513; issue 11, B4).
      for (const account of page.items) {
        if (account.clientId !== null) {
          context.audit.note({ clientId: account.clientId, subject: 'Account', action: 'READ', result: 'SUCCESS' });
        }
      }
      return page;
    },
  }),
);

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum }),
    displayName: t.string({
      description: 'The name shown in the app (for a client: the name they chose).',
      validate: displayNameSchema,
    }),
    username: t.string({
      description: 'Letters, digits, dots, dashes and underscores; stored in lower case.',
      validate: usernameSchema,
    }),
    organisationId: t.id({
      required: false,
      description: 'SUPPORT_WORKER: required; COORDINATOR: optional; others: none.',
      validate: uuid,
    }),
    districtIds: t.idList({
      required: false,
      description: `COORDINATOR: 1 to ${String(COORDINATOR_DISTRICTS_MAX)} wijken (the first is the one the app opens); CLIENT: exactly one; others: none.`,
      validate: z.array(uuid).max(COORDINATOR_DISTRICTS_MAX + 1),
    }),
  }),
});

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  fields: (t) => ({
    accountId: t.id({ validate: uuid }),
    role: t.field({ type: RoleEnum, description: 'A client’s account stays CLIENT; no other becomes CLIENT.' }),
    organisationId: t.id({ required: false, validate: uuid }),
    districtIds: t.idList({ required: false, validate: z.array(uuid).max(COORDINATOR_DISTRICTS_MAX + 1) }),
  }),
});

const AccountIdInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({ accountId: t.id({ validate: uuid }) }),
  });
const IssueActivationCodeInput = AccountIdInput('IssueActivationCodeInput');
const ResetSecondFactorInput = AccountIdInput('ResetSecondFactorInput');

const SetAccountActiveInput = builder.inputType('SetAccountActiveInput', {
  fields: (t) => ({ accountId: t.id({ validate: uuid }), active: t.boolean() }),
});

builder.mutationFields((t) => ({
  createAccount: t.field({
    type: CreateAccountPayload,
    description:
      'ADMIN: a new account and the person it signs in as (a client with their wijk and an open circle; a professional with organisation and wijken). Answers with a one-time activation code, shown only here.',
    args: { input: t.arg({ type: CreateAccountInput }) },
    resolve: (_root, { input }, context) =>
      createAccount(context, {
        role: input.role,
        displayName: input.displayName.trim(),
        username: input.username.trim().toLowerCase(),
        organisationId: input.organisationId ?? null,
        districtIds: input.districtIds ?? [],
      }),
  }),
  issueActivationCode: t.field({
    type: IssueActivationCodePayload,
    description: 'ADMIN: a new one-time activation code for an account; the code that waited stops working.',
    args: { input: t.arg({ type: IssueActivationCodeInput }) },
    resolve: (_root, { input }, context) => issueActivationCode(context, input.accountId),
  }),
  updateAccount: t.field({
    type: UpdateAccountPayload,
    description: 'ADMIN: changes an account’s role, organisation and wijken. A changed role ends the account’s sessions.',
    args: { input: t.arg({ type: UpdateAccountInput }) },
    resolve: async (_root, { input }, context) => ({
      account: await updateAccount(context, input.accountId, {
        role: input.role,
        organisationId: input.organisationId ?? null,
        districtIds: input.districtIds ?? [],
      }),
    }),
  }),
  resetSecondFactor: t.field({
    type: ResetSecondFactorPayload,
    description:
      'ADMIN: removes an account’s second factor and ends all its sessions; a professional sets up a new one at the next login.',
    args: { input: t.arg({ type: ResetSecondFactorInput }) },
    resolve: async (_root, { input }, context) => ({ account: await resetAccountSecondFactor(context, input.accountId) }),
  }),
  setAccountActive: t.field({
    type: Account,
    description: 'ADMIN: turns an account off (every session of it ends at once) or on again.',
    args: { input: t.arg({ type: SetAccountActiveInput }) },
    resolve: (_root, { input }, context) => setActive(context, input.accountId, input.active),
  }),
}));
