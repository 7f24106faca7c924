import { describe, expect, it } from 'vitest';
import { circleLayoutSchema, LENSINK_LAYOUT } from './layout.js';

describe('circle layouts are data (issue 2)', () => {
  it('accepts the Lensink default: 4 rings × 4 sectors', () => {
    expect(circleLayoutSchema.parse(LENSINK_LAYOUT).rings.map((r) => r.ring)).toEqual([1, 2, 3, 4]);
    expect(LENSINK_LAYOUT.sectors).toHaveLength(4);
  });

  it('accepts another set, and rejects gaps in ring numbers or duplicate sectors', () => {
    const three = { rings: LENSINK_LAYOUT.rings.slice(0, 3), sectors: LENSINK_LAYOUT.sectors.slice(0, 2) };
    expect(circleLayoutSchema.safeParse(three).success).toBe(true);
    const gap = { ...three, rings: [LENSINK_LAYOUT.rings[0], LENSINK_LAYOUT.rings[2]] };
    expect(circleLayoutSchema.safeParse(gap).success).toBe(false);
    const duplicate = { ...three, sectors: [LENSINK_LAYOUT.sectors[0], LENSINK_LAYOUT.sectors[0]] };
    expect(circleLayoutSchema.safeParse(duplicate).success).toBe(false);
  });
});
