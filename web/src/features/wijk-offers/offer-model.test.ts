import { describe, expect, it } from 'vitest';
import { filterOffers, groupByKind, kindsOf, languageList, languageName, languagesOf, type Offer } from './offer-model';

function offer(id: string, category: Offer['category'], languages: string[] = [], organisationId = `org-${id}`): Offer {
  return { id, category, organisationId, organisationName: `Organisatie ${id}`, languages };
}

const OFFERS: Offer[] = [
  offer('gp', 'GENERAL_PRACTICE', ['nl', 'ar', 'tr']),
  offer('walk-in', 'WALK_IN', ['ar', 'tr', 'ary']),
  offer('buddy', 'BUDDY'),
  offer('walk-in-2', 'WALK_IN'),
  offer('language', 'LANGUAGE', ['nl', 'uk']),
];

describe('the offers page model (issue 14)', () => {
  it('groups by kind, people to meet first and care last, keeping the order within a kind', () => {
    expect(groupByKind(OFFERS).map((g) => [g.category, g.offers.map((o) => o.id)])).toEqual([
      ['BUDDY', ['buddy']],
      ['WALK_IN', ['walk-in', 'walk-in-2']],
      ['LANGUAGE', ['language']],
      ['GENERAL_PRACTICE', ['gp']],
    ]);
    expect(kindsOf(OFFERS)).toEqual([
      { category: 'BUDDY', count: 1 },
      { category: 'WALK_IN', count: 2 },
      { category: 'LANGUAGE', count: 1 },
      { category: 'GENERAL_PRACTICE', count: 1 },
    ]);
  });

  it('filters by kind and by language, an offer without languages counting as Dutch', () => {
    expect(filterOffers(OFFERS, { kind: 'WALK_IN', language: null }).map((o) => o.id)).toEqual(['walk-in', 'walk-in-2']);
    expect(filterOffers(OFFERS, { kind: null, language: 'tr' }).map((o) => o.id)).toEqual(['gp', 'walk-in']);
    expect(filterOffers(OFFERS, { kind: null, language: 'nl' }).map((o) => o.id)).toEqual([
      'gp',
      'buddy',
      'walk-in-2',
      'language',
    ]);
    expect(filterOffers(OFFERS, { kind: 'WALK_IN', language: 'tr' }).map((o) => o.id)).toEqual(['walk-in']);
    expect(filterOffers(OFFERS, { kind: 'SPORT', language: null })).toEqual([]);
  });

  it('names languages in Dutch words, Dutch first and the rest by name', () => {
    expect(languageName('ar')).toBe('Arabisch');
    expect(languageName('tr')).toBe('Turks');
    // Not in the app's own list: the browser's Dutch name.
    expect(languageName('de')).toBe('Duits');
    expect(languagesOf(OFFERS).map(languageName)).toEqual([
      'Nederlands',
      'Arabisch',
      'Marokkaans-Arabisch',
      'Oekraïens',
      'Turks',
    ]);
    expect(languageList(OFFERS[0] as Offer)).toBe('Nederlands, Arabisch en Turks');
    expect(languageList(OFFERS[2] as Offer)).toBe('Nederlands');
  });
});
