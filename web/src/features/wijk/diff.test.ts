import { describe, expect, it } from 'vitest';
import { diffIsEmpty, diffMaps } from './diff';
import type { WijkMapData } from './model';
import { SAMPLE } from './sample.test-data';

/** The same wijk a year later: Humanitas's referral ended, a new link began, Portaal left, DOCK's taalcafé stopped and a new offering came. */
const LATER: WijkMapData = {
  ...SAMPLE,
  at: '2027-08-01',
  organisations: SAMPLE.organisations.filter((o) => o.id !== 'portaal'),
  links: [
    ...SAMPLE.links.filter((l) => l.id !== 'l5'),
    { id: 'l9', fromId: 'bts', toId: 'lister', kind: 'HANDOVER', since: '2027-02-01', until: null },
  ],
  offerings: [
    ...SAMPLE.offerings.filter((o) => o.id !== 'o3'),
    { id: 'o4', name: 'Koken', category: 'MEALS', languages: [], organisationId: 'bts' },
  ],
};

describe('diffMaps', () => {
  const diff = diffMaps(SAMPLE, LATER);

  it('finds links that started and links that ended (drawable ones only)', () => {
    expect(diff.startedLinks.map((l) => l.id)).toEqual(['l9']);
    expect(diff.endedLinks.map((l) => l.id)).toEqual(['l5']);
  });

  it('finds organisations and offerings that appeared or went', () => {
    expect(diff.organisationsWent).toEqual([{ id: 'portaal', name: 'Portaal' }]);
    expect(diff.organisationsAppeared).toEqual([]);
    expect(diff.offeringsWent.map((o) => o.name)).toEqual(['Taalcafé']);
    expect(diff.offeringsAppeared.map((o) => o.name)).toEqual(['Koken']);
  });

  it('knows the names of both maps, also of organisations that are gone', () => {
    expect(diff.names.get('humanitas')).toBe('Humanitas');
    expect(diff.names.get('portaal')).toBe('Portaal');
    expect(diffIsEmpty(diff)).toBe(false);
  });

  it('is the mirror image the other way round, and empty for the same map', () => {
    const back = diffMaps(LATER, SAMPLE);
    expect(back.startedLinks.map((l) => l.id)).toEqual(['l5']);
    expect(back.endedLinks.map((l) => l.id)).toEqual(['l9']);
    expect(back.organisationsAppeared.map((o) => o.name)).toEqual(['Portaal']);
    expect(diffIsEmpty(diffMaps(SAMPLE, SAMPLE))).toBe(true);
  });
});
