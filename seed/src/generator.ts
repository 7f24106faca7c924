import {
  model,
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
  MAX_ENTRIES,
  type CircleRow,
  type ClientRow,
  type ContactRow,
  type Database,
  type DistrictRow,
  type EntryRow,
  type KeyFigureRow,
  type LinkRow,
  type OfferingRow,
  type OrganisationRow,
  type PartnershipRow,
  type SupportWorkerRow,
  type Tx,
} from '@wijkkring/graph';
import { z } from 'zod';
import { seedId } from './ids.js';
import { mixSeed, Random } from './random.js';

/**
 * A deterministic synthetic city for benchmarks and load tests. Same options, same rows: every
 * id is a v5 UUID of `synthetic:<seed>:<kind>:<n>` and every random choice comes from a stream
 * seeded by the city seed and the row number, so the batch size never changes the result.
 */
export const cityOptionsSchema = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31),
    districts: z.number().int().min(1).max(10_000),
    organisations: z.number().int().min(1).max(1_000_000),
    clients: z.number().int().min(0).max(10_000_000),
    entriesPerClient: z.tuple([z.number().int().min(1), z.number().int().min(1).max(MAX_ENTRIES)]),
    linksPerOrganisation: z.number().int().min(0).max(1_000).optional(),
    keyFiguresPerDistrict: z.number().int().min(0).max(1_000).optional(),
    supportWorkers: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((o) => o.entriesPerClient[0] <= o.entriesPerClient[1], {
    path: ['entriesPerClient'],
    message: 'min must not exceed max',
  });

export type CityOptions = z.infer<typeof cityOptionsSchema>;
export type ResolvedCityOptions = Required<CityOptions>;

export interface CityBase {
  districts: DistrictRow[];
  organisations: OrganisationRow[];
  partnerships: PartnershipRow[];
  offerings: OfferingRow[];
  keyFigures: KeyFigureRow[];
  links: LinkRow[];
  supportWorkers: SupportWorkerRow[];
}

export interface ClientBatch {
  clients: ClientRow[];
  contacts: ContactRow[];
  circles: CircleRow[];
  /** Circle entries in this batch: the unit the batch size is measured in. */
  entries: number;
}

export interface SyntheticCity {
  options: ResolvedCityOptions;
  /** Every synthetic district and organisation slug starts with this, so the city can be found and removed. */
  slugPrefix: string;
  /** Districts, organisations and everything around them: small enough to hold at once. */
  base: CityBase;
  /** The clients, their contacts and circles, generated lazily in batches of about `entriesPerBatch` entries. */
  clientBatches(entriesPerBatch?: number): Generator<ClientBatch, void, undefined>;
}

/** The slug prefix of a synthetic city; tests delete their cities by it. */
export function syntheticSlugPrefix(seed: number): string {
  return `synth-${String(seed)}-`;
}

export function syntheticId(seed: number, kind: string, n: number | string): string {
  return seedId(`synthetic:${String(seed)}:${kind}:${String(n)}`);
}

/** Streams of random numbers, one per kind of row and row number. */
const STREAM = { organisation: 1, links: 2, offering: 3, partnership: 4, keyFigure: 5, worker: 6, client: 7 } as const;

/** Roughly the shape of the real sociale kaart: many small spoor-1 initiatives, few buurtteams. */
const SECTOR_WEIGHTS: readonly (readonly [model.Sector, number])[] = [
  ['SOCIAL_BASE', 55],
  ['NEIGHBOURHOOD_TEAMS', 8],
  ['ADDITIONAL_CARE', 20],
  ['PRIMARY_CARE', 12],
  ['HOUSING_ASSOCIATION', 3],
  ['MUNICIPALITY', 2],
];

const CATEGORIES_OF_SECTOR: Readonly<Record<model.Sector, readonly model.OfferingCategory[]>> = {
  SOCIAL_BASE: ['BUDDY', 'WALK_IN', 'SPORT', 'LANGUAGE', 'VOLUNTEERING', 'PEER_SUPPORT', 'MEALS', 'DAY_ACTIVITIES'],
  NEIGHBOURHOOD_TEAMS: ['NEIGHBOURHOOD_SUPPORT', 'DEBT_SUPPORT', 'YOUTH_FAMILY'],
  ADDITIONAL_CARE: ['SHELTERED_LIVING', 'DAY_ACTIVITIES', 'MENTAL_HEALTH'],
  PRIMARY_CARE: ['GENERAL_PRACTICE', 'DISTRICT_NURSING', 'MENTAL_HEALTH'],
  HOUSING_ASSOCIATION: ['HOUSING'],
  MUNICIPALITY: ['DEBT_SUPPORT'],
  RESEARCH_EDUCATION: [],
};

const LINK_KIND_WEIGHTS: readonly (readonly [model.LinkKind, number])[] = [
  ['COLLABORATION', 40],
  ['REFERRAL', 25],
  ['HANDOVER', 8],
  ['JOINT_MEETING', 12],
  ['JOINT_CONSULTATION', 6],
  ['JOINT_TRAINING', 6],
  ['FUNDING', 3],
];

const CONTACT_SECTORS = ['FAMILY', 'FRIENDS_NEIGHBOURS', 'FELLOW_CLIENTS'] as const;

function weighted<T>(random: Random, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, w] of weights) {
    roll -= w;
    if (roll < 0) return value;
  }
  return (weights[weights.length - 1] as readonly [T, number])[0];
}

function resolve(options: CityOptions): ResolvedCityOptions {
  const parsed = cityOptionsSchema.parse(options);
  return {
    ...parsed,
    linksPerOrganisation: parsed.linksPerOrganisation ?? 5,
    keyFiguresPerDistrict: parsed.keyFiguresPerDistrict ?? 3,
    supportWorkers: parsed.supportWorkers ?? Math.max(parsed.districts, Math.ceil(parsed.clients / 25)),
  };
}

const isoDate = (random: Random, fromYear: number, toYear: number): string =>
  `${String(random.int(fromYear, toYear))}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

function buildBase(
  o: ResolvedCityOptions,
  prefix: string,
): { base: CityBase; orgsByDistrict: number[][]; workersByDistrict: number[][]; tierOf: (n: number) => model.Tier | null } {
  const districtId = (d: number): string => syntheticId(o.seed, 'district', d);
  const organisationId = (n: number): string => syntheticId(o.seed, 'organisation', n);

  const districts: DistrictRow[] = [];
  for (let d = 1; d <= o.districts; d += 1) {
    districts.push({
      id: districtId(d),
      // The seed is in the name so two synthetic cities can be told apart in a list of wijken.
      name: `Synthetische wijk ${String(o.seed)}-${String(d)}`,
      slug: `${prefix}wijk-${String(d)}`,
      focus: false,
      partOfId: null,
    });
  }

  const organisations: OrganisationRow[] = [];
  const orgsByDistrict: number[][] = Array.from({ length: o.districts + 1 }, () => []);
  const sectors: model.Sector[] = [];
  for (let n = 1; n <= o.organisations; n += 1) {
    const random = new Random(mixSeed(o.seed, STREAM.organisation, n));
    const sector = weighted(random, SECTOR_WEIGHTS);
    sectors[n] = sector;
    // Every organisation works in its home district; some in one or two more.
    const active = new Set([((n - 1) % o.districts) + 1]);
    const extra = random.chance(0.3) ? (random.chance(0.3) ? 2 : 1) : 0;
    for (let i = 0; i < extra && active.size < o.districts; i += 1) active.add(random.int(1, o.districts));
    for (const d of active) orgsByDistrict[d]?.push(n);
    organisations.push({
      id: organisationId(n),
      name: `Organisatie ${String(n)}`,
      slug: `${prefix}org-${String(n)}`,
      tier: model.TIER_OF_SECTOR[sector],
      sector,
      classification: 'assumed',
      note: null,
      districtIds: [...active].sort((a, b) => a - b).map(districtId),
    });
  }
  const tierOf = (n: number): model.Tier | null => model.TIER_OF_SECTOR[sectors[n] ?? 'SOCIAL_BASE'];

  const offerings: OfferingRow[] = [];
  for (const [i, org] of organisations.entries()) {
    const n = i + 1;
    const random = new Random(mixSeed(o.seed, STREAM.offering, n));
    const categories = CATEGORIES_OF_SECTOR[org.sector];
    if (categories.length === 0) continue;
    const category = random.pick(categories);
    for (const districtIdOfOrg of org.districtIds) {
      offerings.push({
        id: syntheticId(o.seed, 'offering', `${String(n)}:${districtIdOfOrg}`),
        organisationId: org.id,
        districtId: districtIdOfOrg,
        category,
        name: `Aanbod ${String(n)}`,
      });
    }
  }

  const partnerships: PartnershipRow[] = [];
  for (let d = 1; d <= o.districts; d += 1) {
    const random = new Random(mixSeed(o.seed, STREAM.partnership, d));
    const members = random.sample(orgsByDistrict[d] ?? [], 12);
    partnerships.push({
      id: syntheticId(o.seed, 'partnership', d),
      name: `Kernteam synthetische wijk ${String(d)}`,
      kind: 'CORE_TEAM',
      districtId: districtId(d),
      memberIds: members.sort((a, b) => a - b).map(organisationId),
    });
  }

  const keyFigures: KeyFigureRow[] = [];
  const links: LinkRow[] = [];
  const link = (random: Random, fromId: string, toId: string): void => {
    links.push({
      id: syntheticId(o.seed, 'link', links.length + 1),
      fromId,
      toId,
      kind: weighted(random, LINK_KIND_WEIGHTS),
      since: isoDate(random, 2015, 2025),
      until: null,
      strength: random.int(1, 3),
      source: 'SYNTHETIC',
      note: null,
    });
  };
  const seen = new Set<string>();
  for (let n = 1; n <= o.organisations; n += 1) {
    const random = new Random(mixSeed(o.seed, STREAM.links, n));
    const home = orgsByDistrict[((n - 1) % o.districts) + 1] ?? [];
    if (home.length < 2) continue;
    for (let i = 0, attempts = 0; i < o.linksPerOrganisation && attempts < o.linksPerOrganisation * 4; attempts += 1) {
      const other = random.pick(home);
      const pair = n < other ? `${String(n)}-${String(other)}` : `${String(other)}-${String(n)}`;
      if (other === n || seen.has(pair)) continue;
      // Spoor 1 and spoor 3 rarely work together; the synthetic city keeps that island pattern.
      const tiers = [tierOf(n), tierOf(other)];
      if (tiers.includes(1) && tiers.includes(3) && !random.chance(0.25)) continue;
      seen.add(pair);
      link(random, organisationId(n), organisationId(other));
      i += 1;
    }
  }
  for (let d = 1, k = 0; d <= o.districts; d += 1) {
    for (let i = 0; i < o.keyFiguresPerDistrict; i += 1) {
      k += 1;
      const random = new Random(mixSeed(o.seed, STREAM.keyFigure, k));
      const id = syntheticId(o.seed, 'key-figure', k);
      keyFigures.push({
        id,
        name: `Sleutelfiguur ${String(k)}`,
        description: null,
        districtId: districtId(d),
        mapConsent: random.chance(0.9),
      });
      for (const org of random.sample(orgsByDistrict[d] ?? [], random.int(0, 2))) link(random, id, organisationId(org));
    }
  }

  const supportWorkers: SupportWorkerRow[] = [];
  const workersByDistrict: number[][] = Array.from({ length: o.districts + 1 }, () => []);
  for (let w = 1; w <= o.supportWorkers; w += 1) {
    const random = new Random(mixSeed(o.seed, STREAM.worker, w));
    const d = ((w - 1) % o.districts) + 1;
    const inDistrict = orgsByDistrict[d] ?? [];
    const employers = inDistrict.filter((n) => tierOf(n) === 2 || tierOf(n) === 3);
    const pool = employers.length > 0 ? employers : inDistrict;
    if (pool.length === 0) continue;
    workersByDistrict[d]?.push(w);
    supportWorkers.push({
      id: syntheticId(o.seed, 'support-worker', w),
      name: `Begeleider ${String(w)}`,
      organisationId: organisationId(random.pick(pool)),
      role: 'ambulant begeleider',
    });
  }

  return {
    base: { districts, organisations, partnerships, offerings, keyFigures, links, supportWorkers },
    orgsByDistrict,
    workersByDistrict,
    tierOf,
  };
}

export function generateCity(options: CityOptions): SyntheticCity {
  const o = resolve(options);
  const prefix = syntheticSlugPrefix(o.seed);
  const { base, orgsByDistrict, workersByDistrict, tierOf } = buildBase(o, prefix);

  const client = (n: number): { client: ClientRow; contacts: ContactRow[]; circle: CircleRow } => {
    const random = new Random(mixSeed(o.seed, STREAM.client, n));
    const d = ((n - 1) % o.districts) + 1;
    const clientId = syntheticId(o.seed, 'client', n);
    const size = random.int(o.entriesPerClient[0], o.entriesPerClient[1]);
    const workers = workersByDistrict[d] ?? [];
    const orgs = random.sample(orgsByDistrict[d] ?? [], Math.round(size * 0.3));
    const entries: EntryRow[] = [];
    const contacts: ContactRow[] = [];
    const cells = new Map<string, number>();
    const place = (
      targetId: string,
      ring: number,
      sector: string,
      support: model.SupportKind[],
      relation: string | null,
    ): void => {
      const cell = `${String(ring)}:${sector}`;
      const position = cells.get(cell) ?? 0;
      cells.set(cell, position + 1);
      entries.push({
        id: syntheticId(o.seed, 'entry', `${String(n)}-${String(entries.length + 1)}`),
        targetId,
        ring,
        sector,
        position,
        relation,
        support,
        wish: random.chance(0.05) ? random.pick(model.WISHES) : null,
        note: null,
      });
    };
    if (workers.length > 0 && size > 0)
      place(
        syntheticId(o.seed, 'support-worker', random.pick(workers)),
        3,
        'PROFESSIONALS',
        ['PRACTICAL', 'EMOTIONAL'],
        'begeleider',
      );
    for (const org of orgs) {
      if (entries.length >= size) break;
      const tier = tierOf(org);
      if (tier === 1) place(syntheticId(o.seed, 'organisation', org), 3, 'FRIENDS_NEIGHBOURS', ['COMPANY'], null);
      else place(syntheticId(o.seed, 'organisation', org), random.int(3, 4), 'PROFESSIONALS', ['PRACTICAL'], null);
    }
    for (let k = 1; entries.length < size; k += 1) {
      const id = syntheticId(o.seed, 'contact', `${String(n)}-${String(k)}`);
      contacts.push({ id, clientId, name: `Naaste ${String(n)}.${String(k)}` });
      const support: model.SupportKind[] = random.chance(0.5) ? ['EMOTIONAL', 'COMPANY'] : ['COMPANY'];
      if (random.chance(0.1)) support.push('SAFETY_NET');
      place(id, random.int(1, 4), random.pick(CONTACT_SECTORS), support, null);
    }
    const createdAt = `${isoDate(random, 2024, 2026)}T10:00:00.000Z`;
    return {
      client: { id: clientId, name: `Cliënt ${String(n)}`, districtId: syntheticId(o.seed, 'district', d) },
      contacts,
      circle: { id: syntheticId(o.seed, 'circle', n), clientId, label: null, createdAt, frozenAt: null, entries },
    };
  };

  function* clientBatches(entriesPerBatch = 5_000): Generator<ClientBatch, void, undefined> {
    let batch: ClientBatch = { clients: [], contacts: [], circles: [], entries: 0 };
    for (let n = 1; n <= o.clients; n += 1) {
      const one = client(n);
      batch.clients.push(one.client);
      batch.contacts.push(...one.contacts);
      batch.circles.push(one.circle);
      batch.entries += one.circle.entries.length;
      if (batch.entries >= entriesPerBatch) {
        yield batch;
        batch = { clients: [], contacts: [], circles: [], entries: 0 };
      }
    }
    if (batch.clients.length > 0) yield batch;
  }

  return { options: o, slugPrefix: prefix, base, clientBatches };
}

export interface LoadCityResult {
  counts: Record<string, number>;
  seconds: number;
}

export interface LoadCityOptions {
  /** Rows (circle entries for the clients) per write transaction. */
  batchSize?: number;
  onProgress?: (done: { clients: number; entries: number; seconds: number }) => void;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function writeChunked<T>(
  db: Database,
  rows: T[],
  size: number,
  write: (tx: Tx, rows: T[]) => Promise<void>,
): Promise<void> {
  for (const chunk of chunks(rows, size)) await db.write((tx) => write(tx, chunk));
}

/**
 * Writes a synthetic city in batches through graph's upsert functions. While one batch is being
 * written, the next one is generated, so the database is never waiting for JavaScript.
 */
export async function loadCity(
  db: Database,
  options: CityOptions,
  { batchSize = 5_000, onProgress }: LoadCityOptions = {},
): Promise<LoadCityResult> {
  const started = performance.now();
  const city = generateCity(options);
  const { base } = city;
  await db.write((tx) => upsertDistricts(tx, base.districts));
  await writeChunked(db, base.organisations, batchSize, upsertOrganisations);
  await writeChunked(db, base.offerings, batchSize, upsertOfferings);
  await writeChunked(db, base.partnerships, batchSize, upsertPartnerships);
  await writeChunked(db, base.keyFigures, batchSize, upsertKeyFigures);
  await writeChunked(db, base.links, batchSize, upsertLinks);
  await writeChunked(db, base.supportWorkers, batchSize, upsertSupportWorkers);

  const totals = { clients: 0, contacts: 0, circles: 0, entries: 0 };
  let pending: Promise<void> | undefined;
  for (const batch of city.clientBatches(batchSize)) {
    await pending;
    pending = db
      .write(async (tx) => {
        await upsertClients(tx, batch.clients);
        await upsertContacts(tx, batch.contacts);
        await upsertCircles(tx, batch.circles);
      })
      .then(() => {
        totals.clients += batch.clients.length;
        totals.contacts += batch.contacts.length;
        totals.circles += batch.circles.length;
        totals.entries += batch.entries;
        onProgress?.({ clients: totals.clients, entries: totals.entries, seconds: (performance.now() - started) / 1000 });
      });
    // Generating the next batch happens before this promise is awaited; without a handler a
    // failed write would be reported as an unhandled rejection (and end the process) first.
    pending.catch(() => undefined);
  }
  await pending;

  return {
    counts: {
      districts: base.districts.length,
      organisations: base.organisations.length,
      activeIn: base.organisations.reduce((sum, org) => sum + org.districtIds.length, 0),
      offerings: base.offerings.length,
      partnerships: base.partnerships.length,
      links: base.links.length,
      keyFigures: base.keyFigures.length,
      supportWorkers: base.supportWorkers.length,
      ...totals,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
