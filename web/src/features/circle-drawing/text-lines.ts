/**
 * How wide a name will be on the drawing, and where it breaks into lines. Pure: the drawing model
 * needs the sizes before anything is on the screen (to keep labels apart), and the same numbers are
 * checked in unit tests without a browser.
 */

/** Line distance as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;

/**
 * Average advance of one character, in em, for the wide sans-serif fonts a tablet falls back to
 * (DejaVu Sans, Roboto, Segoe UI): an estimate on the wide side, so a real name is never wider.
 */
const CHAR_EM = 0.62;
const BOLD_CHAR_EM = 0.68;
/**
 * WCAG 1.4.12: a reader may set letter spacing to 0.12 em and word spacing to 0.16 em. The estimate
 * makes room for that, so a label with extra spacing still does not run into its neighbour.
 */
const LETTER_SPACING_EM = 0.12;
const WORD_SPACING_EM = 0.16;

/** Letters as a reader sees them ("é" written as e plus an accent is one). */
const graphemes = new Intl.Segmenter('nl', { granularity: 'grapheme' });

/** Estimated width of one line of text at font size `size` (drawing units). */
export function textWidth(text: string, size: number, bold = false): number {
  let chars = 0;
  for (const _ of graphemes.segment(text)) chars++;
  const spaces = text.split(' ').length - 1;
  return size * (chars * ((bold ? BOLD_CHAR_EM : CHAR_EM) + LETTER_SPACING_EM) + spaces * WORD_SPACING_EM);
}

export interface TextLines {
  readonly lines: readonly string[];
  /** Widest line (textWidth). */
  readonly width: number;
  /** All lines, LINE_HEIGHT apart. */
  readonly height: number;
}

function greedy(words: readonly string[], maxWidth: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (!line || textWidth(joined, size, bold) <= maxWidth) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth`, never cutting a word and never
 * leaving anything out: a word wider than `maxWidth` gets a line of its own, and when that makes
 * more than `maxLines` lines, the lines are made wider until it does not.
 */
export function wrapLines(text: string, maxWidth: number, size: number, { maxLines = 3, bold = false } = {}): TextLines {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let width = maxWidth;
  let lines = greedy(words, width, size, bold);
  while (lines.length > maxLines) {
    width *= 1.15;
    lines = greedy(words, width, size, bold);
  }
  return {
    lines,
    width: Math.max(0, ...lines.map((l) => textWidth(l, size, bold))),
    height: lines.length * size * LINE_HEIGHT,
  };
}
