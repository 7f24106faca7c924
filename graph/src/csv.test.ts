import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';

describe('CSV of the exports', () => {
  it('quotes what holds the separator, a quote or a line break, and doubles quotes', () => {
    expect(csvLine(['a,b', 'c;d', 'say "hi"', 'two\nlines', 3, null, true])).toBe(
      '"a,b",c;d,"say ""hi""","two\nlines",3,,true\r\n',
    );
    expect(csvLine(['a,b', 'c;d'], ';')).toBe('a,b;"c;d"\r\n');
  });

  it('keeps a spreadsheet from running text as a formula, but leaves a number written as text alone (issue 11)', () => {
    for (const formula of ['=1+1', '+cmd', '-1+cmd|calc', '@SUM(A1)', '\tx', '-x'])
      expect(csvField(formula, ';')).toMatch(/^"?'/);
    expect(csvField('-3')).toBe('-3');
    expect(csvField('-0.5', ';')).toBe('-0.5');
  });
});
