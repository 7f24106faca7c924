import {
  applySocialMapImport,
  deleteImportUpload,
  findImportUpload,
  parseSocialMap,
  planSocialMapImport,
  type ImportPlan,
  type ImportTotals,
  type ImportUpload,
  type Tx,
} from '@wijkkring/graph';
import { auditedWrite } from '../audit/audited-write.js';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';
import { requireAccount } from '../schema/auth.js';
import { todayOf } from '../wijk/service.js';

/**
 * The import of a sociale kaart (issue 11), between the GraphQL fields and `graph`: an upload is
 * found only for the admin who uploaded it and only while it has not expired. A missing, expired
 * or someone else's upload all answer the same NOT_FOUND, so an id says nothing about anyone else.
 */

export interface ImportPreview extends ImportPlan {
  upload: Omit<ImportUpload, 'text' | 'badLines'>;
}

export interface ImportResult {
  totals: ImportTotals;
  closedActions: number;
}

async function upload(context: Context, tx: Tx, uploadId: string): Promise<ImportUpload> {
  const { account } = requireAccount(context);
  const found = await findImportUpload(tx, uploadId, account.id, new Date(context.now).toISOString());
  if (!found)
    throw apiError('NOT_FOUND', 'This upload does not exist or has expired. Upload the file again.', { field: 'uploadId' });
  return found;
}

/** The dry run: what applying the upload would do now. Reads only. */
export async function previewImport(context: Context, uploadId: string): Promise<ImportPreview> {
  return context.db.read(async (tx) => {
    const found = await upload(context, tx, uploadId);
    const plan = await planSocialMapImport(tx, parseSocialMap(found.text, found.badLines));
    const { text: _text, badLines: _badLines, ...facts } = found;
    return { ...plan, upload: facts };
  });
}

/**
 * Applies the upload in one write transaction with its audit record: planned again inside it,
 * refused with IMPORT_HAS_ERRORS (nothing written) when that plan has errors; the upload is
 * removed when it was applied.
 */
export async function applyImport(context: Context, uploadId: string): Promise<ImportResult> {
  const { account } = requireAccount(context);
  return auditedWrite(context, { subject: 'SocialMap', action: 'UPDATE' }, async (tx, record) => {
    const found = await upload(context, tx, uploadId);
    const result = await applySocialMapImport(tx, parseSocialMap(found.text, found.badLines), {
      today: todayOf(context),
      now: new Date(context.now).toISOString(),
      accountId: account.id,
    });
    const { totals } = result.plan;
    if (!result.applied) {
      throw apiError(
        'IMPORT_HAS_ERRORS',
        `The file has ${String(result.plan.issueCount)} error(s); nothing was changed. Look at the dry run again.`,
        { field: 'uploadId', errors: result.plan.issueCount },
      );
    }
    await deleteImportUpload(tx, found.id);
    record.action = totals.create > 0 ? 'CREATE' : 'UPDATE';
    record.detail = `sociale kaart ${found.sha256.slice(0, 12)}: ${String(totals.create)} new, ${String(totals.change)} changed, ${String(totals.unchanged)} unchanged`;
    return { totals, closedActions: result.closedActionIds.length };
  });
}
