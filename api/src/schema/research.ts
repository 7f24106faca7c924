import { randomBytes, randomUUID } from 'node:crypto';
import {
  aggregateTable,
  BINARY_MEASURES,
  CHANGE_MEASURES,
  createStudy,
  districtHistories,
  DomainError,
  GRANULARITIES,
  linksCsv,
  listStudies,
  networkExport,
  networkSeries,
  nodesCsv,
  parsePeriod,
  periodsUntil,
  studySalt,
  toGraphML,
  wijkSchemas,
  type AggregateRow,
  type AggregateTable,
  type Broker,
  type DistrictSeries,
  type Figure,
  type GroupIndex,
  type PeriodMetrics,
  type ResearchStudy as ResearchStudyValue,
  type TierPairIndex,
} from '@wijkkring/graph';
import { z } from 'zod';
import { auditedWrite } from '../audit/audited-write.js';
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import { EGO_DOWNLOAD_PATH } from '../research/download.js';
import { issueTicket, sessionHash } from '../research/tickets.js';
import { todayOf } from '../wijk/service.js';
import { requireAccount } from './auth.js';
import { SignalKindEnum } from './circle.js';
import { uuid } from './common.js';
import { SpoorGroupEnum } from './wijk.js';

/** Research tables cover this many quarters back; figures further back rest on ever fewer snapshots. */
export const RESEARCH_QUARTERS = 8;
const MAX_PERIODS = 36;

const GranularityEnum = builder.enumType('Granularity', { values: GRANULARITIES });
const BinaryMeasureEnum = builder.enumType('ResearchBinaryMeasure', { values: BINARY_MEASURES });
const ChangeMeasureEnum = builder.enumType('ResearchChangeMeasure', { values: CHANGE_MEASURES });
const NetworkExportFormatEnum = builder.enumType('NetworkExportFormat', {
  values: ['GRAPHML', 'NODES_CSV', 'LINKS_CSV'] as const,
});

// ---------------------------------------------------------------------------------------------
// Organisation-network figures (public organisations: names may be shown)
// ---------------------------------------------------------------------------------------------

const ResearchGroupIndex = builder.objectRef<GroupIndex>('ResearchGroupIndex').implement({
  fields: (t) => ({
    group: t.expose('group', { type: SpoorGroupEnum }),
    internal: t.exposeInt('internal'),
    external: t.exposeInt('external'),
    eiIndex: t.exposeFloat('eiIndex', { nullable: true, description: 'Krackhardt–Stern E-I; null when the group has no links.' }),
  }),
});

const ResearchTierPair = builder.objectRef<TierPairIndex>('ResearchTierPair').implement({
  fields: (t) => ({
    a: t.expose('a', { type: SpoorGroupEnum }),
    b: t.expose('b', { type: SpoorGroupEnum }),
    edges: t.exposeInt('edges'),
    density: t.exposeFloat('density'),
    eiIndex: t.exposeFloat('eiIndex', { nullable: true }),
  }),
});

const ResearchBroker = builder.objectRef<Broker>('ResearchBroker').implement({
  fields: (t) => ({
    organisationId: t.exposeID('organisationId'),
    name: t.exposeString('name'),
    betweenness: t.exposeFloat('betweenness', { description: 'Normalised to [0, 1].' }),
  }),
});

const ResearchNetworkPeriod = builder.objectRef<PeriodMetrics>('ResearchNetworkPeriod').implement({
  description:
    'The organisation network of a wijk on the last day of a period (today for the running one). See docs/RESEARCH.md.',
  fields: (t) => ({
    period: t.exposeString('period', { description: '2026-03 or 2026-Q1.' }),
    date: t.exposeString('date', { description: 'The day the network was read on.' }),
    organisations: t.exposeInt('organisations'),
    links: t.exposeInt('links'),
    density: t.exposeFloat('density'),
    crossTierShare: t.exposeFloat('crossTierShare', { nullable: true }),
    groups: t.field({ type: [ResearchGroupIndex], resolve: (p) => p.groups }),
    tierPairs: t.field({ type: [ResearchTierPair], resolve: (p) => p.tierPairs }),
    components: t.exposeInt('components'),
    largestComponent: t.exposeInt('largestComponent'),
    betweennessCentralisation: t.exposeFloat('betweennessCentralisation'),
    brokers: t.field({ type: [ResearchBroker], resolve: (p) => p.brokers }),
    communities: t.exposeInt('communities'),
    modularity: t.exposeFloat('modularity', { nullable: true }),
  }),
});

const ResearchNetworkSeries = builder.objectRef<DistrictSeries>('ResearchNetworkSeries').implement({
  fields: (t) => ({
    districtId: t.exposeID('districtId'),
    districtName: t.exposeString('districtName'),
    granularity: t.expose('granularity', { type: GranularityEnum }),
    periods: t.field({ type: [ResearchNetworkPeriod], resolve: (s) => s.periods }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Figures derived from client circles (opted-in clients only, suppressed below K)
// ---------------------------------------------------------------------------------------------

const ResearchFigure = builder.objectRef<Figure>('ResearchFigure').implement({
  description:
    'A published figure. Suppressed: fewer than K clients, or hidden so that another hidden figure cannot be recomputed ' +
    'from the totals. Which of the two is not said: knowing a cell is small would narrow it to 1..K−1.',
  fields: (t) => ({
    value: t.exposeFloat('value', { nullable: true }),
    suppressed: t.exposeBoolean('suppressed'),
  }),
});

const ResearchRingFigure = builder.objectRef<AggregateRow['rings'][number]>('ResearchRingFigure').implement({
  fields: (t) => ({
    ring: t.exposeInt('ring'),
    count: t.field({ type: ResearchFigure, resolve: (f) => f.count }),
    share: t.field({ type: ResearchFigure, resolve: (f) => f.share, description: 'Of all entries in the row.' }),
  }),
});

const ResearchBinaryFigure = builder.objectRef<AggregateRow['binary'][number]>('ResearchBinaryFigure').implement({
  fields: (t) => ({
    measure: t.expose('measure', { type: BinaryMeasureEnum }),
    count: t.field({ type: ResearchFigure, resolve: (f) => f.count }),
    share: t.field({ type: ResearchFigure, resolve: (f) => f.share, description: 'Of the clients in the row.' }),
  }),
});

const ResearchChangeFigure = builder.objectRef<AggregateRow['change'][number]>('ResearchChangeFigure').implement({
  fields: (t) => ({
    measure: t.expose('measure', { type: ChangeMeasureEnum }),
    count: t.field({ type: ResearchFigure, resolve: (f) => f.count }),
    share: t.field({
      type: ResearchFigure,
      resolve: (f) => f.share,
      description: 'Of the clients compared (NOT_COMPARED: of all clients in the row).',
    }),
  }),
});

const ResearchSignalFigure = builder.objectRef<AggregateRow['signals'][number]>('ResearchSignalFigure').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: SignalKindEnum }),
    count: t.field({ type: ResearchFigure, resolve: (f) => f.count }),
    share: t.field({ type: ResearchFigure, resolve: (f) => f.share }),
  }),
});

const ResearchAggregateRow = builder.objectRef<AggregateRow>('ResearchAggregateRow').implement({
  fields: (t) => ({
    districtId: t.exposeID('districtId', { nullable: true, description: 'null: all wijken together.' }),
    districtName: t.exposeString('districtName', { nullable: true }),
    clients: t.field({ type: ResearchFigure, resolve: (r) => r.clients }),
    entries: t.field({ type: ResearchFigure, resolve: (r) => r.entries }),
    meanCircleSize: t.field({ type: ResearchFigure, resolve: (r) => r.meanCircleSize }),
    rings: t.field({ type: [ResearchRingFigure], resolve: (r) => r.rings }),
    binary: t.field({ type: [ResearchBinaryFigure], resolve: (r) => r.binary }),
    change: t.field({ type: [ResearchChangeFigure], resolve: (r) => r.change }),
    signals: t.field({ type: [ResearchSignalFigure], resolve: (r) => r.signals }),
  }),
});

const ResearchAggregates = builder.objectRef<AggregateTable>('ResearchAggregates').implement({
  description:
    'Figures from the circles of clients who opted in, for one completed quarter, every wijk and the city. ' +
    'Counts below K are suppressed, and further cells so that none can be recomputed from the totals.',
  fields: (t) => ({
    period: t.exposeString('period'),
    k: t.exposeInt('k'),
    primary: t.exposeInt('primary', { description: 'Cells hidden because fewer than K.' }),
    secondary: t.exposeInt('secondary', { description: 'Cells hidden to protect others.' }),
    rows: t.field({ type: [ResearchAggregateRow], resolve: (a) => a.rows }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Exports and studies
// ---------------------------------------------------------------------------------------------

const ResearchFile = builder.objectRef<{ filename: string; mediaType: string; content: string }>('ResearchFile').implement({
  fields: (t) => ({
    filename: t.exposeString('filename'),
    mediaType: t.exposeString('mediaType'),
    content: t.exposeString('content'),
  }),
});

const ResearchDownload = builder.objectRef<{ url: string; expiresAt: string }>('ResearchDownload').implement({
  description: 'A one-time address the browser downloads the export from, valid for two minutes and only in this session.',
  fields: (t) => ({ url: t.exposeString('url'), expiresAt: t.exposeString('expiresAt') }),
});

export const ResearchStudy = builder.objectRef<ResearchStudyValue>('ResearchStudy').implement({
  description: 'A longitudinal study: its exports keep one pseudonym per client. The key and salt are never shown.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.exposeString('createdAt'),
  }),
});

const FORMATS = {
  GRAPHML: { extension: 'graphml', mediaType: 'application/graphml+xml' },
  NODES_CSV: { extension: 'organisaties.csv', mediaType: 'text/csv' },
  LINKS_CSV: { extension: 'verbindingen.csv', mediaType: 'text/csv' },
} as const;

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The completed quarters a researcher can ask for, newest first. */
function researchQuarters(today: string): string[] {
  return periodsUntil(today, 'QUARTER', RESEARCH_QUARTERS + 1)
    .filter((period) => period.complete)
    .map((period) => period.key)
    .reverse();
}

builder.queryFields((t) => ({
  researchNetworkSeries: t.field({
    type: [ResearchNetworkSeries],
    description: 'Organisation-network figures per wijk and per month or quarter, up to today, from the link history.',
    args: {
      granularity: t.arg({ type: GranularityEnum, required: true }),
      periods: t.arg.int({ defaultValue: 24, validate: z.number().int().min(1).max(MAX_PERIODS) }),
      districtIds: t.arg.idList({ required: false, validate: z.array(uuid).max(100) }),
    },
    resolve: async (_root, args, context) =>
      context.db.read((tx) =>
        networkSeries(tx, {
          districtIds: args.districtIds ?? null,
          granularity: args.granularity,
          count: args.periods ?? 24,
          today: todayOf(context),
        }),
      ),
  }),
  researchQuarters: t.stringList({
    description: 'The completed quarters with client-derived figures, newest first. A running quarter is never shown.',
    resolve: (_root, _args, context) => researchQuarters(todayOf(context)),
  }),
  researchAggregates: t.field({
    type: ResearchAggregates,
    description: 'Client-derived figures for one completed quarter (from researchQuarters), suppressed below K.',
    args: {
      quarter: t.arg.string({ required: true, validate: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q1') }),
    },
    resolve: async (_root, args, context) => {
      const today = todayOf(context);
      const period = parsePeriod(args.quarter, today);
      if (!period || !researchQuarters(today).includes(args.quarter)) {
        throw apiError('INVALID_INPUT', 'Only a completed quarter of the last two years can be asked for.', { field: 'quarter' });
      }
      return context.db.read((tx) => aggregateTable(tx, period, today, context.env.analysisK));
    },
  }),
  researchNetworkExport: t.field({
    type: ResearchFile,
    nullable: true,
    description:
      'The organisation network of a wijk on a date, as GraphML or as two CSV files. No client data. Recorded as an export.',
    args: {
      districtId: t.arg.id({ validate: uuid }),
      date: t.arg.string({ required: true, validate: wijkSchemas.isoDateSchema }),
      format: t.arg({ type: NetworkExportFormatEnum, required: true }),
    },
    resolve: async (_root, args, context) => {
      const [history] = await context.db.read((tx) => districtHistories(tx, [args.districtId]));
      if (!history) return null;
      const network = networkExport(history, args.date);
      const format = FORMATS[args.format];
      const content =
        args.format === 'GRAPHML'
          ? toGraphML(network, `${history.districtName} ${args.date}`)
          : args.format === 'NODES_CSV'
            ? nodesCsv(network)
            : linksCsv(network);
      return {
        filename: `wijkkring-${slug(history.districtName)}-${args.date}.${format.extension}`,
        mediaType: format.mediaType,
        content,
      };
    },
  }),
  researchStudies: t.field({
    type: [ResearchStudy],
    description: 'Studies an admin set up; an export for a study keeps its pseudonyms.',
    resolve: (_root, _args, context) => context.db.read((tx) => listStudies(tx)),
  }),
}));

builder.mutationFields((t) => ({
  startEgoNetworkExport: t.field({
    type: ResearchDownload,
    description:
      'Prepares the pseudonymised ego-network export (egor: egos, alters, aaties) and returns where to download it. ' +
      'Recorded as an export. Without a study, the pseudonyms differ from every other export.',
    args: { studyId: t.arg.id({ required: false, validate: uuid.optional().nullable() }) },
    resolve: async (_root, args, context) => {
      const account = requireAccount(context);
      const studyId = args.studyId ?? null;
      if (studyId !== null && (await context.db.read((tx) => studySalt(tx, studyId))) === undefined) {
        throw apiError('NOT_FOUND', 'There is no such study.', { field: 'studyId' });
      }
      const token = context.request.sessionToken;
      if (!token) throw apiError('UNAUTHENTICATED', 'Sign in first.');
      // Recorded before the address is handed out: whoever downloads, the export is in the log.
      await auditedWrite(
        context,
        {
          subject: 'Mutation.startEgoNetworkExport',
          action: 'EXPORT',
          detail: studyId === null ? 'ego networks, fresh pseudonyms' : `ego networks, study ${studyId}`,
        },
        () => Promise.resolve(),
      );
      const { token: ticket, ticket: issued } = issueTicket(
        context.env.secretKey,
        { accountId: account.account.id, session: sessionHash(token), studyId },
        context.now,
      );
      return { url: `${EGO_DOWNLOAD_PATH}${encodeURIComponent(ticket)}`, expiresAt: new Date(issued.expiresAt).toISOString() };
    },
  }),
  createResearchStudy: t.field({
    type: ResearchStudy,
    description: 'Sets up a named study whose exports keep one pseudonym per client (admin).',
    args: { name: t.arg.string({ required: true, validate: z.string().trim().min(3).max(120) }) },
    resolve: async (_root, args, context) => {
      const now = new Date(context.now).toISOString();
      try {
        return await auditedWrite(context, { subject: 'ResearchStudy', action: 'CREATE' }, (tx) =>
          createStudy(tx, {
            id: randomUUID(),
            name: args.name.trim(),
            salt: randomBytes(32).toString('hex'),
            now,
          }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CONFLICT')
          throw apiError('CONFLICT', error.message, { field: 'name' });
        throw error;
      }
    },
  }),
}));
