import { randomUUID } from 'node:crypto';
import {
  createDistrict,
  createOrganisation,
  createPartnership,
  DomainError,
  endDistrict,
  endOrganisation,
  endPartnership,
  findDistrictRecord,
  findOrganisationRecord,
  findPartnershipRecord,
  listDistrictRecords,
  listOrganisationRecords,
  listPartnershipRecords,
  mergeOrganisations,
  organisationMergePreview,
  organisationSchemas,
  renameDistrict,
  updateOrganisation,
  updatePartnership,
  wijkSchemas,
  type DistrictRecord as DistrictRecordValue,
  type MembershipRecord as MembershipRecordValue,
  type MergeCounts as MergeCountsValue,
  type OfferingRecord as OfferingRecordValue,
  type OrganisationRecord as OrganisationRecordValue,
  type OrganisationRecordDetail,
  type PartnershipRecord as PartnershipRecordValue,
  type Tx,
} from '@wijkkring/graph';
import { z } from 'zod';
import { auditedWrite } from '../audit/audited-write.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { todayOf } from '../wijk/service.js';
import { connection, OfferingCategoryEnum, pageArgs, pageWindow, PartnershipKindEnum, SectorEnum, uuid } from './common.js';

/**
 * Beheer › Organisaties en wijken (issue 11): an admin keeps the city's sociale kaart. Organisations,
 * wijken and partnerships are created, edited and ended, never deleted; two records of one
 * organisation are merged. Offerings and memberships use the wijkkaart's mutations (recordOffering,
 * joinPartnership…), which an admin may use in every wijk. Every change goes through auditedWrite;
 * every field is for ADMIN only (api/src/access/policy.ts).
 */

const date = wijkSchemas.isoDateSchema;
const districtSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug like "kanaleneiland"')
  .max(60);
const nowIso = (context: Context): string => new Date(context.now).toISOString();

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

const OfferingRecord = builder.objectRef<OfferingRecordValue>('OfferingRecord').implement({
  description: 'An offering with its period, as the administration sees it (ended ones too).',
  fields: (t) => ({
    id: t.exposeID('id'),
    organisationId: t.exposeID('organisationId'),
    districtId: t.exposeID('districtId'),
    category: t.field({ type: OfferingCategoryEnum, resolve: (f) => f.category }),
    name: t.exposeString('name'),
    languages: t.exposeStringList('languages'),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true, description: 'From this date it is no longer offered.' }),
  }),
});

type MembershipValue = MembershipRecordValue & { partnershipName?: string };

const MembershipRecord = builder.objectRef<MembershipValue>('MembershipRecord').implement({
  description: 'An organisation’s membership of a partnership, with its period.',
  fields: (t) => ({
    partnershipId: t.exposeID('partnershipId'),
    partnershipName: t.string({ nullable: true, resolve: (m) => m.partnershipName ?? null }),
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
  }),
});

type OrganisationValue = OrganisationRecordValue | OrganisationRecordDetail;

async function recordDetail(o: OrganisationValue, context: Context): Promise<OrganisationRecordDetail | undefined> {
  if ('offerings' in o) return o;
  return context.db.read((tx) => findOrganisationRecord(tx, o.id));
}

const OrganisationRecord = builder.objectRef<OrganisationValue>('OrganisationRecord').implement({
  description: 'An organisation as the administration sees it: also when it ended and whether it was merged into another record.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    tier: t.exposeInt('tier', { nullable: true, description: 'The spoor (1–3), from the sector; null for other sectors.' }),
    sector: t.field({ type: SectorEnum, resolve: (o) => o.sector }),
    note: t.exposeString('note', { nullable: true }),
    until: t.expose('until', {
      type: 'Date',
      nullable: true,
      description: 'From this date it no longer exists: maps of that date and later leave it out.',
    }),
    mergedIntoId: t.exposeID('mergedIntoId', {
      nullable: true,
      description: 'A duplicate record points at the record it was merged into.',
    }),
    mergedAt: t.expose('mergedAt', { type: 'DateTime', nullable: true }),
    districtIds: t.exposeIDList('districtIds', { description: 'The wijken it is active in.' }),
    offerings: t.field({
      type: [OfferingRecord],
      description: 'All its offerings, ended ones last.',
      resolve: async (o, _args, context) => (await recordDetail(o, context))?.offerings ?? [],
    }),
    memberships: t.field({
      type: [MembershipRecord],
      description: 'All its memberships of partnerships, ended ones last.',
      resolve: async (o, _args, context) => (await recordDetail(o, context))?.memberships ?? [],
    }),
  }),
});

const DistrictRecord = builder.objectRef<DistrictRecordValue>('DistrictRecord').implement({
  description: 'A wijk as the administration sees it, ended ones too.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    focus: t.exposeBoolean('focus'),
    partOfId: t.exposeID('partOfId', { nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    organisationCount: t.exposeInt('organisationCount', { description: 'Current organisations active in it.' }),
  }),
});

const PartnershipRecord = builder.objectRef<PartnershipRecordValue>('PartnershipRecord').implement({
  description: 'A partnership with all its memberships, past ones too.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: PartnershipKindEnum, resolve: (p) => p.kind }),
    districtId: t.exposeID('districtId', { nullable: true, description: 'null: city-wide.' }),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    members: t.field({ type: [MembershipRecord], resolve: (p) => p.members }),
  }),
});

const MergeCounts = builder.objectRef<MergeCountsValue>('MergeCounts').implement({
  description:
    'What a merge moves from the duplicate to the record that is kept. Entries in clients’ circles move too; they are not counted here.',
  fields: (t) => ({
    links: t.exposeInt('links', { description: 'Links that move.' }),
    sharedLinks: t.exposeInt('sharedLinks', {
      description: 'Links the kept record has already (same other end and kind): folded into one.',
    }),
    selfLinks: t.exposeInt('selfLinks', { description: 'Links between the two records: they go.' }),
    offerings: t.exposeInt('offerings'),
    memberships: t.exposeInt('memberships'),
    districts: t.exposeInt('districts', { description: 'Wijken the kept record was not active in yet.' }),
    employees: t.exposeInt('employees', { description: 'People employed by the duplicate (and their accounts).' }),
    actions: t.exposeInt('actions', { description: 'Coordinators’ actions about the duplicate.' }),
  }),
});

interface PreviewValue {
  duplicate: OrganisationRecordValue;
  keep: OrganisationRecordValue;
  counts: MergeCountsValue;
}

const OrganisationMergePreview = builder.objectRef<PreviewValue>('OrganisationMergePreview').implement({
  description: 'What merging would do, for the confirmation.',
  fields: (t) => ({
    duplicate: t.field({ type: OrganisationRecord, resolve: (p) => p.duplicate }),
    keep: t.field({ type: OrganisationRecord, resolve: (p) => p.keep }),
    moves: t.field({ type: MergeCounts, resolve: (p) => p.counts }),
  }),
});

const OrganisationRecordConnection = connection<never, OrganisationRecordValue>(
  'OrganisationRecord',
  OrganisationRecord as never,
);
const DistrictRecordConnection = connection<never, DistrictRecordValue>('DistrictRecord', DistrictRecord as never);
const PartnershipRecordConnection = connection<never, PartnershipRecordValue>('PartnershipRecord', PartnershipRecord as never);

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

const differentIds = (args: { duplicateId: string; keepId: string }) => args.duplicateId !== args.keepId;
const DIFFERENT_IDS = { message: 'choose two different records', path: ['keepId'] };

builder.queryFields((t) => ({
  adminOrganisations: t.field({
    type: OrganisationRecordConnection,
    description: 'Organisations for the administration, by name; current ones unless includeEnded (then ended and merged too).',
    args: {
      ...pageArgs,
      search: t.arg.string({ required: false, validate: z.string().trim().min(1).max(80) }),
      districtId: t.arg.id({ required: false, validate: uuid }),
      includeEnded: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) =>
        listOrganisationRecords(
          tx,
          {
            search: args.search ?? null,
            districtId: args.districtId ?? null,
            includeEnded: args.includeEnded === true,
            today: todayOf(context),
          },
          skip,
          limit,
        ),
      );
    },
  }),
  adminOrganisation: t.field({
    type: OrganisationRecord,
    nullable: true,
    description: 'One organisation record with all its offerings and memberships.',
    args: { id: t.arg.id({ validate: uuid }) },
    resolve: (_root, args, context) => context.db.read((tx) => findOrganisationRecord(tx, args.id)),
  }),
  organisationMergePreview: t.field({
    type: OrganisationMergePreview,
    description: 'What merging the duplicate into the kept record would move (NOT_FOUND when either is unknown).',
    args: { duplicateId: t.arg.id({ validate: uuid }), keepId: t.arg.id({ validate: uuid }) },
    validate: z.object({ duplicateId: z.string(), keepId: z.string() }).refine(differentIds, DIFFERENT_IDS),
    resolve: async (_root, args, context) => {
      const preview = await context.db.read((tx) => organisationMergePreview(tx, args.duplicateId, args.keepId));
      if (!preview) throw new DomainError('NOT_FOUND', 'No such organisation.', { field: 'duplicateId' });
      return preview;
    },
  }),
  adminDistricts: t.field({
    type: DistrictRecordConnection,
    description: 'Wijken for the administration, by name; ended ones too when includeEnded.',
    args: { ...pageArgs, includeEnded: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) =>
        listDistrictRecords(tx, { includeEnded: args.includeEnded === true, today: todayOf(context) }, skip, limit),
      );
    },
  }),
  adminPartnerships: t.field({
    type: PartnershipRecordConnection,
    description: 'Partnerships with all their memberships, by name; ended ones too when includeEnded.',
    args: {
      ...pageArgs,
      includeEnded: t.arg.boolean({ required: false, defaultValue: false }),
      districtId: t.arg.id({ required: false, validate: uuid }),
    },
    resolve: (_root, args, context) => {
      const { skip, limit } = pageWindow(args);
      return context.db.read((tx) =>
        listPartnershipRecords(
          tx,
          { includeEnded: args.includeEnded === true, today: todayOf(context), districtId: args.districtId ?? null },
          skip,
          limit,
        ),
      );
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const organisationFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  name: t.string({ validate: organisationSchemas.organisationNameSchema }),
  sector: t.field({
    type: SectorEnum,
    description: 'The tier (spoor) follows from it: SOCIAL_BASE 1, NEIGHBOURHOOD_TEAMS 2, ADDITIONAL_CARE 3.',
  }),
  districtIds: t.idList({
    validate: organisationSchemas.districtIdsSchema,
    description: 'The wijken it is active in (may be empty for a city-wide organisation).',
  }),
  note: t.string({ required: false, validate: organisationSchemas.organisationNoteSchema }),
});

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  fields: (t) => ({
    ...organisationFields(t),
    slug: t.string({
      required: false,
      validate: organisationSchemas.slugSchema,
      description: 'Made from the name when left out.',
    }),
  }),
});
const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), ...organisationFields(t) }),
});
const EndOrganisationInput = builder.inputType('EndOrganisationInput', {
  fields: (t) => ({
    id: t.id({ validate: uuid }),
    until: t.field({ type: 'Date', validate: date, description: 'From this date it no longer exists.' }),
  }),
});
const MergeOrganisationsInput = builder.inputType('MergeOrganisationsInput', {
  description: 'Two records of the same organisation: everything of the duplicate moves to the one that is kept.',
  fields: (t) => ({ duplicateId: t.id({ validate: uuid }), keepId: t.id({ validate: uuid }) }),
  validate: z.looseObject({ duplicateId: z.string(), keepId: z.string() }).refine(differentIds, DIFFERENT_IDS),
});

const CreateDistrictInput = builder.inputType('CreateDistrictInput', {
  fields: (t) => ({
    name: t.string({ validate: organisationSchemas.districtNameSchema }),
    slug: t.string({ validate: districtSlug, description: 'Its name in web addresses; it cannot change later.' }),
    partOfId: t.id({ required: false, validate: uuid, description: 'The wijk it is part of, if any.' }),
  }),
});
const UpdateDistrictInput = builder.inputType('UpdateDistrictInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), name: t.string({ validate: organisationSchemas.districtNameSchema }) }),
});
const EndDistrictInput = builder.inputType('EndDistrictInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), until: t.field({ type: 'Date', validate: date }) }),
});

const partnershipPlace = z
  .looseObject({ cityWide: z.boolean(), districtId: z.string().nullish() })
  .refine((v) => v.cityWide === (v.districtId == null), {
    message: 'give a districtId, or cityWide true without one',
    path: ['districtId'],
  });
const partnershipFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  name: t.string({ validate: organisationSchemas.partnershipNameSchema }),
  kind: t.field({ type: PartnershipKindEnum }),
  cityWide: t.boolean({ description: 'True for a city-wide partnership (the regiegroep); then no districtId.' }),
  districtId: t.id({ required: false, validate: uuid, description: 'The wijk it belongs to.' }),
});
const CreatePartnershipInput = builder.inputType('CreatePartnershipInput', {
  fields: (t) => ({
    ...partnershipFields(t),
    since: t.field({ type: 'Date', required: false, validate: date, description: 'Today when left out.' }),
  }),
  validate: partnershipPlace,
});
const UpdatePartnershipInput = builder.inputType('UpdatePartnershipInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), ...partnershipFields(t) }),
  validate: partnershipPlace,
});
const EndPartnershipInput = builder.inputType('EndPartnershipInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), until: t.field({ type: 'Date', validate: date }) }),
});

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

const OrganisationRecordPayload = builder
  .objectRef<{ organisation: OrganisationRecordValue }>('OrganisationRecordPayload')
  .implement({ fields: (t) => ({ organisation: t.field({ type: OrganisationRecord, resolve: (p) => p.organisation }) }) });

const EndOrganisationPayload = builder
  .objectRef<{ organisation: OrganisationRecordValue; links: number; memberships: number; offerings: number }>(
    'EndOrganisationPayload',
  )
  .implement({
    description: 'The ended organisation, and how many of its running links, memberships and offerings ended with it.',
    fields: (t) => ({
      organisation: t.field({ type: OrganisationRecord, resolve: (p) => p.organisation }),
      endedLinks: t.exposeInt('links'),
      endedMemberships: t.exposeInt('memberships'),
      endedOfferings: t.exposeInt('offerings'),
    }),
  });

const MergeOrganisationsPayload = builder
  .objectRef<{ organisation: OrganisationRecordValue; counts: MergeCountsValue }>('MergeOrganisationsPayload')
  .implement({
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRecord,
        description: 'The record that was kept.',
        resolve: (p) => p.organisation,
      }),
      moved: t.field({ type: MergeCounts, resolve: (p) => p.counts }),
    }),
  });

const DistrictRecordPayload = builder
  .objectRef<{ district: DistrictRecordValue }>('DistrictRecordPayload')
  .implement({ fields: (t) => ({ district: t.field({ type: DistrictRecord, resolve: (p) => p.district }) }) });

const PartnershipRecordPayload = builder
  .objectRef<{ partnership: PartnershipRecordValue; endedMemberships?: number }>('PartnershipRecordPayload')
  .implement({
    fields: (t) => ({
      partnership: t.field({ type: PartnershipRecord, resolve: (p) => p.partnership }),
      endedMemberships: t.int({
        description: 'For endPartnership: memberships that ended with it.',
        resolve: (p) => p.endedMemberships ?? 0,
      }),
    }),
  });

async function districtRecord(tx: Tx, id: string, context: Context): Promise<DistrictRecordValue> {
  const found = await findDistrictRecord(tx, id, todayOf(context));
  if (!found) throw new DomainError('NOT_FOUND', 'No such wijk.', { field: 'input.id' });
  return found;
}

async function partnershipRecord(tx: Tx, id: string): Promise<PartnershipRecordValue> {
  const found = await findPartnershipRecord(tx, id);
  if (!found) throw new DomainError('NOT_FOUND', 'No such partnership.', { field: 'input.id' });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

builder.mutationFields((t) => ({
  createOrganisation: t.field({
    type: OrganisationRecordPayload,
    description: 'A new organisation (CONFLICT when a current one has the name, or the slug is taken).',
    args: { input: t.arg({ type: CreateOrganisationInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'Organisation', action: 'CREATE' }, async (tx, record) => {
        const id = randomUUID();
        record.detail = `organisation ${id} created`;
        return {
          organisation: await createOrganisation(
            tx,
            {
              id,
              name: input.name,
              slug: input.slug ?? null,
              sector: input.sector,
              note: input.note || null,
              districtIds: [...input.districtIds],
            },
            { today: todayOf(context), now: nowIso(context) },
          ),
        };
      }),
  }),
  updateOrganisation: t.field({
    type: OrganisationRecordPayload,
    description: 'Changes name, sector (and so tier), note and wijken. A merged record cannot change.',
    args: { input: t.arg({ type: UpdateOrganisationInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(
        context,
        { subject: 'Organisation', action: 'UPDATE', detail: `organisation ${input.id} changed` },
        async (tx) => ({
          organisation: await updateOrganisation(
            tx,
            {
              id: input.id,
              name: input.name,
              sector: input.sector,
              note: input.note || null,
              districtIds: [...input.districtIds],
            },
            todayOf(context),
          ),
        }),
      ),
  }),
  endOrganisation: t.field({
    type: EndOrganisationPayload,
    description:
      'Ends an organisation on a date. It stays on record with its history: a map of an earlier date still shows it. ' +
      'Its running links, memberships and offerings end on the same date.',
    args: { input: t.arg({ type: EndOrganisationInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(
        context,
        { subject: 'Organisation', action: 'UPDATE', detail: `organisation ${input.id} ended` },
        async (tx) => {
          const { organisation, ended } = await endOrganisation(tx, input.id, input.until, nowIso(context));
          return { organisation, ...ended };
        },
      ),
  }),
  mergeOrganisations: t.field({
    type: MergeOrganisationsPayload,
    description:
      'Two records of the same organisation become one: everything of the duplicate moves to the kept record without ' +
      'doubling, and the duplicate stays as a record marked mergedInto. Its id and slug then lead to the kept record.',
    args: { input: t.arg({ type: MergeOrganisationsInput }) },
    resolve: async (_root, { input }, context) => {
      const result = await auditedWrite(
        context,
        { subject: 'Organisation', action: 'UPDATE', detail: `merge: organisation ${input.duplicateId} into ${input.keepId}` },
        async (tx, record) => {
          const merged = await mergeOrganisations(tx, {
            duplicateId: input.duplicateId,
            keepId: input.keepId,
            now: nowIso(context),
          });
          // Entries in clients' circles changed: a change to client data, so the record is written once
          // for each client whose circle changed (in their trail), in the same transaction.
          record.clientIds = [...new Set(merged.circles.map((c) => c.clientId))];
          return merged;
        },
      );
      // Devices drawing an open circle read it fresh (and audited) when told it changed.
      const actor = context.viewer.kind === 'account' ? context.viewer.account.id : '';
      for (const circle of result.circles.filter((c) => c.open)) {
        context.live.publish('circleChanged', circle.circleId, {
          circleId: circle.circleId,
          clientId: circle.clientId,
          version: circle.version,
          change: 'ENTRY_UPDATED',
          entryId: circle.entryIds[0] ?? null,
          actorAccountId: actor,
        });
      }
      return { organisation: result.kept, counts: result.counts };
    },
  }),
  createDistrict: t.field({
    type: DistrictRecordPayload,
    description: 'A new wijk (CONFLICT when a current wijk has the name, or any wijk the slug).',
    args: { input: t.arg({ type: CreateDistrictInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'District', action: 'CREATE' }, async (tx, record) => {
        const id = randomUUID();
        record.detail = `wijk ${id} created`;
        await createDistrict(
          tx,
          { id, name: input.name, slug: input.slug, partOfId: input.partOfId ?? null },
          { today: todayOf(context), now: nowIso(context) },
        );
        return { district: await districtRecord(tx, id, context) };
      }),
  }),
  updateDistrict: t.field({
    type: DistrictRecordPayload,
    description: 'Renames a wijk; its slug stays.',
    args: { input: t.arg({ type: UpdateDistrictInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'District', action: 'UPDATE', detail: `wijk ${input.id} renamed` }, async (tx) => {
        await renameDistrict(tx, input.id, input.name, todayOf(context));
        return { district: await districtRecord(tx, input.id, context) };
      }),
  }),
  endDistrict: t.field({
    type: DistrictRecordPayload,
    description: 'Ends a wijk on a date: it leaves the list of wijken; its history and maps of earlier dates stay.',
    args: { input: t.arg({ type: EndDistrictInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'District', action: 'UPDATE', detail: `wijk ${input.id} ended` }, async (tx) => {
        await endDistrict(tx, input.id, input.until, nowIso(context));
        return { district: await districtRecord(tx, input.id, context) };
      }),
  }),
  createPartnership: t.field({
    type: PartnershipRecordPayload,
    description: 'A new partnership without members; they join with joinPartnership.',
    args: { input: t.arg({ type: CreatePartnershipInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'Partnership', action: 'CREATE' }, async (tx, record) => {
        const id = randomUUID();
        record.detail = `partnership ${id} created`;
        await createPartnership(
          tx,
          {
            id,
            name: input.name,
            kind: input.kind,
            districtId: input.cityWide ? null : (input.districtId ?? null),
            since: input.since ?? todayOf(context),
          },
          { today: todayOf(context), now: nowIso(context) },
        );
        return { partnership: await partnershipRecord(tx, id) };
      }),
  }),
  updatePartnership: t.field({
    type: PartnershipRecordPayload,
    description: 'Renames a partnership, changes its kind or its wijk.',
    args: { input: t.arg({ type: UpdatePartnershipInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(
        context,
        { subject: 'Partnership', action: 'UPDATE', detail: `partnership ${input.id} changed` },
        async (tx) => {
          await updatePartnership(
            tx,
            {
              id: input.id,
              name: input.name,
              kind: input.kind,
              districtId: input.cityWide ? null : (input.districtId ?? null),
            },
            todayOf(context),
          );
          return { partnership: await partnershipRecord(tx, input.id) };
        },
      ),
  }),
  endPartnership: t.field({
    type: PartnershipRecordPayload,
    description: 'Ends a partnership on a date; memberships still running end with it (all stay on record).',
    args: { input: t.arg({ type: EndPartnershipInput }) },
    resolve: (_root, { input }, context) =>
      auditedWrite(context, { subject: 'Partnership', action: 'UPDATE', detail: `partnership ${input.id} ended` }, async (tx) => {
        const { memberships } = await endPartnership(tx, input.id, input.until, nowIso(context));
        return { partnership: await partnershipRecord(tx, input.id), endedMemberships: memberships };
      }),
  }),
}));
