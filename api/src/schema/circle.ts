import {
  findCircle,
  findClient,
  listCircles,
  findClients,
  type CircleEntry,
  type CirclePerson,
  type CircleSummary,
  type NetworkCircle as NetworkCircleValue,
} from '@wijkkring/graph';
import { builder } from '../builder.js';
import { requireAccount } from './auth.js';
import type { Context } from '../context.js';
import { connection, pageArgs, pageWindow, SupportKindEnum, uuid, WishEnum } from './common.js';
import { CircleEntryRef, Client, District, NetworkCircle, Organisation } from './refs.js';

const CirclePersonRef = builder.objectRef<CirclePerson>('CirclePerson').implement({
  description: 'A person in a circle. People who only appear in circles have a first name or nickname and nothing else.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    professional: t.exposeBoolean('professional', { description: 'Works at an organisation (a begeleider, for example).' }),
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
    target: t.field({ type: CircleTarget, resolve: (e: CircleEntry) => e.target }),
  }),
});

async function full(circle: NetworkCircleValue | CircleSummary, context: Context): Promise<NetworkCircleValue | undefined> {
  if ('entries' in circle) return circle;
  return context.db.read((tx) => findCircle(tx, circle.id));
}

NetworkCircle.implement({
  description: "A client's netwerkcirkel at one moment (momentopname). The open one has no frozenAt.",
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    frozenAt: t.expose('frozenAt', { type: 'DateTime', nullable: true }),
    clientName: t.string({
      description: 'The name the client chose to be shown.',
      resolve: async (c, _args, context) => (await full(c, context))?.clientName ?? '',
    }),
    entries: t.field({ type: [CircleEntryRef], resolve: async (c, _args, context) => (await full(c, context))?.entries ?? [] }),
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
      resolve: (c, _args, context) =>
        c.currentCircleId ? context.db.read((tx) => findCircle(tx, c.currentCircleId ?? '')) : null,
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
    resolve: (_root, args, context) => context.db.read((tx) => findCircle(tx, args.id)),
  }),
  client: t.field({
    type: Client,
    nullable: true,
    args: { id: t.arg.id({ validate: uuid }) },
    resolve: (_root, args, context) => context.db.read((tx) => findClient(tx, args.id)),
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
