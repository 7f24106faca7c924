import { describe, expect, it } from 'vitest';
import { TEST_LAYOUT as LAYOUT } from '../circle-drawing/test-layout';
import { changeSentence, changeWho, type ChangeInput } from './change-sentence';

const MARCH = '2026-03-14T10:30:00.000Z';

const change = (fields: Partial<ChangeInput>): ChangeInput => ({
  kind: 'UNCHANGED',
  name: 'Fatima',
  relation: 'zus',
  fromRing: 3,
  toRing: 3,
  ...fields,
});

describe('changeSentence (issue 4)', () => {
  it('says who came closer, since when, and from which ring to which', () => {
    expect(changeSentence(change({ kind: 'CLOSER', fromRing: 3, toRing: 2 }), MARCH, LAYOUT)).toBe(
      'Fatima (zus) staat nu dichterbij dan in maart 2026. Eerst: ring 3 (Bekenden). Nu: ring 2 (Dichtbij).',
    );
  });

  it('says who moved further away', () => {
    expect(changeSentence(change({ kind: 'FURTHER', fromRing: 1, toRing: 3 }), MARCH, LAYOUT)).toBe(
      'Fatima (zus) staat nu verder weg dan in maart 2026. Eerst: ring 1 (Heel dichtbij). Nu: ring 3 (Bekenden).',
    );
  });

  it('says who is new, and where they are', () => {
    expect(
      changeSentence(
        change({ kind: 'JOINED', name: 'Buurtteam Lombok', relation: null, fromRing: null, toRing: 4 }),
        MARCH,
        LAYOUT,
      ),
    ).toBe('Buurtteam Lombok is er nieuw bij. Staat bij: ring 4 (Diensten).');
  });

  it('says who is no longer in the circle', () => {
    expect(changeSentence(change({ kind: 'LEFT', name: 'Ahmed', relation: null, toRing: null }), MARCH, LAYOUT)).toBe(
      'Ahmed staat er niet meer in.',
    );
  });

  it('says who stayed in the same place', () => {
    expect(changeSentence(change({ kind: 'UNCHANGED' }), MARCH, LAYOUT)).toBe('Fatima (zus) staat nog op dezelfde plek.');
  });

  it('writes the month in Dutch, in Amsterdam time (31 December 23:30 UTC is already January there)', () => {
    expect(changeSentence(change({ kind: 'CLOSER', fromRing: 2, toRing: 1 }), '2025-12-31T23:30:00Z', LAYOUT)).toContain(
      'dan in januari 2026.',
    );
  });

  it('names a ring by number alone when the layout does not know it', () => {
    expect(changeSentence(change({ kind: 'FURTHER', fromRing: 4, toRing: 7 }), MARCH, LAYOUT)).toContain('Nu: ring 7.');
  });

  it('leaves out a relation that only repeats the name', () => {
    expect(changeWho({ name: 'Huisarts', relation: 'huisarts' })).toBe('Huisarts');
    expect(changeWho({ name: 'Wim', relation: '  ' })).toBe('Wim');
    expect(changeWho({ name: 'Wim', relation: 'buurman' })).toBe('Wim (buurman)');
  });
});
