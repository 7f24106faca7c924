import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, textWidth, wrapLines } from './text-lines';

describe('breaking names into lines (issue 14)', () => {
  it('breaks at spaces into lines no wider than asked, keeping every word in order', () => {
    const wrapped = wrapLines('Huisarts Kanaleneiland Zuid', 150, 16);
    expect(wrapped.lines).toEqual(['Huisarts', 'Kanaleneiland', 'Zuid']);
    // Lines of more than one word fit; one long word may stand wider on its own line.
    const twoWords = wrapLines('Huisarts Kanaleneiland Zuid', 280, 16);
    expect(twoWords.lines).toEqual(['Huisarts Kanaleneiland', 'Zuid']);
    for (const line of twoWords.lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(280);
    expect(wrapped.height).toBe(3 * 16 * LINE_HEIGHT);
    expect(wrapped.width).toBe(textWidth('Kanaleneiland', 16));
  });

  it('keeps short names on one line, and words together where they fit', () => {
    expect(wrapLines('Fatima', 150, 16).lines).toEqual(['Fatima']);
    expect(wrapLines('Tante Ria', 150, 16).lines).toEqual(['Tante Ria']);
    expect(wrapLines('Buurtteam Sociaal Kanaleneiland', 150, 16).lines).toEqual(['Buurtteam', 'Sociaal', 'Kanaleneiland']);
  });

  it('never cuts a word: one wider than the line gets a line of its own', () => {
    const wrapped = wrapLines('Gezondheidscentrumkanaleneiland Zuid', 100, 16);
    expect(wrapped.lines).toEqual(['Gezondheidscentrumkanaleneiland', 'Zuid']);
    expect(wrapped.width).toBeGreaterThan(100);
  });

  it('makes the lines wider rather than use more than the lines allowed, and leaves nothing out', () => {
    const name = 'Maria Fernanda Oliveira dos Santos Lopes';
    const wrapped = wrapLines(name, 80, 16, { maxLines: 3 });
    expect(wrapped.lines.length).toBeLessThanOrEqual(3);
    expect(wrapped.lines.join(' ')).toBe(name);
    expect(wrapLines(name, 80, 16, { maxLines: 1 }).lines).toEqual([name]);
  });

  it('tidies white space and gives an empty name no lines', () => {
    expect(wrapLines('  Noor   van  Dijk ', 400, 16).lines).toEqual(['Noor van Dijk']);
    expect(wrapLines('   ', 100, 16)).toEqual({ lines: [], width: 0, height: 0 });
  });

  it('estimates bold and spaced text wider, so the larger spacing of WCAG 1.4.12 still fits', () => {
    expect(textWidth('Familie', 16, true)).toBeGreaterThan(textWidth('Familie', 16));
    // 0.12 em letter spacing per character and 0.16 em per space are in the estimate.
    expect(textWidth('ab', 10) - textWidth('a', 10)).toBeCloseTo(10 * (0.62 + 0.12));
    expect(textWidth('a b', 10) - textWidth('ab', 10)).toBeCloseTo(10 * (0.62 + 0.12 + 0.16));
  });
});
