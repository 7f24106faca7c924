import { describe, expect, it } from 'vitest';
import { markedEntries } from './marked-entries';

const person = (id: string, name: string) =>
  ({ __typename: 'CirclePerson', id, name, professional: false, organisation: null }) as const;

describe('markedEntries (issue 4)', () => {
  it('marks who joined and moved, and adds who left as an outline where they were', () => {
    const entries = markedEntries({
      later: {
        entries: [
          { id: 'l1', ring: 2, sector: 'FAMILY', position: 0, safetyNet: true, target: person('fatima', 'Fatima') },
          { id: 'l2', ring: 4, sector: 'PROFESSIONALS', position: 0, safetyNet: false, target: person('bram', 'Bram') },
          { id: 'l3', ring: 3, sector: 'FRIENDS_NEIGHBOURS', position: 0, safetyNet: false, target: person('wim', 'Wim') },
        ],
      },
      changes: [
        {
          kind: 'JOINED',
          targetId: 'bram',
          targetKind: 'PERSON',
          name: 'Bram',
          fromRing: null,
          fromSector: null,
          earlierEntryId: null,
          laterEntryId: 'l2',
        },
        {
          kind: 'CLOSER',
          targetId: 'fatima',
          targetKind: 'PERSON',
          name: 'Fatima',
          fromRing: 3,
          fromSector: 'FAMILY',
          earlierEntryId: 'e1',
          laterEntryId: 'l1',
        },
        {
          kind: 'LEFT',
          targetId: 'hub',
          targetKind: 'ORGANISATION',
          name: 'Buurthuis',
          fromRing: 4,
          fromSector: 'PROFESSIONALS',
          earlierEntryId: 'e9',
          laterEntryId: null,
        },
        {
          kind: 'UNCHANGED',
          targetId: 'wim',
          targetKind: 'PERSON',
          name: 'Wim',
          fromRing: 3,
          fromSector: 'FRIENDS_NEIGHBOURS',
          earlierEntryId: 'e3',
          laterEntryId: 'l3',
        },
      ],
    });
    expect(entries.map((e) => [e.id, e.mark ?? null])).toEqual([
      ['l1', 'CLOSER'],
      ['l2', 'JOINED'],
      ['l3', null],
      ['left-e9', 'LEFT'],
    ]);
    const left = entries[3];
    expect(left).toMatchObject({ ring: 4, sector: 'PROFESSIONALS', target: { __typename: 'Organisation', name: 'Buurthuis' } });
    // After everyone still in that ring and sector, so nobody else moves on the drawing.
    expect(left?.position).toBeGreaterThan(1000);
  });
});
