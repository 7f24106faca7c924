/**
 * RFC 4180 CSV for the exports (research files, the audit log): a field is quoted when it holds
 * the separator, a quote or a line break, and a quote inside is doubled. Text that a spreadsheet
 * would run as a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, so an export
 * opened in Excel cannot execute anything; a plain number written as text ("-3", "-0.5") stays as
 * it is.
 */
export function csvField(value: string | number | boolean | null, separator = ','): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  const special = separator === ',' ? /[",\r\n]/ : /[;"\r\n]/;
  return special.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line, with Windows line end; `;` for files that Dutch spreadsheet programs open directly. */
export const csvLine = (fields: ReadonlyArray<string | number | boolean | null>, separator: ',' | ';' = ','): string =>
  `${fields.map((field) => csvField(field, separator)).join(separator)}\r\n`;
