import { model, MAX_PAGE_SIZE, offsetOf, pageArgsSchema, type Page } from '@wijkkring/graph';
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../builder.js';

export const SectorEnum = builder.enumType('Sector', {
  description: 'What kind of organisation this is. The three sporen (tiers 1–3) and the sectors outside them.',
  values: model.SECTORS,
});
export const PartnershipKindEnum = builder.enumType('PartnershipKind', { values: model.PARTNERSHIP_KINDS });
export const LinkKindEnum = builder.enumType('LinkKind', { values: model.LINK_KINDS });
export const LinkSourceEnum = builder.enumType('LinkSource', {
  description: 'Where a link is known from: REPORT (the public report), DEMO (invented demo data), USER, SYNTHETIC (generator).',
  values: model.LINK_SOURCES,
});
export const OfferingCategoryEnum = builder.enumType('OfferingCategory', { values: model.OFFERING_CATEGORIES });
export const SupportKindEnum = builder.enumType('SupportKind', { values: model.SUPPORT_KINDS });
export const WishEnum = builder.enumType('Wish', { values: model.WISHES });

export const PageInfo = builder.objectRef<Page<unknown>>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true }),
    totalCount: t.exposeInt('totalCount'),
  }),
});

/** A page of `item`s: `{ nodes, pageInfo }`. */
export function connection<Types extends SchemaTypes, T>(name: string, item: ObjectRef<Types, T>) {
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      nodes: t.field({ type: [item] as never, resolve: (page) => page.items as never }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page }),
    }),
  });
}

/** Arguments of every paginated list: a bounded `first` and an opaque `after` cursor. */
export const pageArgs = builder.args((t) => ({
  first: t.int({
    defaultValue: 50,
    description: `How many items to return (1–${String(MAX_PAGE_SIZE)}).`,
    validate: z.number().int().min(1).max(MAX_PAGE_SIZE),
  }),
  after: t.string({ required: false, description: 'The endCursor of the previous page.', validate: pageArgsSchema.shape.after }),
}));

export function pageWindow(args: { first: number; after?: string | null | undefined }): { skip: number; limit: number } {
  return { skip: offsetOf(args.after), limit: args.first };
}

export const uuid = z.uuid('must be a UUID');
