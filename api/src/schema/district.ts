import {
  findDistrict,
  listDistricts,
  type District as DistrictValue,
  type DistrictInclude,
  type DistrictNetwork,
} from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { selectedFields } from '../lookahead.js';
import {
  connection,
  LinkKindEnum,
  LinkSourceEnum,
  OfferingCategoryEnum,
  pageArgs,
  pageWindow,
  PartnershipKindEnum,
  uuid,
} from './common.js';
import { District, KeyFigure, Link, Offering, Organisation, Partnership } from './refs.js';

/**
 * One part of a district's network: loaded together with the district when the operation asked for
 * it (one round trip), otherwise for all districts of the request in one batch.
 */
async function part<K extends keyof DistrictInclude>(
  district: DistrictNetwork,
  key: K,
  context: Context,
): Promise<NonNullable<DistrictNetwork[K]>> {
  const loaded = district[key] ?? (await context.loaders.districtNetwork.load(district.id))?.[key];
  if (loaded === undefined) throw new Error(`District ${district.id} has no ${key}`);
  return loaded;
}

KeyFigure.implement({
  description: 'A resident who connects people in the wijk (sleutelfiguur). Shown only after they consented.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
  }),
});

Partnership.implement({
  description: 'A named group of organisations: a kernteam, the regiegroep or a gezonde-wijknetwerk.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PartnershipKindEnum }),
    districtId: t.exposeID('districtId', { nullable: true, description: 'The wijk it belongs to; null: city-wide.' }),
    memberIds: t.exposeIDList('memberIds'),
  }),
});

Link.implement({
  description: 'A COLLABORATES_WITH link between two organisations, or a key figure and an organisation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    fromId: t.exposeID('fromId'),
    toId: t.exposeID('toId'),
    kind: t.expose('kind', { type: LinkKindEnum }),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    strength: t.exposeInt('strength', { nullable: true }),
    source: t.expose('source', { type: LinkSourceEnum }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

Offering.implement({
  description: 'An offer (aanbod) of an organisation in a district.',
  fields: (t) => ({
    id: t.exposeID('id'),
    category: t.expose('category', { type: OfferingCategoryEnum }),
    name: t.exposeString('name'),
    organisationId: t.exposeID('organisationId'),
    districtId: t.exposeID('districtId'),
    languages: t.exposeStringList('languages', { description: 'Languages it is given in (BCP 47 tags, e.g. ar, tr).' }),
  }),
});

District.implement({
  description: 'A wijk. Kanaleneiland is part of Zuidwest but the programme treats it as a wijk.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    focus: t.exposeBoolean('focus', { description: 'One of the four focus wijken of Thuis in je Wijk.' }),
    partOfId: t.exposeID('partOfId', { nullable: true }),
    organisationCount: t.int({
      resolve: (d, _args, context) => part(d, 'organisationCount', context),
    }),
    organisations: t.field({
      type: [Organisation],
      description: 'Organisations active in this district, by name.',
      resolve: (d, _args, context) => part(d, 'organisations', context),
    }),
    partnerships: t.field({ type: [Partnership], resolve: (d, _args, context) => part(d, 'partnerships', context) }),
    keyFigures: t.field({ type: [KeyFigure], resolve: (d, _args, context) => part(d, 'keyFigures', context) }),
    links: t.field({
      type: [Link],
      description:
        'Links valid today whose two ends are both in this district (organisations active here, key figures of here); wijkMap has any date.',
      resolve: (d, _args, context) => part(d, 'links', context),
    }),
    offerings: t.field({ type: [Offering], resolve: (d, _args, context) => part(d, 'offerings', context) }),
  }),
});

const DistrictConnection = connection<never, DistrictValue>('District', District as never);

const INCLUDABLE: (keyof DistrictInclude)[] = [
  'organisations',
  'organisationCount',
  'partnerships',
  'keyFigures',
  'links',
  'offerings',
];

builder.queryFields((t) => ({
  districts: t.field({
    type: DistrictConnection,
    description: "Utrecht's districts, by name.",
    args: pageArgs,
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) => listDistricts(tx, skip, limit));
    },
  }),
  district: t.field({
    type: District,
    nullable: true,
    description: 'One district by id or by slug (for example "kanaleneiland"). Give exactly one of the two.',
    args: {
      id: t.arg.id({ required: false, validate: uuid }),
      slug: t.arg.string({
        required: false,
        validate: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a slug like "kanaleneiland"'),
      }),
    },
    validate: z
      .object({ id: z.string().nullish(), slug: z.string().nullish() })
      .refine((args) => (args.id == null) !== (args.slug == null), { message: 'give exactly one of id and slug', path: ['id'] }),
    resolve: (_root, args, context, info) => {
      const wanted = selectedFields(info);
      const include: DistrictInclude = Object.fromEntries(INCLUDABLE.map((part) => [part, wanted.has(part)]));
      const key = args.id ?? args.slug ?? '';
      return context.db.read((tx) => findDistrict(tx, key, include));
    },
  }),
}));
