import { readFileSync } from 'node:fs';
import { model } from '@wijkkring/graph';
import { z } from 'zod';

/**
 * The public facts the demo data is built from. The file is a copy of the project's shared
 * domain file, kept inside the package so a fresh clone can load the demo; it names public
 * organisations only, never people.
 */
const FACTS_FILE = new URL('../data/utrecht-facts.json', import.meta.url);

const names = z.array(z.string().trim().min(1)).min(1);

const REPORT_LINK_KINDS = {
  samenwerking: 'COLLABORATION',
  doorverwijzing: 'REFERRAL',
  overdracht: 'HANDOVER',
  'gezamenlijk overleg': 'JOINT_MEETING',
  'gezamenlijk spreekuur': 'JOINT_CONSULTATION',
  'gezamenlijke training': 'JOINT_TRAINING',
  financiering: 'FUNDING',
} as const satisfies Record<string, model.LinkKind>;

type ReportLinkKind = keyof typeof REPORT_LINK_KINDS;
const reportLinkKinds = Object.keys(REPORT_LINK_KINDS) as [ReportLinkKind, ...ReportLinkKind[]];

export const factsSchema = z.object({
  about: z.string(),
  focusWijken: names,
  kernteams: z.record(z.string(), names),
  gezondeWijkNetwerk: z.object({ description: z.string(), members: names, inSomeWijken: names }),
  regiegroep: names,
  signatoriesAkkoordThuisInJeWijk: names,
  organisationClassification: z.object({
    note: z.string(),
    spoor1: names,
    spoor2: names,
    spoor3: names,
    eerstelijnszorg: names,
    woningcorporatie: names,
    gemeente: names,
  }),
  knownLinksFromTheReport: z
    .array(z.object({ a: z.string().min(1), b: z.string().min(1), kind: z.enum(reportLinkKinds), note: z.string().optional() }))
    .min(1),
  sleutelfigurenKanaleneiland: z.object({ note: z.string(), examples: z.array(z.string()).min(1), observation: z.string() }),
  netwerkcirkel: z.object({ what: z.string(), observations: z.array(z.string()) }),
});

export type UtrechtFacts = z.infer<typeof factsSchema>;

/** Reads and validates the facts file; a malformed file stops the seed with the zod path of the problem. */
export function loadFacts(file: URL | string = FACTS_FILE): UtrechtFacts {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return parseFacts(json);
}

export function parseFacts(json: unknown): UtrechtFacts {
  const parsed = factsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`utrecht-facts.json is not valid: ${issues}`);
  }
  return parsed.data;
}

export function linkKindOf(kind: ReportLinkKind): model.LinkKind {
  return REPORT_LINK_KINDS[kind];
}

/** Which classification list maps to which sector (the tier follows from the sector). */
const SECTOR_OF_LIST = {
  spoor1: 'SOCIAL_BASE',
  spoor2: 'NEIGHBOURHOOD_TEAMS',
  spoor3: 'ADDITIONAL_CARE',
  eerstelijnszorg: 'PRIMARY_CARE',
  woningcorporatie: 'HOUSING_ASSOCIATION',
  gemeente: 'MUNICIPALITY',
} as const satisfies Record<string, model.Sector>;

/** Names in the facts that stand for a kind of organisation rather than one organisation. */
const GENERIC_NAMES = new Set(['bewonersorganisaties']);

export interface Classification {
  name: string;
  sector: model.Sector;
  tier: model.Tier | null;
  /** 'source' when the report states what the organisation does, 'assumed' when it is ours. */
  classification: 'source' | 'assumed';
  note: string | null;
}

/** Splits "DOCK (source: welfare organisation, ...)" into the name and the text in parentheses. */
export function parseClassifiedName(entry: string): { name: string; note: string | null; fromSource: boolean } {
  const match = /^([^()]+?)\s*\((.*)\)\s*$/.exec(entry.trim());
  if (!match) return { name: entry.trim(), note: null, fromSource: false };
  const name = (match[1] ?? '').trim();
  const note = (match[2] ?? '').trim();
  return { name, note: note === '' ? null : note, fromSource: entry.includes('(source') };
}

export function classifyOrganisations(facts: UtrechtFacts): Map<string, Classification> {
  const out = new Map<string, Classification>();
  for (const list of Object.keys(SECTOR_OF_LIST) as (keyof typeof SECTOR_OF_LIST)[]) {
    const sector = SECTOR_OF_LIST[list];
    for (const entry of facts.organisationClassification[list]) {
      const { name, note, fromSource } = parseClassifiedName(entry);
      const previous = out.get(name);
      if (previous) throw new Error(`"${name}" is classified twice (${previous.sector} and ${sector}).`);
      out.set(name, {
        name,
        sector,
        tier: model.TIER_OF_SECTOR[sector],
        classification: fromSource ? 'source' : 'assumed',
        note,
      });
    }
  }
  return out;
}

/**
 * Every organisation the facts name, in order of first mention, each with its classification.
 * Throws when one is named but not classified: a silent default would put it in the wrong tier.
 */
export function namedOrganisations(facts: UtrechtFacts): Classification[] {
  const classified = classifyOrganisations(facts);
  const mentioned = [
    ...Object.values(facts.kernteams).flat(),
    ...facts.gezondeWijkNetwerk.members,
    ...facts.gezondeWijkNetwerk.inSomeWijken,
    ...facts.regiegroep,
    ...facts.signatoriesAkkoordThuisInJeWijk,
    ...facts.knownLinksFromTheReport.flatMap((link) => [link.a, link.b]),
    ...classified.keys(),
  ].filter((name) => !GENERIC_NAMES.has(name));
  const unclassified = [...new Set(mentioned.filter((name) => !classified.has(name)))];
  if (unclassified.length > 0) {
    throw new Error(`Organisations named in utrecht-facts.json without a classification: ${unclassified.join(', ')}`);
  }
  return [...new Set(mentioned)].map((name) => classified.get(name) as Classification);
}

/** Members of the gezonde-wijknetwerk that name one organisation (not a kind of organisation). */
export function healthyNetworkOptionalMembers(facts: UtrechtFacts): string[] {
  return facts.gezondeWijkNetwerk.inSomeWijken.filter((name) => !GENERIC_NAMES.has(name));
}

/** ASCII kebab-case for URLs: "Wijkcoöperatie Kanaleneiland" → "wijkcooperatie-kanaleneiland". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
