import type { CircleRow, ClientRow, ContactRow, EntryRow, model } from '@wijkkring/graph';
import { clientKey, DEMO_WORKERS, MONTHS, workerId, type AnalysisConsentRow, type DemoWorker } from './demo-circles.js';
import type { DemoIndex } from './demo-index.js';
import { DEMO_OFFERINGS } from './demo-offerings.js';
import { slugify } from './facts.js';
import { seedId } from './ids.js';
import { Random } from './random.js';

/**
 * The research cohort (docs/demo-data.md, "Onderzoekscohort"): invented clients who opted in to
 * analysis and froze a snapshot of their circle about once a quarter from mid-2024 on, so the
 * research page's quarterly figures (per wijk, K = 10) have something to show. Everything here is
 * made up. Their open circle equals their last snapshot and holds at most one organisation and one
 * professional, so the cohort never adds to the wijkkaart's missing-link signal (which counts
 * organisation pairs in open circles); the older snapshots may hold more.
 */

/** The quarters the snapshots fall in: index 0 is 2024-Q3, index 9 is 2026-Q4 (October and November: today is 2026-11-30). */
const FIRST_QUARTER = 2024 * 4 + 2;
const COHORT_QUARTERS = 10;
const LAST_QUARTER = COHORT_QUARTERS - 1;

export interface ResearchGroup {
  /** The district the clients live in. Zuilen is part of the wijk Noordwest: the demo has no district Zuilen. */
  wijk: string;
  /** Begeleiders (keys in DEMO_WORKERS), taken in turn. */
  workers: readonly string[];
  /** First names or nicknames of the clients who opted in to analysis. */
  optedIn: readonly string[];
  /** Clients of the same kind who did not opt in: they must never count. */
  notOptedIn: readonly string[];
  /**
   * How many clients (opted-in first, then the others, in list order) froze their first snapshot in
   * each quarter from 2024-Q3 on; the counts add up to the group's size.
   */
  joined: readonly number[];
  /**
   * Invented: the quarter in which most clients with a move story moved (a renovated block), so
   * that many circles' inner rings grow in the same quarter. Absent: moves are spread out.
   */
  moveWave?: number;
}

export const RESEARCH_GROUPS: readonly ResearchGroup[] = [
  {
    wijk: 'Kanaleneiland',
    workers: ['khalid-a', 'inge-h', 'yara-s', 'marieke-j', 'rob-t'],
    optedIn: [
      'Yousra',
      'Karim',
      'Soraya',
      'Redouan',
      'Loubna',
      'Anouar',
      'Najat',
      'Hicham',
      'Malika',
      'Hafsa',
      'Brahim',
      'Salma',
      'Younes',
      'Ikram',
      'Hajar',
      'Mounir',
      'Rania',
      'Adil',
      'Nesrin',
      'Ozan',
      'Berna',
      'Wessel',
      'Trudy',
      'Hennie',
      'Tineke',
      'Remco',
      'Dorien',
      'Kasim',
    ],
    notOptedIn: ['Siham', 'Nordin'],
    joined: [16, 0, 0, 14],
    // 2025-Q4
    moveWave: 5,
  },
  {
    wijk: 'Overvecht',
    workers: ['bas-m', 'petra-l', 'sander-p', 'joris-v', 'naima-e'],
    optedIn: [
      'Sietske',
      'Harm',
      'Jolanda',
      'Rocco',
      'Melek',
      'Serkan',
      'Aysel',
      'Burak',
      'Hülya',
      'Tuncay',
      'Ebru',
      'Cem',
      'Gino',
      'Shanice',
      'Dwayne',
      'Romano',
      'Jurgen',
      'Astrid',
      'Monique',
      'Ronald',
      'Clarence',
      'Ramon',
      'Jeanet',
      'Xander',
      'Lieke',
      'Tjitske',
      'Hanneke',
    ],
    notOptedIn: ['Nurten'],
    joined: [15, 0, 0, 0, 13],
    // 2026-Q1
    moveWave: 6,
  },
  {
    // Zuilen: few enough that many of its cells stay below K.
    wijk: 'Noordwest',
    workers: ['thijs-w', 'joris-v', 'marieke-j'],
    optedIn: ['Klaas', 'Truus', 'Harry', 'Annie', 'Ferdi', 'Wiebe', 'Aaltje', 'Evert', 'Jopie', 'Bertha', 'Manon', 'Ilona'],
    notOptedIn: ['Dini'],
    joined: [7, 0, 0, 6],
    // 2026-Q2
    moveWave: 7,
  },
];

/** What happens to a client's circle over the quarters: a move (then the inner rings grow), a loss in the inner rings, or little. */
export type Story = 'move' | 'shrink' | 'steady';
/** Who is the vangnet: a person from the start, a person later (first nobody or the begeleider), only the begeleider, nobody. */
export type Net = 'person' | 'later' | 'professional' | 'none';
/** The one organisation the open circle may hold: the huisarts, a spoor-1 organisation (from the start or found later), or none. */
export type Core = 'gp' | 'social' | 'social-later' | 'none';

/**
 * The mix is fixed by a client's place in the group (cycles of co-prime lengths), not drawn, so the
 * shares stay what the documentation says: about half move, a third have a vangnet from the start
 * and a third find one later, two in five have a spoor-1 organisation at the end.
 */
const STORIES: readonly Story[] = ['move', 'steady', 'move', 'shrink', 'move', 'steady', 'move'];
const NETS: readonly Net[] = ['person', 'later', 'none', 'person', 'later', 'professional', 'none', 'person', 'later'];
const CORES: readonly Core[] = ['gp', 'social', 'gp', 'social-later', 'none'];

/** The quarters of the move waves. */
const WAVES = new Set(RESEARCH_GROUPS.flatMap((group) => (group.moveWave === undefined ? [] : [group.moveWave])));

export interface ResearchClient {
  name: string;
  wijk: string;
  worker: string;
  consent: boolean;
  /** Quarter index of the first snapshot. */
  start: number;
  story: Story;
  net: Net;
  core: Core;
  /** Quarter index of the group's move wave, if any. */
  moveWave: number | null;
}

export const RESEARCH_CLIENTS: readonly ResearchClient[] = RESEARCH_GROUPS.flatMap((group) => {
  const starts = group.joined.flatMap((count, quarter) => Array.from({ length: count }, () => quarter));
  const people = [
    ...group.optedIn.map((name) => ({ name, consent: true })),
    ...group.notOptedIn.map((name) => ({ name, consent: false })),
  ];
  if (starts.length !== people.length) throw new Error(`Research group ${group.wijk}: joined does not add up.`);
  return people.map(({ name, consent }, i) => ({
    name,
    wijk: group.wijk,
    worker: group.workers[i % group.workers.length] ?? '',
    consent,
    start: starts[i] ?? 0,
    story: STORIES[i % STORIES.length] ?? 'steady',
    net: NETS[i % NETS.length] ?? 'person',
    core: CORES[i % CORES.length] ?? 'gp',
    moveWave: group.moveWave ?? null,
  }));
});

/** The ids of the cohort's clients (name-based, like every demo client's). */
export const RESEARCH_CLIENT_IDS: readonly string[] = RESEARCH_CLIENTS.map((client) => seedId(`client:${clientKey(client)}`));

/** First names of the people in the cohort's circles (their own contacts). */
export const RESEARCH_CONTACT_NAMES: readonly string[] = [
  'Joke',
  'Joop',
  'Door',
  'Aad',
  'Teun',
  'Jannie',
  'Bennie',
  'Gonny',
  'Hetty',
  'Leo',
  'Mies',
  'Sjaan',
  'Dries',
  'Femke',
  'Ilja',
  'Jesse',
  'Luuk',
  'Maud',
  'Nola',
  'Olaf',
  'Quinten',
  'Roel',
  'Stijn',
  'Sepp',
  'Vera',
  'Wouter',
  'Yfke',
  'Nadir',
  'Nouhaila',
  'Yassin',
  'Meryem',
  'Hakima',
  'Anass',
  'Ouafae',
  'Reza',
  'Aziz',
  'Fadoua',
  'Serdar',
  'Deniz',
  'Kemal',
  'Selin',
  'Arda',
  'Hatim',
  'Ghizlane',
  'Widad',
  'Jet',
  'Coby',
  'Hafid',
  'Lamia',
  'Dorus',
  'Fokje',
  'Stien',
  'Mees',
  'Okke',
];

const FAMILY_RELATIONS = ['moeder', 'vader', 'zus', 'broer', 'tante', 'oom', 'dochter', 'zoon', 'nicht', 'neef', 'schoonzus'];
const FRIEND_RELATIONS = ['vriend', 'vriendin', 'kennis van de markt', 'vriend van vroeger'];
const NEIGHBOUR_RELATIONS = ['buurvrouw', 'buurman', 'buurvrouw van de nieuwe flat', 'buurman van de nieuwe flat'];
const FELLOW_RELATIONS = ['medebewoner', 'lotgenoot', 'huisgenoot'];
const SOCIAL_CATEGORIES: readonly model.OfferingCategory[] = [
  'BUDDY',
  'WALK_IN',
  'PEER_SUPPORT',
  'SPORT',
  'LANGUAGE',
  'MEALS',
  'VOLUNTEERING',
  'NEIGHBOURHOOD_SUPPORT',
  'DAY_ACTIVITIES',
];
const SUPPORT_ORDER: readonly model.SupportKind[] = ['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET'];
const SECTORS = ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'] as const;
type Sector = (typeof SECTORS)[number];
const MIN_ENTRIES = 5;
const MAX_ENTRIES = 12;
const INNER = 2;

type Target = { kind: 'contact'; name: string } | { kind: 'worker'; key: string } | { kind: 'organisation'; name: string };

interface Member {
  key: string;
  target: Target;
  ring: number;
  sector: Sector;
  relation: string;
  support: Set<model.SupportKind>;
}

/** An organisation or a second professional that is in the circle for a while only: quarters [from, to). */
interface Passing {
  member: Member;
  from: number;
  to: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const support = (...kinds: model.SupportKind[]): Set<model.SupportKind> => new Set(kinds);

function quarterMonths(index: number): { year: number; months: number[] } {
  const absolute = FIRST_QUARTER + index;
  const year = Math.floor(absolute / 4);
  const first = (absolute % 4) * 3 + 1;
  const months = [first, first + 1, first + 2].filter((m) => index < LAST_QUARTER || m <= 11);
  return { year, months };
}

function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random.next() * total;
  for (const [value, weight] of options) {
    draw -= weight;
    if (draw < 0) return value;
  }
  const last = options.at(-1);
  if (!last) throw new Error('Nothing to choose from.');
  return last[0];
}

function worker(key: string): DemoWorker {
  const found = DEMO_WORKERS.find((w) => w.key === key);
  if (!found) throw new Error(`Research client refers to unknown begeleider "${key}".`);
  return found;
}

function offersIn(index: DemoIndex, wijk: string, categories: readonly model.OfferingCategory[]): string[] {
  return index
    .activeInDistrict(wijk)
    .filter((name) => (DEMO_OFFERINGS[name] ?? []).some(([category]) => categories.includes(category)));
}

function generalPractice(index: DemoIndex, wijk: string): string {
  const gps = offersIn(index, wijk, ['GENERAL_PRACTICE']);
  const gp = gps.find((name) => name.includes(wijk)) ?? gps[0];
  if (gp === undefined) throw new Error(`No huisarts organisation active in ${wijk}.`);
  return gp;
}

function organisationMember(
  index: DemoIndex,
  name: string,
  ring: number,
  relation: string,
  kinds: Set<model.SupportKind>,
): Member {
  const tier = index.organisation(name).tier;
  // As in the other demo circles: the sociale basis among friends and neighbours, the rest among the professionals.
  return {
    key: `organisation:${slugify(name)}`,
    target: { kind: 'organisation', name },
    ring,
    sector: tier === 1 ? 'FRIENDS_NEIGHBOURS' : 'PROFESSIONALS',
    relation,
    support: kinds,
  };
}

function socialMember(index: DemoIndex, name: string): Member {
  const offer = DEMO_OFFERINGS[name]?.[0]?.[1] ?? 'activiteit';
  return organisationMember(index, name, 3, offer.toLowerCase(), support('COMPANY'));
}

/** How often the client sees someone follows from how close they are. */
function frequencyOf(m: Member): EntryRow['frequency'] {
  if (m.target.kind !== 'contact') return m.support.has('PRACTICAL') ? 'WEEKLY' : 'MONTHLY';
  return m.ring === 1 ? 'DAILY' : m.ring === 2 ? 'WEEKLY' : m.ring === 3 ? 'MONTHLY' : 'FEW_TIMES_A_YEAR';
}

function entryRows(members: readonly Member[], circleKey: string, targetId: (t: Target) => string): EntryRow[] {
  const ordered = [...members].sort(
    (a, b) => a.ring - b.ring || SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) || (a.key < b.key ? -1 : 1),
  );
  const cellCount = new Map<string, number>();
  return ordered.map((m) => {
    const cell = `${String(m.ring)}:${m.sector}`;
    const position = cellCount.get(cell) ?? 0;
    cellCount.set(cell, position + 1);
    return {
      id: seedId(`entry:${circleKey}:${m.key}`),
      targetId: targetId(m.target),
      ring: m.ring,
      sector: m.sector,
      position,
      relation: m.relation,
      support: SUPPORT_ORDER.filter((kind) => m.support.has(kind)),
      wish: null,
      note: null,
      frequency: frequencyOf(m),
    };
  });
}

interface Snapshot {
  quarter: number;
  members: Member[];
}

/**
 * One client's circle, quarter by quarter from their first snapshot: who is there at the end of
 * each quarter they froze a snapshot in. The random draws happen in a fixed order, so the same
 * client always gets the same history.
 */
function simulate(client: ResearchClient, index: DemoIndex, random: Random): Snapshot[] {
  const begeleider = worker(client.worker);
  if (!index.activeIn(begeleider.organisation).includes(client.wijk)) {
    throw new Error(`${begeleider.organisation} is not active in ${client.wijk}, where ${client.name} lives.`);
  }
  const start = client.start;
  // Most froze a snapshot in October or November 2026; some stopped a quarter or two earlier.
  const last = Math.max(
    start,
    weighted(random, [
      [LAST_QUARTER, 70],
      [LAST_QUARTER - 1, 20],
      [LAST_QUARTER - 2, 10],
    ] as const),
  );
  const { story, net, core } = client;
  const lonely = story !== 'shrink' && random.chance(story === 'move' ? 0.3 : 0.12);
  const gpSupport = random.chance(0.4) ? support('PRACTICAL') : support();
  // A move happens in the group's wave when the client was there by then, else within a year of
  // joining. A loss in the inner rings never falls in the quarter of any group's wave, so those
  // quarters show growth only (a single loss would be a small count, and hiding it would hide the
  // growth next to it as well).
  const wave = client.moveWave !== null && client.moveWave > start && client.moveWave <= last ? client.moveWave : null;
  const awayFromWave = (quarter: number): number | null => {
    for (let q = quarter; q <= last; q += 1) if (!WAVES.has(q)) return q;
    for (let q = quarter - 1; q > start; q -= 1) if (!WAVES.has(q)) return q;
    return null;
  };
  const eventQuarter =
    last <= start
      ? null
      : story === 'move' && wave !== null
        ? wave
        : awayFromWave(random.int(start + 1, Math.min(start + 4, last)));
  const secondLoss =
    story === 'shrink' && eventQuarter !== null && random.chance(0.4) ? awayFromWave(eventQuarter + random.int(1, 3)) : null;
  const netQuarter = net === 'later' && last > start ? random.int(start + 1, Math.min(start + 6, last)) : null;
  const laterSocialQuarter = core === 'social-later' && last > start ? random.int(start + 1, last) : null;

  const names = random.shuffle(RESEARCH_CONTACT_NAMES);
  const state = new Map<string, Member>();
  const contacts = (): Member[] => [...state.values()].filter((m) => m.target.kind === 'contact');
  const addContact = (sector: Sector, ring: number, relation: string, kinds: Set<model.SupportKind>): Member | undefined => {
    if (state.size >= MAX_ENTRIES) return undefined;
    const name = names.pop();
    if (name === undefined) throw new Error('Ran out of research contact names.');
    const member: Member = {
      key: `contact:${slugify(name)}`,
      target: { kind: 'contact', name },
      ring,
      sector,
      relation,
      support: kinds,
    };
    state.set(member.key, member);
    return member;
  };
  /** Drops the farthest person without a vangnet role when the circle is full. */
  const makeRoom = (): void => {
    if (state.size < MAX_ENTRIES) return;
    const spare = contacts()
      .filter((m) => m.ring >= 3 && !m.support.has('SAFETY_NET'))
      .sort((a, b) => b.ring - a.ring || (a.key < b.key ? -1 : 1))[0];
    if (spare) state.delete(spare.key);
  };
  const innermost = (): Member | undefined => contacts().sort((a, b) => a.ring - b.ring || (a.key < b.key ? -1 : 1))[0];

  // The begeleider: a professional, in the outer rings, unless nobody else is close (lonely).
  const guide: Member = {
    key: `worker:${begeleider.key}`,
    target: { kind: 'worker', key: begeleider.key },
    ring: lonely ? 2 : random.pick([3, 3, 4]),
    sector: 'PROFESSIONALS',
    relation: begeleider.organisation === 'Buurtteam Sociaal' ? 'buurtteam' : 'begeleider',
    support: support('PRACTICAL', 'EMOTIONAL'),
  };
  state.set(guide.key, guide);

  const gp = generalPractice(index, client.wijk);
  const social = offersIn(index, client.wijk, SOCIAL_CATEGORIES).filter((name) => index.organisation(name).tier === 1);
  const coreName = core === 'gp' ? gp : core === 'none' ? null : random.pick(social);
  const coreOrganisation =
    coreName === null
      ? undefined
      : core === 'gp'
        ? organisationMember(index, coreName, 4, 'huisarts', gpSupport)
        : socialMember(index, coreName);
  // A spoor-1 organisation found later joins in its quarter (see the loop below).
  if (coreOrganisation && core !== 'social-later') state.set(coreOrganisation.key, coreOrganisation);

  // The people from the client's own life at the start.
  const familyCount = random.int(1, 3);
  for (let i = 0; i < familyCount; i += 1) {
    const ring = lonely ? random.pick([3, 4]) : random.chance(0.06) ? 1 : random.pick([2, 3, 3, 4]);
    const kinds = random.sample(['EMOTIONAL', 'PRACTICAL', 'COMPANY'] as const, random.int(1, 2));
    addContact('FAMILY', ring, random.pick(FAMILY_RELATIONS), support(...kinds));
  }
  const friendCount = lonely ? random.int(0, 1) : story === 'move' ? random.int(0, 2) : random.int(1, 3);
  for (let i = 0; i < friendCount; i += 1) {
    const ring = lonely ? 3 : story === 'move' ? random.pick([1, 2, 3, 3, 4]) : random.pick([1, 1, 2, 2, 3]);
    addContact(
      'FRIENDS_NEIGHBOURS',
      ring,
      random.pick(FRIEND_RELATIONS),
      support(...(random.chance(0.5) ? (['COMPANY', 'EMOTIONAL'] as const) : (['COMPANY'] as const))),
    );
  }
  const fellowCount = random.int(0, 2);
  for (let i = 0; i < fellowCount; i += 1)
    addContact('FELLOW_CLIENTS', lonely ? 3 : random.pick([2, 3]), random.pick(FELLOW_RELATIONS), support('COMPANY'));

  // The vangnet at the start.
  if (net === 'person') {
    const chosen = innermost() ?? addContact('FRIENDS_NEIGHBOURS', 3, random.pick(FRIEND_RELATIONS), support('COMPANY'));
    chosen?.support.add('SAFETY_NET');
  } else if (net === 'professional' || (net === 'later' && random.chance(0.5))) {
    guide.support.add('SAFETY_NET');
  }

  // Organisations and professionals that are there for a while (never in the last snapshot).
  const passing: Passing[] = [];
  const during = (member: Member): void => {
    if (last <= start) return;
    const from = random.int(start, last - 1);
    passing.push({ member, from, to: random.int(from + 1, last) });
  };
  const passingCount = random.int(0, 3);
  const candidates = random.shuffle(['buurtteam', 'care', 'social', 'gp'] as const).slice(0, passingCount);
  for (const kind of candidates) {
    if (kind === 'buurtteam') {
      if (begeleider.organisation === 'Buurtteam Sociaal') continue;
      if (random.chance(0.5)) {
        during(organisationMember(index, 'Buurtteam Sociaal', 4, 'buurtteam', support('PRACTICAL')));
      } else {
        const colleague = random.pick(DEMO_WORKERS.filter((w) => w.organisation === 'Buurtteam Sociaal'));
        during({
          key: `worker:${colleague.key}`,
          target: { kind: 'worker', key: colleague.key },
          ring: 4,
          sector: 'PROFESSIONALS',
          relation: 'buurtteam',
          support: support('PRACTICAL'),
        });
      }
    } else if (kind === 'care') {
      const care = offersIn(index, client.wijk, ['MENTAL_HEALTH', 'DISTRICT_NURSING']);
      if (care.length === 0) continue;
      during(organisationMember(index, random.pick(care), 4, 'zorg', support(random.pick(['PRACTICAL', 'EMOTIONAL'] as const))));
    } else if (kind === 'social') {
      const others = social.filter((name) => name !== coreName);
      if (others.length > 0) during(socialMember(index, random.pick(others)));
    } else if (core !== 'gp') {
      during(organisationMember(index, gp, 4, 'huisarts', support()));
    }
  }
  // A move goes with the housing association for a quarter or two.
  if (story === 'move' && eventQuarter !== null) {
    const housing = offersIn(index, client.wijk, ['HOUSING']);
    if (housing.length > 0) {
      passing.push({
        member: organisationMember(index, random.pick(housing), 4, 'woningcorporatie', support('PRACTICAL')),
        from: Math.max(start, eventQuarter - 1),
        to: Math.min(eventQuarter + 1, last),
      });
    }
  }

  const loseInner = (): void => {
    const inner = contacts().filter((m) => m.ring <= INNER);
    if (inner.length === 0) return;
    const gone = random.pick(inner);
    const hadNet = gone.support.has('SAFETY_NET');
    if (random.chance(0.5)) state.delete(gone.key);
    else {
      gone.ring = random.pick([3, 4]);
      gone.support.delete('SAFETY_NET');
    }
    // Sometimes someone else takes over as vangnet, sometimes nobody does (yet).
    if (hadNet && random.chance(0.6)) innermost()?.support.add('SAFETY_NET');
  };

  const snapshots: Snapshot[] = [];
  for (let quarter = start; quarter <= last; quarter += 1) {
    if (quarter > start) {
      if (story === 'move' && quarter === eventQuarter) {
        // New neighbours after the move come into the inner rings, and sometimes someone already
        // there comes closer. Nothing else changes the number of people in the inner rings, so
        // these circles grow in the quarter of the move.
        const count = lonely ? 2 : random.int(1, 2);
        for (let i = 0; i < count; i += 1) {
          makeRoom();
          addContact(
            'FRIENDS_NEIGHBOURS',
            2,
            random.pick(NEIGHBOUR_RELATIONS),
            support(...(random.chance(0.5) ? (['COMPANY', 'PRACTICAL'] as const) : (['COMPANY'] as const))),
          );
        }
        const closer = contacts().filter((m) => m.ring === 2 && m.sector === 'FRIENDS_NEIGHBOURS');
        if (closer.length > 0 && random.chance(0.5)) random.pick(closer).ring = 1;
      } else if (story === 'shrink' && (quarter === eventQuarter || quarter === secondLoss)) {
        loseInner();
      }
      // Small changes in the outer rings, for everyone.
      if (random.chance(0.3)) {
        const outer = contacts().filter((m) => m.ring >= 3 && !m.support.has('SAFETY_NET'));
        if (random.chance(0.5) && outer.length > 0) {
          const member = random.pick(outer);
          if (member.sector === 'FELLOW_CLIENTS' || random.chance(0.3)) state.delete(member.key);
          else member.ring = member.ring === 3 ? 4 : 3;
        } else {
          addContact('FELLOW_CLIENTS', 3, random.pick(FELLOW_RELATIONS), support('COMPANY'));
        }
      }
      if (quarter === laterSocialQuarter && coreOrganisation) state.set(coreOrganisation.key, coreOrganisation);
      if (quarter === netQuarter) {
        const chosen =
          contacts()
            .filter((m) => m.ring <= 3)
            .sort((a, b) => a.ring - b.ring)[0] ??
          addContact('FRIENDS_NEIGHBOURS', 3, random.pick(NEIGHBOUR_RELATIONS), support('COMPANY'));
        chosen?.support.add('SAFETY_NET');
      }
    }
    // The begeleider steps back to the outer rings once someone else is close.
    if (guide.ring <= INNER && contacts().some((m) => m.ring <= INNER)) guide.ring = 3;
    // Keep the circle between MIN and MAX entries, passing organisations included.
    const present = passing.filter((p) => p.from <= quarter && quarter < p.to && !state.has(p.member.key)).map((p) => p.member);
    while (state.size + present.length > MAX_ENTRIES) {
      const spare = contacts()
        .filter((m) => m.ring >= 3 && !m.support.has('SAFETY_NET'))
        .sort((a, b) => b.ring - a.ring || (a.key < b.key ? -1 : 1))[0];
      if (!spare) break;
      state.delete(spare.key);
    }
    while (state.size + present.length < MIN_ENTRIES) {
      addContact('FRIENDS_NEIGHBOURS', 3, random.pick(FRIEND_RELATIONS), support('COMPANY'));
    }
    snapshots.push({
      quarter,
      members: [...state.values(), ...present].map((m) => ({ ...m, target: { ...m.target }, support: new Set(m.support) })),
    });
  }
  // About one in seven quarters passes without a new snapshot: never the first or the last, nor one
  // in which something changed in the inner rings (that is when a begeleider freezes the circle).
  const eventful = new Set([start, last, eventQuarter, secondLoss]);
  return snapshots.filter((s) => eventful.has(s.quarter) || !random.chance(0.15));
}

export interface ResearchCohort {
  clients: ClientRow[];
  contacts: ContactRow[];
  circles: CircleRow[];
  analysisConsents: AnalysisConsentRow[];
}

/** The cohort's clients, their contacts, frozen snapshots and open circles, and the consents of those who opted in. */
export function buildResearchCohort(index: DemoIndex): ResearchCohort {
  const clients: ClientRow[] = [];
  const contacts: ContactRow[] = [];
  const circles: CircleRow[] = [];
  const analysisConsents: AnalysisConsentRow[] = [];
  for (const client of RESEARCH_CLIENTS) {
    const key = clientKey(client);
    const id = seedId(`client:${key}`);
    clients.push({ id, name: client.name, districtId: index.districtId(client.wijk) });
    const random = Random.fromKey(`demo:research:${key}`);
    const snapshots = simulate(client, index, random);
    const targetId = (t: Target): string =>
      t.kind === 'contact'
        ? seedId(`contact:${key}:${slugify(t.name)}`)
        : t.kind === 'worker'
          ? workerId(t.key)
          : index.organisationId(t.name);

    const seen = new Set<string>();
    let createdAt = '';
    for (const [i, snapshot] of snapshots.entries()) {
      for (const m of snapshot.members) {
        if (m.target.kind !== 'contact' || seen.has(m.key)) continue;
        seen.add(m.key);
        contacts.push({ id: targetId(m.target), clientId: id, name: m.target.name });
      }
      const { year, months } = quarterMonths(snapshot.quarter);
      const month = random.pick(months);
      const day = random.int(3, 26);
      const frozenAt = `${String(year)}-${pad(month)}-${pad(day)}T${pad(random.int(9, 16))}:30:00.000Z`;
      if (i === 0) {
        // The first circle was drawn a few days before it was frozen; opting in happened then too.
        createdAt = `${String(year)}-${pad(month)}-${pad(day - random.int(1, 2))}T${pad(random.int(9, 16))}:00:00.000Z`;
        if (client.consent) analysisConsents.push({ clientId: id, at: createdAt });
      }
      const circleKey = `${key}:${String(year)}-${pad(month)}`;
      circles.push({
        id: seedId(`circle:${circleKey}`),
        clientId: id,
        label: `${MONTHS[month - 1] ?? ''} ${String(year)}`,
        createdAt,
        frozenAt,
        entries: entryRows(snapshot.members, circleKey, targetId),
      });
      // Freezing keeps the circle open: the next version starts where this one was frozen.
      createdAt = frozenAt;
    }
    const latest = snapshots.at(-1);
    if (!latest) throw new Error(`Research client ${client.name} has no snapshot.`);
    circles.push({
      id: seedId(`circle:${key}:open`),
      clientId: id,
      label: null,
      createdAt,
      frozenAt: null,
      entries: entryRows(latest.members, `${key}:open`, targetId),
    });
  }
  return { clients, contacts, circles, analysisConsents };
}

/** A dated link between two organisations (the shape of demo.ts's DEMO_LINKS). */
export interface ResearchLink {
  a: string;
  b: string;
  kind: model.LinkKind;
  since: string;
  /** The first day the link no longer holds; absent while it lasts. */
  until?: string;
  strength: number;
  note: string;
}

/**
 * Invented link history of the last two years in Kanaleneiland and Overvecht, so the research
 * page's links per month go up and down: links that began in 2025 and 2026, and older ones that
 * ended then. Between organisations active in the wijk; none joins spoor 1 to spoor 3, none joins
 * two organisations that share a client's open circle (the missing-link signal's pairs, such as
 * Stichting Al Amal – Huisarts Kanaleneiland, stay without a link), and Renqli and Buurtzorg
 * Nederland stay islands.
 */
export const RESEARCH_LINKS: readonly ResearchLink[] = [
  // Kanaleneiland
  {
    a: 'Wijkcoöperatie Kanaleneiland',
    b: 'DOCK',
    kind: 'COLLABORATION',
    since: '2025-01-15',
    strength: 2,
    note: 'Samen de klussendienst en de inloop',
  },
  {
    a: 'Meetellen',
    b: 'Huis van Vrede',
    kind: 'COLLABORATION',
    since: '2025-03-01',
    until: '2026-06-01',
    strength: 1,
    note: 'Proef met een ervaringsdeskundige bij de taalles; de proef is afgelopen',
  },
  {
    a: 'Basmah',
    b: 'Buurtteam Sociaal',
    kind: 'REFERRAL',
    since: '2025-09-01',
    strength: 2,
    note: 'Buurtteam verwijst naar de vrouwengroep',
  },
  {
    a: 'Indigo',
    b: 'Partner in Zorg',
    kind: 'JOINT_CONSULTATION',
    since: '2026-01-12',
    strength: 2,
    note: 'Samen spreekuur voor ouderen met somberheid',
  },
  {
    a: 'Koos',
    b: 'Buurtteam Jeugd & Gezin',
    kind: 'REFERRAL',
    since: '2022-11-01',
    until: '2025-10-01',
    strength: 1,
    note: 'Jongerenwerk verwees naar het buurtteam; gestopt toen de jongerenwerker vertrok',
  },
  {
    a: 'Humanitas',
    b: 'Wijkcoöperatie Kanaleneiland',
    kind: 'COLLABORATION',
    since: '2023-04-01',
    until: '2026-04-01',
    strength: 1,
    note: 'Thuisadministratie in het wijkcentrum; gestopt toen het wijkcentrum verbouwd werd',
  },
  // Overvecht
  {
    a: 'Huisartsen Overvecht',
    b: 'Overvecht Gezond',
    kind: 'REFERRAL',
    since: '2025-03-01',
    strength: 2,
    note: 'Huisartsen verwijzen naar de beweeggroepen',
  },
  {
    a: 'Enik',
    b: 'Samen voor Overvecht',
    kind: 'COLLABORATION',
    since: '2025-06-01',
    strength: 1,
    note: 'Herstelcursus in het buurthuis',
  },
  {
    a: 'Vrijwilligerscentrale Utrecht',
    b: 'Handje Helpen',
    kind: 'COLLABORATION',
    since: '2026-02-01',
    strength: 1,
    note: 'Samen maatjes werven',
  },
  {
    a: 'Zin',
    b: 'Buurtteam Sociaal',
    kind: 'REFERRAL',
    since: '2022-03-01',
    until: '2025-11-01',
    strength: 1,
    note: 'Buurtteam verwees naar de dagactiviteiten; gestopt na een nieuwe aanmeldroute',
  },
  {
    a: 'Sport Utrecht',
    b: 'Overvecht Gezond',
    kind: 'COLLABORATION',
    since: '2023-05-01',
    until: '2026-05-01',
    strength: 1,
    note: 'Buurtsport in het gezondheidscentrum; de zaal is niet meer beschikbaar',
  },
];
