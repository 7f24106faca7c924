import { describe, expect, it } from 'vitest';
import type { SignalKind } from '../../gql/graphql';
import { offerText, signalText, type SignalTextInput } from './signal-text';

const signal = (kind: SignalKind, fields: Partial<SignalTextInput> = {}): SignalTextInput => ({
  kind,
  supportKind: null,
  organisationNames: [],
  count: null,
  previousCount: null,
  previousAt: null,
  ...fields,
});

/** Words that make a signal sound like a verdict; the texts say what could help instead. */
const NEGATIVE = /\b(probleem|fout|slecht|helaas|tekort|moet)\b/i;

describe('signalText (issue 4)', () => {
  it('explains a circle without the sociale basis with a way to meet people', () => {
    expect(signalText(signal('NO_SOCIAL_BASE'))).toEqual({
      title: 'Mensen uit de buurt leren kennen',
      explanation: 'Er is nog niemand uit de buurt in je kring. Een inloop of maatje kan helpen om mensen te leren kennen.',
    });
  });

  it('suggests someone close by choice when the inner rings hold only professionals', () => {
    const text = signalText(signal('INNER_RINGS_ONLY_PROFESSIONALS'));
    expect(text.title).toBe('Ook iemand dichtbij die je zelf kiest');
    expect(text.explanation).toContain('alleen hulpverleners');
  });

  it('explains what a vangnet is when there is none', () => {
    const text = signalText(signal('NO_SAFETY_NET'));
    expect(text.title).toBe('Een vangnet kiezen');
    expect(text.explanation).toContain('iemand die je belt als het mis gaat');
  });

  it('asks about evenings and weekends when the vangnet is only a professional', () => {
    const text = signalText(signal('SAFETY_NET_ONLY_PROFESSIONALS'));
    expect(text.title).toBe('Een vangnet, ook in de avond en het weekend');
    expect(text.explanation).toContain('avond of het weekend');
  });

  it('invites adding a huisarts', () => {
    const text = signalText(signal('NO_GENERAL_PRACTITIONER'));
    expect(text.title).toBe('Een huisarts in je kring');
    expect(text.explanation).toContain('Er staat nog geen huisarts in je kring.');
  });

  it('names the organisations and the kind of support that overlap', () => {
    const text = signalText(
      signal('SUPPORT_OVERLAP', { supportKind: 'PRACTICAL', organisationNames: ['Buurtteam Lombok', 'Lister', 'Abrona'] }),
    );
    expect(text.title).toBe('Hulp goed op elkaar afstemmen');
    expect(text.explanation).toMatch(/^Buurtteam Lombok, Lister en Abrona geven je allemaal praktische hulp\. /);
  });

  it('speaks of overlap without names when the API gave fewer than two, and without a kind when it gave none', () => {
    expect(
      signalText(signal('SUPPORT_OVERLAP', { supportKind: 'EMOTIONAL', organisationNames: ['Lister'] })).explanation,
    ).toMatch(/^Meer organisaties geven je steun bij je gevoelens\./);
    expect(signalText(signal('SUPPORT_OVERLAP', { organisationNames: ['A', 'B'] })).explanation).toMatch(
      /^A en B geven je allemaal dezelfde soort hulp\./,
    );
  });

  it('says how many were close before (and when) and how many now', () => {
    const text = signalText(signal('INNER_RINGS_SHRANK', { count: 2, previousCount: 5, previousAt: '2026-03-14T10:30:00Z' }));
    expect(text.title).toBe('Weer contact met mensen dichtbij');
    expect(text.explanation).toMatch(/^In maart 2026 stonden er 5 personen of organisaties dichtbij je\. Nu zijn het er 2\./);
    expect(signalText(signal('INNER_RINGS_SHRANK', { count: 1, previousCount: 2 })).explanation).toMatch(
      /^Vorige keer stonden er 2 personen of organisaties dichtbij je\. Nu is het er 1\./,
    );
    expect(signalText(signal('INNER_RINGS_SHRANK', { count: 0, previousCount: 1 })).explanation).toMatch(
      /^Vorige keer stond er 1 persoon of organisatie dichtbij je\. Nu staat er niemand dichtbij\./,
    );
  });

  it('words every kind positively, with a title and an explanation', () => {
    const kinds: SignalKind[] = [
      'NO_SOCIAL_BASE',
      'INNER_RINGS_ONLY_PROFESSIONALS',
      'NO_SAFETY_NET',
      'SAFETY_NET_ONLY_PROFESSIONALS',
      'NO_GENERAL_PRACTITIONER',
      'SUPPORT_OVERLAP',
      'INNER_RINGS_SHRANK',
    ];
    for (const kind of kinds) {
      const text = signalText(signal(kind, { count: 1, previousCount: 3, organisationNames: ['A', 'B'] }));
      expect(text.title.length).toBeGreaterThan(5);
      expect(text.explanation.length).toBeGreaterThan(40);
      expect(`${text.title} ${text.explanation}`).not.toMatch(NEGATIVE);
    }
  });

  it('writes a local offer with its category in Dutch', () => {
    expect(offerText({ organisationName: 'Buurtcentrum De Pijler', category: 'WALK_IN' })).toBe(
      'In jouw wijk: Buurtcentrum De Pijler (inloop)',
    );
    expect(offerText({ organisationName: 'Handje Helpen', category: 'BUDDY' })).toBe('In jouw wijk: Handje Helpen (maatje)');
  });
});
