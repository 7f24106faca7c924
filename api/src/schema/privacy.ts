import {
  allAuditRecordsOfClient,
  clientDataForExport,
  eraseCirclePeople,
  eraseClient,
  findCircle,
  findCirclePeople,
  findProfile,
  findSupportWorkers,
  grantsOfClient,
  rectifyCirclePerson,
  type CirclePersonMatch as CirclePersonMatchValue,
} from '@wijkkring/graph';
import { z } from 'zod';
import { auditedWrite } from '../audit/audited-write.js';
import { builder } from '../builder.js';
import { clearedSessionCookie, today } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { ANONYMOUS } from '../viewer.js';
import { OkPayload, requireClient } from './auth.js';
import { uuid } from './common.js';

/** The confirmation word a client types before erasing everything. */
export const ERASE_CONFIRMATION = 'VERWIJDEREN';

const ExportMyDataPayload = builder.objectRef<{ fileName: string; json: string }>('ExportMyDataPayload').implement({
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    json: t.exposeString('json', { description: 'Everything about you as one JSON document (format wijkkring-export/1).' }),
  }),
});

const CirclePersonMatch = builder.objectRef<CirclePersonMatchValue>('CirclePersonMatch').implement({
  description: 'A person who appears in circles, as an admin sees them for an erasure or correction request: no circle contents.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    circleCount: t.exposeInt('circleCount'),
    relations: t.exposeStringList('relations', { description: 'What the client calls them (at most three).' }),
    districtName: t.exposeString('districtName', { nullable: true, description: 'The wijk of the client.' }),
    firstSeen: t.exposeString('firstSeen', { nullable: true, description: 'Month (YYYY-MM) of the first circle.' }),
    lastSeen: t.exposeString('lastSeen', { nullable: true, description: 'Month (YYYY-MM) of the last circle.' }),
  }),
});

/** Everything Wijkkring holds about a client, as one machine-readable document (GDPR art. 15 and 20). */
async function exportClient(context: Context, clientId: string, accountId: string): Promise<{ fileName: string; json: string }> {
  const { db } = context;
  // The export is recorded first, so the export contains its own record.
  await auditedWrite(context, { clientId, subject: 'Client', action: 'EXPORT' }, () => Promise.resolve());
  const data = await db.read(async (tx) => {
    const own = await clientDataForExport(tx, clientId);
    if (!own) return undefined;
    const circles = [];
    for (const id of own.circleIds) circles.push(await findCircle(tx, id));
    const grants = await grantsOfClient(tx, clientId);
    const workers = await findSupportWorkers(tx, [...new Set(grants.map((g) => g.supportWorkerId))]);
    const account = await findProfile(tx, accountId, today(context.now));
    const audit = await allAuditRecordsOfClient(tx, context.audit.ref(clientId));
    return { own, circles, grants, workers, account, audit };
  });
  if (!data) throw apiError('NOT_FOUND', 'No such client.');
  const document = {
    format: 'wijkkring-export/1',
    exportedAt: new Date(context.now).toISOString(),
    account: data.account
      ? {
          id: data.account.id,
          username: data.account.username,
          role: data.account.role,
          displayName: data.account.displayName,
          totpEnabled: data.account.totpEnabled,
        }
      : null,
    client: data.own.client,
    peopleInYourCircles: data.own.contacts,
    circles: data.circles.filter((c) => c !== undefined),
    grants: data.grants.map((g) => ({ ...g, supportWorker: data.workers.find((w) => w.id === g.supportWorkerId) ?? null })),
    auditRecords: data.audit.map(({ prevHash: _prev, hash: _hash, ...record }) => record),
  };
  return { fileName: `wijkkring-mijn-gegevens-${today(context.now)}.json`, json: JSON.stringify(document, null, 2) };
}

const EraseMyDataInput = builder.inputType('EraseMyDataInput', {
  fields: (t) => ({ confirmation: t.string({ description: `Must be exactly ${ERASE_CONFIRMATION}.` }) }),
});
const EraseCirclePeopleInput = builder.inputType('EraseCirclePeopleInput', {
  fields: (t) => ({ personIds: t.idList({ validate: z.array(uuid).min(1).max(100) }) }),
});
const RectifyCirclePersonInput = builder.inputType('RectifyCirclePersonInput', {
  fields: (t) => ({ personId: t.id({ validate: uuid }), name: t.string({ validate: z.string().trim().min(1).max(60) }) }),
});

builder.queryField('circlePeople', (t) =>
  t.field({
    type: [CirclePersonMatch],
    description:
      'ADMIN: people who appear in circles whose name contains `name` (at most 50), for erasure or correction requests.',
    args: { name: t.arg.string({ validate: z.string().trim().min(2).max(60) }) },
    resolve: (_root, args, context) => context.db.read((tx) => findCirclePeople(tx, args.name.trim(), 50)),
  }),
);

builder.mutationFields((t) => ({
  exportMyData: t.field({
    type: ExportMyDataPayload,
    description: 'A client downloads everything about them: account, circles, grants, and the audit records about them.',
    resolve: (_root, _args, context) => {
      const { clientId, accountId } = requireClient(context);
      return exportClient(context, clientId, accountId);
    },
  }),
  eraseMyData: t.field({
    type: OkPayload,
    description:
      'A client erases their data: circles, the people who appear only in them, grants and account. Only the audit trail (by pseudonym) stays.',
    args: { input: t.arg({ type: EraseMyDataInput }) },
    resolve: async (_root, { input }, context) => {
      const { clientId } = requireClient(context);
      if (input.confirmation !== ERASE_CONFIRMATION) {
        throw apiError('INVALID_INPUT', `Type ${ERASE_CONFIRMATION} to confirm.`, { field: 'input.confirmation' });
      }
      await auditedWrite(
        context,
        { clientId, subject: 'Client', action: 'DELETE', detail: 'erasure on request of the client' },
        (tx) => eraseClient(tx, clientId),
      );
      context.request.setCookie(clearedSessionCookie());
      context.viewer = ANONYMOUS;
      context.audit.setViewer(ANONYMOUS);
      return { ok: true };
    },
  }),
  eraseCirclePeople: t.field({
    type: OkPayload,
    description: 'ADMIN: erases people who appear in circles, everywhere (for example a neighbour who asked to be removed).',
    args: { input: t.arg({ type: EraseCirclePeopleInput }) },
    resolve: async (_root, { input }, context) => {
      await auditedWrite(
        context,
        { subject: 'CirclePerson', action: 'DELETE', detail: 'erasure on request' },
        async (tx, record) => {
          const clientIds = await eraseCirclePeople(tx, input.personIds);
          if (clientIds.length === 0)
            throw apiError('NOT_FOUND', 'None of these people appear in circles.', { field: 'input.personIds' });
          record.clientIds = clientIds;
        },
      );
      return { ok: true };
    },
  }),
  rectifyCirclePerson: t.field({
    type: OkPayload,
    description: 'ADMIN: corrects the name of a person who appears in circles.',
    args: { input: t.arg({ type: RectifyCirclePersonInput }) },
    resolve: async (_root, { input }, context) => {
      await auditedWrite(
        context,
        { subject: 'CirclePerson', action: 'UPDATE', detail: 'rectification on request' },
        async (tx, record) => {
          record.clientId = await rectifyCirclePerson(tx, input.personId, input.name.trim());
        },
      );
      return { ok: true };
    },
  }),
}));
