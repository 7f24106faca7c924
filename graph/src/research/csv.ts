/**
 * RFC 4180 CSV: a field is quoted when it holds a separator, a quote or a line break, and a quote
 * inside is doubled. A field that a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe, so an export opened in Excel cannot execute anything.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (fields: ReadonlyArray<string | number | boolean | null>): string =>
  `${fields.map(csvField).join(',')}\r\n`;
