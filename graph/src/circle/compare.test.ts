import { describe, expect, it } from 'vitest';
import type { ComparableEntry } from './compare-types.js';
import { compareCircles } from './compare.js';

let entryCount = 0;

/** An entry for the person (or organisation) `name`; the target id follows the name, the entry id is fresh. */
function entry(
  name: string,
  overrides: Partial<Omit<ComparableEntry, 'target'>> & { kind?: 'PERSON' | 'ORGANISATION' } = {},
): ComparableEntry {
  const { kind = 'PERSON', ...rest } = overrides;
  entryCount += 1;
  return {
    id: `entry-${entryCount}`,
    ring: 2,
    sector: 'FAMILY',
    relation: null,
    ...rest,
    target: { kind, id: `target-${name}`, name },
  };
}

describe('comparing two snapshots of a circle (issue 4)', () => {
  it('gives nothing for two empty circles (issue 4)', () => {
    expect(compareCircles([], [])).toEqual([]);
  });

  it('reports someone only in the later snapshot as JOINED (issue 4)', () => {
    const later = entry('Anna', { ring: 3, sector: 'FRIENDS', relation: 'buurvrouw' });
    expect(compareCircles([], [later])).toEqual([
      {
        kind: 'JOINED',
        targetId: 'target-Anna',
        targetKind: 'PERSON',
        name: 'Anna',
        relation: 'buurvrouw',
        earlierEntryId: null,
        laterEntryId: later.id,
        fromRing: null,
        toRing: 3,
        fromSector: null,
        toSector: 'FRIENDS',
      },
    ]);
  });

  it('reports someone only in the earlier snapshot as LEFT, with the earlier name and relation (issue 4)', () => {
    const earlier = entry('Buurthuis', { kind: 'ORGANISATION', ring: 4, sector: 'CARE', relation: 'inloop' });
    expect(compareCircles([earlier], [])).toEqual([
      {
        kind: 'LEFT',
        targetId: 'target-Buurthuis',
        targetKind: 'ORGANISATION',
        name: 'Buurthuis',
        relation: 'inloop',
        earlierEntryId: earlier.id,
        laterEntryId: null,
        fromRing: 4,
        toRing: null,
        fromSector: 'CARE',
        toSector: null,
      },
    ]);
  });

  it('reports a move to a lower ring as CLOSER and a higher ring as FURTHER (issue 4)', () => {
    const changes = compareCircles(
      [entry('Anna', { ring: 3 }), entry('Bert', { ring: 1 })],
      [entry('Anna', { ring: 1 }), entry('Bert', { ring: 4 })],
    );
    expect(changes.map((c) => [c.kind, c.name, c.fromRing, c.toRing])).toEqual([
      ['CLOSER', 'Anna', 3, 1],
      ['FURTHER', 'Bert', 1, 4],
    ]);
  });

  it('reports the same ring as UNCHANGED (issue 4)', () => {
    const earlier = entry('Anna', { ring: 2 });
    const later = entry('Anna', { ring: 2 });
    expect(compareCircles([earlier], [later])).toMatchObject([
      { kind: 'UNCHANGED', earlierEntryId: earlier.id, laterEntryId: later.id, fromRing: 2, toRing: 2 },
    ]);
  });

  it('treats a sector change alone as UNCHANGED but shows both sectors (issue 4)', () => {
    const changes = compareCircles([entry('Anna', { sector: 'FAMILY' })], [entry('Anna', { sector: 'FRIENDS' })]);
    expect(changes).toMatchObject([{ kind: 'UNCHANGED', fromSector: 'FAMILY', toSector: 'FRIENDS' }]);
  });

  it('takes name and relation from the later entry (issue 4)', () => {
    const earlier: ComparableEntry = {
      ...entry('Anna', { relation: 'buurvrouw' }),
      target: { kind: 'PERSON', id: 'p-1', name: 'Ann' },
    };
    const later: ComparableEntry = { ...entry('Anna', { relation: null }), target: { kind: 'PERSON', id: 'p-1', name: 'Anna' } };
    expect(compareCircles([earlier], [later])).toMatchObject([{ kind: 'UNCHANGED', name: 'Anna', relation: null }]);
  });

  it('orders JOINED, CLOSER, FURTHER, LEFT, UNCHANGED, and by name in Dutch order inside a kind (issue 4)', () => {
    const earlier = [
      entry('Zeno', { ring: 1 }),
      entry('Carla', { ring: 2 }),
      entry('Bert', { ring: 1 }),
      entry('Dirk', { ring: 3 }),
      entry('eva', { ring: 4 }),
    ];
    const later = [
      entry('eva', { ring: 4 }),
      entry('Dirk', { ring: 2 }),
      entry('Carla', { ring: 2 }),
      entry('Bert', { ring: 2 }),
      entry('ijsbrand'),
      entry('Yara'),
    ];
    expect(compareCircles(earlier, later).map((c) => `${c.kind}:${c.name}`)).toEqual([
      'JOINED:ijsbrand',
      'JOINED:Yara',
      'CLOSER:Dirk',
      'FURTHER:Bert',
      'LEFT:Zeno',
      'UNCHANGED:Carla',
      'UNCHANGED:eva',
    ]);
  });

  it('matches a target placed more than once pairwise in ring order (issue 4)', () => {
    const earlier = [entry('Anna', { ring: 4 }), entry('Anna', { ring: 1 })];
    const later = [entry('Anna', { ring: 1 }), entry('Anna', { ring: 3 }), entry('Anna', { ring: 2 })];
    const changes = compareCircles(earlier, later);
    // Sorted by ring the earlier ones are 1, 4 and the later ones 1, 2, 3: so 1→1, 4→2, and 3 is new.
    expect(changes.map((c) => [c.kind, c.fromRing, c.toRing])).toEqual([
      ['JOINED', null, 3],
      ['CLOSER', 4, 2],
      ['UNCHANGED', 1, 1],
    ]);
    expect(new Set(changes.map((c) => c.laterEntryId)).size).toBe(3);
  });
});
