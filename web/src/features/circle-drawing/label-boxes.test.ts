import { describe, expect, it } from 'vitest';
import { boxBounds, boxesOverlap, discOverlapsBox, textBox } from './label-boxes';

describe('boxes of text on the drawing (issue 14)', () => {
  it('puts a text box on the side its anchor says', () => {
    expect(textBox(10, 0, 'start', 40, 20)).toEqual({ cx: 30, cy: 0, hw: 20, hh: 10, rotation: 0 });
    expect(textBox(10, 0, 'end', 40, 20)).toMatchObject({ cx: -10 });
    expect(textBox(10, 0, 'middle', 40, 20)).toMatchObject({ cx: 10 });
    // Turned a quarter clockwise about its anchor, a text that starts there runs downwards.
    const turned = textBox(0, 0, 'start', 40, 20, Math.PI / 2);
    expect(turned.cx).toBeCloseTo(0);
    expect(turned.cy).toBeCloseTo(20);
    expect(boxBounds(turned).map((n) => Math.round(n))).toEqual([-10, 0, 10, 40]);
  });

  it('finds two upright boxes overlapping or apart, with a gap if asked', () => {
    const a = textBox(0, 0, 'start', 100, 20);
    expect(boxesOverlap(a, textBox(90, 5, 'start', 50, 20))).toBe(true);
    expect(boxesOverlap(a, textBox(101, 0, 'start', 50, 20))).toBe(false);
    expect(boxesOverlap(a, textBox(101, 0, 'start', 50, 20), 3)).toBe(true);
    expect(boxesOverlap(a, textBox(0, 25, 'start', 100, 20))).toBe(false);
  });

  it('sees that a turned box misses a box its upright bounds would hit', () => {
    // A long thin box turned 45° and a small box near the corner of its bounds.
    const diagonal = textBox(0, 0, 'middle', 200, 10, Math.PI / 4);
    const corner = textBox(60, -60, 'middle', 10, 10);
    const [left, top, right, bottom] = boxBounds(diagonal);
    expect(60 > left && 60 < right && -60 > top && -60 < bottom).toBe(true);
    expect(boxesOverlap(diagonal, corner)).toBe(false);
    expect(boxesOverlap(diagonal, textBox(40, 40, 'middle', 10, 10))).toBe(true);
  });

  it('measures a disc against a box from its nearest point', () => {
    const box = textBox(0, 0, 'middle', 40, 20);
    expect(discOverlapsBox({ cx: 0, cy: 20, r: 11 }, box)).toBe(true);
    expect(discOverlapsBox({ cx: 0, cy: 20, r: 9 }, box)).toBe(false);
    // Near the corner the distance is diagonal: (25, 15) is √50 ≈ 7.07 from the corner (20, 10).
    expect(discOverlapsBox({ cx: 25, cy: 15, r: 7 }, box)).toBe(false);
    expect(discOverlapsBox({ cx: 25, cy: 15, r: 7.2 }, box)).toBe(true);
  });
});
