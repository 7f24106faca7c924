import {
  findCircle,
  findClient,
  listCircles,
  SIGNAL_KINDS,
  findClients,
  type CircleEntry,
  type CirclePerson,
  type CircleSignal,
  type CircleSummary,
  type LocalOffer,
  type NetworkCircle as NetworkCircleValue,
} from '@wijkkring/graph';
import { absent } from '../access/enforce.js';
import { builder } from '../builder.js';
import { requireAccount } from './auth.js';
import type { Context } from '../context.js';
import { circleShape, ContactFrequencyEnum, mayEdit, readCircle } from './circle-edit.js';
import { connection, OfferingCategoryEnum, pageArgs, pageWindow, SupportKindEnum, uuid, WishEnum } from './common.js';
import { CircleEntryRef, CircleTieRef, Client, District, NetworkCircle, Organisation } from './refs.js';

const CirclePersonRef = builder.objectRef<CirclePerson>('CirclePerson').implement({
  description: 'A person in a circle. People who only appear in circles have a first name or nickname and nothing else.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    professional: t.exposeBoolean('professional', { description: 'Works at an organisation (a begeleider, for example).' }),
    ownContact: t.exposeBoolean('ownContact', {
      description: 'Someone the client added to their circles (their name can be changed); false for staff with an account.',
    }),
    organisation: t.field({
      type: Organisation,
      nullable: true,
      resolve: (p, _args, context) => (p.organisationId ? context.loaders.organisation.load(p.organisationId) : null),
    }),
  }),
});

const CircleTarget = builder.unionType('CircleTarget', {
  description: 'Who or what an entry places in the circle.',
  types: [CirclePersonRef, Organisation],
  resolveType: (target) => ('kind' in target && target.kind === 'PERSON' ? CirclePersonRef : Organisation),
});

CircleEntryRef.implement({
  description: 'One person or organisation placed on a ring and in a sector of a circle.',
  fields: (t) => ({
    id: t.exposeID('id'),
    ring: t.exposeInt('ring', { description: '1 is closest to the client.' }),
    sector: t.exposeString('sector', { description: 'A sector key from `circleLayout`.' }),
    position: t.exposeInt('position', { description: 'Stable order inside one ring and sector.' }),
    relation: t.exposeString('relation', { nullable: true }),
    support: t.field({ type: [SupportKindEnum], resolve: (e) => e.support }),
    safetyNet: t.exposeBoolean('safetyNet', { description: 'Someone to call when things go wrong (vangnet).' }),
    wish: t.field({ type: WishEnum, nullable: true, resolve: (e) => e.wish }),
    note: t.exposeString('note', { nullable: true }),
    frequency: t.field({ type: ContactFrequencyEnum, nullable: true, resolve: (e) => e.frequency }),
    version: t.exposeInt('version', {
      description: 'Send it back with an edit: another version means someone else changed the entry.',
    }),
    target: t.field({ type: CircleTarget, resolve: (e: CircleEntry) => e.target }),
  }),
});

async function full(
  circle: NetworkCircleValue | CircleSummary,
  context: Context,
  signals = false,
): Promise<NetworkCircleValue | undefined> {
  if ('entries' in circle && (!signals || circle.signals)) return circle;
  return context.db.read((tx) => findCircle(tx, circle.id, { signals }));
}

CircleTieRef.implement({
  description: 'Two entries of one circle who know each other.',
  fields: (t) => ({
    id: t.exposeID('id'),
    fromEntryId: t.exposeID('fromEntryId'),
    toEntryId: t.exposeID('toEntryId'),
  }),
});

export const SignalKindEnum = builder.enumType('SignalKind', {
  description: 'Aandachtspunten en kansen. The web app words each one positively, in B1 Dutch.',
  values: SIGNAL_KINDS,
});

const LocalOfferRef = builder.objectRef<LocalOffer>('LocalOffer').implement({
  description: 'Something an organisation in the client’s wijk offers that fits a signal.',
  fields: (t) => ({
    category: t.field({ type: OfferingCategoryEnum, resolve: (o) => o.category }),
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
  }),
});

const CircleSignalRef = builder.objectRef<CircleSignal>('CircleSignal').implement({
  description: 'Something worth talking about in a circle, computed from its data on the server.',
  fields: (t) => ({
    kind: t.field({ type: SignalKindEnum, resolve: (s) => s.kind }),
    entryIds: t.exposeIDList('entryIds'),
    supportKind: t.field({ type: SupportKindEnum, nullable: true, resolve: (s) => s.supportKind }),
    organisationNames: t.exposeStringList('organisationNames'),
    count: t.exposeInt('count', { nullable: true }),
    previousCount: t.exposeInt('previousCount', { nullable: true }),
    previousAt: t.expose('previousAt', { type: 'DateTime', nullable: true }),
    offers: t.field({ type: [LocalOfferRef], resolve: (s) => s.offers }),
  }),
});

NetworkCircle.implement({
  description: "A client's netwerkcirkel at one moment (momentopname). The open one has no frozenAt.",
  fields: (t) => ({
    id: t.exposeID('id'),
    clientId: t.exposeID('clientId', { description: 'The client whose circle this is.' }),
    label: t.exposeString('label', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    frozenAt: t.expose('frozenAt', { type: 'DateTime', nullable: true }),
    clientName: t.string({
      description: 'The name the client chose to be shown.',
      resolve: async (c, _args, context) => (await full(c, context))?.clientName ?? '',
    }),
    version: t.int({ resolve: async (c, _args, context) => (await full(c, context))?.version ?? 0 }),
    entries: t.field({ type: [CircleEntryRef], resolve: async (c, _args, context) => (await full(c, context))?.entries ?? [] }),
    ties: t.field({ type: [CircleTieRef], resolve: async (c, _args, context) => (await full(c, context))?.ties ?? [] }),
    signals: t.field({
      type: [CircleSignalRef],
      description: 'Aandachtspunten en kansen, from this snapshot compared with the one frozen before it.',
      resolve: async (c, _args, context) => (await full(c, context, true))?.signals ?? [],
    }),
    editable: t.boolean({
      description: 'The viewer may change this circle now (it is open, and theirs or shared with them to edit).',
      resolve: (c, _args, context) => mayEdit(context, c),
    }),
  }),
});

Client.implement({
  description: 'A client: a person in Beschermd Thuis or moving to their own home.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'The name the client chose to be shown.' }),
    district: t.field({
      type: District,
      nullable: true,
      resolve: (c, _args, context) => (c.districtId ? context.loaders.districtNetwork.load(c.districtId) : null),
    }),
    currentCircle: t.field({
      type: NetworkCircle,
      nullable: true,
      resolve: (c, _args, context, info) =>
        c.currentCircleId ? context.db.read((tx) => findCircle(tx, c.currentCircleId ?? '', circleShape(info))) : null,
    }),
    circles: t.field({
      type: [NetworkCircle],
      description: 'All snapshots, newest first.',
      resolve: (c, _args, context) => context.db.read((tx) => listCircles(tx, c.id)),
    }),
  }),
});

const ClientConnection = connection<never, never>('Client', Client as never);

builder.queryFields((t) => ({
  networkCircle: t.field({
    type: NetworkCircle,
    nullable: true,
    description: 'One circle with its entries.',
    args: { id: t.arg.id({ validate: uuid }) },
    // A missing circle is refused like someone else's (issue 11): nobody learns which ids exist.
    resolve: async (_root, args, context, info) =>
      (await readCircle(context, args.id, info, null)) ?? absent('NetworkCircle', {}, context, info),
  }),
  client: t.field({
    type: Client,
    nullable: true,
    args: { id: t.arg.id({ validate: uuid }) },
    resolve: async (_root, args, context, info) =>
      (await context.db.read((tx) => findClient(tx, args.id))) ?? absent('Client', { clientId: args.id }, context, info),
  }),
  clients: t.field({
    type: ClientConnection,
    description:
      'The clients the viewer may see, by name: a client sees themselves; a support worker the clients who gave access.',
    args: pageArgs,
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      const { account } = requireAccount(context);
      const ids = account.clientId ? [account.clientId] : account.grants.map((g) => g.clientId);
      return context.db.read((tx) => findClients(tx, ids, skip, limit)) as never;
    },
  }),
}));
