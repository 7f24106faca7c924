import {
  findOrganisation,
  findOrganisationParts,
  searchOrganisations,
  type OrganisationPart,
  type OrganisationShaped,
  type OrganisationParts,
  type OrganisationSummary,
} from '@wijkkring/graph';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { selectedFields } from '../lookahead.js';
import { connection, pageArgs, pageWindow, SectorEnum, uuid } from './common.js';
import { District, Link, Offering, Organisation, Partnership } from './refs.js';

type OrganisationValue = OrganisationSummary | OrganisationShaped;

type PartLoaders = { [P in OrganisationPart]?: DataLoader<string, OrganisationParts[P] | undefined> };

/** Per request: one batch per part, so a list of organisations costs one statement per part asked for (issue 12). */
const partLoaders = new WeakMap<Context, PartLoaders>();

function partLoader<P extends OrganisationPart>(context: Context, part: P): DataLoader<string, OrganisationParts[P] | undefined> {
  let loaders = partLoaders.get(context);
  if (!loaders) {
    loaders = {};
    partLoaders.set(context, loaders);
  }
  const existing = loaders[part];
  if (existing) return existing;
  const loader = new DataLoader<string, OrganisationParts[P] | undefined>(async (ids) => {
    const found = await context.db.read((tx) => findOrganisationParts(tx, ids, part));
    return ids.map((id) => found.get(id));
  });
  (loaders as { [K in P]?: DataLoader<string, OrganisationParts[K] | undefined> })[part] = loader;
  return loader;
}

/** A part of an organisation's detail: there already when the organisation was loaded with it, else batched. */
type ListPart = Exclude<OrganisationPart, 'notes'>;

async function detail<P extends ListPart>(
  organisation: OrganisationValue,
  part: P,
  context: Context,
): Promise<Pick<OrganisationParts, ListPart>[P]> {
  const value = (organisation as Partial<Pick<OrganisationParts, ListPart>>)[part];
  if (value) return value;
  const empty: Pick<OrganisationParts, ListPart> = { districts: [], partnerships: [], offerings: [], links: [] };
  return (await partLoader(context, part).load(organisation.id)) ?? empty[part];
}

async function notes(organisation: OrganisationValue, context: Context): Promise<OrganisationParts['notes'] | undefined> {
  if ('classification' in organisation && 'note' in organisation)
    return { classification: organisation.classification ?? null, note: organisation.note ?? null };
  return partLoader(context, 'notes').load(organisation.id);
}

/** The parts of an organisation's detail the operation selected (issue 13: the statement reads only those). */
function selectedParts(info: GraphQLResolveInfo): Set<OrganisationPart> {
  const fields = selectedFields(info);
  const parts = new Set<OrganisationPart>();
  if (fields.has('classification') || fields.has('note')) parts.add('notes');
  for (const part of ['districts', 'partnerships', 'offerings', 'links'] as const) if (fields.has(part)) parts.add(part);
  return parts;
}

Organisation.implement({
  description:
    'An organisation. `tier` is the spoor (1 sociale basis, 2 buurtteams, 3 aanvullende zorg); other sectors have none.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    tier: t.exposeInt('tier', { nullable: true }),
    sector: t.expose('sector', { type: SectorEnum }),
    classification: t.string({
      nullable: true,
      description: '"source" when the public report states the tier or sector, "assumed" when it is our classification.',
      resolve: async (o, _args, context) => (await notes(o, context))?.classification ?? null,
    }),
    note: t.string({ nullable: true, resolve: async (o, _args, context) => (await notes(o, context))?.note ?? null }),
    districts: t.field({ type: [District], resolve: (o, _args, context) => detail(o, 'districts', context) }),
    partnerships: t.field({
      type: [Partnership],
      resolve: (o, _args, context) => detail(o, 'partnerships', context),
    }),
    offerings: t.field({ type: [Offering], resolve: (o, _args, context) => detail(o, 'offerings', context) }),
    links: t.field({ type: [Link], resolve: (o, _args, context) => detail(o, 'links', context) }),
  }),
});

const OrganisationConnection = connection<never, OrganisationSummary>('Organisation', Organisation as never);

builder.queryFields((t) => ({
  organisation: t.field({
    type: Organisation,
    nullable: true,
    description: 'One organisation by id or slug, with its districts, partnerships, offerings and links.',
    args: {
      id: t.arg.id({ required: false, validate: uuid }),
      slug: t.arg.string({ required: false, validate: z.string().regex(/^[a-z0-9-]{1,80}$/, 'must be a slug like "dock"') }),
    },
    validate: z
      .object({ id: z.string().nullish(), slug: z.string().nullish() })
      .refine((args) => (args.id == null) !== (args.slug == null), { message: 'give exactly one of id and slug', path: ['id'] }),
    resolve: (_root, args, context, info) =>
      context.db.read((tx) => findOrganisation(tx, args.id ?? args.slug ?? '', selectedParts(info))),
  }),
  organisations: t.field({
    type: OrganisationConnection,
    description: 'Organisations by name; optionally those whose name contains `search`, or only those active in a district.',
    args: {
      ...pageArgs,
      search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(80) }),
      districtId: t.arg.id({ required: false, validate: uuid }),
    },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) =>
        searchOrganisations(tx, { search: args.search ?? null, districtId: args.districtId ?? null }, skip, limit),
      );
    },
  }),
}));
