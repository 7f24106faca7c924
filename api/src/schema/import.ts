import { IMPORT_ERROR_CODES, IMPORT_KINDS, type ImportIssue, type ImportTotals, type PlannedLine } from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import { applyImport, previewImport, type ImportPreview, type ImportResult } from '../import/service.js';
import { uuid } from './common.js';

// Import of a sociale kaart (issue 11). The file itself comes in over POST /import/sociale-kaart
// (api/src/import/upload.ts); these fields read its dry run and apply it. docs/SOCIALE-KAART.md.

const ImportKindEnum = builder.enumType('SocialMapImportKind', {
  description: 'The kind of record a line of the file holds (its `soort`).',
  values: IMPORT_KINDS,
});
const ImportOutcomeEnum = builder.enumType('SocialMapImportOutcome', {
  values: ['CREATE', 'CHANGE', 'UNCHANGED', 'ERROR'] as const,
});
const ImportErrorCodeEnum = builder.enumType('SocialMapImportErrorCode', {
  description: 'What is wrong with a line or the file; stable, for programs. The message says it in Dutch.',
  values: IMPORT_ERROR_CODES,
});

const ImportIssueRef = builder.objectRef<ImportIssue>('SocialMapImportIssue').implement({
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'The line of the file (the header is line 1).' }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column name in the header; null: the line or the file.',
    }),
    code: t.field({ type: ImportErrorCodeEnum, resolve: (i) => i.code }),
    message: t.exposeString('message', { description: 'In Dutch, for the admin.' }),
  }),
});

const ImportLineRef = builder.objectRef<PlannedLine>('SocialMapImportLine').implement({
  fields: (t) => ({
    line: t.exposeInt('line'),
    kind: t.field({ type: ImportKindEnum, nullable: true, resolve: (l) => l.kind }),
    label: t.exposeString('label'),
    outcome: t.field({ type: ImportOutcomeEnum, resolve: (l) => l.outcome }),
    changes: t.exposeStringList('changes', { description: 'For CHANGE: the columns whose value changes.' }),
  }),
});

const ImportKindTotalsRef = builder.objectRef<ImportTotals['byKind'][number]>('SocialMapImportKindTotals').implement({
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (k) => k.kind }),
    create: t.exposeInt('create'),
    change: t.exposeInt('change'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

const ImportTotalsRef = builder.objectRef<ImportTotals>('SocialMapImportTotals').implement({
  fields: (t) => ({
    lines: t.exposeInt('lines'),
    create: t.exposeInt('create'),
    change: t.exposeInt('change'),
    unchanged: t.exposeInt('unchanged'),
    error: t.exposeInt('error', { description: 'Lines with at least one error.' }),
    byKind: t.field({ type: [ImportKindTotalsRef], resolve: (totals) => totals.byKind }),
  }),
});

const ImportLinePageRef = builder.objectRef<{ nodes: PlannedLine[]; totalCount: number }>('SocialMapImportLinePage').implement({
  fields: (t) => ({
    nodes: t.field({ type: [ImportLineRef], resolve: (page) => page.nodes }),
    totalCount: t.exposeInt('totalCount'),
  }),
});

const MAX_LINES_PAGE = 500;

const ImportPreviewRef = builder.objectRef<ImportPreview>('SocialMapImportPreview').implement({
  description: 'The dry run of an uploaded sociale-kaart file: what applying it would do now. Nothing is changed.',
  fields: (t) => ({
    uploadId: t.id({ resolve: (p) => p.upload.id }),
    fileName: t.string({ nullable: true, resolve: (p) => p.upload.fileName }),
    bytes: t.int({ resolve: (p) => p.upload.bytes }),
    expiresAt: t.string({ resolve: (p) => p.upload.expiresAt }),
    canApply: t.boolean({ resolve: (p) => p.issueCount === 0, description: 'True when the file has no errors.' }),
    totals: t.field({ type: ImportTotalsRef, resolve: (p) => p.totals }),
    errorCount: t.int({ resolve: (p) => p.issueCount, description: 'All errors; `errors` lists the first of them.' }),
    errors: t.field({
      type: [ImportIssueRef],
      args: { first: t.arg.int({ defaultValue: 200, validate: z.number().int().min(1).max(1_000) }) },
      resolve: (p, args) => p.issues.slice(0, args.first ?? 200),
    }),
    lines: t.field({
      type: ImportLinePageRef,
      description: 'What happens to each line, in the order of the file.',
      args: {
        first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(MAX_LINES_PAGE) }),
        offset: t.arg.int({ defaultValue: 0, validate: z.number().int().min(0) }),
        outcome: t.arg({ type: ImportOutcomeEnum, required: false, description: 'Only lines with this outcome.' }),
      },
      resolve: (p, args) => {
        const lines = args.outcome ? p.lines.filter((l) => l.outcome === args.outcome) : p.lines;
        const offset = args.offset ?? 0;
        return { nodes: lines.slice(offset, offset + (args.first ?? 100)), totalCount: lines.length };
      },
    }),
  }),
});

const ImportResultRef = builder.objectRef<ImportResult>('SocialMapImportResult').implement({
  fields: (t) => ({
    totals: t.field({ type: ImportTotalsRef, resolve: (r) => r.totals }),
    closedActions: t.exposeInt('closedActions', {
      description: 'Missing-link actions that closed because their link is now recorded.',
    }),
  }),
});

builder.queryField('socialMapImportPreview', (t) =>
  t.field({
    type: ImportPreviewRef,
    description:
      'ADMIN: the dry run of a file uploaded with POST /import/sociale-kaart (only by the admin who uploaded it, for an hour).',
    args: { uploadId: t.arg.id({ validate: uuid }) },
    resolve: (_root, args, context) => previewImport(context, args.uploadId),
  }),
);

builder.mutationField('applySocialMapImport', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      'ADMIN: applies an uploaded file, all or nothing. Planned again at that moment; refused with IMPORT_HAS_ERRORS when it has errors.',
    args: { uploadId: t.arg.id({ validate: uuid }) },
    resolve: (_root, args, context) => applyImport(context, args.uploadId),
  }),
);
