import { describe, expect, it } from 'vitest';
import type { CircleEntryInput } from '../circle-drawing/circle-elements';
import { TEST_LAYOUT } from '../circle-drawing/test-layout';
import { listSvg } from './png';
import { ringList } from './ring-list';

function entry(id: string, ring: number, sector: string, position: number, name: string, professional = false): CircleEntryInput {
  return {
    id,
    ring,
    sector,
    position,
    safetyNet: false,
    target: { __typename: 'CirclePerson', id: `t-${id}`, name, professional, organisation: null },
  };
}

const entries: CircleEntryInput[] = [
  entry('d', 4, 'PROFESSIONALS', 0, 'Huisarts Kanaleneiland Zuid'),
  entry('a', 1, 'FRIENDS_NEIGHBOURS', 0, 'Noor'),
  entry('b', 1, 'FAMILY', 3, 'Tante Ria'),
  entry('c', 3, 'PROFESSIONALS', 0, 'Eline Kramer', true),
  entry('e', 1, 'FAMILY', 1, 'Fatima'),
];

describe('the list of who is in each ring on the printed page (issue 14)', () => {
  it('lists every ring, each name under its own ring in the order of the drawing, with its group', () => {
    const list = ringList(TEST_LAYOUT, entries);
    expect(list.map((r) => [r.ring, r.label])).toEqual([
      [1, 'Heel dichtbij'],
      [2, 'Dichtbij'],
      [3, 'Bekenden'],
      [4, 'Diensten'],
    ]);
    expect(list[0]?.names.map((n) => `${n.name} (${n.group})`)).toEqual([
      'Fatima (Familie)',
      'Tante Ria (Familie)',
      'Noor (Vrienden en buren)',
    ]);
    // An empty ring is listed too, so the list reads like the drawing; a professional by first name, as drawn.
    expect(list[1]?.names).toEqual([]);
    expect(list[2]?.names.map((n) => n.name)).toEqual(['Eline']);
    expect(list[3]?.names.map((n) => n.name)).toEqual(['Huisarts Kanaleneiland Zuid']);
  });

  it('writes the list into the PNG with long names broken over lines, none cut off', () => {
    const { svg, height } = listSvg(
      {
        title: 'Wie staat in welke ring',
        ringTitle: (ring, label) => `Ring ${String(ring)}: ${label}`,
        nobody: 'Nog niemand.',
        rings: ringList(TEST_LAYOUT, entries),
      },
      70,
      1000,
      1100,
    );
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('Nog niemand.');
    expect(texts.join(' ')).toContain('Huisarts Kanaleneiland Zuid');
    expect(texts.some((t) => t?.includes('…'))).toBe(false);
    expect(height).toBeGreaterThan(0);
  });
});
