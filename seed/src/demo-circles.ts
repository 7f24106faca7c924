import type { CircleRow, ClientRow, ContactRow, EntryRow, model, SupportWorkerRow } from '@wijkkring/graph';
import type { DemoIndex } from './demo-index.js';
import { DEMO_OFFERINGS } from './demo-offerings.js';
import { slugify } from './facts.js';
import { seedId } from './ids.js';
import { Random } from './random.js';

/**
 * Invented people and their netwerkcirkels. Everything here is made up; the shape follows what the
 * report observed: circles are small, family is usually not in the inner ring, the sociale basis
 * is rare, and a vangnet and a huisarts are there for most but not for everyone.
 */

export interface DemoWorker {
  key: string;
  name: string;
  organisation: string;
  role: string;
}

export const DEMO_WORKERS: readonly DemoWorker[] = [
  { key: 'eline-k', name: 'Eline K.', organisation: 'Lister', role: 'ambulant begeleider' },
  { key: 'khalid-a', name: 'Khalid A.', organisation: 'Leger des Heils', role: 'ambulant begeleider' },
  { key: 'inge-h', name: 'Inge H.', organisation: 'Buurtteam Sociaal', role: 'buurtteammedewerker' },
  { key: 'bas-m', name: 'Bas M.', organisation: 'Lister', role: 'ambulant begeleider' },
  { key: 'petra-l', name: 'Petra L.', organisation: 'Leger des Heils', role: 'woonbegeleider' },
  { key: 'sander-p', name: 'Sander P.', organisation: 'De Tussenvoorziening', role: 'trajectbegeleider' },
  { key: 'thijs-w', name: 'Thijs W.', organisation: 'Lister', role: 'ervaringsdeskundig begeleider' },
  { key: 'marieke-j', name: 'Marieke J.', organisation: 'Leger des Heils', role: 'ambulant begeleider' },
  { key: 'joris-v', name: 'Joris V.', organisation: 'De Tussenvoorziening', role: 'ambulant begeleider' },
  { key: 'yara-s', name: 'Yara S.', organisation: 'Lister', role: 'persoonlijk begeleider' },
  { key: 'naima-e', name: 'Naima E.', organisation: 'De Tussenvoorziening', role: 'ambulant begeleider' },
  { key: 'rob-t', name: 'Rob T.', organisation: 'Buurtteam Sociaal', role: 'buurtteammedewerker' },
];

type SafetyNet = 'person' | 'professional' | 'none';

interface DemoClient {
  name: string;
  wijk: string;
  /** Key of the begeleider in DEMO_WORKERS. */
  worker: string;
  /** Has an older, frozen snapshot besides the open circle. */
  snapshot?: boolean;
  /** Who the vangnet is: a person from their own life, only the begeleider, or nobody. */
  safetyNet?: SafetyNet;
  gp?: boolean;
  /** The exception the report mentions: a family member in the inner ring. */
  familyInner?: boolean;
  /** For the missing-link signal: the two organisations this client's circle places together. */
  coServes?: readonly [string, string];
  /** Opted in to analysis (`analysisConsent`); only co-serving clients have, and not all of them. */
  analysisConsent?: boolean;
}

export const DEMO_CLIENTS: readonly DemoClient[] = [
  { name: 'Mohamed', wijk: 'Kanaleneiland', worker: 'eline-k', snapshot: true },
  { name: 'Aïcha', wijk: 'Kanaleneiland', worker: 'khalid-a', snapshot: true },
  { name: 'Jeroen', wijk: 'Kanaleneiland', worker: 'eline-k', gp: false },
  { name: 'Nadia', wijk: 'Kanaleneiland', worker: 'inge-h', snapshot: true },
  { name: 'Hamza', wijk: 'Kanaleneiland', worker: 'khalid-a', safetyNet: 'none' },
  { name: 'Linda', wijk: 'Kanaleneiland', worker: 'eline-k' },
  { name: 'Yusuf', wijk: 'Kanaleneiland', worker: 'khalid-a', snapshot: true, familyInner: true },
  { name: 'Sjaak', wijk: 'Kanaleneiland', worker: 'inge-h' },
  { name: 'Ricardo', wijk: 'Overvecht', worker: 'bas-m', snapshot: true },
  { name: 'Sanne', wijk: 'Overvecht', worker: 'petra-l', safetyNet: 'professional' },
  { name: 'Dewi', wijk: 'Overvecht', worker: 'sander-p', gp: false },
  { name: 'Mehmet', wijk: 'Overvecht', worker: 'bas-m', snapshot: true },
  { name: 'Kees', wijk: 'Overvecht', worker: 'petra-l', safetyNet: 'none' },
  { name: 'Priya', wijk: 'Overvecht', worker: 'sander-p' },
  { name: 'Bilal', wijk: 'Overvecht', worker: 'bas-m', familyInner: true },
  { name: 'Anouk', wijk: 'Overvecht', worker: 'petra-l', snapshot: true },
  { name: 'Ruud', wijk: 'Noordwest', worker: 'thijs-w', snapshot: true },
  { name: 'Fenna', wijk: 'Noordwest', worker: 'marieke-j', familyInner: true },
  { name: 'Tarik', wijk: 'Noordwest', worker: 'joris-v', safetyNet: 'none' },
  { name: 'Mila', wijk: 'Noordwest', worker: 'thijs-w', snapshot: true },
  { name: 'Gerrit', wijk: 'Noordwest', worker: 'marieke-j', gp: false },
  { name: 'Esra', wijk: 'Noordwest', worker: 'joris-v', safetyNet: 'professional' },
  { name: 'Joost', wijk: 'Noordwest', worker: 'thijs-w' },
  { name: 'Chantal', wijk: 'Leidsche Rijn', worker: 'yara-s', snapshot: true },
  { name: 'Daan', wijk: 'Leidsche Rijn', worker: 'naima-e', gp: false },
  { name: 'Rachid', wijk: 'Leidsche Rijn', worker: 'rob-t', safetyNet: 'professional' },
  { name: 'Ilse', wijk: 'Leidsche Rijn', worker: 'yara-s', safetyNet: 'none' },
  { name: 'Stefan', wijk: 'Leidsche Rijn', worker: 'naima-e', snapshot: true },
  { name: 'Sevda', wijk: 'Leidsche Rijn', worker: 'yara-s' },
  { name: 'Jair', wijk: 'Leidsche Rijn', worker: 'naima-e', gp: false },
];

/**
 * Invented clients for the wijkkaart's missing-link signal (docs/demo-data.md): they live in the
 * wijk, and each one's open circle places both organisations of one pair that has no link. The
 * signal counts a pair only from K = 10 opted-in clients upwards, so:
 * - Kanaleneiland, Stichting Al Amal and Huisarts Kanaleneiland: 12 opted-in clients (listed);
 * - Kanaleneiland, Taal doet Meer and Buurtzorg Nederland: 9 opted-in clients and 3 who did not
 *   opt in (12 circles, but the signal sees 9: not listed);
 * - Overvecht, Power by Peers and Gebiedsteam GGZ: 11 opted-in clients (listed).
 * Their circles hold only these two organisations, so no other unlinked pair reaches K. They have
 * no account and gave no begeleider access; the demo stories use the thirty clients above.
 */
export interface CoServingGroup {
  wijk: string;
  pair: readonly [string, string];
  /** Begeleiders (keys in DEMO_WORKERS), taken in turn. */
  workers: readonly string[];
  optedIn: readonly string[];
  notOptedIn: readonly string[];
}

export const CO_SERVING_GROUPS: readonly CoServingGroup[] = [
  {
    wijk: 'Kanaleneiland',
    pair: ['Stichting Al Amal', 'Huisarts Kanaleneiland'],
    workers: ['khalid-a', 'inge-h', 'eline-k'],
    optedIn: [
      'Abdel',
      'Rachida',
      'Driss',
      'Naoufal',
      'Houda',
      'Khadija',
      'Ayoub',
      'Zineb',
      'Bouchra',
      'Ilham',
      'Mourad',
      'Fouad',
    ],
    notOptedIn: [],
  },
  {
    wijk: 'Kanaleneiland',
    pair: ['Taal doet Meer', 'Buurtzorg Nederland'],
    workers: ['eline-k', 'khalid-a', 'inge-h'],
    optedIn: ['Wilma', 'Cor', 'Thea', 'Gerda', 'Rinus', 'Bep', 'Nelleke', 'Halima', 'Volkan'],
    notOptedIn: ['Riet', 'Ömer', 'Lidia'],
  },
  {
    wijk: 'Overvecht',
    pair: ['Power by Peers', 'Gebiedsteam GGZ'],
    workers: ['bas-m', 'petra-l', 'sander-p'],
    optedIn: ['Marcel', 'Ivo', 'Sharon', 'Wendy', 'Dennis', 'Gülsen', 'Patrick', 'Roos', 'Kevin', 'Natasja', 'Orlando'],
    notOptedIn: [],
  },
];

/** The co-serving clients, opted-in ones first within each group; about one in six has no vangnet. */
export const CO_SERVING_CLIENTS: readonly DemoClient[] = CO_SERVING_GROUPS.flatMap((group) =>
  [...group.optedIn.map((name) => ({ name, consent: true })), ...group.notOptedIn.map((name) => ({ name, consent: false }))].map(
    ({ name, consent }, i): DemoClient => ({
      name,
      wijk: group.wijk,
      worker: group.workers[i % group.workers.length] ?? '',
      safetyNet: i % 6 === 5 ? 'none' : 'person',
      coServes: group.pair,
      analysisConsent: consent,
    }),
  ),
);

/** First names for the people in the circles; a mix that fits Utrecht. */
const CONTACT_NAMES = [
  'Fatma',
  'Ahmed',
  'Mina',
  'Hassan',
  'Ingrid',
  'Wim',
  'Anja',
  'Peter',
  'Sevgi',
  'Emre',
  'Lotte',
  'Bram',
  'Nora',
  'Said',
  'Kim',
  'Rian',
  'Joyce',
  'Dirk',
  'Hatice',
  'Omar',
  'Esther',
  'Gijs',
  'Layla',
  'Marco',
  'Ans',
  'Tom',
  'Zeynep',
  'Jamal',
  'Miriam',
  'Ruben',
  'Latifa',
  'Henk',
  'Sandra',
  'Yvonne',
  'Ilias',
  'Nicole',
  'Fleur',
  'Mustafa',
  'Greet',
  'Vincent',
  'Tessa',
  'Hind',
  'Rik',
  'Soufiane',
  'Marjan',
  'Koen',
  'Dilan',
  'Erik',
  'Toos',
  'Sjors',
  'Appie',
  'Mimoun',
  'Priscilla',
  'Winston',
];

const FAMILY_RELATIONS = [
  'moeder',
  'vader',
  'zus',
  'broer',
  'tante',
  'oom',
  'dochter',
  'zoon',
  'nicht',
  'neef',
  'oma',
  'schoonzus',
];
const FRIEND_RELATIONS = ['vriend', 'vriendin', 'buurvrouw', 'buurman', 'kennis van de markt', 'vriend van vroeger'];
const FELLOW_RELATIONS = ['medebewoner', 'lotgenoot', 'huisgenoot'];
const NOTES = ['belt op zondag', 'samen naar de markt', 'helpt met de post', 'zien elkaar bij het buurthuis', 'wandelen samen'];
/** Month names for snapshot labels ("Maart 2026"). */
export const MONTHS = [
  'Januari',
  'Februari',
  'Maart',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Augustus',
  'September',
  'Oktober',
  'November',
  'December',
];

type Target = { kind: 'contact'; name: string } | { kind: 'worker'; key: string } | { kind: 'organisation'; name: string };

interface Planned {
  key: string;
  target: Target;
  ring: number;
  sector: 'FAMILY' | 'FRIENDS_NEIGHBOURS' | 'FELLOW_CLIENTS' | 'PROFESSIONALS';
  relation: string;
  support: Set<model.SupportKind>;
  wish: model.Wish | null;
  note: string | null;
  /** May be dropped to keep a circle small, and may be the one who "joined" since a snapshot. */
  optional: boolean;
}

const SUPPORT_ORDER: readonly model.SupportKind[] = ['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET'];
const MIN_ENTRIES = 5;
const MAX_ENTRIES = 12;

export function clientKey(client: { name: string; wijk: string }): string {
  return `${slugify(client.wijk)}:${slugify(client.name)}`;
}

export function workerId(key: string): string {
  return seedId(`support-worker:${key}`);
}

function worker(key: string): DemoWorker {
  const found = DEMO_WORKERS.find((w) => w.key === key);
  if (!found) throw new Error(`Demo client refers to unknown begeleider "${key}".`);
  return found;
}

function offersIn(index: DemoIndex, wijk: string, categories: readonly model.OfferingCategory[]): string[] {
  return index
    .activeInDistrict(wijk)
    .filter((name) => (DEMO_OFFERINGS[name] ?? []).some(([category]) => categories.includes(category)));
}

interface CirclePlan {
  planned: Planned[];
  /** Adds a person from the client's own life, with the next unused first name. */
  contact: (sector: Planned['sector'], ring: number, relation: string, kinds: Set<model.SupportKind>, optional: boolean) => void;
  /** Adds an organisation (once). */
  organisation: (
    name: string,
    sector: Planned['sector'],
    ring: number,
    relation: string,
    kinds: Set<model.SupportKind>,
    optional: boolean,
  ) => void;
  /** Adds the client's begeleider: a professional, so in the outer rings. */
  addBegeleider: () => DemoWorker;
}

const support = (...kinds: model.SupportKind[]): Set<model.SupportKind> => new Set(kinds);

/** The building blocks every demo circle is made of; the random draws happen in call order. */
function startPlan(client: DemoClient, random: Random): CirclePlan {
  const names = random.shuffle(CONTACT_NAMES.filter((n) => n !== client.name));
  const nextName = (): string => {
    const name = names.pop();
    if (name === undefined) throw new Error('Ran out of demo contact names.');
    return name;
  };
  const planned: Planned[] = [];
  return {
    planned,
    contact: (sector, ring, relation, kinds, optional) => {
      const name = nextName();
      planned.push({
        key: `contact:${slugify(name)}`,
        target: { kind: 'contact', name },
        ring,
        sector,
        relation,
        support: kinds,
        wish: null,
        note: random.chance(0.15) ? random.pick(NOTES) : null,
        optional,
      });
    },
    organisation: (name, sector, ring, relation, kinds, optional) => {
      if (planned.some((p) => p.key === `organisation:${slugify(name)}`)) return;
      planned.push({
        key: `organisation:${slugify(name)}`,
        target: { kind: 'organisation', name },
        ring,
        sector,
        relation,
        support: kinds,
        wish: null,
        note: null,
        optional,
      });
    },
    addBegeleider: () => {
      // Professionals sit in the outer rings: paid help, often with office hours.
      const begeleider = worker(client.worker);
      planned.push({
        key: `worker:${begeleider.key}`,
        target: { kind: 'worker', key: begeleider.key },
        ring: random.pick([3, 3, 4]),
        sector: 'PROFESSIONALS',
        relation: begeleider.organisation === 'Buurtteam Sociaal' ? 'buurtteam' : 'begeleider',
        support: support('PRACTICAL', 'EMOTIONAL'),
        wish: null,
        note: null,
        optional: false,
      });
      return begeleider;
    },
  };
}

/** The circle as the client and begeleider drew it most recently. */
function planCircle(client: DemoClient, index: DemoIndex, random: Random): Planned[] {
  const { planned, contact, organisation, addBegeleider } = startPlan(client, random);
  const begeleider = addBegeleider();
  if (begeleider.organisation !== 'Buurtteam Sociaal' && random.chance(0.5)) {
    organisation('Buurtteam Sociaal', 'PROFESSIONALS', 4, 'buurtteam', support('PRACTICAL'), false);
  }
  if (client.gp ?? true) {
    const gps = offersIn(index, client.wijk, ['GENERAL_PRACTICE']);
    // A practice named after the wijk is the obvious one; SterkZorg stands in elsewhere.
    const gp = gps.find((name) => name.includes(client.wijk)) ?? gps[0];
    if (gp === undefined) throw new Error(`No huisarts organisation active in ${client.wijk}.`);
    organisation(gp, 'PROFESSIONALS', 4, 'huisarts', support('PRACTICAL'), false);
  }
  if (random.chance(0.3)) {
    const extra = offersIn(index, client.wijk, ['MENTAL_HEALTH', 'DISTRICT_NURSING']);
    if (extra.length > 0)
      organisation(
        random.pick(extra),
        'PROFESSIONALS',
        4,
        'zorg',
        support(random.pick(['PRACTICAL', 'EMOTIONAL'] as const)),
        true,
      );
  }
  // The sociale basis is rare in these circles.
  if (random.chance(0.3)) {
    const social = offersIn(index, client.wijk, ['BUDDY', 'WALK_IN', 'PEER_SUPPORT', 'SPORT', 'LANGUAGE', 'MEALS']).filter(
      (name) => index.organisation(name).tier === 1,
    );
    if (social.length > 0) {
      const name = random.pick(social);
      const offer = DEMO_OFFERINGS[name]?.[0]?.[1] ?? 'activiteit';
      organisation(name, 'FRIENDS_NEIGHBOURS', 3, offer.toLowerCase(), support('COMPANY'), true);
    }
  }

  // Family is usually not in the inner ring.
  const familyCount = random.int(1, 3);
  for (let i = 0; i < familyCount; i += 1) {
    const ring = client.familyInner === true && i === 0 ? 1 : random.pick([2, 3, 3, 4]);
    const kinds = random.sample(['EMOTIONAL', 'PRACTICAL', 'COMPANY'] as const, random.int(1, 2));
    contact('FAMILY', ring, random.pick(FAMILY_RELATIONS), support(...kinds), i > 0);
  }
  const friendCount = random.int(1, 3);
  for (let i = 0; i < friendCount; i += 1) {
    const kinds: model.SupportKind[] = random.chance(0.5) ? ['COMPANY', 'EMOTIONAL'] : ['COMPANY'];
    contact('FRIENDS_NEIGHBOURS', random.pick([1, 2, 2, 3]), random.pick(FRIEND_RELATIONS), support(...kinds), i > 0);
  }
  const fellowCount = random.int(0, 2);
  for (let i = 0; i < fellowCount; i += 1) {
    contact('FELLOW_CLIENTS', random.pick([2, 3]), random.pick(FELLOW_RELATIONS), support('COMPANY'), true);
  }

  while (planned.length > MAX_ENTRIES) {
    const last = planned.findLastIndex((p) => p.optional);
    if (last < 0) break;
    planned.splice(last, 1);
  }
  // A client with an older snapshot needs one entry more: the one who joined since.
  const minimum = client.snapshot === true ? MIN_ENTRIES + 1 : MIN_ENTRIES;
  while (planned.length < minimum) {
    contact('FRIENDS_NEIGHBOURS', random.pick([2, 3]), random.pick(FRIEND_RELATIONS), support('COMPANY'), true);
  }

  const safetyNet = client.safetyNet ?? 'person';
  if (safetyNet === 'professional') {
    planned[0]?.support.add('SAFETY_NET');
  } else if (safetyNet === 'person') {
    const people = planned.filter((p) => p.target.kind === 'contact').sort((a, b) => a.ring - b.ring);
    const chosen = people[0];
    if (!chosen) throw new Error(`Demo client ${client.name} has nobody to be a vangnet.`);
    chosen.support.add('SAFETY_NET');
    chosen.optional = false;
  }

  if (random.chance(0.25)) {
    const farFamily = planned.find((p) => p.sector === 'FAMILY' && p.ring >= 3);
    const socialBase = planned.find((p) => p.target.kind === 'organisation' && p.sector === 'FRIENDS_NEIGHBOURS');
    if (farFamily) farFamily.wish = 'MORE_CONTACT';
    else if (socialBase) socialBase.wish = 'NEW_CONTACT';
    else {
      const friend = planned.find((p) => p.sector === 'FRIENDS_NEIGHBOURS' && !p.support.has('SAFETY_NET'));
      if (friend) friend.wish = 'LESS_CONTACT';
    }
  }
  return planned;
}

/**
 * A co-serving client's circle: the begeleider, the two organisations of the pair and a few people
 * from their own life. No other organisation, so the circle adds to one pair only.
 */
function planCoServingCircle(client: DemoClient, pair: readonly [string, string], index: DemoIndex, random: Random): Planned[] {
  const { planned, contact, organisation, addBegeleider } = startPlan(client, random);
  addBegeleider();
  for (const name of pair) {
    if (!index.activeIn(name).includes(client.wijk)) throw new Error(`${name} is not active in ${client.wijk}.`);
    const [category, offer] = DEMO_OFFERINGS[name]?.[0] ?? ['WALK_IN', 'activiteit'];
    // As in the other circles: the sociale basis among friends and neighbours, care among the professionals.
    if (index.organisation(name).tier === 1)
      organisation(name, 'FRIENDS_NEIGHBOURS', 3, offer.toLowerCase(), support('COMPANY', 'PRACTICAL'), false);
    else
      organisation(
        name,
        'PROFESSIONALS',
        4,
        category === 'GENERAL_PRACTICE' ? 'huisarts' : offer.toLowerCase(),
        support('PRACTICAL'),
        false,
      );
  }
  const familyCount = random.int(1, 2);
  for (let i = 0; i < familyCount; i += 1)
    contact('FAMILY', random.pick([2, 3, 3, 4]), random.pick(FAMILY_RELATIONS), support('EMOTIONAL'), false);
  const friendCount = random.int(1, 2);
  for (let i = 0; i < friendCount; i += 1)
    contact('FRIENDS_NEIGHBOURS', random.pick([1, 2, 2, 3]), random.pick(FRIEND_RELATIONS), support('COMPANY'), false);
  if (random.chance(0.3))
    contact('FELLOW_CLIENTS', random.pick([2, 3]), random.pick(FELLOW_RELATIONS), support('COMPANY'), false);

  if ((client.safetyNet ?? 'person') === 'person') {
    const closest = planned.filter((p) => p.target.kind === 'contact').sort((a, b) => a.ring - b.ring)[0];
    closest?.support.add('SAFETY_NET');
  }
  return planned;
}

/** The older snapshot: one entry had not joined yet, and one person sat in another ring. */
function planSnapshot(current: Planned[], random: Random): Planned[] {
  const copy = current.map((p) => ({ ...p, support: new Set(p.support) }));
  const joinable = copy.filter((p) => p.optional);
  const joined = joinable.length > 0 ? random.pick(joinable) : undefined;
  const older = copy.filter((p) => p !== joined);
  const movable = older.filter((p) => p.target.kind === 'contact');
  const moved = movable.length > 0 ? random.pick(movable) : undefined;
  if (moved) {
    // Family moves between the outer rings only: in the inner ring it stays the exception.
    const lowest = moved.sector === 'FAMILY' ? 2 : 1;
    moved.ring = moved.ring <= lowest ? moved.ring + 1 : moved.ring === 4 ? 3 : moved.ring + random.pick([-1, 1]);
  }
  return older;
}

/** How often the client sees someone follows from how close they are (no extra random draws: the rest of the demo stays as it was). */
function frequencyOf(p: Planned): EntryRow['frequency'] {
  if (p.target.kind !== 'contact') return p.support.has('PRACTICAL') ? 'WEEKLY' : 'MONTHLY';
  return p.ring === 1 ? 'DAILY' : p.ring === 2 ? 'WEEKLY' : p.ring === 3 ? 'MONTHLY' : 'FEW_TIMES_A_YEAR';
}

function entryRows(planned: Planned[], circleKey: string, targetId: (t: Target) => string): EntryRow[] {
  const sectors: readonly Planned['sector'][] = ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS', 'PROFESSIONALS'];
  const ordered = [...planned].sort((a, b) => a.ring - b.ring || sectors.indexOf(a.sector) - sectors.indexOf(b.sector));
  const cellCount = new Map<string, number>();
  return ordered.map((p) => {
    const cell = `${String(p.ring)}:${p.sector}`;
    const position = cellCount.get(cell) ?? 0;
    cellCount.set(cell, position + 1);
    return {
      id: seedId(`entry:${circleKey}:${p.key}`),
      targetId: targetId(p.target),
      ring: p.ring,
      sector: p.sector,
      position,
      relation: p.relation,
      support: SUPPORT_ORDER.filter((kind) => p.support.has(kind)),
      wish: p.wish,
      note: p.note,
      frequency: frequencyOf(p),
    };
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A client who opted in to analysis, and when (written with `setAnalysisConsent`). */
export interface AnalysisConsentRow {
  clientId: string;
  /** ISO date-time: when the open circle was made. */
  at: string;
}

export interface DemoPeople {
  supportWorkers: SupportWorkerRow[];
  clients: ClientRow[];
  contacts: ContactRow[];
  circles: CircleRow[];
  /** Only co-serving clients have opted in; the thirty story clients have not (yet). */
  analysisConsents: AnalysisConsentRow[];
}

export function buildDemoPeople(index: DemoIndex): DemoPeople {
  const supportWorkers = DEMO_WORKERS.map((w) => ({
    id: workerId(w.key),
    name: w.name,
    organisationId: index.organisationId(w.organisation),
    role: w.role,
  }));
  const clients: ClientRow[] = [];
  const contacts: ContactRow[] = [];
  const circles: CircleRow[] = [];
  const analysisConsents: AnalysisConsentRow[] = [];
  for (const client of [...DEMO_CLIENTS, ...CO_SERVING_CLIENTS]) {
    const key = clientKey(client);
    const id = seedId(`client:${key}`);
    const begeleider = worker(client.worker);
    if (!index.activeIn(begeleider.organisation).includes(client.wijk)) {
      throw new Error(`${begeleider.organisation} is not active in ${client.wijk}, where ${client.name} lives.`);
    }
    clients.push({ id, name: client.name, districtId: index.districtId(client.wijk) });

    const random = Random.fromKey(`demo:circle:${key}`);
    const current = client.coServes
      ? planCoServingCircle(client, client.coServes, index, random)
      : planCircle(client, index, random);
    const targetId = (t: Target): string =>
      t.kind === 'contact'
        ? seedId(`contact:${key}:${slugify(t.name)}`)
        : t.kind === 'worker'
          ? workerId(t.key)
          : index.organisationId(t.name);
    for (const p of current) {
      if (p.target.kind === 'contact') contacts.push({ id: targetId(p.target), clientId: id, name: p.target.name });
    }

    if (client.snapshot === true) {
      const month = random.int(2, 5);
      const day = random.int(3, 26);
      const frozenAt = `2026-${pad(month)}-${pad(day)}T${pad(random.int(9, 16))}:30:00.000Z`;
      const snapshotKey = `${key}:2026-${pad(month)}`;
      circles.push({
        id: seedId(`circle:${snapshotKey}`),
        clientId: id,
        label: `${MONTHS[month - 1] ?? ''} 2026`,
        createdAt: `2025-${pad(random.int(9, 12))}-${pad(random.int(1, 28))}T10:00:00.000Z`,
        frozenAt,
        entries: entryRows(planSnapshot(current, random), snapshotKey, targetId),
      });
      circles.push({
        id: seedId(`circle:${key}:open`),
        clientId: id,
        label: null,
        createdAt: frozenAt,
        frozenAt: null,
        entries: entryRows(current, `${key}:open`, targetId),
      });
    } else {
      const createdAt = `2026-${pad(random.int(1, 6))}-${pad(random.int(1, 28))}T${pad(random.int(9, 16))}:00:00.000Z`;
      circles.push({
        id: seedId(`circle:${key}:open`),
        clientId: id,
        label: null,
        createdAt,
        frozenAt: null,
        entries: entryRows(current, `${key}:open`, targetId),
      });
    }
    const open = circles.at(-1);
    if (client.analysisConsent === true && open) analysisConsents.push({ clientId: id, at: open.createdAt });
  }
  return { supportWorkers, clients, contacts, circles, analysisConsents };
}
