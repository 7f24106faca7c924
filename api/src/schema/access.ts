import { randomUUID } from 'node:crypto';
import {
  ACCESS_LEVELS,
  activeGrantsOfWorker,
  AUDIT_ACTIONS,
  AUDIT_RESULTS,
  auditTrailOfClient,
  findClient,
  findSupportWorkers,
  grantAccess,
  grantIsActive,
  grantsOfClient,
  keyFigureDistrict,
  revokeAccess,
  ROLES,
  searchSupportWorkers,
  setAnalysisConsent,
  setKeyFigureConsent,
  type AccessGrant as AccessGrantValue,
  type AuditEventView,
  type Page,
  type SupportWorkerSummary,
} from '@wijkkring/graph';
import DataLoader from 'dataloader';
import { z } from 'zod';
import { auditedWrite } from '../audit/audited-write.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { today } from '../auth/sessions.js';
import { OkPayload, requireAccount, requireClient } from './auth.js';
import { connection, pageArgs, pageWindow, uuid } from './common.js';
import { Client, Organisation } from './refs.js';

export const AccessLevelEnum = builder.enumType('AccessLevel', {
  description: 'READ: may look at the circles. EDIT: may also draw in them, together with the client.',
  values: ACCESS_LEVELS,
});
const AuditActionEnum = builder.enumType('AuditAction', { values: AUDIT_ACTIONS });
const AuditResultEnum = builder.enumType('AuditResult', { values: AUDIT_RESULTS });
const ActorRoleEnum = builder.enumType('ActorRole', { values: ROLES });

const workerLoaders = new WeakMap<Context, DataLoader<string, SupportWorkerSummary | undefined>>();
function workerLoader(context: Context): DataLoader<string, SupportWorkerSummary | undefined> {
  let loader = workerLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await context.db.read((tx) => findSupportWorkers(tx, ids));
      return ids.map((id) => found.find((w) => w.id === id));
    });
    workerLoaders.set(context, loader);
  }
  return loader;
}

export const SupportWorker = builder.objectRef<SupportWorkerSummary>('SupportWorker').implement({
  description: 'A begeleider: a professional a client can give access to their circles.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The person id.' }),
    name: t.exposeString('name'),
    organisation: t.field({
      type: Organisation,
      nullable: true,
      resolve: (w, _args, context) => (w.organisationId ? context.loaders.organisation.load(w.organisationId) : null),
    }),
  }),
});

export const AccessGrant = builder.objectRef<AccessGrantValue>('AccessGrant').implement({
  description: 'A client’s permission for a support worker to see (READ) or also edit (EDIT) their circles.',
  fields: (t) => ({
    id: t.exposeID('id'),
    level: t.field({ type: AccessLevelEnum, resolve: (g) => g.level }),
    grantedAt: t.expose('grantedAt', { type: 'DateTime' }),
    until: t.expose('until', { type: 'Date', nullable: true, description: 'Last day the grant is valid, or none.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    active: t.boolean({ resolve: (g, _args, context) => grantIsActive(g, today(context.now)) }),
    supportWorker: t.field({
      type: SupportWorker,
      resolve: async (g, _args, context) => {
        const worker = await workerLoader(context).load(g.supportWorkerId);
        if (!worker) throw apiError('NOT_FOUND', 'The support worker no longer exists.');
        return worker;
      },
    }),
    client: t.field({
      type: Client,
      resolve: async (g, _args, context) => {
        const client = await context.db.read((tx) => findClient(tx, g.clientId));
        if (!client) throw apiError('NOT_FOUND', 'The client no longer exists.');
        return client;
      },
    }),
  }),
});

/** An audit record as a client sees it about themselves. */
interface AuditEventValue {
  view: AuditEventView;
  clientId: string;
  viewerAccountId: string;
}

const AuditEvent = builder.objectRef<AuditEventValue>('AuditEvent').implement({
  description: 'Who did what with your data, and when.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.view.record.id }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.view.record.at }),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.view.record.action }),
    result: t.field({ type: AuditResultEnum, resolve: (e) => e.view.record.result }),
    subject: t.string({
      description: 'What was touched: NetworkCircle, AccessGrant, Client, Session, ...',
      resolve: (e) => e.view.record.subject,
    }),
    actorName: t.string({ resolve: (e) => e.view.actorName ?? 'onbekend' }),
    actorRole: t.field({
      type: ActorRoleEnum,
      nullable: true,
      resolve: (e) =>
        (ROLES as readonly string[]).includes(e.view.record.actorRole ?? '')
          ? (e.view.record.actorRole as (typeof ROLES)[number])
          : null,
    }),
    actorIsYou: t.boolean({ resolve: (e) => e.view.record.actorAccountId === e.viewerAccountId }),
    actorOrganisation: t.string({ nullable: true, resolve: (e) => e.view.actorOrganisation }),
  }),
});

const SupportWorkerConnection = connection('SupportWorker', SupportWorker);
const AuditEventConnection = connection('AuditEvent', AuditEvent);

builder.objectFields(Client, (t) => ({
  analysisConsent: t.boolean({
    description: 'May this client’s circles count (anonymously) in district analyses? Off unless the client turns it on.',
    resolve: (c) => c.analysisConsent,
  }),
  grants: t.field({
    type: [AccessGrant],
    description: 'The grants this client gave, newest first (ended ones too).',
    resolve: (c, _args, context) => context.db.read((tx) => grantsOfClient(tx, c.id)),
  }),
}));

builder.queryFields((t) => ({
  supportWorkers: t.field({
    type: SupportWorkerConnection,
    description: 'Support workers a client can give access to, by name.',
    args: { ...pageArgs, search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(80) }) },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) => searchSupportWorkers(tx, args.search ?? null, skip, limit));
    },
  }),
  myGrants: t.field({
    type: [AccessGrant],
    description: 'CLIENT: the grants you gave (ended ones too). SUPPORT_WORKER: the grants you hold today.',
    resolve: (_root, _args, context) => {
      const { account } = requireAccount(context);
      if (account.clientId) {
        const clientId = account.clientId;
        return context.db.read((tx) => grantsOfClient(tx, clientId));
      }
      const personId = account.personId;
      return personId ? context.db.read((tx) => activeGrantsOfWorker(tx, personId, today(context.now))) : [];
    },
  }),
  myAuditTrail: t.field({
    type: AuditEventConnection,
    description:
      'Who looked at or changed your data, newest first. Your own looks are left out unless includeOwnLooks is true ' +
      '(issue 11: they buried everyone else’s). (This look is recorded as well.)',
    args: { ...pageArgs, includeOwnLooks: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, context): Promise<Page<AuditEventValue>> => {
      const viewer = requireAccount(context);
      const { clientId } = requireClient(context);
      const { skip, limit } = pageWindow(args);
      const hide = args.includeOwnLooks ? null : viewer.account.id;
      const page = await context.db.read((tx) => auditTrailOfClient(tx, context.audit.ref(clientId), skip, limit, hide));
      context.audit.note({ clientId, subject: 'AuditLog', action: 'READ', result: 'SUCCESS' });
      return { ...page, items: page.items.map((view) => ({ view, clientId, viewerAccountId: viewer.account.id })) };
    },
  }),
}));

const GrantAccessInput = builder.inputType('GrantAccessInput', {
  fields: (t) => ({
    supportWorkerId: t.id({ validate: uuid }),
    level: t.field({ type: AccessLevelEnum }),
    until: t.field({ type: 'Date', required: false, description: 'Last day of access; none for no end date.' }),
  }),
});
const RevokeAccessInput = builder.inputType('RevokeAccessInput', { fields: (t) => ({ grantId: t.id({ validate: uuid }) }) });
const SetAnalysisConsentInput = builder.inputType('SetAnalysisConsentInput', { fields: (t) => ({ consent: t.boolean() }) });
const SetKeyFigureConsentInput = builder.inputType('SetKeyFigureConsentInput', {
  fields: (t) => ({ keyFigureId: t.id({ validate: uuid }), consent: t.boolean() }),
});

builder.mutationFields((t) => ({
  grantAccess: t.field({
    type: AccessGrant,
    description: 'A client gives a support worker access to their circles, optionally until a date.',
    args: { input: t.arg({ type: GrantAccessInput }) },
    resolve: (_root, { input }, context) => {
      const { clientId } = requireClient(context);
      if (input.until && input.until < today(context.now)) {
        throw apiError('INVALID_INPUT', 'The end date lies in the past.', { field: 'input.until' });
      }
      const now = new Date(context.now).toISOString();
      return auditedWrite(context, { clientId, subject: 'AccessGrant', action: 'CREATE' }, (tx) =>
        grantAccess(tx, {
          id: randomUUID(),
          clientId,
          supportWorkerId: input.supportWorkerId,
          level: input.level,
          until: input.until ?? null,
          now,
        }),
      );
    },
  }),
  revokeAccess: t.field({
    type: AccessGrant,
    description: 'A client ends a grant. It works at once: the support worker’s next request is refused.',
    args: { input: t.arg({ type: RevokeAccessInput }) },
    resolve: (_root, { input }, context) => {
      const { clientId } = requireClient(context);
      return auditedWrite(context, { clientId, subject: 'AccessGrant', action: 'UPDATE', detail: 'revoked' }, (tx) =>
        revokeAccess(tx, clientId, input.grantId, new Date(context.now).toISOString()),
      );
    },
  }),
  setAnalysisConsent: t.field({
    type: Client,
    description: 'A client chooses whether their circles may count (anonymously) in district analyses.',
    args: { input: t.arg({ type: SetAnalysisConsentInput }) },
    resolve: async (_root, { input }, context) => {
      const { clientId } = requireClient(context);
      await auditedWrite(
        context,
        {
          clientId,
          subject: 'Client',
          action: 'UPDATE',
          detail: input.consent ? 'analysis consent given' : 'analysis consent withdrawn',
        },
        (tx) => setAnalysisConsent(tx, clientId, input.consent, new Date(context.now).toISOString()),
      );
      const client = await context.db.read((tx) => findClient(tx, clientId));
      if (!client) throw apiError('NOT_FOUND', 'No such client.');
      return client;
    },
  }),
  setKeyFigureConsent: t.field({
    type: OkPayload,
    description: 'Records whether a key figure consented to appear on the district map (coordinator of that wijk, or admin).',
    args: { input: t.arg({ type: SetKeyFigureConsentInput }) },
    resolve: async (_root, { input }, context) => {
      const districtId = await context.db.read((tx) => keyFigureDistrict(tx, input.keyFigureId));
      if (!districtId) throw apiError('NOT_FOUND', 'No such key figure.', { field: 'input.keyFigureId' });
      context.access.require('Mutation.setKeyFigureConsent', { districtIds: [districtId] });
      await auditedWrite(
        context,
        { subject: 'KeyFigure', action: 'UPDATE', detail: input.consent ? 'map consent given' : 'map consent withdrawn' },
        (tx) => setKeyFigureConsent(tx, input.keyFigureId, input.consent, new Date(context.now).toISOString()),
      );
      return { ok: true };
    },
  }),
}));
