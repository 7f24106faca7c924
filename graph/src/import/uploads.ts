import { one, type Tx } from '../tx.js';

/**
 * A staged import: a file an admin uploaded, kept for an hour so the dry run and the apply read
 * the same text. Only the admin who uploaded it can use it; applying it removes it.
 */
export interface ImportUpload {
  id: string;
  accountId: string;
  fileName: string | null;
  /** The file as text (decodeCsvBytes). */
  text: string;
  /** Lines that were not UTF-8. */
  badLines: number[];
  /** SHA-256 of the bytes as uploaded. */
  sha256: string;
  bytes: number;
  createdAt: string;
  expiresAt: string;
}

/** How long an upload waits for its dry run and apply. */
export const IMPORT_UPLOAD_TTL_MS = 60 * 60 * 1000;

/** Stores an upload, and removes the expired ones of everybody on the way. */
export async function storeImportUpload(tx: Tx, upload: ImportUpload): Promise<void> {
  await tx.run(
    `CALL () {
       MATCH (old:ImportUpload) WHERE old.expiresAt <= datetime($createdAt)
       DELETE old
     }
     CREATE (u:ImportUpload {id: $id})
     SET u.accountId = $accountId, u.fileName = $fileName, u.text = $text, u.badLines = $badLines,
         u.sha256 = $sha256, u.bytes = $bytes, u.createdAt = datetime($createdAt), u.expiresAt = datetime($expiresAt)`,
    { ...upload },
  );
}

/** The upload, when it exists, belongs to this account and has not expired; undefined otherwise (the caller cannot tell which). */
export async function findImportUpload(tx: Tx, id: string, accountId: string, now: string): Promise<ImportUpload | undefined> {
  const record = await one<{ u: ImportUpload }>(
    tx,
    `MATCH (u:ImportUpload {id: $id})
     WHERE u.accountId = $accountId AND u.expiresAt > datetime($now)
     RETURN u {.id, .accountId, .fileName, .text, .badLines, .sha256, .bytes,
               createdAt: toString(u.createdAt), expiresAt: toString(u.expiresAt)} AS u`,
    { id, accountId, now },
  );
  return record?.u;
}

export async function deleteImportUpload(tx: Tx, id: string): Promise<void> {
  await tx.run('MATCH (u:ImportUpload {id: $id}) DELETE u', { id });
}
