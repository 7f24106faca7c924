import { findOrganisation, searchOrganisations, type OrganisationDetail, type OrganisationSummary } from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { connection, pageArgs, pageWindow, SectorEnum, uuid } from './common.js';
import { District, Link, Offering, Organisation, Partnership } from './refs.js';

type OrganisationValue = OrganisationSummary | OrganisationDetail;

async function detail(organisation: OrganisationValue, context: Context): Promise<OrganisationDetail | undefined> {
  if ('links' in organisation) return organisation;
  return context.db.read((tx) => findOrganisation(tx, organisation.id));
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
      resolve: async (o, _args, context) => (await detail(o, context))?.classification ?? null,
    }),
    note: t.string({ nullable: true, resolve: async (o, _args, context) => (await detail(o, context))?.note ?? null }),
    districts: t.field({ type: [District], resolve: async (o, _args, context) => (await detail(o, context))?.districts ?? [] }),
    partnerships: t.field({
      type: [Partnership],
      resolve: async (o, _args, context) => (await detail(o, context))?.partnerships ?? [],
    }),
    offerings: t.field({ type: [Offering], resolve: async (o, _args, context) => (await detail(o, context))?.offerings ?? [] }),
    links: t.field({ type: [Link], resolve: async (o, _args, context) => (await detail(o, context))?.links ?? [] }),
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
    resolve: (_root, args, context) => context.db.read((tx) => findOrganisation(tx, args.id ?? args.slug ?? '')),
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
