import {
  accountIdByUsername,
  auditActors,
  auditCsv,
  AUDIT_ACTIONS,
  AUDIT_EXPORT_MAX,
  AUDIT_FLAG_KINDS,
  AUDIT_RESULTS,
  auditRecordsForExport,
  auditRecordsForReview,
  clientIdByUsername,
  REVIEW_DEFAULTS,
  reviewAudit,
  searchAudit,
  verifyAuditChain as verifyChain,
  type AuditFlag as AuditFlagValue,
  type AuditSearchFilter,
  type AuditSearchRow,
} from '@wijkkring/graph';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { connection, pageArgs, pageWindow, uuid } from './common.js';

/**
 * Audit review (issue 11, ADMIN only; see policy.ts): search the audit log, export a selection as
 * CSV, verify the hash chain, and review unusual access. Every one of them is itself recorded
 * (subject AuditLog), with the filter in `detail`: ids and pseudonyms only, never a name.
 */

/** The longest period the review reads at once: three months. */
export const REVIEW_MAX_DAYS = 92;

const DAY_MS = 86_400_000;
/** Without a start date, an account or a client, a search covers this many days up to its end. */
const UNANCHORED_DAYS = 30;
const FIRST_INSTANT = '0000-01-01T00:00:00.000Z';
const LAST_INSTANT = '9999-12-31T23:59:59.999Z';

/** 2026-02-31 is not a day (Date.parse would read it as 3 March). */
function realDate(value: string): boolean {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** A UTC date (2026-11-30, the whole day) or a UTC instant (2026-11-30T21:14:00Z). */
const periodEdge = z
  .string()
  .trim()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/,
    'must be a date (2026-11-30) or a UTC time (2026-11-30T21:14:00Z)',
  )
  .refine(realDate, 'is not a real date');

const isDateOnly = (value: string): boolean => value.length === 10;

/** The instant a period starts: a date's midnight (UTC), or the instant itself. */
function startOf(value: string): string {
  return new Date(isDateOnly(value) ? `${value}T00:00:00.000Z` : value).toISOString();
}

/** The instant just after a period ends: the end of a date is the next midnight; an instant is included. */
function endAfter(value: string): string {
  const ms = Date.parse(isDateOnly(value) ? `${value}T00:00:00.000Z` : value);
  return new Date(ms + (isDateOnly(value) ? DAY_MS : 1)).toISOString();
}

const AuditFilterInput = builder.inputType('AuditFilterInput', {
  description:
    'What to look for in the audit log; every field may be left out. `client` and `clientUsername` name the same thing two ways: give one.',
  fields: (t) => ({
    account: t.string({
      required: false,
      description: 'An account id, or a username (also finds failed logins with that name).',
      validate: z.string().trim().min(1).max(80),
    }),
    client: t.string({
      required: false,
      description: 'A client’s pseudonym as the audit log shows it.',
      validate: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a pseudonym from the audit log'),
    }),
    clientUsername: t.string({
      required: false,
      description: 'The username of a client’s account; the server turns it into the pseudonym.',
      validate: z.string().trim().min(1).max(80),
    }),
    action: t.string({
      required: false,
      description: `One of ${AUDIT_ACTIONS.join(', ')}.`,
      validate: z.enum(AUDIT_ACTIONS),
    }),
    result: t.string({
      required: false,
      description: `One of ${AUDIT_RESULTS.join(', ')} (DENIED: refused attempts).`,
      validate: z.enum(AUDIT_RESULTS),
    }),
    subject: t.string({
      required: false,
      description: 'What was touched, exactly as recorded: NetworkCircle, Session, Query.networkCircle, ...',
      validate: z
        .string()
        .trim()
        .max(80)
        .regex(/^[A-Za-z][A-Za-z0-9.]*$/, 'must be a type or operation name'),
    }),
    origin: t.string({
      required: false,
      description: 'The address requests came from.',
      validate: z
        .string()
        .trim()
        .max(100)
        .regex(/^[0-9A-Za-z.:_%-]+$/, 'must be an address'),
    }),
    from: t.string({ required: false, description: 'First day (UTC date) or instant of the period.', validate: periodEdge }),
    to: t.string({
      required: false,
      description: 'Last day (UTC date, included) or instant of the period.',
      validate: periodEdge,
    }),
  }),
});

interface FilterArgs {
  account?: string | null | undefined;
  client?: string | null | undefined;
  clientUsername?: string | null | undefined;
  action?: string | null | undefined;
  result?: string | null | undefined;
  subject?: string | null | undefined;
  origin?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}

const blank = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The graph filter of the admin's input, and how the audit record describes it. Usernames become
 * account ids and a client's username becomes the pseudonym here: the admin never sees a client id.
 */
async function resolveFilter(
  context: Context,
  input: FilterArgs | null | undefined,
): Promise<{ filter: AuditSearchFilter; described: string }> {
  const from = blank(input?.from);
  const to = blank(input?.to);
  const client = blank(input?.client);
  const account = blank(input?.account);
  const end = to === null ? LAST_INSTANT : endAfter(to);
  // Without a client or an account to start from, a search without a start date covers the last
  // UNANCHORED_DAYS days: the whole log (five years and more) would be read and sorted for every page.
  const anchored = client !== null || blank(input?.clientUsername) !== null || account !== null;
  const start =
    from !== null
      ? startOf(from)
      : anchored
        ? FIRST_INSTANT
        : new Date(Math.min(context.now, to === null ? context.now : Date.parse(end)) - UNANCHORED_DAYS * DAY_MS).toISOString();
  if (start >= end) throw apiError('INVALID_INPUT', 'The end of the period lies before its start.', { field: 'filter.to' });

  const clientUsername = blank(input?.clientUsername)?.toLowerCase() ?? null;
  if (client !== null && clientUsername !== null) {
    throw apiError('INVALID_INPUT', 'Give a pseudonym or a username of the client, not both.', {
      field: 'filter.clientUsername',
    });
  }
  let clientRef = client;
  if (clientUsername !== null) {
    const clientId = await context.db.read((tx) => clientIdByUsername(tx, clientUsername));
    if (!clientId) throw apiError('NOT_FOUND', 'No client’s account has this username.', { field: 'filter.clientUsername' });
    clientRef = context.audit.ref(clientId);
  }

  let accountId: string | null = null;
  let actorLabel: string | null = null;
  if (account !== null && uuid.safeParse(account).success) {
    accountId = account.toLowerCase();
  } else if (account !== null) {
    actorLabel = account.toLowerCase();
    const label = actorLabel;
    accountId = (await context.db.read((tx) => accountIdByUsername(tx, label))) ?? null;
  }

  const action = blank(input?.action) as AuditSearchFilter['action'];
  const result = blank(input?.result) as AuditSearchFilter['result'];
  const subject = blank(input?.subject);
  const origin = blank(input?.origin);
  const filter: AuditSearchFilter = { accountId, actorLabel, clientRef, action, result, subject, origin, from: start, to: end };
  // Ids and pseudonyms only: a username without an account (a failed login's name) is not repeated.
  const described = [
    accountId !== null ? `account=${accountId}` : actorLabel !== null ? 'account=(username without account)' : null,
    clientRef !== null ? `client=${clientRef}` : null,
    action !== null ? `action=${action}` : null,
    result !== null ? `result=${result}` : null,
    subject !== null ? `subject=${subject}` : null,
    origin !== null ? 'origin=(given)' : null,
    from !== null || !anchored ? `from=${start}` : null,
    to !== null ? `to=${end}` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return { filter, described: described === '' ? 'everything' : described };
}

const AuditLogEntry = builder.objectRef<AuditSearchRow>('AuditLogEntry').implement({
  description: 'One record of the audit log, as the admin sees it. The client is only ever a pseudonym.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => row.record.id }),
    seq: t.int({ description: 'Its place in the hash chain.', resolve: (row) => row.record.seq }),
    at: t.field({ type: 'DateTime', resolve: (row) => row.record.at }),
    actorAccountId: t.id({ nullable: true, resolve: (row) => row.record.actorAccountId }),
    actorName: t.string({ nullable: true, description: 'The account’s display name.', resolve: (row) => row.actorName }),
    actorUsername: t.string({ nullable: true, resolve: (row) => row.actorUsername }),
    actorRole: t.string({
      nullable: true,
      description: 'CLIENT, SUPPORT_WORKER, ... or null when nobody was signed in.',
      resolve: (row) => row.record.actorRole,
    }),
    actorLabel: t.string({
      nullable: true,
      description: 'For a login: the username that was tried.',
      resolve: (row) => row.record.actorLabel,
    }),
    onBehalfOf: t.string({
      nullable: true,
      description: 'The organisation the professional acted for.',
      resolve: (row) => row.onBehalfOfName,
    }),
    clientRef: t.string({ nullable: true, description: 'The client’s pseudonym.', resolve: (row) => row.record.clientRef }),
    subject: t.string({ resolve: (row) => row.record.subject }),
    action: t.string({ description: AUDIT_ACTIONS.join(', '), resolve: (row) => row.record.action }),
    result: t.string({ description: AUDIT_RESULTS.join(', '), resolve: (row) => row.record.result }),
    origin: t.string({ nullable: true, resolve: (row) => row.record.origin }),
    detail: t.string({ nullable: true, resolve: (row) => row.record.detail }),
  }),
});

const AuditLogEntryConnection = connection('AuditLogEntry', AuditLogEntry);

const AuditExportFile = builder
  .objectRef<{ filename: string; mediaType: string; content: string; rows: number; truncated: boolean; limit: number }>(
    'AuditExportFile',
  )
  .implement({
    description: `The selection as CSV (UTF-8 with byte-order mark, ";" between fields), newest first, at most ${String(AUDIT_EXPORT_MAX)} records.`,
    fields: (t) => ({
      filename: t.exposeString('filename'),
      mediaType: t.exposeString('mediaType'),
      content: t.exposeString('content'),
      rows: t.exposeInt('rows'),
      truncated: t.exposeBoolean('truncated', { description: 'The selection held more records than the limit.' }),
      limit: t.exposeInt('limit'),
    }),
  });

interface Verification {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  brokenSeq: number | null;
  brokenReason: string | null;
  verifiedAt: string;
}

const AuditChainVerification = builder.objectRef<Verification>('AuditChainVerification').implement({
  description: 'The result of walking the whole hash chain of the audit log (as `npm run audit:verify` does).',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    checked: t.exposeInt('checked', { description: 'Records checked.' }),
    headSeq: t.exposeInt('headSeq', { nullable: true, description: 'The last record’s number, as the head says.' }),
    headHash: t.exposeString('headHash', {
      nullable: true,
      description: 'The head’s hash: write it down, it anchors everything before.',
    }),
    brokenSeq: t.exposeInt('brokenSeq', { nullable: true, description: 'The first record that does not fit the chain.' }),
    brokenReason: t.exposeString('brokenReason', { nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime' }),
  }),
});

const AuditFlagKindEnum = builder.enumType('AuditFlagKind', {
  description:
    'MANY_CLIENTS: one account read many different clients’ data within the window. NIGHT_READS: client data read between 22:00 and 06:00 Dutch time. ' +
    'REPEATED_REFUSALS: one account (or, signed out, one address) was refused repeatedly within the window. FAILED_LOGINS: repeated failed logins on one username.',
  values: AUDIT_FLAG_KINDS,
});

interface FlagValue {
  flag: AuditFlagValue;
  accountName: string | null;
  accountUsername: string | null;
}

const AuditFlagFilter = builder.objectRef<FlagValue>('AuditFlagFilter').implement({
  description: 'The search that shows the records behind a flag (the period as UTC dates, both included).',
  fields: (t) => ({
    account: t.string({
      nullable: true,
      description: 'A username where known, else an account id.',
      resolve: (v) => v.accountUsername ?? v.flag.filter.account,
    }),
    origin: t.string({ nullable: true, resolve: (v) => v.flag.filter.origin }),
    action: t.string({ nullable: true, resolve: (v) => v.flag.filter.action }),
    result: t.string({ nullable: true, resolve: (v) => v.flag.filter.result }),
    from: t.string({ resolve: (v) => v.flag.filter.from }),
    to: t.string({ resolve: (v) => v.flag.filter.to }),
  }),
});

const AuditFlag = builder.objectRef<FlagValue>('AuditFlag').implement({
  description: 'Access that stands out, for an admin to look into. A flag is a question, not a verdict.',
  fields: (t) => ({
    kind: t.field({ type: AuditFlagKindEnum, resolve: (v) => v.flag.kind }),
    accountId: t.id({ nullable: true, resolve: (v) => v.flag.accountId }),
    accountName: t.string({ nullable: true, resolve: (v) => v.accountName }),
    accountUsername: t.string({ nullable: true, resolve: (v) => v.accountUsername }),
    actorRole: t.string({ nullable: true, resolve: (v) => v.flag.actorRole }),
    username: t.string({ nullable: true, description: 'FAILED_LOGINS: the username tried.', resolve: (v) => v.flag.username }),
    origin: t.string({ nullable: true, description: 'Refusals without an account: the address.', resolve: (v) => v.flag.origin }),
    count: t.int({ description: 'Records in the flag.', resolve: (v) => v.flag.count }),
    clients: t.int({ description: 'Different clients among them.', resolve: (v) => v.flag.clients }),
    first: t.field({ type: 'DateTime', resolve: (v) => v.flag.first }),
    last: t.field({ type: 'DateTime', resolve: (v) => v.flag.last }),
    filter: t.field({ type: AuditFlagFilter, resolve: (v) => v }),
  }),
});

interface ReviewValue {
  from: string;
  to: string;
  recordsRead: number;
  truncated: boolean;
  manyClients: number;
  refusals: number;
  failedLogins: number;
  windowMinutes: number;
  flags: FlagValue[];
}

const AuditReview = builder.objectRef<ReviewValue>('AuditReview').implement({
  description: 'Unusual access in a period, by the rules in docs/SECURITY.md ("Audit review").',
  fields: (t) => ({
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    recordsRead: t.exposeInt('recordsRead', { description: 'Looks at client data, refusals and failures read for the review.' }),
    truncated: t.exposeBoolean('truncated', {
      description: 'The period held more of those than one review reads: choose a shorter one.',
    }),
    manyClients: t.exposeInt('manyClients', { description: 'The threshold of MANY_CLIENTS.' }),
    refusals: t.exposeInt('refusals', { description: 'The threshold of REPEATED_REFUSALS.' }),
    failedLogins: t.exposeInt('failedLogins', { description: 'The threshold of FAILED_LOGINS.' }),
    windowMinutes: t.exposeInt('windowMinutes'),
    flags: t.field({ type: [AuditFlag], resolve: (r) => r.flags }),
  }),
});

const threshold = z.number().int().min(2).max(1_000);
const reviewDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-30')
  .refine(realDate, 'is not a real date');

builder.queryFields((t) => ({
  auditSearch: t.field({
    type: AuditLogEntryConnection,
    description: 'ADMIN: records of the audit log matching the filter, newest first. Recorded as a read of the audit log.',
    args: { ...pageArgs, filter: t.arg({ type: AuditFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const { filter, described } = await resolveFilter(context, args.filter);
      const { skip, limit } = pageWindow(args);
      const page = await context.db.read((tx) => searchAudit(tx, filter, skip, limit));
      context.audit.note({
        clientId: null,
        subject: 'AuditLog',
        action: 'READ',
        result: 'SUCCESS',
        detail: `search ${described}`,
      });
      return page;
    },
  }),
  auditExport: t.field({
    type: AuditExportFile,
    description: `ADMIN: the records matching the filter as a CSV file (at most ${String(AUDIT_EXPORT_MAX)}). Recorded as an export, with the filter.`,
    args: { filter: t.arg({ type: AuditFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const { filter, described } = await resolveFilter(context, args.filter);
      const { rows, more } = await context.db.read((tx) => auditRecordsForExport(tx, filter, AUDIT_EXPORT_MAX));
      context.audit.note({
        clientId: null,
        subject: 'AuditLog',
        action: 'EXPORT',
        result: 'SUCCESS',
        detail: `export ${String(rows.length)} records${more ? ' (cut off)' : ''} ${described}`,
      });
      const day = new Date(context.now).toISOString().slice(0, 10);
      return {
        filename: `wijkkring-auditlog-${day}.csv`,
        mediaType: 'text/csv;charset=utf-8',
        content: auditCsv(rows),
        rows: rows.length,
        truncated: more,
        limit: AUDIT_EXPORT_MAX,
      };
    },
  }),
  auditReview: t.field({
    type: AuditReview,
    description: `ADMIN: unusual access from \`from\` to \`to\` (UTC dates, both included, at most ${String(REVIEW_MAX_DAYS)} days). Recorded as a read of the audit log.`,
    args: {
      from: t.arg.string({ required: true, validate: reviewDate }),
      to: t.arg.string({ required: true, validate: reviewDate }),
      manyClients: t.arg.int({
        required: false,
        description: `Default ${String(REVIEW_DEFAULTS.manyClients)}.`,
        validate: threshold,
      }),
      refusals: t.arg.int({ required: false, description: `Default ${String(REVIEW_DEFAULTS.refusals)}.`, validate: threshold }),
      failedLogins: t.arg.int({
        required: false,
        description: `Default ${String(REVIEW_DEFAULTS.failedLogins)}.`,
        validate: threshold,
      }),
    },
    resolve: async (_root, args, context) => {
      const start = startOf(args.from);
      const end = endAfter(args.to);
      if (start >= end) throw apiError('INVALID_INPUT', 'The end of the period lies before its start.', { field: 'to' });
      if (Date.parse(end) - Date.parse(start) > REVIEW_MAX_DAYS * DAY_MS) {
        throw apiError('INVALID_INPUT', `Review at most ${String(REVIEW_MAX_DAYS)} days at once.`, { field: 'to' });
      }
      const thresholds = {
        ...REVIEW_DEFAULTS,
        manyClients: args.manyClients ?? REVIEW_DEFAULTS.manyClients,
        refusals: args.refusals ?? REVIEW_DEFAULTS.refusals,
        failedLogins: args.failedLogins ?? REVIEW_DEFAULTS.failedLogins,
      };
      const { records, more, flags, actors } = await context.db.read(async (tx) => {
        const read = await auditRecordsForReview(tx, start, end);
        const found = reviewAudit(read.records, thresholds);
        const ids = [...new Set(found.map((f) => f.accountId).filter((id) => id !== null))];
        return { ...read, flags: found, actors: await auditActors(tx, ids) };
      });
      context.audit.note({
        clientId: null,
        subject: 'AuditLog',
        action: 'READ',
        result: 'SUCCESS',
        detail: `review from=${start} to=${end}`,
      });
      return {
        from: args.from,
        to: args.to,
        recordsRead: records.length,
        truncated: more,
        ...thresholds,
        flags: flags.map((flag) => {
          const actor = flag.accountId === null ? undefined : actors.get(flag.accountId);
          return { flag, accountName: actor?.displayName ?? null, accountUsername: actor?.username ?? null };
        }),
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  verifyAuditChain: t.field({
    type: AuditChainVerification,
    description:
      'ADMIN: walks the whole hash chain of the audit log, as `npm run audit:verify` does, and says whether it is intact. Recorded as a read of the audit log.',
    resolve: async (_root, _args, context) => {
      const result = await verifyChain(context.db);
      context.audit.note({
        clientId: null,
        subject: 'AuditLog',
        action: 'READ',
        result: 'SUCCESS',
        detail: result.ok
          ? `chain verified: ${String(result.checked)} records intact`
          : `chain verified: broken at ${String(result.broken?.seq ?? '?')}`,
      });
      return {
        ok: result.ok,
        checked: result.checked,
        headSeq: result.head?.seq ?? null,
        headHash: result.head?.hash ?? null,
        brokenSeq: result.broken?.seq ?? null,
        brokenReason: result.broken?.reason ?? null,
        verifiedAt: new Date(context.now).toISOString(),
      };
    },
  }),
}));
