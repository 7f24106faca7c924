import { describe, expect, it } from 'vitest';
import type { OfferingCategory, Tier } from '../model.js';
import { SIGNAL_KINDS, type CircleSignal, type LocalOffer, type SignalKind } from './signal-types.js';
import type { SignalInput } from './types.js';
import { computeSignals, OFFER_CATEGORIES, RULES } from './signals.js';

type Entry = SignalInput['entries'][number];
type EntryOverrides = Partial<Omit<Entry, 'id' | 'target' | 'facts'>>;

interface Employer {
  id: string;
  name: string;
  tier?: Tier | null;
  categories?: OfferingCategory[];
}

function facts(employer: Employer | null): Entry['facts'] {
  return {
    tier: employer?.tier ?? null,
    categories: employer?.categories ?? [],
    organisationId: employer?.id ?? null,
    organisationName: employer?.name ?? null,
  };
}

/** Someone from the client's own life: no employer, ring 2, no support. */
function friend(id: string, overrides: EntryOverrides = {}): Entry {
  return {
    id,
    ring: 2,
    support: [],
    safetyNet: false,
    relation: null,
    ...overrides,
    target: {
      kind: 'PERSON',
      clientId: 'client-1',
      id: `person-${id}`,
      name: id,
      professional: false,
      organisationId: null,
      ownContact: true,
    },
    facts: facts(null),
  };
}

/** A person who works at an organisation (or, with null, a professional whose employer is unknown). */
function professional(id: string, employer: Employer | null, overrides: EntryOverrides = {}): Entry {
  return {
    id,
    ring: 3,
    support: [],
    safetyNet: false,
    relation: null,
    ...overrides,
    target: {
      kind: 'PERSON',
      clientId: 'client-1',
      id: `person-${id}`,
      name: id,
      professional: true,
      organisationId: employer?.id ?? null,
      ownContact: false,
    },
    facts: facts(employer),
  };
}

function organisation(id: string, org: Employer, overrides: EntryOverrides = {}): Entry {
  return {
    id,
    ring: 3,
    support: [],
    safetyNet: false,
    relation: null,
    ...overrides,
    target: { kind: 'ORGANISATION', id: org.id, name: org.name, slug: org.id, tier: org.tier ?? null, sector: 'SOCIAL_BASE' },
    facts: facts(org),
  };
}

function input(entries: Entry[], overrides: Partial<Omit<SignalInput, 'entries'>> = {}): SignalInput {
  return { entries, previous: null, offers: [], innerRings: 2, ...overrides };
}

function offer(organisationId: string, organisationName: string, category: OfferingCategory): LocalOffer {
  return { organisationId, organisationName, category };
}

const kinds = (signals: CircleSignal[]): SignalKind[] => signals.map((s) => s.kind);

function only(kind: SignalKind, signals: CircleSignal[]): CircleSignal {
  const found = signals.filter((s) => s.kind === kind);
  expect(found).toHaveLength(1);
  const [first] = found;
  if (first === undefined) throw new Error(`no ${kind}`);
  return first;
}

const BUURTHUIS: Employer = { id: 'org-buurthuis', name: 'Buurthuis De Kern', tier: 1, categories: ['WALK_IN'] };
const WIJKTEAM: Employer = { id: 'org-wijkteam', name: 'Wijkteam Noord', tier: 2, categories: [] };
const GGZ: Employer = { id: 'org-ggz', name: 'GGZ Oost', tier: 3, categories: ['MENTAL_HEALTH'] };
const PRAKTIJK: Employer = { id: 'org-praktijk', name: 'Huisartsenpraktijk Zuid', tier: null, categories: ['GENERAL_PRACTICE'] };

/** A circle no rule has anything to say about; each test changes one thing. */
function healthy(): Entry[] {
  return [
    friend('anna', { ring: 1, safetyNet: true, support: ['EMOTIONAL'] }),
    organisation('buurthuis', BUURTHUIS),
    organisation('praktijk', PRAKTIJK, { ring: 4 }),
  ];
}

describe('the signal rules (issue 4)', () => {
  it('has one rule per signal kind, in SIGNAL_KINDS order, and offers categories for every kind (issue 4)', () => {
    expect(RULES).toHaveLength(SIGNAL_KINDS.length);
    expect(Object.keys(OFFER_CATEGORIES).sort()).toEqual([...SIGNAL_KINDS].sort());
  });

  it('says nothing about a healthy circle (issue 4)', () => {
    expect(computeSignals(input(healthy()))).toEqual([]);
  });

  it('on an empty circle notices only what is missing, in SIGNAL_KINDS order (issue 4)', () => {
    expect(kinds(computeSignals(input([])))).toEqual(['NO_SOCIAL_BASE', 'NO_SAFETY_NET', 'NO_GENERAL_PRACTITIONER']);
  });

  it('is deterministic and leaves its input alone (issue 4)', () => {
    const offers = [offer('o-b', 'B', 'BUDDY'), offer('o-a', 'A', 'WALK_IN')];
    const data = input([], { offers });
    const first = computeSignals(data);
    expect(computeSignals(data)).toEqual(first);
    expect(data.offers).toEqual([offer('o-b', 'B', 'BUDDY'), offer('o-a', 'A', 'WALK_IN')]);
  });

  it('leaves the fields a signal does not use empty (issue 4)', () => {
    expect(only('NO_SAFETY_NET', computeSignals(input([])))).toEqual({
      kind: 'NO_SAFETY_NET',
      entryIds: [],
      supportKind: null,
      organisationNames: [],
      count: null,
      previousCount: null,
      previousAt: null,
      offers: [],
    });
  });
});

describe('NO_SOCIAL_BASE (issue 4)', () => {
  it('fires when nothing in the circle is of spoor 1 (issue 4)', () => {
    const entries = [
      friend('anna', { ring: 1, safetyNet: true }),
      organisation('wijkteam', WIJKTEAM),
      organisation('praktijk', PRAKTIJK),
    ];
    expect(kinds(computeSignals(input(entries)))).toEqual(['NO_SOCIAL_BASE']);
  });

  it('is quiet with an organisation of spoor 1 (issue 4)', () => {
    expect(kinds(computeSignals(input(healthy())))).not.toContain('NO_SOCIAL_BASE');
  });

  it('is quiet with a professional employed by an organisation of spoor 1 (issue 4)', () => {
    const entries = [...healthy().filter((e) => e.id !== 'buurthuis'), professional('mo', BUURTHUIS)];
    expect(kinds(computeSignals(input(entries)))).not.toContain('NO_SOCIAL_BASE');
  });
});

describe('INNER_RINGS_ONLY_PROFESSIONALS (issue 4)', () => {
  it('fires when the inner rings hold only professionals and organisations (issue 4)', () => {
    const entries = [
      professional('mo', WIJKTEAM, { ring: 1 }),
      organisation('ggz', GGZ, { ring: 2 }),
      friend('anna', { ring: 3, safetyNet: true }),
      organisation('buurthuis', BUURTHUIS),
      organisation('praktijk', PRAKTIJK),
    ];
    const signal = only('INNER_RINGS_ONLY_PROFESSIONALS', computeSignals(input(entries)));
    expect(signal.entryIds).toEqual(['mo', 'ggz']);
  });

  it('counts a professional without a known employer as a professional (issue 4)', () => {
    const entries = [professional('mo', null, { ring: 1 }), ...healthy().map((e) => ({ ...e, ring: 3 }))];
    expect(only('INNER_RINGS_ONLY_PROFESSIONALS', computeSignals(input(entries))).entryIds).toEqual(['mo']);
  });

  it('is quiet when someone from the client’s own life is in the inner rings (issue 4)', () => {
    const entries = [...healthy(), professional('mo', WIJKTEAM, { ring: 1 })];
    expect(kinds(computeSignals(input(entries)))).not.toContain('INNER_RINGS_ONLY_PROFESSIONALS');
  });

  it('is quiet when the inner rings are empty (issue 4)', () => {
    const entries = healthy().map((e) => ({ ...e, ring: 3 }));
    expect(kinds(computeSignals(input(entries)))).not.toContain('INNER_RINGS_ONLY_PROFESSIONALS');
  });

  it('looks only at rings 1..innerRings (issue 4)', () => {
    const entries = [professional('mo', WIJKTEAM, { ring: 1 }), ...healthy().map((e) => ({ ...e, ring: 2 }))];
    expect(kinds(computeSignals(input(entries, { innerRings: 2 })))).not.toContain('INNER_RINGS_ONLY_PROFESSIONALS');
    expect(only('INNER_RINGS_ONLY_PROFESSIONALS', computeSignals(input(entries, { innerRings: 1 }))).entryIds).toEqual(['mo']);
  });
});

describe('NO_SAFETY_NET and SAFETY_NET_ONLY_PROFESSIONALS (issue 4)', () => {
  it('NO_SAFETY_NET fires when nobody is a safety net (issue 4)', () => {
    const entries = healthy().map((e) => ({ ...e, safetyNet: false }));
    expect(kinds(computeSignals(input(entries)))).toEqual(['NO_SAFETY_NET']);
  });

  it('NO_SAFETY_NET is quiet with a safety net (issue 4)', () => {
    expect(kinds(computeSignals(input(healthy())))).not.toContain('NO_SAFETY_NET');
  });

  it('SAFETY_NET_ONLY_PROFESSIONALS fires when every safety net is professional (issue 4)', () => {
    const entries = [
      friend('anna', { ring: 1 }),
      professional('mo', WIJKTEAM, { safetyNet: true }),
      organisation('buurthuis', BUURTHUIS, { safetyNet: true }),
      organisation('praktijk', PRAKTIJK),
    ];
    const signals = computeSignals(input(entries));
    expect(kinds(signals)).toEqual(['SAFETY_NET_ONLY_PROFESSIONALS']);
    expect(only('SAFETY_NET_ONLY_PROFESSIONALS', signals).entryIds).toEqual(['mo', 'buurthuis']);
  });

  it('SAFETY_NET_ONLY_PROFESSIONALS counts a professional without employer as professional (issue 4)', () => {
    const entries = [...healthy().map((e) => ({ ...e, safetyNet: false })), professional('mo', null, { safetyNet: true })];
    expect(only('SAFETY_NET_ONLY_PROFESSIONALS', computeSignals(input(entries))).entryIds).toEqual(['mo']);
  });

  it('SAFETY_NET_ONLY_PROFESSIONALS is quiet when one safety net is from the client’s own life (issue 4)', () => {
    const entries = [...healthy(), professional('mo', WIJKTEAM, { safetyNet: true })];
    expect(kinds(computeSignals(input(entries)))).not.toContain('SAFETY_NET_ONLY_PROFESSIONALS');
  });

  it('never fires together with NO_SAFETY_NET (issue 4)', () => {
    const found = kinds(computeSignals(input([])));
    expect(found).toContain('NO_SAFETY_NET');
    expect(found).not.toContain('SAFETY_NET_ONLY_PROFESSIONALS');
  });
});

describe('NO_GENERAL_PRACTITIONER (issue 4)', () => {
  const withoutPractice = (): Entry[] => healthy().filter((e) => e.id !== 'praktijk');

  it('fires when no entry is a GP (issue 4)', () => {
    const entries = [
      ...withoutPractice(),
      friend('bert', { relation: 'tandarts' }),
      friend('carla', { relation: 'dokterspraktijk' }),
    ];
    expect(kinds(computeSignals(input(entries)))).toEqual(['NO_GENERAL_PRACTITIONER']);
  });

  it('is quiet with a general-practice organisation (issue 4)', () => {
    expect(kinds(computeSignals(input(healthy())))).not.toContain('NO_GENERAL_PRACTITIONER');
  });

  it('is quiet with a professional employed by a general practice (issue 4)', () => {
    const entries = [...withoutPractice(), professional('dr-jansen', PRAKTIJK)];
    expect(kinds(computeSignals(input(entries)))).not.toContain('NO_GENERAL_PRACTITIONER');
  });

  it.each(['huisarts', 'Mijn Huisarts', 'de dokter', 'DOKTER'])('is quiet with relation "%s" (issue 4)', (relation) => {
    const entries = [...withoutPractice(), professional('dr-jansen', null, { relation })];
    expect(kinds(computeSignals(input(entries)))).not.toContain('NO_GENERAL_PRACTITIONER');
  });
});

describe('SUPPORT_OVERLAP (issue 4)', () => {
  // Lower case first on purpose: plain string order would put "Zorggroep" before it, Dutch order not.
  const BUURTZORG: Employer = { id: 'org-buurtzorg', name: 'buurtzorg', tier: 2 };
  const ZORGGROEP: Employer = { id: 'org-zorggroep', name: 'Zorggroep', tier: 3 };

  it('fires when professionals of two organisations give the same kind of support (issue 4)', () => {
    const entries = [
      ...healthy(),
      professional('zora', ZORGGROEP, { support: ['PRACTICAL'] }),
      friend('bert', { support: ['PRACTICAL'] }),
      professional('mo', BUURTZORG, { support: ['PRACTICAL', 'EMOTIONAL'] }),
      organisation('zorggroep', ZORGGROEP, { support: ['PRACTICAL'] }),
    ];
    const signal = only('SUPPORT_OVERLAP', computeSignals(input(entries)));
    expect(signal).toMatchObject({
      supportKind: 'PRACTICAL',
      entryIds: ['zora', 'mo', 'zorggroep'],
      organisationNames: ['buurtzorg', 'Zorggroep'],
      offers: [],
    });
  });

  it('gives one signal per support kind, in SUPPORT_KINDS order (issue 4)', () => {
    const entries = [
      ...healthy(),
      professional('zora', ZORGGROEP, { support: ['COMPANY', 'PRACTICAL'] }),
      professional('mo', BUURTZORG, { support: ['COMPANY', 'PRACTICAL'] }),
    ];
    const overlaps = computeSignals(input(entries)).filter((s) => s.kind === 'SUPPORT_OVERLAP');
    expect(overlaps.map((s) => s.supportKind)).toEqual(['PRACTICAL', 'COMPANY']);
  });

  it('is quiet for two professionals of the same organisation (issue 4)', () => {
    const entries = [
      ...healthy(),
      professional('zora', ZORGGROEP, { support: ['PRACTICAL'] }),
      professional('zeno', ZORGGROEP, { support: ['PRACTICAL'] }),
      organisation('zorggroep', ZORGGROEP, { support: ['PRACTICAL'] }),
    ];
    expect(kinds(computeSignals(input(entries)))).not.toContain('SUPPORT_OVERLAP');
  });

  it('ignores professionals without a known employer and people from the client’s own life (issue 4)', () => {
    const entries = [
      ...healthy(),
      professional('zora', ZORGGROEP, { support: ['PRACTICAL'] }),
      professional('mo', null, { support: ['PRACTICAL'] }),
      friend('bert', { support: ['PRACTICAL'] }),
    ];
    expect(kinds(computeSignals(input(entries)))).not.toContain('SUPPORT_OVERLAP');
  });

  it('does not count several safety nets as overlap (issue 4)', () => {
    const entries = [
      ...healthy(),
      professional('zora', ZORGGROEP, { support: ['SAFETY_NET'], safetyNet: true }),
      professional('mo', BUURTZORG, { support: ['SAFETY_NET'], safetyNet: true }),
    ];
    expect(kinds(computeSignals(input(entries)))).not.toContain('SUPPORT_OVERLAP');
  });
});

describe('INNER_RINGS_SHRANK (issue 4)', () => {
  const previous = { frozenAt: '2025-03-01T10:00:00.000Z', rings: [1, 2, 2, 3, 4] };

  it('fires when fewer entries are in the inner rings than in the previous snapshot (issue 4)', () => {
    const signal = only('INNER_RINGS_SHRANK', computeSignals(input(healthy(), { previous })));
    expect(signal).toMatchObject({ count: 1, previousCount: 3, previousAt: '2025-03-01T10:00:00.000Z', entryIds: [] });
  });

  it('is quiet without a previous snapshot (issue 4)', () => {
    expect(kinds(computeSignals(input(healthy(), { previous: null })))).not.toContain('INNER_RINGS_SHRANK');
  });

  it('is quiet when the inner rings hold as many entries as before (issue 4)', () => {
    const same = { frozenAt: previous.frozenAt, rings: [2, 3, 3, 4] };
    expect(kinds(computeSignals(input(healthy(), { previous: same })))).not.toContain('INNER_RINGS_SHRANK');
  });

  it('is quiet when the inner rings grew (issue 4)', () => {
    const fewer = { frozenAt: previous.frozenAt, rings: [3, 4] };
    expect(kinds(computeSignals(input(healthy(), { previous: fewer })))).not.toContain('INNER_RINGS_SHRANK');
  });
});

describe('offers with a signal (issue 4)', () => {
  const offersOf = (kind: SignalKind, data: SignalInput): string[] =>
    only(kind, computeSignals(data)).offers.map((o) => `${o.category}:${o.organisationName}`);

  it('gives at most 3, in the order of the category list, then by name in Dutch order (issue 4)', () => {
    const offers = [
      offer('o-sport', 'Sportclub', 'SPORT'),
      offer('o-vrij', 'Vrijwilligerspunt', 'VOLUNTEERING'),
      offer('o-zon', 'Zonnebloem', 'BUDDY'),
      offer('o-ijs', 'ijsclub', 'BUDDY'),
      offer('o-inloop', 'Inloop De Brug', 'WALK_IN'),
    ];
    // NO_SOCIAL_BASE lists WALK_IN, BUDDY, VOLUNTEERING, SPORT.
    expect(offersOf('NO_SOCIAL_BASE', input([], { offers }))).toEqual([
      'WALK_IN:Inloop De Brug',
      'BUDDY:ijsclub',
      'BUDDY:Zonnebloem',
    ]);
  });

  it('skips organisations already in the circle, as an entry or as an employer (issue 4)', () => {
    const entries = [
      organisation('inloop', { id: 'o-inloop', name: 'Inloop De Brug' }),
      professional('mo', { id: 'o-maatje', name: 'Maatje' }),
    ];
    const offers = [
      offer('o-inloop', 'Inloop De Brug', 'WALK_IN'),
      offer('o-maatje', 'Maatje', 'BUDDY'),
      offer('o-sport', 'Sportclub', 'SPORT'),
    ];
    expect(offersOf('NO_SOCIAL_BASE', input(entries, { offers }))).toEqual(['SPORT:Sportclub']);
  });

  it('gives one offer per organisation, and only offers of fitting categories (issue 4)', () => {
    const offers = [
      offer('o-brug', 'De Brug', 'WALK_IN'),
      offer('o-brug', 'De Brug', 'BUDDY'),
      offer('o-schuld', 'Schuldhulp', 'DEBT_SUPPORT'),
      offer('o-lotgenoten', 'Lotgenoten', 'PEER_SUPPORT'),
    ];
    expect(offersOf('NO_SOCIAL_BASE', input([], { offers }))).toEqual(['WALK_IN:De Brug']);
    expect(offersOf('NO_SAFETY_NET', input([], { offers }))).toEqual(['BUDDY:De Brug']);
    expect(offersOf('NO_GENERAL_PRACTITIONER', input([], { offers }))).toEqual([]);
  });

  it('suggests a general practice when there is no GP (issue 4)', () => {
    const offers = [offer('o-hap', 'Huisartsenpraktijk Noord', 'GENERAL_PRACTICE'), offer('o-brug', 'De Brug', 'WALK_IN')];
    expect(offersOf('NO_GENERAL_PRACTITIONER', input([], { offers }))).toEqual(['GENERAL_PRACTICE:Huisartsenpraktijk Noord']);
  });
});
