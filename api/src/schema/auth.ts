import { ROLES } from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import {
  activateAccount,
  changePassword,
  confirmTotpSetup,
  login,
  logout,
  startTotpSetup,
  verifyTotp,
  type LoginOutcome,
} from '../auth/login.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { signedIn, type SignedIn } from '../viewer.js';
import { District, Organisation } from './refs.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

const Viewer = builder.objectRef<SignedIn>('Viewer').implement({
  description: 'Who is signed in.',
  fields: (t) => ({
    accountId: t.id({ resolve: (v) => v.account.id }),
    username: t.string({ resolve: (v) => v.account.username }),
    role: t.field({ type: RoleEnum, resolve: (v) => v.account.role }),
    displayName: t.string({ resolve: (v) => v.account.displayName }),
    clientId: t.id({ nullable: true, description: 'CLIENT only: their own client id.', resolve: (v) => v.account.clientId }),
    organisation: t.field({
      type: Organisation,
      nullable: true,
      description: 'Professionals: where they work.',
      resolve: (v, _args, context) =>
        v.account.organisationId ? context.loaders.organisation.load(v.account.organisationId) : null,
    }),
    district: t.field({
      type: District,
      nullable: true,
      description: 'A coordinator’s first wijk (the one the app opens); a client’s wijk.',
      resolve: (v, _args, context) => {
        const first = v.account.districtIds[0];
        return first ? context.loaders.districtNetwork.load(first) : null;
      },
    }),
    districts: t.field({
      type: [District],
      description: 'A coordinator’s wijken, the first one first (issue 11: one or more); a client’s wijk; empty for others.',
      resolve: async (v, _args, context) => {
        const found = await Promise.all(v.account.districtIds.map((id) => context.loaders.districtNetwork.load(id)));
        return found.filter((d) => d !== undefined);
      },
    }),
    totpEnabled: t.boolean({ resolve: (v) => v.account.totpEnabled }),
    sessionIdleExpiresAt: t.field({
      type: 'DateTime',
      description: 'When the session ends if nothing happens.',
      resolve: (v) => new Date(v.session.idleExpiresAt).toISOString(),
    }),
    sessionExpiresAt: t.field({
      type: 'DateTime',
      description: 'When the session ends at the latest.',
      resolve: (v) => new Date(v.session.expiresAt).toISOString(),
    }),
  }),
});

const LoginStatusEnum = builder.enumType('LoginStatus', {
  values: ['SIGNED_IN', 'TOTP_REQUIRED', 'TOTP_SETUP_REQUIRED'] as const,
});

const TotpSetup = builder.objectRef<{ secret: string; uri: string }>('TotpSetup').implement({
  description: 'A new second factor: type the secret into an authenticator app (or scan the URI as a QR code).',
  fields: (t) => ({ secret: t.exposeString('secret'), uri: t.exposeString('uri') }),
});

const LoginPayload = builder.objectRef<LoginOutcome>('LoginPayload').implement({
  fields: (t) => ({
    status: t.field({ type: LoginStatusEnum, resolve: (o) => o.status }),
    viewer: t.field({ type: Viewer, nullable: true, resolve: (o) => (o.viewer ? (signedIn(o.viewer) ?? null) : null) }),
    totpSetup: t.field({ type: TotpSetup, nullable: true, resolve: (o) => o.totpSetup }),
  }),
});

export const OkPayload = builder.objectRef<{ ok: boolean }>('OkPayload').implement({
  fields: (t) => ({ ok: t.exposeBoolean('ok') }),
});

/** The signed-in viewer, or UNAUTHENTICATED (the policy has let the request through already). */
export function requireAccount(context: Context): SignedIn {
  const viewer = signedIn(context.viewer);
  if (!viewer) throw apiError('UNAUTHENTICATED', 'Sign in first.');
  return viewer;
}

/** The signed-in client's own client id and account id; FORBIDDEN for any other account. */
export function requireClient(context: Context): { clientId: string; accountId: string } {
  const { account } = requireAccount(context);
  if (!account.clientId) throw apiError('FORBIDDEN', 'Only a client has this.');
  return { clientId: account.clientId, accountId: account.id };
}

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    username: t.string({ validate: z.string().trim().min(1).max(64) }),
    // Not checked against the password rules here: an old password may not meet them, and the
    // answer must not reveal anything. Only the length is bounded (hashing cost).
    password: t.string({ validate: z.string().min(1).max(256) }),
  }),
});
const CodeInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      code: t.string({
        validate: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'must be six digits'),
      }),
    }),
  });
const VerifyTotpInput = CodeInput('VerifyTotpInput');
const StartTotpSetupInput = builder.inputType('StartTotpSetupInput', {
  description: 'Needed only to replace a second factor the account has: its password and a current code.',
  fields: (t) => ({
    currentPassword: t.string({ required: false, validate: z.string().min(1).max(256) }),
    currentCode: t.string({
      required: false,
      validate: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'must be six digits'),
    }),
  }),
});
const ConfirmTotpSetupInput = CodeInput('ConfirmTotpSetupInput');
const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ validate: z.string().min(1).max(256) }),
    newPassword: t.string({ description: '8 to 64 characters.' }),
  }),
});

const ActivateAccountInput = builder.inputType('ActivateAccountInput', {
  description: 'The username and one-time code an admin handed over, and the password the person chooses.',
  fields: (t) => ({
    username: t.string({ validate: z.string().trim().min(1).max(64) }),
    code: t.string({
      description: 'As shown: any case; dashes and spaces are ignored.',
      validate: z.string().trim().min(1).max(64),
    }),
    password: t.string({ description: '8 to 64 characters.' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'Who is signed in; null when nobody is.',
    resolve: (_root, _args, context) => signedIn(context.viewer) ?? null,
  }),
);

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'First step: username and password. Professionals (and clients who chose to) continue with verifyTotp.',
    args: { input: t.arg({ type: LoginInput }) },
    resolve: (_root, { input }, context) => login(context, input.username, input.password),
  }),
  verifyTotp: t.field({
    type: LoginPayload,
    args: { input: t.arg({ type: VerifyTotpInput }) },
    resolve: (_root, { input }, context) => verifyTotp(context, input.code),
  }),
  confirmTotpSetup: t.field({
    type: LoginPayload,
    description: 'Confirms a new second factor with its first code.',
    args: { input: t.arg({ type: ConfirmTotpSetupInput }) },
    resolve: (_root, { input }, context) => confirmTotpSetup(context, input.code),
  }),
  startTotpSetup: t.field({
    type: TotpSetup,
    description:
      'A signed-in account turns on a second factor; confirm with confirmTotpSetup. To replace the one it has, give the password and a current code.',
    args: { input: t.arg({ type: StartTotpSetupInput, required: false }) },
    resolve: (_root, { input }, context) =>
      startTotpSetup(context, requireAccount(context), {
        currentPassword: input?.currentPassword ?? null,
        currentCode: input?.currentCode ?? null,
      }),
  }),
  activateAccount: t.field({
    type: LoginPayload,
    description:
      'Activates an account with its one-time code and a new password. A professional continues with confirmTotpSetup; a client is signed in. A wrong, used or expired code answers INVALID_CREDENTIALS.',
    args: { input: t.arg({ type: ActivateAccountInput }) },
    resolve: (_root, { input }, context) => activateAccount(context, input.username, input.code, input.password),
  }),
  logout: t.field({
    type: OkPayload,
    resolve: async (_root, _args, context) => {
      await logout(context);
      return { ok: true };
    },
  }),
  changePassword: t.field({
    type: OkPayload,
    description: 'Ends every session of the account; this device stays signed in with a new session.',
    args: { input: t.arg({ type: ChangePasswordInput }) },
    resolve: async (_root, { input }, context) => {
      await changePassword(context, requireAccount(context), input.currentPassword, input.newPassword);
      return { ok: true };
    },
  }),
}));
