import { createHash } from 'node:crypto';
import {
  datasetChecksum,
  DomainError,
  eraseClient,
  recordDataset,
  setAnalysisConsent,
  upsertCircles,
  upsertClients,
  upsertContacts,
  upsertDistricts,
  upsertKeyFigures,
  upsertLinks,
  upsertOfferings,
  upsertOrganisations,
  upsertPartnerships,
  upsertSupportWorkers,
  upsertWijkActions,
  type CircleRow,
  type ClientRow,
  type ContactRow,
  type Database,
  type DistrictRow,
  type KeyFigureRow,
  type LinkRow,
  type model,
  type OfferingRow,
  type OrganisationRow,
  type PartnershipRow,
  type SupportWorkerRow,
  type Tx,
  type WijkActionRow,
} from '@wijkkring/graph';
import { buildDemoPeople, type AnalysisConsentRow } from './demo-circles.js';
import type { DemoIndex } from './demo-index.js';
import { DEFAULT_OFFERING, DEMO_OFFERING_LANGUAGES, DEMO_OFFERINGS } from './demo-offerings.js';
import { buildResearchCohort, RESEARCH_CLIENT_IDS, RESEARCH_LINKS } from './demo-research.js';
import {
  healthyNetworkOptionalMembers,
  linkKindOf,
  loadFacts,
  namedOrganisations,
  slugify,
  type Classification,
  type UtrechtFacts,
} from './facts.js';
import { demoAccountId, seedId } from './ids.js';
import { Random } from './random.js';

/** Utrecht's ten wijken, plus Kanaleneiland, which the programme treats as a wijk of its own. */
const DISTRICTS: readonly { name: string; partOf?: string }[] = [
  { name: 'Binnenstad' },
  { name: 'Noordoost' },
  { name: 'Oost' },
  { name: 'Zuid' },
  { name: 'Zuidwest' },
  { name: 'West' },
  { name: 'Noordwest' },
  { name: 'Overvecht' },
  { name: 'Leidsche Rijn' },
  { name: 'Vleuten-De Meern' },
  { name: 'Kanaleneiland', partOf: 'Zuidwest' },
];

/** Present in every district (the buurtteams, DOCK and the municipality cover the whole city). */
const CITYWIDE = ['Buurtteam Sociaal', 'DOCK', 'Gemeente Utrecht', 'Gemeente Utrecht Volksgezondheid'];

/** Initiatives named after, or known from, one place. */
const PLACE_NAMED: Readonly<Record<string, string>> = {
  'Samen voor Overvecht': 'Overvecht',
  'Huisartsen Overvecht': 'Overvecht',
  'Overvecht Gezond': 'Overvecht',
  'Huis van Vrede': 'Kanaleneiland',
  'Wijkcoöperatie Kanaleneiland': 'Kanaleneiland',
  'Huisarts Kanaleneiland': 'Kanaleneiland',
  'De Kracht van Zuilen': 'Noordwest',
};

/**
 * Invented: where some organisations work besides the wijken the report names, chosen so that the
 * report's links and the demo begeleiders make sense on the map (docs/demo-data.md).
 */
const INVENTED_ACTIVE_IN: Readonly<Record<string, readonly string[]>> = {
  'Stichting Al Amal': ['Kanaleneiland', 'West'],
  'Leger des Heils': ['Kanaleneiland', 'Overvecht', 'Binnenstad'],
  'De Tussenvoorziening': ['Overvecht', 'Binnenstad'],
  Woonin: ['Overvecht', 'Kanaleneiland', 'Zuidwest'],
  Portaal: ['Kanaleneiland', 'Noordwest', 'Leidsche Rijn', 'West'],
};

/** Invented: which of the "in some wijken" members join which wijk's gezonde-wijknetwerk. */
const INVENTED_HEALTHY_NETWORK: Readonly<Record<string, readonly string[]>> = {
  Indigo: ['Kanaleneiland', 'Overvecht'],
  Careijn: ['Leidsche Rijn'],
  Lister: ['Overvecht', 'Noordwest'],
  'Stichting Al Amal': ['Kanaleneiland'],
};

interface DemoLink {
  a: string;
  b: string;
  kind: model.LinkKind;
  since: string;
  /** The first day the link no longer holds (its last day is the day before); absent while it lasts. */
  until?: string;
  strength: number;
  note: string;
}

/**
 * Invented links in the focus wijken, so each wijkkaart shows a network. Kept to tiers 1 and 2 and
 * primary care: the report says spoor 1 and spoor 3 rarely meet. Renqli and Buurtzorg Nederland are
 * left without any link, so Kanaleneiland's map has islands. The dates run from 2019 to 2026, four
 * links have ended and two began in 2026, so "Kaart op datum" and the comparison of two dates show
 * change in Kanaleneiland and Overvecht (docs/demo-data.md). No link joins a co-served pair of
 * demo-circles.ts: those are the missing links.
 */
const DEMO_LINKS: readonly DemoLink[] = [
  {
    a: 'Huis van Vrede',
    b: 'Wijkcoöperatie Kanaleneiland',
    kind: 'COLLABORATION',
    since: '2019-03-01',
    strength: 3,
    note: 'Samen buurtmaaltijden',
  },
  {
    a: 'Basmah',
    b: 'Stichting Al Amal',
    kind: 'COLLABORATION',
    since: '2024-01-15',
    strength: 2,
    note: 'Vrouwengroep verwijst naar het spreekuur',
  },
  {
    a: 'Taal doet Meer',
    b: 'Huis van Vrede',
    kind: 'COLLABORATION',
    since: '2024-02-01',
    strength: 2,
    note: 'Taalcafé in Huis van Vrede',
  },
  {
    a: 'Huisarts Kanaleneiland',
    b: 'Buurtteam Sociaal',
    kind: 'REFERRAL',
    since: '2020-01-15',
    strength: 3,
    note: 'Huisarts verwijst naar het buurtteam',
  },
  {
    a: 'Partner in Zorg',
    b: 'Huisarts Kanaleneiland',
    kind: 'JOINT_MEETING',
    since: '2021-06-01',
    strength: 2,
    note: 'Maandelijks wijkoverleg',
  },
  {
    a: 'Humanitas',
    b: 'Buurtteam Sociaal',
    kind: 'REFERRAL',
    since: '2025-02-01',
    strength: 2,
    note: 'Buurtteam verwijst voor thuisadministratie',
  },
  { a: 'Sport Utrecht', b: 'Koos', kind: 'COLLABORATION', since: '2024-06-01', strength: 1, note: 'Buurtsport voor jongeren' },
  {
    a: 'Indigo',
    b: 'Buurtteam Sociaal',
    kind: 'JOINT_CONSULTATION',
    since: '2024-03-01',
    strength: 2,
    note: 'Samen spreekuur in het wijkcentrum',
  },
  {
    a: 'InteraktContour',
    b: 'Buurtteam Sociaal',
    kind: 'HANDOVER',
    since: '2025-05-01',
    strength: 2,
    note: 'Overdracht na afronden begeleiding',
  },
  {
    a: 'Samen voor Overvecht',
    b: 'Huisartsen Overvecht',
    kind: 'JOINT_MEETING',
    since: '2019-09-01',
    strength: 3,
    note: 'GGZ-overleg Overvecht',
  },
  { a: 'Power by Peers', b: 'Enik', kind: 'COLLABORATION', since: '2022-06-01', strength: 2, note: 'Sirene-overleg' },
  { a: 'Handje Helpen', b: 'Zin', kind: 'REFERRAL', since: '2024-05-01', strength: 1, note: 'Maatjes voor deelnemers van Zin' },
  {
    a: 'De Kracht van Zuilen',
    b: 'Oog voor Utrecht',
    kind: 'COLLABORATION',
    since: '2022-09-01',
    strength: 2,
    note: 'Samen buurthulp in Zuilen',
  },
  {
    a: 'Bij Boschardt',
    b: 'DOCK',
    kind: 'COLLABORATION',
    since: '2023-03-01',
    strength: 2,
    note: 'Buurtkamer met sociaal makelaar',
  },
  {
    a: 'Utrecht Natuurlijk',
    b: 'In de Kern Gezond',
    kind: 'COLLABORATION',
    since: '2024-09-01',
    strength: 1,
    note: 'Wandelen en tuinieren',
  },
  // Ended links: they stay on the map of an earlier date.
  {
    a: 'Humanitas',
    b: 'Stichting Al Amal',
    kind: 'REFERRAL',
    since: '2020-09-01',
    until: '2025-07-01',
    strength: 2,
    note: 'Thuisadministratie voor bezoekers van het spreekuur; gestopt na een wisseling van vrijwilligers',
  },
  {
    a: 'Wij 3.0',
    b: 'Huis van Vrede',
    kind: 'COLLABORATION',
    since: '2021-04-01',
    until: '2025-01-01',
    strength: 1,
    note: 'Samen een inloop, tot Wij 3.0 verhuisde',
  },
  {
    a: 'Handje Helpen',
    b: 'Samen voor Overvecht',
    kind: 'COLLABORATION',
    since: '2019-05-01',
    until: '2025-04-01',
    strength: 2,
    note: 'Maatjes via buurtinitiatieven; het project is afgelopen',
  },
  {
    a: 'Doen en Laten',
    b: 'Zin',
    kind: 'REFERRAL',
    since: '2021-01-15',
    until: '2024-10-01',
    strength: 1,
    note: 'Deelnemers van de werkplaats naar de dagactiviteiten',
  },
  // New in 2026.
  {
    a: 'Taal doet Meer',
    b: 'Stichting Al Amal',
    kind: 'COLLABORATION',
    since: '2026-03-02',
    strength: 2,
    note: 'Taalmaatjes op het inloopspreekuur, na een kennismaking',
  },
  {
    a: 'Power by Peers',
    b: 'Buurtteam Sociaal',
    kind: 'REFERRAL',
    since: '2026-09-01',
    strength: 1,
    note: 'Buurtteam verwijst naar ervaringsdeskundigen',
  },
];

interface DemoKeyFigure {
  key: string;
  name: string;
  district: string;
  description: string;
  mapConsent: boolean;
  links: readonly { organisation: string; kind: model.LinkKind }[];
}

/** All invented. The first three follow the report's anonymous Kanaleneiland examples. */
const DEMO_KEY_FIGURES: readonly DemoKeyFigure[] = [
  {
    key: 'youssef-e',
    name: 'Youssef E.',
    district: 'Kanaleneiland',
    description: 'Organiseerde tijdens de ramadan 640 iftarmaaltijden en regelt het verkeer bij de moskee.',
    mapConsent: true,
    links: [{ organisation: 'Huis van Vrede', kind: 'COLLABORATION' }],
  },
  {
    key: 'samira-b',
    name: 'Samira B.',
    district: 'Kanaleneiland',
    description: 'Maakt televisiereportages en organiseert stadswandelingen, ook in Kanaleneiland.',
    mapConsent: true,
    links: [],
  },
  {
    key: 'fatima-z',
    name: 'Fatima Z.',
    district: 'Kanaleneiland',
    description:
      'Coördinator bij Stichting Al Amal; ambassadeur die buurtteams, organisaties en hulpvragers met elkaar verbindt.',
    mapConsent: true,
    links: [
      { organisation: 'Stichting Al Amal', kind: 'COLLABORATION' },
      { organisation: 'DOCK', kind: 'COLLABORATION' },
      { organisation: 'Buurtteam Sociaal', kind: 'REFERRAL' },
    ],
  },
  {
    key: 'henk-v',
    name: 'Henk V.',
    district: 'Overvecht',
    description: 'Beheert de buurtmoestuin en kent iedereen in zijn flat.',
    mapConsent: true,
    links: [{ organisation: 'Samen voor Overvecht', kind: 'COLLABORATION' }],
  },
  {
    key: 'ayse-k',
    name: 'Ayşe K.',
    district: 'Overvecht',
    description: 'Vangt nieuwe buurvrouwen op en gaat mee naar afspraken.',
    // Has not (yet) agreed to be shown on the map: she and her link must stay invisible there.
    mapConsent: false,
    links: [{ organisation: 'Power by Peers', kind: 'COLLABORATION' }],
  },
  {
    key: 'marloes-d',
    name: 'Marloes D.',
    district: 'Noordwest',
    description: 'Organiseert de wekelijkse koffieochtend in Zuilen.',
    mapConsent: true,
    links: [{ organisation: 'De Kracht van Zuilen', kind: 'COLLABORATION' }],
  },
  {
    key: 'ravi-s',
    name: 'Ravi S.',
    district: 'Leidsche Rijn',
    description: 'Start wandelgroepen voor nieuwe bewoners.',
    mapConsent: true,
    links: [{ organisation: 'Utrecht Natuurlijk', kind: 'COLLABORATION' }],
  },
  {
    key: 'noor-a',
    name: 'Noor A.',
    district: 'Leidsche Rijn',
    description: 'Helpt buren met formulieren in het buurtcentrum.',
    mapConsent: true,
    links: [],
  },
];

export interface DemoData {
  districts: DistrictRow[];
  organisations: OrganisationRow[];
  partnerships: PartnershipRow[];
  offerings: OfferingRow[];
  keyFigures: KeyFigureRow[];
  links: LinkRow[];
  supportWorkers: SupportWorkerRow[];
  clients: ClientRow[];
  contacts: ContactRow[];
  circles: CircleRow[];
  analysisConsents: AnalysisConsentRow[];
  actions: WijkActionRow[];
}

function byName<T>(map: Map<string, T>, name: string, what: string): T {
  const found = map.get(name);
  if (found === undefined) throw new Error(`Demo data refers to unknown ${what} "${name}".`);
  return found;
}

function buildIndex(facts: UtrechtFacts, organisations: Classification[]): DemoIndex {
  const districtNames = DISTRICTS.map((d) => d.name);
  const districtIds = new Map(districtNames.map((name) => [name, seedId(`district:${slugify(name)}`)]));
  const organisationByName = new Map(organisations.map((o) => [o.name, o]));
  const organisationIds = new Map(organisations.map((o) => [o.name, seedId(`organisation:${slugify(o.name)}`)]));
  for (const wijk of facts.focusWijken) byName(districtIds, wijk, 'focus wijk');

  const active = new Map<string, Set<string>>(organisations.map((o) => [o.name, new Set<string>()]));
  const add = (organisation: string, district: string): void => {
    byName(districtIds, district, 'district');
    byName(active, organisation, 'organisation').add(district);
  };
  for (const [wijk, members] of Object.entries(facts.kernteams)) for (const member of members) add(member, wijk);
  for (const member of facts.gezondeWijkNetwerk.members) for (const wijk of facts.focusWijken) add(member, wijk);
  for (const name of CITYWIDE) for (const district of districtNames) add(name, district);
  for (const [name, district] of Object.entries(PLACE_NAMED)) add(name, district);
  for (const [name, districts] of Object.entries(INVENTED_ACTIVE_IN)) for (const district of districts) add(name, district);
  for (const name of healthyNetworkOptionalMembers(facts)) for (const wijk of healthyNetworkWijken(facts, name)) add(name, wijk);
  // Everything else gets an invented spread of 1–4 districts, the focus wijken twice as likely.
  const weighted = districtNames.flatMap((name) => (facts.focusWijken.includes(name) ? [name, name] : [name]));
  for (const organisation of organisations) {
    const districts = byName(active, organisation.name, 'organisation');
    if (districts.size > 0) continue;
    const random = Random.fromKey(`demo:active-in:${slugify(organisation.name)}`);
    const count = random.int(1, 4);
    while (districts.size < count) districts.add(random.pick(weighted));
  }

  const sortedActive = new Map(
    [...active].map(([name, districts]) => [name, districtNames.filter((d) => districts.has(d))] as const),
  );
  return {
    districtId: (name) => byName(districtIds, name, 'district'),
    organisationId: (name) => byName(organisationIds, name, 'organisation'),
    organisation: (name) => byName(organisationByName, name, 'organisation'),
    activeIn: (name) => byName(sortedActive, name, 'organisation'),
    activeInDistrict: (district) =>
      organisations.filter((o) => (sortedActive.get(o.name) ?? []).includes(district)).map((o) => o.name),
    focusWijken: facts.focusWijken,
  };
}

function healthyNetworkWijken(facts: UtrechtFacts, name: string): readonly string[] {
  const invented = INVENTED_HEALTHY_NETWORK[name];
  if (invented) return invented;
  // A member the table does not know yet still gets a stable, invented place.
  const random = Random.fromKey(`demo:healthy-network:${slugify(name)}`);
  return random.sample(facts.focusWijken, random.int(1, 2));
}

function districtRows(index: DemoIndex): DistrictRow[] {
  return DISTRICTS.map((d) => ({
    id: index.districtId(d.name),
    name: d.name,
    slug: slugify(d.name),
    focus: index.focusWijken.includes(d.name),
    partOfId: d.partOf ? index.districtId(d.partOf) : null,
  }));
}

function organisationRows(organisations: Classification[], index: DemoIndex): OrganisationRow[] {
  const rows = organisations.map((o) => ({
    id: index.organisationId(o.name),
    name: o.name,
    slug: slugify(o.name),
    tier: o.tier,
    sector: o.sector,
    classification: o.classification,
    note: o.note,
    districtIds: index.activeIn(o.name).map((d) => index.districtId(d)),
  }));
  const slugs = rows.map((r) => r.slug);
  const duplicate = slugs.find((slug, i) => slugs.indexOf(slug) !== i);
  if (duplicate !== undefined) throw new Error(`Two demo organisations share the slug "${duplicate}".`);
  return rows;
}

function partnershipRows(facts: UtrechtFacts, index: DemoIndex): PartnershipRow[] {
  const members = (names: readonly string[]): string[] => [...new Set(names)].map((name) => index.organisationId(name));
  const rows: PartnershipRow[] = [];
  for (const wijk of facts.focusWijken) {
    rows.push({
      id: seedId(`partnership:core-team:${slugify(wijk)}`),
      name: `Kernteam ${wijk}`,
      kind: 'CORE_TEAM',
      districtId: index.districtId(wijk),
      memberIds: members(facts.kernteams[wijk] ?? []),
    });
  }
  rows.push({
    id: seedId('partnership:steering-group:thuis-in-je-wijk'),
    name: 'Regiegroep Thuis in je Wijk',
    kind: 'STEERING_GROUP',
    districtId: null,
    memberIds: members(facts.regiegroep),
  });
  for (const wijk of facts.focusWijken) {
    const optional = healthyNetworkOptionalMembers(facts).filter((name) => healthyNetworkWijken(facts, name).includes(wijk));
    rows.push({
      id: seedId(`partnership:healthy-district-network:${slugify(wijk)}`),
      name: `Gezonde Wijk-netwerk ${wijk}`,
      kind: 'HEALTHY_DISTRICT_NETWORK',
      districtId: index.districtId(wijk),
      memberIds: members([...facts.gezondeWijkNetwerk.members, ...optional]),
    });
  }
  return rows;
}

function offeringRows(organisations: Classification[], index: DemoIndex): OfferingRow[] {
  return organisations.flatMap((o) => {
    const offers = DEMO_OFFERINGS[o.name] ?? DEFAULT_OFFERING[o.sector];
    return index.activeIn(o.name).flatMap((district) =>
      offers.map(([category, name]): OfferingRow => {
        const languages = DEMO_OFFERING_LANGUAGES[o.name]?.[category];
        return {
          id: seedId(`offering:${slugify(o.name)}:${slugify(district)}:${category}`),
          organisationId: index.organisationId(o.name),
          districtId: index.districtId(district),
          category,
          name,
          ...(languages ? { languages: [...languages] } : {}),
        };
      }),
    );
  });
}

/**
 * Invented: report links between wijken, recorded for the wijk whose map shows them at its edge
 * (the METT and Skillslab trainings took place there).
 */
const REPORT_LINKS_BETWEEN_WIJKEN: Readonly<Record<string, string>> = {
  'Lister|Doen en Laten': 'Kanaleneiland',
  'Lister|Kwintes': 'Overvecht',
};

function linkRows(facts: UtrechtFacts, index: DemoIndex): LinkRow[] {
  const id = (a: string, b: string, kind: string): string => seedId(`link:${a}:${b}:${kind}`);
  const report: LinkRow[] = facts.knownLinksFromTheReport.map((link) => {
    const kind = linkKindOf(link.kind);
    const wijk = REPORT_LINKS_BETWEEN_WIJKEN[`${link.a}|${link.b}`];
    return {
      recordedFor: wijk === undefined ? null : index.districtId(wijk),
      id: id(slugify(link.a), slugify(link.b), kind),
      fromId: index.organisationId(link.a),
      toId: index.organisationId(link.b),
      kind,
      since: null,
      until: null,
      strength: null,
      source: 'REPORT',
      note: link.note ?? null,
    };
  });
  // The research cohort's link history (demo-research.ts) is written the same way.
  const demo: LinkRow[] = [...DEMO_LINKS, ...RESEARCH_LINKS].map((link) => ({
    id: id(slugify(link.a), slugify(link.b), link.kind),
    fromId: index.organisationId(link.a),
    toId: index.organisationId(link.b),
    kind: link.kind,
    since: link.since,
    until: link.until ?? null,
    strength: link.strength,
    source: 'DEMO',
    note: link.note,
  }));
  const keyFigures: LinkRow[] = DEMO_KEY_FIGURES.flatMap((k) =>
    k.links.map((link) => ({
      id: id(`key-figure-${k.key}`, slugify(link.organisation), link.kind),
      fromId: keyFigureId(k.key),
      toId: index.organisationId(link.organisation),
      kind: link.kind,
      since: null,
      until: null,
      strength: null,
      source: 'DEMO',
      note: null,
    })),
  );
  return [...report, ...demo, ...keyFigures];
}

function keyFigureId(key: string): string {
  return seedId(`key-figure:${key}`);
}

function keyFigureRows(index: DemoIndex): KeyFigureRow[] {
  return DEMO_KEY_FIGURES.map((k) => ({
    id: keyFigureId(k.key),
    name: k.name,
    description: k.description,
    districtId: index.districtId(k.district),
    mapConsent: k.mapConsent,
  }));
}

interface DemoAction {
  key: string;
  wijk: string;
  title: string;
  /** A missing link between these two organisations (its signal key is built from their ids). */
  missingLink: readonly [string, string];
  owner: string;
  due: string;
  status: model.WijkActionStatus;
  createdAt: string;
  /** Username of the demo account that made it. */
  createdBy: string;
}

/**
 * Invented actions of the Kanaleneiland kwartiermaker: an open one about the missing link the
 * co-serving clients of demo-circles.ts make visible, and a done one whose link was recorded on
 * 2026-03-02 (DEMO_LINKS).
 */
const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    key: 'kanaleneiland:kennismaking-al-amal-huisarts',
    wijk: 'Kanaleneiland',
    title: 'Kennismaking Stichting Al Amal en Huisarts Kanaleneiland',
    missingLink: ['Stichting Al Amal', 'Huisarts Kanaleneiland'],
    owner: 'Fatima B.',
    due: '2027-02-15',
    status: 'OPEN',
    createdAt: '2026-11-09T10:15:00.000Z',
    createdBy: 'kwartiermaker',
  },
  {
    key: 'kanaleneiland:kennismaking-taal-doet-meer-al-amal',
    wijk: 'Kanaleneiland',
    title: 'Kennismaking Taal doet Meer en Stichting Al Amal',
    missingLink: ['Taal doet Meer', 'Stichting Al Amal'],
    owner: 'Fatima B.',
    due: '2026-03-31',
    status: 'DONE',
    createdAt: '2026-01-20T09:00:00.000Z',
    createdBy: 'kwartiermaker',
  },
];

/** The missing-link signal's key: `MISSING_LINK:<smaller id>~<larger id>`. */
export function missingLinkKey(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `MISSING_LINK:${x}~${y}`;
}

function actionRows(index: DemoIndex): WijkActionRow[] {
  return DEMO_ACTIONS.map((action) => {
    const nodeIds = action.missingLink.map((name) => index.organisationId(name));
    return {
      id: seedId(`wijk-action:${action.key}`),
      districtId: index.districtId(action.wijk),
      title: action.title,
      signalCode: 'MISSING_LINK',
      signalKey: missingLinkKey(nodeIds[0] ?? '', nodeIds[1] ?? ''),
      nodeIds,
      owner: action.owner,
      due: action.due,
      status: action.status,
      createdAt: action.createdAt,
      createdByAccountId: demoAccountId(action.createdBy),
    };
  });
}

/** Everything the demo writes, as rows; pure, so the unit tests can check its shape without a database. */
export function buildDemo(facts: UtrechtFacts = loadFacts()): DemoData & { index: DemoIndex } {
  const organisations = namedOrganisations(facts);
  const index = buildIndex(facts, organisations);
  const people = buildDemoPeople(index);
  const cohort = buildResearchCohort(index);
  return {
    index,
    districts: districtRows(index),
    organisations: organisationRows(organisations, index),
    partnerships: partnershipRows(facts, index),
    offerings: offeringRows(organisations, index),
    keyFigures: keyFigureRows(index),
    links: linkRows(facts, index),
    supportWorkers: people.supportWorkers,
    // The research cohort's clients come after the story and co-serving clients, in every list.
    clients: [...people.clients, ...cohort.clients],
    contacts: [...people.contacts, ...cohort.contacts],
    circles: [...people.circles, ...cohort.circles],
    analysisConsents: [...people.analysisConsents, ...cohort.analysisConsents],
    actions: actionRows(index),
  };
}

export function demoCounts(data: DemoData): Record<string, number> {
  return {
    districts: data.districts.length,
    organisations: data.organisations.length,
    activeIn: data.organisations.reduce((sum, o) => sum + o.districtIds.length, 0),
    partnerships: data.partnerships.length,
    memberships: data.partnerships.reduce((sum, p) => sum + p.memberIds.length, 0),
    offerings: data.offerings.length,
    links: data.links.length,
    keyFigures: data.keyFigures.length,
    supportWorkers: data.supportWorkers.length,
    clients: data.clients.length,
    contacts: data.contacts.length,
    circles: data.circles.length,
    entries: data.circles.reduce((sum, c) => sum + c.entries.length, 0),
    analysisConsents: data.analysisConsents.length,
    actions: data.actions.length,
  };
}

async function eraseIfPresent(tx: Tx, clientId: string): Promise<void> {
  try {
    await eraseClient(tx, clientId);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
  }
}

/**
 * Loads the demo city: the organisations and links of the public report plus invented people.
 * Idempotent (every row is MERGEd by a name-based id with fixed values), and all in one
 * transaction, so a failed load leaves nothing half-written.
 */
/** The name under which the demo data's checksum is recorded. */
const DEMO_DATASET = 'demo';

/**
 * Loads the demo city. Idempotent (every write MERGEs by id; the research cohort's clients are
 * erased first and written anew, so nothing of an older version of it stays); and when the database already holds
 * exactly this demo data (same checksum) it writes nothing at all, which keeps a warm `npm start`
 * from re-planning ten statements on a cold query cache. `force` loads regardless.
 */
export async function loadDemo(
  db: Database,
  { force = false }: { force?: boolean } = {},
): Promise<{ summary: string; counts: Record<string, number>; skipped: boolean }> {
  const data = buildDemo();
  const checksum = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  const counts = demoCounts(data);
  const loaded = force ? null : await db.read((tx) => datasetChecksum(tx, DEMO_DATASET));
  if (loaded === checksum) {
    return { summary: `demodata al geladen (${counts.clients} cliënten) / demo data already loaded`, counts, skipped: true };
  }
  await db.write(async (tx) => {
    // The research cohort is written whole each time: its snapshot ids follow the months drawn, so a
    // changed generator would otherwise leave older snapshots and entries behind, and they would count.
    for (const id of RESEARCH_CLIENT_IDS) await eraseIfPresent(tx, id);
    await upsertDistricts(tx, data.districts);
    await upsertOrganisations(tx, data.organisations);
    await upsertPartnerships(tx, data.partnerships);
    await upsertOfferings(tx, data.offerings);
    await upsertKeyFigures(tx, data.keyFigures);
    await upsertLinks(tx, data.links);
    await upsertSupportWorkers(tx, data.supportWorkers);
    await upsertClients(tx, data.clients);
    await upsertContacts(tx, data.contacts);
    await upsertCircles(tx, data.circles);
    for (const consent of data.analysisConsents) await setAnalysisConsent(tx, consent.clientId, true, consent.at);
    await upsertWijkActions(tx, data.actions);
    await recordDataset(tx, DEMO_DATASET, checksum);
  });
  const summary =
    `demodata: ${counts.districts} wijken, ${counts.organisations} organisaties, ${counts.links} verbindingen, ` +
    `${counts.keyFigures} sleutelfiguren, ${counts.clients} cliënten met ${counts.circles} netwerkcirkels ` +
    `(${counts.entries} plaatsingen) / demo data: ${counts.districts} districts, ${counts.organisations} organisations, ` +
    `${counts.links} links, ${counts.clients} clients`;
  return { summary, counts, skipped: false };
}
