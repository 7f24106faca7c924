import { findAccount, listAccounts, setAccountActive, type AccountSummary } from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import { RoleEnum } from './auth.js';
import { connection, pageArgs, pageWindow, uuid } from './common.js';

const Account = builder.objectRef<AccountSummary>('Account').implement({
  description: 'An account, as the admin manages it. Never a password or a second-factor secret.',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    displayName: t.exposeString('displayName'),
    active: t.exposeBoolean('active'),
    totpEnabled: t.exposeBoolean('totpEnabled'),
  }),
});

const AccountConnection = connection('Account', Account);

builder.queryField('accounts', (t) =>
  t.field({
    type: AccountConnection,
    description: 'ADMIN: accounts by username; optionally those whose username or name contains `search`.',
    args: { ...pageArgs, search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(64) }) },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) => listAccounts(tx, args.search ?? null, skip, limit));
    },
  }),
);

const SetAccountActiveInput = builder.inputType('SetAccountActiveInput', {
  fields: (t) => ({ accountId: t.id({ validate: uuid }), active: t.boolean() }),
});

builder.mutationField('setAccountActive', (t) =>
  t.field({
    type: Account,
    description: 'ADMIN: turns an account off (every session of it ends at once) or on again.',
    args: { input: t.arg({ type: SetAccountActiveInput }) },
    resolve: async (_root, { input }, context) => {
      const account = await context.db.write(async (tx) => {
        const found = await findAccount(tx, input.accountId);
        if (!found) throw apiError('NOT_FOUND', 'No such account.', { field: 'input.accountId' });
        await setAccountActive(tx, input.accountId, input.active);
        await context.audit.inTx(tx, [
          {
            clientId: found.clientId,
            subject: 'Account',
            action: 'UPDATE',
            result: 'SUCCESS',
            detail: input.active ? 'account turned on' : 'account turned off',
          },
        ]);
        return { ...found, active: input.active };
      });
      return account;
    },
  }),
);
