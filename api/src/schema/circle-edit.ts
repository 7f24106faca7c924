import { randomUUID } from 'node:crypto';
import {
  addEntry,
  addTie,
  CHANGE_KINDS,
  circleOwner,
  circleSchemas,
  compareCircles,
  findCircle,
  freezeCircle,
  lockCircle,
  MAX_ENTRIES,
  model,
  moveEntry,
  removeEntry,
  removeTie,
  searchOrganisationsNear,
  updateEntry,
  type AuditAction,
  type CircleShape,
  type CircleChange as CircleChangeValue,
  type CircleEntry,
  type CircleTie as CircleTieValue,
  type NetworkCircle as NetworkCircleValue,
  type NewEntryTarget,
  type OrganisationNear,
  type Tx,
} from '@wijkkring/graph';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { allows, refusal } from '../access/enforce.js';
import { POLICY } from '../access/policy.js';
import { currentViewer } from '../auth/sessions.js';
import { auditedWrite } from '../audit/audited-write.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { apiError, invalidInput } from '../errors.js';
import { selectedFieldsAt } from '../lookahead.js';
import { CIRCLE_CHANGES, whileAllowed, type CircleChangeKind, type CircleEvent as CircleEventValue } from '../live.js';
import { OkPayload } from './auth.js';
import { SupportKindEnum, uuid, WishEnum } from './common.js';
import { CircleEntryRef, CircleTieRef, NetworkCircle, Organisation } from './refs.js';

export const ContactFrequencyEnum = builder.enumType('ContactFrequency', {
  description: 'How often the client is in touch with someone.',
  values: model.CONTACT_FREQUENCIES,
});
const CircleChangeKindEnum = builder.enumType('CircleChangeKind', { values: CIRCLE_CHANGES });
const ChangeKindEnum = builder.enumType('CircleComparisonKind', {
  description: 'How an entry changed between two snapshots.',
  values: CHANGE_KINDS,
});
const PrintFormatEnum = builder.enumType('PrintFormat', { values: ['PDF', 'PNG'] as const });

/**
 * What a circle read must fetch for the fields the operation selected at `path` below the current
 * field (issue 13): the signals, a person's employer and whether they are the client's own contact
 * only when asked for.
 */
export function circleShape(info: GraphQLResolveInfo, path: readonly string[] = []): CircleShape {
  const target = selectedFieldsAt(info, [...path, 'entries', 'target']);
  return {
    signals: selectedFieldsAt(info, path).has('signals'),
    employer: target.has('professional') || target.has('organisation'),
    ownContact: target.has('ownContact'),
  };
}

/** Reads a circle the way the operation asks for it (below `path`, if given). */
export async function readCircle(context: Context, id: string, info: GraphQLResolveInfo, path: string | null) {
  return context.db.read((tx) => findCircle(tx, id, circleShape(info, path === null ? [] : [path])));
}

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

interface EditResult {
  circleId: string;
  version: number;
}

/** The circle after the change, read after it committed (with signals when they are asked for). */
async function circleAfter(
  p: EditResult,
  _args: object,
  context: Context,
  info: GraphQLResolveInfo,
): Promise<NetworkCircleValue> {
  const circle = await context.db.read((tx) => findCircle(tx, p.circleId, circleShape(info)));
  if (!circle) throw apiError('NOT_FOUND', 'No such circle.');
  return circle;
}

const CircleEntryPayload = builder.objectRef<EditResult & { entry: CircleEntry }>('CircleEntryPayload').implement({
  fields: (t) => ({
    entry: t.field({
      type: CircleEntryRef,
      resolve: (p) => p.entry,
      description: 'The entry after the change (removed: as it was).',
    }),
    version: t.exposeInt('version', { description: 'The circle’s version after the change.' }),
    circle: t.field({ type: NetworkCircle, resolve: circleAfter }),
  }),
});

const CircleTiePayload = builder.objectRef<EditResult & { tie: CircleTieValue }>('CircleTiePayload').implement({
  fields: (t) => ({
    tie: t.field({ type: CircleTieRef, resolve: (p) => p.tie }),
    version: t.exposeInt('version'),
    circle: t.field({ type: NetworkCircle, resolve: circleAfter }),
  }),
});

const FreezeCirclePayload = builder.objectRef<EditResult & { snapshotId: string }>('FreezeCirclePayload').implement({
  fields: (t) => ({
    snapshot: t.field({
      type: NetworkCircle,
      description: 'The frozen, dated snapshot.',
      resolve: async (p, _args, context) => {
        const circle = await context.db.read((tx) => findCircle(tx, p.snapshotId));
        if (!circle) throw apiError('NOT_FOUND', 'No such circle.');
        return circle;
      },
    }),
    version: t.exposeInt('version'),
    circle: t.field({ type: NetworkCircle, resolve: circleAfter }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Inputs (zod at the edge; ring and sector are checked against the deployment's layout)
// ---------------------------------------------------------------------------------------------

const entryFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  relation: t.string({ required: false, validate: circleSchemas.relationSchema }),
  support: t.field({ type: [SupportKindEnum], required: false, validate: circleSchemas.supportSchema }),
  frequency: t.field({ type: ContactFrequencyEnum, required: false }),
  wish: t.field({ type: WishEnum, required: false }),
  note: t.string({ required: false, validate: circleSchemas.noteSchema }),
});

const NewPersonInput = builder.inputType('NewCirclePersonInput', {
  description: 'Someone new in the circle: a first name or nickname, and where they work if they are a professional.',
  fields: (t) => ({
    name: t.string({ validate: circleSchemas.personNameSchema }),
    organisationId: t.id({ required: false, validate: uuid }),
  }),
});

const AddCircleEntryInput = builder.inputType('AddCircleEntryInput', {
  description: 'Exactly one of person, personId (someone already in this client’s circles) or organisationId.',
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    person: t.field({ type: NewPersonInput, required: false }),
    personId: t.id({ required: false, validate: uuid }),
    organisationId: t.id({ required: false, validate: uuid }),
    ring: t.int({ validate: z.number().int() }),
    sector: t.string({ validate: z.string().max(40) }),
    ...entryFields(t),
  }),
});

const UpdateCircleEntryInput = builder.inputType('UpdateCircleEntryInput', {
  description: 'Replaces what an entry says. Fields left out become empty.',
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    entryId: t.id({ validate: uuid }),
    expectedVersion: t.int({ validate: z.number().int().min(0), description: 'The entry version the editor saw.' }),
    name: t.string({
      required: false,
      validate: circleSchemas.personNameSchema,
      description: 'A new name for a person who belongs to this client (not for organisations or staff).',
    }),
    ...entryFields(t),
  }),
});

const MoveCircleEntryInput = builder.inputType('MoveCircleEntryInput', {
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    entryId: t.id({ validate: uuid }),
    expectedVersion: t.int({ validate: z.number().int().min(0) }),
    ring: t.int({ validate: z.number().int() }),
    sector: t.string({ validate: z.string().max(40) }),
  }),
});

const RemoveCircleEntryInput = builder.inputType('RemoveCircleEntryInput', {
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    entryId: t.id({ validate: uuid }),
    expectedVersion: t.int({ validate: z.number().int().min(0) }),
  }),
});

const AddCircleTieInput = builder.inputType('AddCircleTieInput', {
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    fromEntryId: t.id({ validate: uuid }),
    toEntryId: t.id({ validate: uuid }),
  }),
});
const RemoveCircleTieInput = builder.inputType('RemoveCircleTieInput', {
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    tieId: t.id({ validate: z.string().regex(/^[0-9a-f-]{36}~[0-9a-f-]{36}$/, 'must be a tie id') }),
  }),
});
const FreezeCircleInput = builder.inputType('FreezeCircleInput', {
  fields: (t) => ({
    circleId: t.id({ validate: uuid }),
    label: t.string({ required: false, validate: circleSchemas.snapshotLabelSchema }),
  }),
});
const RecordCirclePrintInput = builder.inputType('RecordCirclePrintInput', {
  fields: (t) => ({ circleId: t.id({ validate: uuid }), format: t.field({ type: PrintFormatEnum }) }),
});

// ---------------------------------------------------------------------------------------------
// One path for every edit: lock, check access and state, change, record, commit, tell the others.
// ---------------------------------------------------------------------------------------------

type EditOperation =
  | 'Mutation.addCircleEntry'
  | 'Mutation.updateCircleEntry'
  | 'Mutation.moveCircleEntry'
  | 'Mutation.removeCircleEntry'
  | 'Mutation.addCircleTie'
  | 'Mutation.removeCircleTie'
  | 'Mutation.freezeCircle';

async function edit<T extends object>(
  context: Context,
  operation: EditOperation,
  circleId: string,
  change: CircleChangeKind,
  run: (tx: Tx, clientId: string, entryCount: number) => Promise<T>,
  subject = 'CircleEntry',
): Promise<T & EditResult> {
  const action: AuditAction = POLICY.operations[operation].audit;
  const { value, clientId, version } = await auditedWrite(context, { subject, action }, async (tx, record) => {
    const lock = context.access.requireFound(operation, await lockCircle(tx, circleId), {
      message: 'No such circle.',
      field: 'input.circleId',
    });
    // From here on the attempt is the client's: a failure below is recorded in their trail (issue 11).
    record.clientId = lock.clientId;
    if (lock.frozen)
      throw apiError('CIRCLE_FROZEN', 'This snapshot is frozen; change the open circle instead.', { field: 'input.circleId' });
    const result = await run(tx, lock.clientId, lock.entryCount);
    return { value: result, clientId: lock.clientId, version: lock.version };
  });
  const actor = context.viewer.kind === 'account' ? context.viewer.account.id : '';
  context.live.publish('circleChanged', circleId, {
    circleId,
    clientId,
    version,
    change,
    entryId: 'entryId' in value && typeof value.entryId === 'string' ? value.entryId : null,
    actorAccountId: actor,
  });
  return { ...value, circleId, version };
}

function checkPlacement(context: Context, ring: number, sector: string): void {
  const issues = circleSchemas.placementIssues(context.layout, ring, sector);
  if (issues.length > 0)
    throw invalidInput(issues.map((i: { field: string; message: string }) => ({ message: i.message, path: ['input', i.field] })));
}

function newTarget(input: {
  person?: { name: string; organisationId?: string | null } | null;
  personId?: string | null;
  organisationId?: string | null;
}): NewEntryTarget {
  const given = [input.person, input.personId, input.organisationId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1)
    throw apiError('INVALID_INPUT', 'Give exactly one of person, personId or organisationId.', { field: 'input.person' });
  if (input.person)
    return {
      kind: 'NEW_PERSON',
      personId: randomUUID(),
      name: input.person.name,
      organisationId: input.person.organisationId ?? null,
    };
  if (input.personId) return { kind: 'PERSON', personId: input.personId };
  return { kind: 'ORGANISATION', organisationId: input.organisationId ?? '' };
}

function fieldsOf(input: {
  relation?: string | null;
  support?: (typeof model.SUPPORT_KINDS)[number][] | null;
  frequency?: (typeof model.CONTACT_FREQUENCIES)[number] | null;
  wish?: (typeof model.WISHES)[number] | null;
  note?: string | null;
}) {
  return {
    relation: input.relation || null,
    support: input.support ?? [],
    frequency: input.frequency ?? null,
    wish: input.wish ?? null,
    note: input.note || null,
  };
}

builder.mutationFields((t) => ({
  addCircleEntry: t.field({
    type: CircleEntryPayload,
    description: 'Adds a person or an organisation to the open circle, at the end of the chosen ring and sector.',
    args: { input: t.arg({ type: AddCircleEntryInput }) },
    resolve: (_root, { input }, context) => {
      checkPlacement(context, input.ring, input.sector);
      const target = newTarget(input);
      return edit(context, 'Mutation.addCircleEntry', input.circleId, 'ENTRY_ADDED', async (tx, clientId, entryCount) => {
        if (entryCount >= MAX_ENTRIES)
          throw apiError('CIRCLE_FULL', `A circle holds at most ${String(MAX_ENTRIES)} entries.`, { field: 'input.circleId' });
        const entry = await addEntry(tx, {
          circleId: input.circleId,
          clientId,
          entryId: randomUUID(),
          ring: input.ring,
          sector: input.sector,
          target,
          ...fieldsOf(input),
        });
        return { entry, entryId: entry.id };
      });
    },
  }),
  updateCircleEntry: t.field({
    type: CircleEntryPayload,
    description: 'Changes relation, support, contact frequency, wish and note of an entry (and a person’s name).',
    args: { input: t.arg({ type: UpdateCircleEntryInput }) },
    resolve: (_root, { input }, context) =>
      edit(context, 'Mutation.updateCircleEntry', input.circleId, 'ENTRY_UPDATED', async (tx, clientId) => {
        const entry = await updateEntry(tx, {
          circleId: input.circleId,
          clientId,
          entryId: input.entryId,
          expectedVersion: input.expectedVersion,
          name: input.name ?? null,
          ...fieldsOf(input),
        });
        return { entry, entryId: entry.id };
      }),
  }),
  moveCircleEntry: t.field({
    type: CircleEntryPayload,
    description: 'Moves an entry to another ring or sector (what dragging does).',
    args: { input: t.arg({ type: MoveCircleEntryInput }) },
    resolve: (_root, { input }, context) => {
      checkPlacement(context, input.ring, input.sector);
      return edit(context, 'Mutation.moveCircleEntry', input.circleId, 'ENTRY_MOVED', async (tx, clientId) => {
        const entry = await moveEntry(tx, { ...input, clientId });
        return { entry, entryId: entry.id };
      });
    },
  }),
  removeCircleEntry: t.field({
    type: CircleEntryPayload,
    description: 'Takes an entry out of the open circle, with its ties.',
    args: { input: t.arg({ type: RemoveCircleEntryInput }) },
    resolve: (_root, { input }, context) =>
      edit(context, 'Mutation.removeCircleEntry', input.circleId, 'ENTRY_REMOVED', async (tx, clientId) => {
        const entry = await removeEntry(tx, { ...input, clientId });
        return { entry, entryId: entry.id };
      }),
  }),
  addCircleTie: t.field({
    type: CircleTiePayload,
    description: 'Records that two people or organisations in the circle know each other.',
    args: { input: t.arg({ type: AddCircleTieInput }) },
    resolve: (_root, { input }, context) =>
      edit(
        context,
        'Mutation.addCircleTie',
        input.circleId,
        'TIE_ADDED',
        async (tx, clientId) => ({ tie: await addTie(tx, input.circleId, clientId, input.fromEntryId, input.toEntryId) }),
        'CircleTie',
      ),
  }),
  removeCircleTie: t.field({
    type: CircleTiePayload,
    args: { input: t.arg({ type: RemoveCircleTieInput }) },
    resolve: (_root, { input }, context) =>
      edit(
        context,
        'Mutation.removeCircleTie',
        input.circleId,
        'TIE_REMOVED',
        async (tx, clientId) => ({ tie: await removeTie(tx, input.circleId, clientId, input.tieId) }),
        'CircleTie',
      ),
  }),
  freezeCircle: t.field({
    type: FreezeCirclePayload,
    description: '"Vastleggen": keeps the circle as it is now as a dated snapshot; editing goes on in the open circle.',
    args: { input: t.arg({ type: FreezeCircleInput }) },
    resolve: (_root, { input }, context) => {
      const snapshotId = randomUUID();
      return edit(
        context,
        'Mutation.freezeCircle',
        input.circleId,
        'FROZEN',
        async (tx) => {
          await freezeCircle(tx, {
            circleId: input.circleId,
            snapshotId,
            label: input.label || null,
            now: new Date(context.now).toISOString(),
          });
          return { snapshotId };
        },
        'NetworkCircle',
      );
    },
  }),
  recordCirclePrint: t.field({
    type: OkPayload,
    description: 'Records that the viewer printed or downloaded a circle (the audit log needs every print).',
    args: { input: t.arg({ type: RecordCirclePrintInput }) },
    resolve: async (_root, { input }, context) => {
      const owner = context.access.requireFound(
        'Mutation.recordCirclePrint',
        await context.db.read((tx) => circleOwner(tx, input.circleId)),
        { message: 'No such circle.', field: 'input.circleId' },
      );
      await auditedWrite(
        context,
        { clientId: owner.clientId, subject: 'NetworkCircle', action: 'PRINT', detail: input.format },
        () => Promise.resolve(),
      );
      return { ok: true };
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Comparing snapshots, and finding organisations to add
// ---------------------------------------------------------------------------------------------

const CircleChangeRef = builder.objectRef<CircleChangeValue>('CircleComparisonChange').implement({
  description: 'One person or organisation and how their place changed between two snapshots.',
  fields: (t) => ({
    kind: t.field({ type: ChangeKindEnum, resolve: (c) => c.kind }),
    targetId: t.exposeID('targetId'),
    targetKind: t.exposeString('targetKind', { description: 'PERSON or ORGANISATION.' }),
    name: t.exposeString('name', { description: 'First name or nickname; the name of an organisation.' }),
    relation: t.exposeString('relation', { nullable: true }),
    earlierEntryId: t.exposeID('earlierEntryId', { nullable: true }),
    laterEntryId: t.exposeID('laterEntryId', { nullable: true }),
    fromRing: t.exposeInt('fromRing', { nullable: true }),
    toRing: t.exposeInt('toRing', { nullable: true }),
    fromSector: t.exposeString('fromSector', { nullable: true }),
    toSector: t.exposeString('toSector', { nullable: true }),
  }),
});

interface Comparison {
  clientId: string;
  earlier: NetworkCircleValue;
  later: NetworkCircleValue;
  changes: CircleChangeValue[];
}

const CircleComparison = builder.objectRef<Comparison>('CircleComparison').implement({
  description: 'What changed between two snapshots of one client ("Wat is er veranderd").',
  fields: (t) => ({
    earlier: t.field({ type: NetworkCircle, resolve: (c) => c.earlier }),
    later: t.field({ type: NetworkCircle, resolve: (c) => c.later }),
    changes: t.field({ type: [CircleChangeRef], resolve: (c) => c.changes }),
  }),
});

const OrganisationMatch = builder.objectRef<OrganisationNear & { clientId: string }>('CircleOrganisationMatch').implement({
  fields: (t) => ({
    organisation: t.field({ type: Organisation, resolve: (m) => m.organisation }),
    inClientDistrict: t.exposeBoolean('inClientDistrict', { description: 'Active in the client’s own wijk.' }),
  }),
});

builder.queryFields((t) => ({
  compareCircles: t.field({
    type: CircleComparison,
    description: 'Two snapshots of one client side by side: who joined, who left, who moved closer or further.',
    args: { earlierId: t.arg.id({ validate: uuid }), laterId: t.arg.id({ validate: uuid }) },
    resolve: async (_root, args, context) => {
      const [foundEarlier, foundLater] = await context.db.read(async (tx) => [
        await findCircle(tx, args.earlierId),
        await findCircle(tx, args.laterId),
      ]);
      // Access to each snapshot first, then the rule of one client: a snapshot that is missing and
      // one that is someone else's get the same refusal (issue 11).
      const notFound = { message: 'No such circle.' };
      const earlier = context.access.requireFound('Query.compareCircles', foundEarlier, { ...notFound, field: 'earlierId' });
      const later = context.access.requireFound('Query.compareCircles', foundLater, { ...notFound, field: 'laterId' });
      if (earlier.clientId !== later.clientId)
        throw apiError('INVALID_INPUT', 'Both snapshots must belong to one client.', { field: 'laterId' });
      return { clientId: earlier.clientId, earlier, later, changes: compareCircles(earlier.entries, later.entries) };
    },
  }),
  circleOrganisationSearch: t.field({
    type: [OrganisationMatch],
    description: 'Organisations to add to a circle: the client’s own wijk first, then the city.',
    args: {
      circleId: t.arg.id({ validate: uuid }),
      search: t.arg.string({ validate: z.string().trim().max(60) }),
      first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(50) }),
    },
    resolve: async (_root, args, context) => {
      const owner = context.access.requireFound(
        'Query.circleOrganisationSearch',
        await context.db.read((tx) => circleOwner(tx, args.circleId)),
        { message: 'No such circle.', field: 'circleId' },
      );
      const found = await context.db.read((tx) => searchOrganisationsNear(tx, owner.clientId, args.search.trim(), args.first));
      // A search in a client's circle is about that client: it belongs in their trail (issue 11).
      context.audit.note({ clientId: owner.clientId, subject: 'Organisation', action: 'SEARCH', result: 'SUCCESS' });
      return found.map((m) => ({ ...m, clientId: owner.clientId }));
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Live: the devices on one circle see each other's changes (GraphQL over server-sent events).
// ---------------------------------------------------------------------------------------------

const CircleEventRef = builder.objectRef<CircleEventValue & { circle: NetworkCircleValue }>('CircleEvent').implement({
  description: 'A change in a circle, with the circle as it is after the change.',
  fields: (t) => ({
    change: t.field({ type: CircleChangeKindEnum, resolve: (e) => e.change }),
    version: t.exposeInt('version'),
    entryId: t.exposeID('entryId', { nullable: true }),
    byViewer: t.boolean({
      description: 'True when the signed-in account made this change itself (on this or another device).',
      resolve: (e, _args, context) => context.viewer.kind === 'account' && context.viewer.account.id === e.actorAccountId,
    }),
    circle: t.field({ type: NetworkCircle, resolve: (e) => e.circle }),
  }),
});

builder.subscriptionType({ description: 'Live updates, over server-sent events.' });
builder.subscriptionField('circleChanged', (t) =>
  t.field({
    type: CircleEventRef,
    description: 'Every change of one circle, as it happens (client and begeleider drawing together).',
    args: { circleId: t.arg.id({ validate: uuid }) },
    subscribe: async (_root, args, context) => {
      const owner = context.access.requireFound(
        'Subscription.circleChanged',
        await context.db.read((tx) => circleOwner(tx, args.circleId)),
        { message: 'No such circle.', field: 'circleId' },
      );
      // A stream can outlive a session, a grant or an account (issue 12): before every event, and now
      // and then without one, the session is read as it is now. Once it no longer gives access the
      // stream ends, so a former viewer does not go on learning when the circle changes.
      const stillAllowed = async () => {
        context.now = Date.now();
        context.viewer = await currentViewer(context.db, context.request.sessionToken, context.now);
        context.audit.setViewer(context.viewer);
        const rule = POLICY.operations['Subscription.circleChanged'].rules[context.viewer.role];
        return context.viewer.kind === 'account' && allows(rule, context.viewer, { clientId: owner.clientId });
      };
      return whileAllowed(context.live.subscribe('circleChanged', args.circleId), stillAllowed, context.env.liveRecheckMs);
    },
    resolve: async (event, _args, context, info) => {
      // The event the stream ends with: answered with the policy's refusal (audited), never with data.
      if (event.final) {
        // Noted here rather than through context.access: yoga copies the context's fields onto an object
        // of its own, and the access check reads the viewer of the original, which the stream's check did not update.
        context.audit.note({
          clientId: event.clientId,
          subject: 'Subscription.circleChanged',
          action: POLICY.operations['Subscription.circleChanged'].audit,
          result: 'DENIED',
        });
        throw refusal(context.viewer, 'Subscription.circleChanged');
      }
      if (context.viewer.kind !== 'account') throw apiError('UNAUTHENTICATED', 'The session has ended.');
      const circle = await readCircle(context, event.circleId, info, 'circle');
      if (!circle) throw apiError('NOT_FOUND', 'The circle no longer exists.');
      return { ...event, circle };
    },
  }),
);

/** Whether the viewer may change this circle (the editor shows its tools only then). */
export function mayEdit(context: Context, circle: { clientId: string; frozenAt: string | null }): boolean {
  if (circle.frozenAt !== null) return false;
  const rule = POLICY.operations['Mutation.moveCircleEntry'].rules[context.viewer.role];
  return allows(rule, context.viewer, { clientId: circle.clientId });
}
