import { IMPORT_COLUMNS, type ImportColumn } from './types.js';

/** One line of a sociale-kaart file: its cells by column name (missing ones are empty). */
export type CsvRow = Partial<Record<ImportColumn, string>>;

function cell(value: string): string {
  return /[;"\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A sociale-kaart file as Excel's "CSV UTF-8" writes it: a byte-order mark, `;` between cells,
 * Windows line ends, quotes only where a cell needs them. The format parse.ts reads; the example
 * file, the tests and the benchmark are written with it.
 */
export function socialMapCsv(rows: readonly CsvRow[], columns: readonly ImportColumn[] = IMPORT_COLUMNS): string {
  const lines = [columns.join(';'), ...rows.map((row) => columns.map((column) => cell(row[column] ?? '')).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
