import { describe, expect, it } from 'vitest';
import type { WijkEditMap } from './types';
import {
  dutchDate,
  isIsoDate,
  joinCandidates,
  linkRecordedMessage,
  linkRows,
  members,
  orderedLanguages,
  parseStrength,
  todayIso,
  wijkPartnerships,
} from './wijk-edit-model';

const map: WijkEditMap = {
  organisations: [
    { id: 'o1', name: 'Buurtteam' },
    { id: 'o2', name: 'Al Amal' },
    { id: 'o3', name: 'Huisarts' },
  ],
  outsideOrganisations: [{ id: 'x1', name: 'Stadsbrede GGZ' }],
  keyFigures: [{ id: 'k1', name: 'Fatima' }],
  links: [
    { id: 'l1', fromId: 'o1', toId: 'o3', kind: 'REFERRAL', since: '2024-01-01', until: null },
    { id: 'l2', fromId: 'k1', toId: 'o2', kind: 'COLLABORATION' },
    { id: 'l3', fromId: 'o1', toId: 'x1', kind: 'HANDOVER', until: '2026-01-01' },
    { id: 'l4', fromId: 'o2', toId: 'x1', kind: 'FUNDING', until: '2027-01-01' },
  ],
  partnerships: [
    { id: 'p1', name: 'Kernteam', districtId: 'd1', memberIds: ['o1', 'x1'] },
    { id: 'p2', name: 'Stadsbreed', districtId: null, memberIds: ['o2'] },
  ],
  offerings: [],
};

describe('wijk edit helpers', () => {
  it('lists the links on the map by name, without the ones that ended', () => {
    expect(linkRows(map, '2026-11-30')).toEqual([
      { id: 'l4', label: 'Al Amal – Stadsbrede GGZ', kind: 'FUNDING', since: null },
      { id: 'l1', label: 'Buurtteam – Huisarts', kind: 'REFERRAL', since: '2024-01-01' },
      { id: 'l2', label: 'Fatima – Al Amal', kind: 'COLLABORATION', since: null },
    ]);
    // A link that stops today is gone today (until is the first day without it).
    expect(linkRows(map, '2027-01-01').map((r) => r.id)).not.toContain('l4');
  });

  it('offers only the wijk’s own partnerships, and only organisations that are not yet members', () => {
    const own = wijkPartnerships(map, 'd1');
    expect(own.map((p) => p.id)).toEqual(['p1']);
    expect(joinCandidates(map, own[0] ?? { memberIds: [] }).map((o) => o.id)).toEqual(['o2', 'o3']);
    expect(members(map, own[0] ?? { memberIds: [] })).toEqual([
      { id: 'o1', name: 'Buurtteam' },
      { id: 'x1', name: 'Stadsbrede GGZ' },
    ]);
  });

  it('keeps languages in the form’s order, each once, only known ones', () => {
    expect(orderedLanguages(['tr', 'nl', 'xx', 'tr', 'pap'])).toEqual(['nl', 'tr', 'pap']);
  });

  it('reads dates and strengths as the API wants them', () => {
    expect(todayIso(new Date(2026, 2, 5, 23, 30))).toBe('2026-03-05');
    expect(isIsoDate('2026-03-05')).toBe(true);
    expect(isIsoDate('')).toBe(false);
    expect(parseStrength('')).toBeNull();
    expect(parseStrength('3')).toBe(3);
    expect(parseStrength('6')).toBeNull();
    expect(dutchDate('2024-01-15')).toBe('15 januari 2024');
    expect(dutchDate('')).toBe('');
  });
});

describe('linkRecordedMessage', () => {
  it('says first that an action closed itself, when one did', () => {
    expect(linkRecordedMessage('A – B', 1)).toBe('Actie afgesloten: de verbinding is vastgelegd (A – B).');
    expect(linkRecordedMessage('A – B', 0)).toBe('De verbinding is vastgelegd: A – B.');
  });
});
