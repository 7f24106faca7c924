import { randomUUID } from 'node:crypto';
import {
  actionDistrict,
  compareDistricts,
  computeWijkSignals,
  createWijkAction,
  DomainError,
  districtFacts,
  endLink,
  endOffering,
  findWijkMap,
  joinPartnership,
  leavePartnership,
  linkDistricts,
  listDistricts,
  listWijkActions,
  model,
  offeringDistrict,
  partnershipDistrict,
  recordKeyFigure,
  recordLink,
  recordOffering,
  updateLink,
  updateOffering,
  updateWijkAction,
  wijkMeasures,
  wijkSchemas,
  wijkSignalInput,
  type DistrictComparison as DistrictComparisonValue,
  type WijkAction as WijkActionValue,
  type WijkMap as WijkMapValue,
  type WijkMeasures as WijkMeasuresValue,
  type WijkSignal as WijkSignalValue,
  type Tx,
} from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { signedIn } from '../viewer.js';
import { checkEnd, mapWrite, maySeeCircleFigures, todayOf } from '../wijk/service.js';
import { OkPayload } from './auth.js';
import { LinkKindEnum, LinkSourceEnum, OfferingCategoryEnum, uuid } from './common.js';
import { District, KeyFigure, Link, Offering, Organisation, Partnership } from './refs.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

export const SpoorGroupEnum = builder.enumType('SpoorGroup', {
  description: 'The groups of the organisation network: spoor 1, 2, 3, and OTHER (organisations without a tier).',
  values: model.SPOOR_GROUPS,
});
const WijkSignalCodeEnum = builder.enumType('WijkSignalCode', {
  description: 'What the wijkkaart notices. Only MISSING_LINK is derived from client circles.',
  values: model.WIJK_SIGNAL_CODES,
});
const WijkActionStatusEnum = builder.enumType('WijkActionStatus', { values: model.WIJK_ACTION_STATUSES });

const date = wijkSchemas.isoDateSchema;
const slug = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a slug like "kanaleneiland"');

// ---------------------------------------------------------------------------------------------
// The map
// ---------------------------------------------------------------------------------------------

const WijkMap = builder.objectRef<WijkMapValue>('WijkMap').implement({
  description:
    'The wijkkaart: the public social map of one wijk as it stood on one date. Links are never deleted, so any date can be drawn.',
  fields: (t) => ({
    district: t.field({ type: District, resolve: (m) => m.district }),
    at: t.expose('at', { type: 'Date', description: 'The date the map shows.' }),
    organisations: t.field({
      type: [Organisation],
      description: 'Active in the wijk, by name.',
      resolve: (m) => m.organisations,
    }),
    outsideOrganisations: t.field({
      type: [Organisation],
      description: 'Not active in the wijk but linked with one that is (drawn at the map’s edge).',
      resolve: (m) => m.outsideOrganisations,
    }),
    keyFigures: t.field({
      type: [KeyFigure],
      description: 'Key figures of the wijk who consented.',
      resolve: (m) => m.keyFigures,
    }),
    links: t.field({
      type: [Link],
      description: 'Links valid on `at` with at least one end in the wijk; the other end is on this map.',
      resolve: (m) => m.links,
    }),
    offerings: t.field({ type: [Offering], description: 'Offerings in the wijk on `at`.', resolve: (m) => m.offerings }),
    partnerships: t.field({
      type: [Partnership],
      description: 'Partnerships of the wijk, and city-wide ones with members here; members as on `at`.',
      resolve: (m) => m.partnerships,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

type SignalValue = WijkSignalValue & { districtId: string };

const NodePair = builder.objectRef<[string, string]>('NodePair').implement({
  description: 'Two organisations or key figures.',
  fields: (t) => ({ a: t.id({ resolve: (p) => p[0] }), b: t.id({ resolve: (p) => p[1] }) }),
});

const WijkSignal = builder.objectRef<SignalValue>('WijkSignal').implement({
  description:
    'Something the wijkkaart notices, as codes, ids and numbers; the app words it. A MISSING_LINK carries no number: the pair ' +
    'is listed when at least K opted-in clients of the wijk have both in their circle, and not at all otherwise.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'Stable across reloads (an action refers to it).' }),
    code: t.field({ type: WijkSignalCodeEnum, resolve: (s) => s.code }),
    nodeIds: t.exposeIDList('nodeIds', { description: 'The organisations and key figures to highlight.' }),
    circleDerived: t.exposeBoolean('circleDerived'),
    groups: t.field({ type: [SpoorGroupEnum], nullable: true, resolve: (s) => s.groups }),
    eiIndex: t.exposeFloat('eiIndex', {
      nullable: true,
      description: 'TIER_ISLAND: the E-I index of the pair (null: undefined).',
    }),
    category: t.field({ type: OfferingCategoryEnum, nullable: true, resolve: (s) => s.category }),
    unlinkedPairs: t.field({ type: [NodePair], resolve: (s) => s.unlinkedPairs }),
    articulation: t.exposeBoolean('articulation', { nullable: true }),
    betweenness: t.exposeFloat('betweenness', { nullable: true }),
    rank: t.exposeInt('rank', { nullable: true }),
  }),
});

const GroupEI = builder.objectRef<WijkMeasuresValue['groupEI'][number]>('GroupEI').implement({
  description: 'E-I index of one spoor group (Krackhardt and Stern): (external − internal) / (external + internal).',
  fields: (t) => ({
    group: t.field({ type: SpoorGroupEnum, resolve: (g) => g.group }),
    internal: t.exposeInt('internal'),
    external: t.exposeInt('external'),
    eiIndex: t.exposeFloat('eiIndex', { nullable: true }),
  }),
});

const TierPair = builder.objectRef<WijkMeasuresValue['tierPairs'][number]>('TierPair').implement({
  description: 'Links between two spoor groups (or within one): block density and the E-I index of the pair.',
  fields: (t) => ({
    a: t.field({ type: SpoorGroupEnum, resolve: (p) => p.a }),
    b: t.field({ type: SpoorGroupEnum, resolve: (p) => p.b }),
    edges: t.exposeInt('edges'),
    density: t.exposeFloat('density'),
    eiIndex: t.exposeFloat('eiIndex', { nullable: true }),
    island: t.exposeBoolean('island', { description: 'Both groups have organisations here and no link joins them.' }),
  }),
});

const WijkMeasures = builder.objectRef<WijkMeasuresValue>('WijkMeasures').implement({
  description: 'The wijk’s organisation network today (definitions: docs/WIJKKAART.md).',
  fields: (t) => ({
    nodes: t.exposeInt('nodes'),
    edges: t.exposeInt('edges'),
    density: t.exposeFloat('density'),
    componentCount: t.exposeInt('componentCount'),
    mainComponentSize: t.exposeInt('mainComponentSize'),
    crossTierShare: t.exposeFloat('crossTierShare', { nullable: true }),
    groupEI: t.field({ type: [GroupEI], resolve: (m) => m.groupEI }),
    tierPairs: t.field({ type: [TierPair], resolve: (m) => m.tierPairs }),
  }),
});

interface SignalsValue {
  districtId: string;
  k: number;
  circleFigures: boolean;
  signals: SignalValue[];
  measures: WijkMeasuresValue;
}

const WijkSignals = builder.objectRef<SignalsValue>('WijkSignals').implement({
  description: 'The signals of one wijk as it is today.',
  fields: (t) => ({
    districtId: t.exposeID('districtId'),
    minimumClients: t.exposeInt('k', {
      description: 'K: a missing link needs at least this many opted-in clients (from configuration, never below 5).',
    }),
    circleFigures: t.exposeBoolean('circleFigures', {
      description: 'Whether figures derived from client circles (missing links) were computed: only in the viewer’s own wijk.',
    }),
    signals: t.field({ type: [WijkSignal], resolve: (s) => s.signals }),
    measures: t.field({ type: WijkMeasures, resolve: (s) => s.measures }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

const WijkAction = builder.objectRef<WijkActionValue>('WijkAction').implement({
  description: 'A coordinator’s action, often made from a signal. Coordinators of the same wijk share them.',
  fields: (t) => ({
    id: t.exposeID('id'),
    districtId: t.exposeID('districtId'),
    title: t.exposeString('title'),
    signalCode: t.field({ type: WijkSignalCodeEnum, nullable: true, resolve: (a) => a.signalCode }),
    signalKey: t.exposeString('signalKey', { nullable: true }),
    nodeIds: t.exposeIDList('nodeIds'),
    owner: t.exposeString('owner', { description: 'Who does it.' }),
    due: t.expose('due', { type: 'Date', nullable: true }),
    status: t.field({ type: WijkActionStatusEnum, resolve: (a) => a.status }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    closedReason: t.exposeString('closedReason', {
      nullable: true,
      description:
        'LINK_RECORDED when it closed itself because the missing link was recorded; ORGANISATIONS_MERGED when the two ' +
        'organisations it was about turned out to be one (issue 11).',
    }),
    version: t.exposeInt('version'),
  }),
});

// ---------------------------------------------------------------------------------------------
// Comparing wijken
// ---------------------------------------------------------------------------------------------

const DistrictCount = builder
  .objectRef<DistrictComparisonValue['groups'][number]['districts'][number]>('DistrictCount')
  .implement({
    fields: (t) => ({ districtId: t.exposeID('districtId'), organisations: t.exposeInt('organisations') }),
  });
const CategoryCoverage = builder.objectRef<DistrictComparisonValue['categories'][number]>('CategoryCoverage').implement({
  fields: (t) => ({
    category: t.field({ type: OfferingCategoryEnum, resolve: (c) => c.category }),
    districts: t.field({ type: [DistrictCount], resolve: (c) => c.districts }),
  }),
});
const GroupCoverage = builder.objectRef<DistrictComparisonValue['groups'][number]>('GroupCoverage').implement({
  fields: (t) => ({
    group: t.field({ type: SpoorGroupEnum, resolve: (g) => g.group }),
    districts: t.field({ type: [DistrictCount], resolve: (g) => g.districts }),
  }),
});
const DistrictMeasures = builder.objectRef<DistrictComparisonValue['measures'][number]>('DistrictMeasures').implement({
  fields: (t) => ({
    districtId: t.exposeID('districtId'),
    organisations: t.exposeInt('organisations'),
    links: t.exposeInt('links'),
    density: t.exposeFloat('density'),
    crossTierShare: t.exposeFloat('crossTierShare', { nullable: true }),
  }),
});

interface ComparisonValue extends DistrictComparisonValue {
  districts: Awaited<ReturnType<typeof listDistricts>>['items'];
}

const DistrictComparison = builder.objectRef<ComparisonValue>('DistrictComparison').implement({
  description:
    'Wijken side by side ("wat kan in jouw wijk, en waarom niet in de mijne?"): per offering category and spoor, how many ' +
    'organisations each wijk has; per wijk its link density and share of cross-tier links. Public data only.',
  fields: (t) => ({
    districts: t.field({ type: [District], resolve: (c) => c.districts }),
    categories: t.field({ type: [CategoryCoverage], resolve: (c) => c.categories }),
    groups: t.field({ type: [GroupCoverage], resolve: (c) => c.groups }),
    measures: t.field({ type: [DistrictMeasures], resolve: (c) => c.measures }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  wijkMap: t.field({
    type: WijkMap,
    nullable: true,
    description: 'The wijkkaart of one wijk (by id or slug) as it stood on `at` (default: today). One round trip.',
    args: {
      id: t.arg.id({ required: false, validate: uuid }),
      slug: t.arg.string({ required: false, validate: slug }),
      at: t.arg({ type: 'Date', required: false, validate: date }),
    },
    // Loose: the validation plugin passes on what the schema returns, so every argument must survive it.
    validate: z
      .looseObject({ id: z.string().nullish(), slug: z.string().nullish() })
      .refine((args) => (args.id == null) !== (args.slug == null), { message: 'give exactly one of id and slug', path: ['id'] }),
    resolve: (_root, args, context) =>
      context.db.read((tx) => findWijkMap(tx, args.id ?? args.slug ?? '', args.at ?? todayOf(context))),
  }),
  wijkSignals: t.field({
    type: WijkSignals,
    nullable: true,
    description:
      'What the wijkkaart notices in one wijk today. Missing links (from client circles) only in the coordinator’s own wijk; ' +
      'there is deliberately no date or filter argument, so no two answers can be subtracted.',
    args: { districtId: t.arg.id({ validate: uuid }) },
    resolve: async (_root, args, context) => {
      const circleFigures = maySeeCircleFigures(context, args.districtId);
      const k = context.env.analysisK;
      const input = await context.db.read((tx) =>
        wijkSignalInput(tx, args.districtId, todayOf(context), circleFigures ? k : null),
      );
      if (!input) return null;
      return {
        districtId: args.districtId,
        k,
        circleFigures,
        signals: computeWijkSignals(input).map((s) => ({ ...s, districtId: args.districtId })),
        measures: wijkMeasures(input),
      };
    },
  }),
  wijkActions: t.field({
    type: [WijkAction],
    description: 'The wijk’s actions: open ones first (by due date), then closed ones.',
    args: { districtId: t.arg.id({ validate: uuid }) },
    resolve: async (_root, args, context) => {
      context.access.require('Query.wijkActions', { districtIds: [args.districtId] });
      return context.db.read((tx) => listWijkActions(tx, args.districtId));
    },
  }),
  districtComparison: t.field({
    type: DistrictComparison,
    description: 'Every wijk side by side (public social map only).',
    resolve: async (_root, _args, context) => {
      const [facts, districts] = await context.db.read(async (tx) => [
        await districtFacts(tx, todayOf(context)),
        await listDistricts(tx, 0, 1_000),
      ]);
      return { ...compareDistricts(facts), districts: districts.items };
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Changes: each through `mapWrite` (locate, check the policy, change, audit, in one transaction)
// ---------------------------------------------------------------------------------------------

const RecordLinkInput = builder.inputType('RecordLinkInput', {
  description: 'A link between two organisations, or a key figure and an organisation, recorded for one wijk.',
  fields: (t) => ({
    districtId: t.id({ validate: uuid, description: 'The wijk this link is recorded for.' }),
    fromId: t.id({ validate: uuid, description: 'An organisation active in the wijk, or a consenting key figure of it.' }),
    toId: t.id({ validate: uuid }),
    kind: t.field({ type: LinkKindEnum }),
    since: t.field({ type: 'Date', required: false, validate: date }),
    until: t.field({ type: 'Date', required: false, validate: date }),
    strength: t.int({ required: false, validate: wijkSchemas.linkStrengthSchema, description: '1 (loose) to 5 (close).' }),
    source: t.field({ type: LinkSourceEnum, required: false, validate: wijkSchemas.userLinkSourceSchema }),
    note: t.string({ required: false, validate: wijkSchemas.linkNoteSchema }),
    betweenDistricts: t.boolean({
      required: false,
      description: 'Allow the other end to be an organisation not active in this wijk (collaboration between wijken).',
    }),
  }),
  validate: z
    .looseObject({ since: z.string().nullish(), until: z.string().nullish() })
    .refine((v) => wijkSchemas.periodIssue(v.since, v.until) === null, { message: 'must not be before since', path: ['until'] }),
});

const UpdateLinkInput = builder.inputType('UpdateLinkInput', {
  description: 'Replaces what a link says; end it with endLink.',
  fields: (t) => ({
    id: t.id({ validate: uuid }),
    kind: t.field({ type: LinkKindEnum }),
    since: t.field({ type: 'Date', required: false, validate: date }),
    strength: t.int({ required: false, validate: wijkSchemas.linkStrengthSchema }),
    source: t.field({ type: LinkSourceEnum, required: false, validate: wijkSchemas.userLinkSourceSchema }),
    note: t.string({ required: false, validate: wijkSchemas.linkNoteSchema }),
  }),
});

const EndLinkInput = builder.inputType('EndLinkInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), until: t.field({ type: 'Date', validate: date }) }),
});

const RecordKeyFigureInput = builder.inputType('RecordKeyFigureInput', {
  description: 'A key figure of the wijk, with their consent to appear on its map (recorded: without it nothing is written).',
  fields: (t) => ({
    districtId: t.id({ validate: uuid }),
    name: t.string({ validate: wijkSchemas.keyFigureNameSchema, description: 'As they want to be named on the map.' }),
    description: t.string({ required: false, validate: wijkSchemas.descriptionSchema }),
    consent: t.boolean({ description: 'They agreed to appear on the wijk’s map.' }),
    consentDate: t.field({ type: 'Date', validate: date, description: 'When they agreed.' }),
  }),
});

const JoinPartnershipInput = builder.inputType('JoinPartnershipInput', {
  fields: (t) => ({
    partnershipId: t.id({ validate: uuid }),
    organisationId: t.id({ validate: uuid }),
    since: t.field({ type: 'Date', validate: date }),
  }),
});
const LeavePartnershipInput = builder.inputType('LeavePartnershipInput', {
  fields: (t) => ({
    partnershipId: t.id({ validate: uuid }),
    organisationId: t.id({ validate: uuid }),
    until: t.field({ type: 'Date', validate: date }),
  }),
});

const offeringFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  category: t.field({ type: OfferingCategoryEnum }),
  name: t.string({ validate: wijkSchemas.offeringNameSchema }),
  languages: t.stringList({
    required: false,
    validate: wijkSchemas.languagesSchema,
    description: `Languages it is given in (BCP 47): ${model.LANGUAGES.join(', ')}.`,
  }),
});

const RecordOfferingInput = builder.inputType('RecordOfferingInput', {
  fields: (t) => ({ districtId: t.id({ validate: uuid }), organisationId: t.id({ validate: uuid }), ...offeringFields(t) }),
});
const UpdateOfferingInput = builder.inputType('UpdateOfferingInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), ...offeringFields(t) }),
});
const EndOfferingInput = builder.inputType('EndOfferingInput', {
  fields: (t) => ({ id: t.id({ validate: uuid }), until: t.field({ type: 'Date', validate: date }) }),
});

const CreateWijkActionInput = builder.inputType('CreateWijkActionInput', {
  fields: (t) => ({
    districtId: t.id({ validate: uuid }),
    title: t.string({ validate: wijkSchemas.actionTitleSchema }),
    owner: t.string({ validate: wijkSchemas.actionOwnerSchema }),
    due: t.field({ type: 'Date', required: false, validate: date }),
    signalCode: t.field({ type: WijkSignalCodeEnum, required: false }),
    signalKey: t.string({ required: false, validate: wijkSchemas.signalKeySchema }),
    nodeIds: t.idList({ validate: z.array(uuid).max(50) }),
  }),
});
const UpdateWijkActionInput = builder.inputType('UpdateWijkActionInput', {
  fields: (t) => ({
    id: t.id({ validate: uuid }),
    expectedVersion: t.int({ validate: z.number().int().min(1), description: 'The version the editor saw.' }),
    title: t.string({ validate: wijkSchemas.actionTitleSchema }),
    owner: t.string({ validate: wijkSchemas.actionOwnerSchema }),
    due: t.field({ type: 'Date', required: false, validate: date }),
    status: t.field({ type: WijkActionStatusEnum }),
  }),
});

const LinkPayload = builder
  .objectRef<{ link: Awaited<ReturnType<typeof updateLink>>; closedActions: string[] }>('LinkPayload')
  .implement({
    fields: (t) => ({
      link: t.field({ type: Link, resolve: (p) => p.link }),
      closedActionIds: t.exposeIDList('closedActions', {
        description: 'Missing-link actions about these two that closed themselves now the link is recorded.',
      }),
    }),
  });
const KeyFigurePayload = builder
  .objectRef<{ keyFigure: Awaited<ReturnType<typeof recordKeyFigure>> }>('KeyFigurePayload')
  .implement({ fields: (t) => ({ keyFigure: t.field({ type: KeyFigure, resolve: (p) => p.keyFigure }) }) });
const OfferingPayload = builder
  .objectRef<{ offering: Awaited<ReturnType<typeof recordOffering>> }>('OfferingPayload')
  .implement({ fields: (t) => ({ offering: t.field({ type: Offering, resolve: (p) => p.offering }) }) });
const WijkActionPayload = builder
  .objectRef<{ action: WijkActionValue }>('WijkActionPayload')
  .implement({ fields: (t) => ({ action: t.field({ type: WijkAction, resolve: (p) => p.action }) }) });

const notFound = (what: string, field: string) => ({ message: `No such ${what}.`, field });

// Where a change lies: the wijk its input names, or the wijken of what it changes (for mapWrite).
const inDistrict = (districtId: string) => ({
  locate: () => Promise.resolve([districtId]),
  notFound: notFound('district', 'input.districtId'),
});
const ofLink = (id: string) => ({ locate: (tx: Tx) => linkDistricts(tx, id), notFound: notFound('link', 'input.id') });
const ofPartnership = (id: string) => ({
  locate: async (tx: Tx) => {
    const found = await partnershipDistrict(tx, id);
    return found && (found.districtId === null ? [] : [found.districtId]);
  },
  notFound: notFound('partnership', 'input.partnershipId'),
});
const ofOffering = (id: string) => ({
  locate: async (tx: Tx) => {
    const found = await offeringDistrict(tx, id);
    return found && [found.districtId];
  },
  notFound: notFound('offering', 'input.id'),
});
const ofAction = (id: string) => ({
  locate: async (tx: Tx) => {
    const districtId = await actionDistrict(tx, id);
    return districtId === undefined ? undefined : [districtId];
  },
  notFound: notFound('action', 'input.id'),
});
const accountId = (context: Context): string | null => signedIn(context.viewer)?.account.id ?? null;

builder.mutationFields((t) => ({
  recordLink: t.field({
    type: LinkPayload,
    description: 'Records a link for a wijk. Open missing-link actions about the two close themselves.',
    args: { input: t.arg({ type: RecordLinkInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.recordLink',
        subject: 'Link',
        action: 'CREATE',
        ...inDistrict(input.districtId),
        run: async (tx) => {
          if (input.fromId === input.toId)
            throw apiError('INVALID_INPUT', 'A link needs two different ends.', { field: 'input.toId' });
          const from = await checkEnd(tx, input.fromId, {
            districtId: input.districtId,
            field: 'input.fromId',
            allowElsewhere: false,
          });
          const to = await checkEnd(tx, input.toId, {
            districtId: input.districtId,
            field: 'input.toId',
            allowElsewhere: input.betweenDistricts === true,
          });
          if (from === 'KEY_FIGURE' && to === 'KEY_FIGURE')
            throw apiError('INVALID_INPUT', 'A key figure is linked with an organisation, not with another key figure.', {
              field: 'input.toId',
            });
          const now = new Date(context.now).toISOString();
          const recorded = await recordLink(tx, {
            id: randomUUID(),
            districtId: input.districtId,
            fromId: input.fromId,
            toId: input.toId,
            kind: input.kind,
            since: input.since ?? null,
            until: input.until ?? null,
            strength: input.strength ?? null,
            source: input.source ?? 'USER',
            note: input.note || null,
            today: todayOf(context),
            now,
            createdByAccountId: accountId(context),
          });
          return { link: recorded.link, closedActions: recorded.closedActionIds };
        },
      }),
  }),
  updateLink: t.field({
    type: LinkPayload,
    args: { input: t.arg({ type: UpdateLinkInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.updateLink',
        subject: 'Link',
        action: 'UPDATE',
        ...ofLink(input.id),
        run: async (tx) => ({
          link: await updateLink(tx, {
            id: input.id,
            kind: input.kind,
            since: input.since ?? null,
            strength: input.strength ?? null,
            source: input.source ?? 'USER',
            note: input.note || null,
          }),
          closedActions: [],
        }),
      }),
  }),
  endLink: t.field({
    type: LinkPayload,
    description: 'Ends a link on a date. It stays on record: a map of an earlier date still shows it.',
    args: { input: t.arg({ type: EndLinkInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.endLink',
        subject: 'Link',
        action: 'UPDATE',
        ...ofLink(input.id),
        run: async (tx) => ({ link: await endLink(tx, input.id, input.until), closedActions: [] }),
        detail: 'link ended',
      }),
  }),
  recordKeyFigure: t.field({
    type: KeyFigurePayload,
    description: 'Adds a key figure to the wijk’s map, with their recorded consent. Withdrawal: setKeyFigureConsent.',
    args: { input: t.arg({ type: RecordKeyFigureInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.recordKeyFigure',
        subject: 'KeyFigure',
        action: 'CREATE',
        ...inDistrict(input.districtId),
        run: async (tx) => {
          if (!input.consent)
            throw new DomainError('CONSENT_REQUIRED', 'A key figure appears on the map only with their consent.', {
              field: 'input.consent',
            });
          const keyFigure = await recordKeyFigure(tx, {
            id: randomUUID(),
            districtId: input.districtId,
            name: input.name,
            description: input.description || null,
            consentDate: input.consentDate,
            now: new Date(context.now).toISOString(),
          });
          return { keyFigure };
        },
        detail: 'map consent recorded',
      }),
  }),
  joinPartnership: t.field({
    type: OkPayload,
    description: 'An organisation active in the partnership’s wijk joins it.',
    args: { input: t.arg({ type: JoinPartnershipInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.joinPartnership',
        subject: 'Partnership',
        action: 'UPDATE',
        ...ofPartnership(input.partnershipId),
        run: async (tx) => {
          const found = await partnershipDistrict(tx, input.partnershipId);
          if (found?.districtId)
            await checkEnd(tx, input.organisationId, {
              districtId: found.districtId,
              field: 'input.organisationId',
              allowElsewhere: false,
            });
          await joinPartnership(tx, input.partnershipId, input.organisationId, input.since);
          return { ok: true };
        },
        detail: 'joined partnership',
      }),
  }),
  leavePartnership: t.field({
    type: OkPayload,
    description: 'An organisation leaves a partnership on a date (the membership stays on record).',
    args: { input: t.arg({ type: LeavePartnershipInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.leavePartnership',
        subject: 'Partnership',
        action: 'UPDATE',
        ...ofPartnership(input.partnershipId),
        run: async (tx) => {
          await leavePartnership(tx, input.partnershipId, input.organisationId, input.until);
          return { ok: true };
        },
        detail: 'left partnership',
      }),
  }),
  recordOffering: t.field({
    type: OfferingPayload,
    description: 'An offering of an organisation active in the wijk.',
    args: { input: t.arg({ type: RecordOfferingInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.recordOffering',
        subject: 'Offering',
        action: 'CREATE',
        ...inDistrict(input.districtId),
        run: async (tx) => {
          await checkEnd(tx, input.organisationId, {
            districtId: input.districtId,
            field: 'input.organisationId',
            allowElsewhere: false,
          });
          const offering = await recordOffering(tx, {
            id: randomUUID(),
            districtId: input.districtId,
            organisationId: input.organisationId,
            category: input.category,
            name: input.name,
            languages: (input.languages ?? []) as model.Language[],
            since: todayOf(context),
          });
          return { offering };
        },
      }),
  }),
  updateOffering: t.field({
    type: OfferingPayload,
    args: { input: t.arg({ type: UpdateOfferingInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.updateOffering',
        subject: 'Offering',
        action: 'UPDATE',
        ...ofOffering(input.id),
        run: async (tx) => ({
          offering: await updateOffering(tx, {
            id: input.id,
            category: input.category,
            name: input.name,
            languages: (input.languages ?? []) as model.Language[],
          }),
        }),
      }),
  }),
  endOffering: t.field({
    type: OfferingPayload,
    description: 'Ends an offering on a date (kept on record).',
    args: { input: t.arg({ type: EndOfferingInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.endOffering',
        subject: 'Offering',
        action: 'UPDATE',
        ...ofOffering(input.id),
        run: async (tx) => ({ offering: await endOffering(tx, input.id, input.until) }),
        detail: 'offering ended',
      }),
  }),
  createWijkAction: t.field({
    type: WijkActionPayload,
    description: 'Turns a signal (or an idea) into an action: what, who, by when.',
    args: { input: t.arg({ type: CreateWijkActionInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.createWijkAction',
        subject: 'WijkAction',
        action: 'CREATE',
        ...inDistrict(input.districtId),
        run: async (tx) => ({
          action: await createWijkAction(tx, {
            id: randomUUID(),
            districtId: input.districtId,
            title: input.title,
            owner: input.owner,
            due: input.due ?? null,
            signalCode: input.signalCode ?? null,
            signalKey: input.signalKey ?? null,
            nodeIds: [...new Set(input.nodeIds)],
            status: 'OPEN',
            createdAt: new Date(context.now).toISOString(),
            createdByAccountId: accountId(context),
          }),
        }),
      }),
  }),
  updateWijkAction: t.field({
    type: WijkActionPayload,
    description: 'Changes an action (EDIT_CONFLICT when a colleague changed it in the meantime).',
    args: { input: t.arg({ type: UpdateWijkActionInput }) },
    resolve: (_root, { input }, context) =>
      mapWrite(context, {
        operation: 'Mutation.updateWijkAction',
        subject: 'WijkAction',
        action: 'UPDATE',
        ...ofAction(input.id),
        run: async (tx) => ({
          action: await updateWijkAction(tx, {
            id: input.id,
            expectedVersion: input.expectedVersion,
            title: input.title,
            owner: input.owner,
            due: input.due ?? null,
            status: input.status,
            now: new Date(context.now).toISOString(),
          }),
        }),
      }),
  }),
}));
