import { describe, expect, it } from 'vitest';
import { signalsByNode } from './highlight';
import { eiText, formatIndex, wijkSignalText, type WijkSignalTextInput } from './wijk-signal-text';

const names = new Map([
  ['dock', 'DOCK'],
  ['lister', 'Lister'],
  ['buurtteam', 'Buurtteam Kanaleneiland'],
  ['amal', 'Stichting Al Amal'],
  ['fatima', 'Fatima'],
]);

const base: WijkSignalTextInput = {
  code: 'MISSING_LINK',
  nodeIds: [],
  groups: null,
  eiIndex: null,
  category: null,
  unlinkedPairs: [],
  articulation: null,
  rank: null,
};

const text = (signal: Partial<WijkSignalTextInput>, minimumClients = 10) =>
  wijkSignalText({ ...base, ...signal }, { names, minimumClients });

/** Every number written in a text, as digits. */
const numbers = (s: string) => s.match(/\d+/g) ?? [];

describe('wijkSignalText (issue 9)', () => {
  it('names both organisations of a missing link (by name) and states the rule with K, and no other number', () => {
    const t = text({ code: 'MISSING_LINK', nodeIds: ['lister', 'dock'] }, 12);
    expect(t.title).toBe('DOCK en Lister hebben samen cliënten uit de wijk, maar nog geen verbinding');
    expect(t.why).toContain('Minstens 12 cliënten');
    expect(t.why).toContain('toestemming');
    for (const part of [t.title, t.why, t.next, t.short, t.action]) expect(numbers(part).every((n) => n === '12')).toBe(true);
    expect(t.action).toBe('Kennismaking DOCK en Lister');
    expect(t.next).toContain('DOCK en Lister');
  });

  it('names the two sporen of a tier island and gives its E-I index in words and as a number', () => {
    const t = text({ code: 'TIER_ISLAND', groups: ['TIER_1', 'TIER_3'], eiIndex: -1, nodeIds: ['dock', 'lister'] });
    expect(t.title).toBe('Geen enkele verbinding tussen Spoor 1 (Sociale basis) en Spoor 3 (Aanvullende zorg)');
    expect(t.why).toContain('De E-I-index van dit paar is −1: de verbindingen blijven binnen het eigen spoor.');
    const undefinedEi = text({ code: 'TIER_ISLAND', groups: ['TIER_2', 'OTHER'], eiIndex: null });
    expect(undefinedEi.why).toContain('niet te berekenen');
  });

  it('words E-I values inside, in between and across', () => {
    expect(eiText(-0.8)).toContain('binnen het eigen spoor');
    expect(eiText(0)).toContain('in evenwicht');
    expect(eiText(0.75)).toBe('De E-I-index van dit paar is 0,75: de verbindingen lopen vooral tussen de sporen.');
    expect(formatIndex(-0.5)).toBe('−0,5');
  });

  it('says an island of one stands apart, and names every member of a larger island', () => {
    expect(text({ code: 'ISLAND', nodeIds: ['amal'] }).title).toBe('Stichting Al Amal staat los van de rest van het netwerk');
    const group = text({ code: 'ISLAND', nodeIds: ['amal', 'fatima'] });
    expect(group.title).toBe('Stichting Al Amal en Fatima staan los van de rest van het netwerk');
    expect(group.next).toContain('Stichting Al Amal en Fatima');
  });

  it('tells a broker whose removal splits the network from one of the busiest bridges', () => {
    expect(text({ code: 'FRAGILE_BROKER', nodeIds: ['buurtteam'], articulation: true, rank: 1 }).title).toBe(
      'Zonder Buurtteam Kanaleneiland valt het netwerk uit elkaar',
    );
    const busy = text({ code: 'FRAGILE_BROKER', nodeIds: ['dock'], articulation: false, rank: 2 });
    expect(busy.title).toBe('DOCK is een van de drukste bruggen in het netwerk');
    expect(busy.why).toContain('plaats 2');
  });

  it('names a key figure without a link to a buurtteam or aanvullende zorg', () => {
    const t = text({ code: 'KEY_FIGURE_UNCONNECTED', nodeIds: ['fatima'] });
    expect(t.title).toBe('Sleutelfiguur Fatima heeft nog geen verbinding met een buurtteam of aanvullende zorg');
    expect(t.next).toContain('Fatima');
  });

  it('names the offer, the providers and the pairs without a link for an overlap', () => {
    const t = text({
      code: 'OVERLAP',
      category: 'WALK_IN',
      nodeIds: ['dock', 'lister', 'amal'],
      unlinkedPairs: [
        { a: 'dock', b: 'lister' },
        { a: 'lister', b: 'amal' },
      ],
    });
    expect(t.title).toContain('inloop');
    expect(t.why).toContain('DOCK, Lister en Stichting Al Amal bieden allemaal inloop');
    expect(t.why).toContain('Nog geen verbinding: DOCK en Lister; Lister en Stichting Al Amal.');
  });

  it('falls back to words, never an id, for a node without a name', () => {
    const t = text({ code: 'KEY_FIGURE_UNCONNECTED', nodeIds: ['3f2a-unknown'] });
    expect(t.title).not.toContain('3f2a');
    expect(t.title).toContain('een onbekende organisatie');
  });
});

describe('signalsByNode', () => {
  it('lists for every node the signals that mention it, with a short label', () => {
    const byNode = signalsByNode([
      { key: 'MISSING_LINK:a~b', code: 'MISSING_LINK', nodeIds: ['a', 'b'] },
      { key: 'FRAGILE_BROKER:a', code: 'FRAGILE_BROKER', nodeIds: ['a', 'a'] },
    ]);
    expect(byNode.get('a')?.map((s) => s.label)).toEqual(['Ontbrekende verbinding', 'Kwetsbare brug']);
    expect(byNode.get('b')?.map((s) => s.key)).toEqual(['MISSING_LINK:a~b']);
    expect(byNode.has('c')).toBe(false);
  });
});
