import type { OfferingRecord } from '../organisation/types.js';
import { groupBy } from '../group-by.js';
import { randomUUID } from 'node:crypto';
import {
  TIER_OF_SECTOR,
  type Language,
  type LinkKind,
  type OfferingCategory,
  type PartnershipKind,
  type Sector,
  type Tier,
} from '../model.js';
import { rows, type Tx } from '../tx.js';
import { importMessage, type MessageFacts } from './messages.js';
import { IMPORT_LIMITS } from './parse.js';
import type {
  ImportColumn,
  ImportErrorCode,
  ImportIssue,
  ImportLine,
  ImportTotals,
  LinkLine,
  MembershipLine,
  OfferingLine,
  OrganisationLine,
  ParsedFile,
  PartnershipLine,
  PlannedLine,
} from './types.js';
import { IMPORT_KINDS, normalise } from './vocabulary.js';

/**
 * The dry run: each line of a parsed file against the database, as create / change (which
 * columns) / unchanged, and the errors only the database can show (an unknown wijk, a link to an
 * organisation that is nowhere). A handful of reads for any number of lines, each an UNWIND or a
 * small table. The same function runs inside apply's write transaction, so what is applied is
 * what the database holds at that moment.
 */

export interface OrganisationWrite {
  create: boolean;
  id: string;
  slug: string;
  name: string;
  tier: Tier | null;
  sector: Sector;
  note: string | null;
  /** Wijken to add (the import never removes one). */
  districtIds: string[];
}

export interface PartnershipWrite {
  create: boolean;
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
}

/** An offering as the administration knows it, and whether the import makes it new. */
export interface OfferingWrite extends OfferingRecord {
  create: boolean;
}

export interface MembershipWrite {
  /** The relationship to change; null: a new membership. */
  elementId: string | null;
  organisationId: string;
  partnershipId: string;
  since: string | null;
  until: string | null;
}

export interface LinkWrite {
  create: boolean;
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  since: string | null;
  until: string | null;
  strength: number | null;
  source: string;
  note: string | null;
  recordedFor: string | null;
}

export interface ImportWrites {
  organisations: OrganisationWrite[];
  partnerships: PartnershipWrite[];
  offerings: OfferingWrite[];
  memberships: MembershipWrite[];
  links: LinkWrite[];
}

export interface ImportPlan {
  lines: PlannedLine[];
  /** The first IMPORT_LIMITS.maxIssues, by line. */
  issues: ImportIssue[];
  issueCount: number;
  totals: ImportTotals;
  writes: ImportWrites;
}

interface DistrictFact {
  id: string;
  slug: string;
  name: string;
}
interface OrganisationFact {
  id: string;
  slug: string;
  name: string;
  sector: Sector;
  note: string | null;
  districtIds: string[];
}
interface OrganisationBrief {
  id: string;
  name: string;
  slug: string;
  mergedInto: string | null;
  /** Not merged into another and not ended. */
  current: boolean;
}
interface PartnershipFact {
  id: string;
  name: string;
  kind: PartnershipKind;
  districtId: string | null;
}
interface OfferingFact {
  organisationId: string;
  id: string;
  name: string;
  category: OfferingCategory;
  languages: Language[] | null;
  since: string | null;
  until: string | null;
  districtId: string;
}
interface PeriodFact {
  since: string | null;
  until: string | null;
}
interface MembershipFact extends PeriodFact {
  organisationId: string;
  partnershipId: string;
  elementId: string;
}
interface LinkFact extends PeriodFact {
  a: string;
  b: string;
  kind: LinkKind;
  id: string;
  strength: number | null;
  source: string;
  note: string | null;
  recordedFor: string | null;
}

export interface PlanOptions {
  /** New ids (tests may make them predictable). */
  newId?: () => string;
}

/**
 * Among the stored periods of one membership or link: the running one, else the one that ended
 * last. A file line whose start lies after the end of that one is a new period, not a change.
 */
function current<T extends PeriodFact>(facts: readonly T[], since: string | null): T | undefined {
  const open = facts.find((f) => f.until === null);
  if (open) return open;
  const last = [...facts].sort((x, y) => (x.until ?? '').localeCompare(y.until ?? '')).at(-1);
  if (last?.until && since !== null && since >= last.until) return undefined;
  return last;
}

/**
 * Which stored organisation a name in the file means: one whose name has the same key (case,
 * accents and punctuation aside) or whose slug is that key; a current one before an ended one; a
 * record merged into another (Beheer › Organisaties) stands for the one it was merged into.
 */
function organisationResolver(organisations: readonly OrganisationBrief[]): (key: string) => string | undefined {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const byKey = new Map<string, OrganisationBrief[]>();
  const add = (key: string, o: OrganisationBrief): void => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [o]);
    else if (!list.includes(o)) list.push(o);
  };
  for (const o of organisations) {
    add(normalise(o.name), o);
    add(o.slug, o);
  }
  const survivor = (o: OrganisationBrief): OrganisationBrief => {
    let at = o;
    for (let hop = 0; hop < 20 && at.mergedInto; hop += 1) at = byId.get(at.mergedInto) ?? at;
    return at;
  };
  return (key) => {
    const found = (byKey.get(key) ?? []).map(survivor);
    return (found.find((o) => o.current) ?? found[0])?.id;
  };
}

/** A free slug for a new organisation: its key, or key-2, key-3 … (as Beheer › Organisaties makes them). */
function freeSlug(key: string, taken: Set<string>): string {
  const base = key.slice(0, 56).replace(/-+$/g, '') || 'organisatie';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${String(n)}`;
  taken.add(slug);
  return slug;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value) => b.includes(value));

class Planner {
  readonly issues: ImportIssue[] = [];
  readonly lines: PlannedLine[] = [];
  readonly writes: ImportWrites = { organisations: [], partnerships: [], offerings: [], memberships: [], links: [] };
  readonly districtByKey = new Map<string, DistrictFact>();
  /** Organisation slug → id, from the database and the file's own organisation lines. */
  readonly organisationIds = new Map<string, string>();
  readonly partnershipIds = new Map<string, string>();
  /** Every slug in use, so a new organisation gets a free one. */
  takenSlugs = new Set<string>();

  constructor(readonly newId: () => string) {}

  issue(line: number, column: ImportColumn | null, code: ImportErrorCode, facts: MessageFacts = {}): void {
    this.issues.push({ line, column, code, message: importMessage(code, { column: column ?? undefined, ...facts }) });
  }

  district(line: ImportLine, value: string): string | undefined {
    const found = this.districtByKey.get(normalise(value));
    if (!found) this.issue(line.line, 'wijk', 'UNKNOWN_WIJK', { value });
    return found?.id;
  }

  organisation(line: ImportLine, column: ImportColumn, name: string, slug: string): string | undefined {
    const id = this.organisationIds.get(slug);
    if (!id) this.issue(line.line, column, 'UNKNOWN_ORGANISATION', { value: name });
    return id;
  }

  outcome(line: ImportLine, create: boolean, changes: ImportColumn[]): void {
    this.lines.push({
      line: line.line,
      kind: line.kind,
      label: line.label,
      outcome: create ? 'CREATE' : changes.length > 0 ? 'CHANGE' : 'UNCHANGED',
      changes: create ? [] : changes,
    });
  }

  failed(line: ImportLine): void {
    this.lines.push({ line: line.line, kind: line.kind, label: line.label, outcome: 'ERROR', changes: [] });
  }

  /** The period after the change must still be a period. */
  period(line: ImportLine, since: string | null, until: string | null): boolean {
    if (since !== null && until !== null && until < since) {
      this.issue(line.line, 'tot', 'INVALID_PERIOD');
      return false;
    }
    return true;
  }

  planOrganisation(line: OrganisationLine, stored: OrganisationFact | undefined): void {
    const before = this.issues.length;
    const districtIds = line.wijken.map((w) => this.district(line, w)).filter((id): id is string => id !== undefined);
    if (!stored && line.sector === null)
      this.issue(line.line, 'sector', 'MISSING_VALUE', { kind: 'een nieuwe organisatie (spoor of sector)' });
    if (this.issues.length > before) {
      // Known all the same: lines about it get no second error ("not in the file") for this one.
      if (!stored) this.organisationIds.set(line.slug, this.newId());
      return this.failed(line);
    }
    const sector = line.sector ?? stored?.sector ?? 'SOCIAL_BASE';
    if (!stored) {
      const id = this.organisationIds.get(line.slug) ?? this.newId();
      this.organisationIds.set(line.slug, id);
      this.writes.organisations.push({
        create: true,
        id,
        slug: freeSlug(line.slug, this.takenSlugs),
        name: line.name,
        tier: TIER_OF_SECTOR[sector],
        sector,
        note: line.note,
        districtIds: [...new Set(districtIds)],
      });
      return this.outcome(line, true, []);
    }
    const changes: ImportColumn[] = [];
    if (line.name !== stored.name) changes.push('naam');
    if (line.sector !== null && line.sector !== stored.sector) changes.push('sector');
    if (line.note !== null && line.note !== stored.note) changes.push('notitie');
    const added = [...new Set(districtIds)].filter((id) => !stored.districtIds.includes(id));
    if (added.length > 0) changes.push('wijk');
    if (changes.length > 0) {
      this.writes.organisations.push({
        create: false,
        id: stored.id,
        slug: stored.slug,
        name: line.name,
        tier: TIER_OF_SECTOR[sector],
        sector,
        note: line.note ?? stored.note,
        districtIds: added,
      });
    }
    return this.outcome(line, false, changes);
  }

  planPartnership(line: PartnershipLine, stored: PartnershipFact | undefined): void {
    const districtId = line.wijk === null ? null : this.district(line, line.wijk);
    if (line.wijk !== null && districtId === undefined) return this.failed(line);
    if (!stored) {
      const id = this.newId();
      this.partnershipIds.set(line.slug, id);
      this.writes.partnerships.push({
        create: true,
        id,
        name: line.name,
        kind: line.partnershipKind,
        districtId: districtId ?? null,
      });
      return this.outcome(line, true, []);
    }
    const changes: ImportColumn[] = [];
    if (line.name !== stored.name) changes.push('naam');
    if (line.partnershipKind !== stored.kind) changes.push('type');
    if (districtId != null && districtId !== stored.districtId) changes.push('wijk');
    if (changes.length > 0) {
      this.writes.partnerships.push({
        create: false,
        id: stored.id,
        name: line.name,
        kind: line.partnershipKind,
        districtId: districtId ?? stored.districtId,
      });
    }
    return this.outcome(line, false, changes);
  }

  planOffering(line: OfferingLine, offerings: readonly OfferingFact[]): void {
    const before = this.issues.length;
    const organisationId = this.organisation(line, 'organisatie', line.organisation, line.organisationSlug);
    const districtId = this.district(line, line.wijk);
    if (this.issues.length > before || !organisationId || !districtId) return this.failed(line);
    const key = normalise(line.name);
    const stored = offerings.find(
      (f) =>
        f.organisationId === organisationId &&
        f.districtId === districtId &&
        f.category === line.category &&
        normalise(f.name) === key,
    );
    if (!stored) {
      if (!this.period(line, line.since, line.until)) return this.failed(line);
      this.writes.offerings.push({
        create: true,
        id: this.newId(),
        organisationId,
        districtId,
        category: line.category,
        name: line.name,
        languages: line.languages ?? [],
        since: line.since,
        until: line.until,
      });
      return this.outcome(line, true, []);
    }
    const changes: ImportColumn[] = [];
    if (line.name !== stored.name) changes.push('naam');
    if (line.languages !== null && !sameSet(line.languages, stored.languages ?? [])) changes.push('talen');
    if (line.since !== null && line.since !== stored.since) changes.push('vanaf');
    if (line.until !== null && line.until !== stored.until) changes.push('tot');
    const since = line.since ?? stored.since;
    const until = line.until ?? stored.until;
    if (!this.period(line, since, until)) return this.failed(line);
    if (changes.length > 0) {
      this.writes.offerings.push({
        create: false,
        id: stored.id,
        organisationId,
        districtId,
        category: line.category,
        name: line.name,
        languages: line.languages ?? stored.languages ?? [],
        since,
        until,
      });
    }
    return this.outcome(line, false, changes);
  }

  planMembership(line: MembershipLine, memberships: readonly MembershipFact[]): void {
    const before = this.issues.length;
    const organisationId = this.organisation(line, 'organisatie', line.organisation, line.organisationSlug);
    const partnershipId = this.partnershipIds.get(line.partnershipSlug);
    if (!partnershipId) this.issue(line.line, 'samenwerkingsverband', 'UNKNOWN_PARTNERSHIP', { value: line.partnership });
    if (this.issues.length > before || !organisationId || !partnershipId) return this.failed(line);
    const stored = current(
      memberships.filter((m) => m.organisationId === organisationId && m.partnershipId === partnershipId),
      line.since,
    );
    const since = line.since ?? stored?.since ?? null;
    const until = line.until ?? stored?.until ?? null;
    if (!this.period(line, since, until)) return this.failed(line);
    const changes: ImportColumn[] = [];
    if (stored && line.since !== null && line.since !== stored.since) changes.push('vanaf');
    if (stored && line.until !== null && line.until !== stored.until) changes.push('tot');
    if (!stored || changes.length > 0) {
      this.writes.memberships.push({ elementId: stored?.elementId ?? null, organisationId, partnershipId, since, until });
    }
    return this.outcome(line, !stored, changes);
  }

  planLink(line: LinkLine, links: readonly LinkFact[]): void {
    const before = this.issues.length;
    const fromId = this.organisation(line, 'organisatie', line.from, line.fromSlug);
    const toId = this.organisation(line, 'met', line.to, line.toSlug);
    const recordedFor = line.wijk === null ? null : this.district(line, line.wijk);
    if (this.issues.length > before || !fromId || !toId || recordedFor === undefined) return this.failed(line);
    const stored = current(
      links.filter((l) => l.kind === line.linkKind && ((l.a === fromId && l.b === toId) || (l.a === toId && l.b === fromId))),
      line.since,
    );
    const since = line.since ?? stored?.since ?? null;
    const until = line.until ?? stored?.until ?? null;
    if (!this.period(line, since, until)) return this.failed(line);
    const source: string = line.source ?? stored?.source ?? 'USER';
    const changes: ImportColumn[] = [];
    if (stored) {
      if (line.since !== null && line.since !== stored.since) changes.push('vanaf');
      if (line.until !== null && line.until !== stored.until) changes.push('tot');
      if (line.strength !== null && line.strength !== stored.strength) changes.push('sterkte');
      if (line.source !== null && line.source !== stored.source) changes.push('bron');
      if (line.note !== null && line.note !== stored.note) changes.push('notitie');
      if (recordedFor !== null && recordedFor !== stored.recordedFor) changes.push('wijk');
    }
    if (!stored || changes.length > 0) {
      this.writes.links.push({
        create: !stored,
        id: stored?.id ?? this.newId(),
        fromId: stored ? stored.a : fromId,
        toId: stored ? stored.b : toId,
        kind: line.linkKind,
        since,
        until,
        strength: line.strength ?? stored?.strength ?? null,
        source,
        note: line.note ?? stored?.note ?? null,
        recordedFor: recordedFor ?? stored?.recordedFor ?? null,
      });
    }
    return this.outcome(line, !stored, changes);
  }
}

function totalsOf(lines: readonly PlannedLine[]): ImportTotals {
  const byKind = IMPORT_KINDS.map((kind) => ({ kind, create: 0, change: 0, unchanged: 0 }));
  const totals: ImportTotals = { lines: lines.length, create: 0, change: 0, unchanged: 0, error: 0, byKind };
  for (const line of lines) {
    const row = byKind.find((k) => k.kind === line.kind);
    if (line.outcome === 'CREATE') {
      totals.create += 1;
      if (row) row.create += 1;
    } else if (line.outcome === 'CHANGE') {
      totals.change += 1;
      if (row) row.change += 1;
    } else if (line.outcome === 'UNCHANGED') {
      totals.unchanged += 1;
      if (row) row.unchanged += 1;
    } else totals.error += 1;
  }
  return totals;
}

/** The dry run of a parsed file (parse.ts) against what the database holds now. */
export async function planSocialMapImport(tx: Tx, parsed: ParsedFile, options: PlanOptions = {}): Promise<ImportPlan> {
  const planner = new Planner(options.newId ?? randomUUID);
  const of = <K extends ImportLine['kind']>(kind: K) =>
    parsed.lines.filter((l): l is Extract<ImportLine, { kind: K }> => l.kind === kind);
  const organisationLines = of('ORGANISATION');
  const partnershipLines = of('PARTNERSHIP');
  const offeringLines = of('OFFERING');
  const membershipLines = of('MEMBERSHIP');
  const linkLines = of('LINK');

  // 1. The wijken, every organisation's name and slug (names are matched without case and accents,
  // which Cypher cannot do; a city has thousands, one scan), every partnership (a city has dozens).
  const slugs = new Set<string>();
  for (const l of organisationLines) slugs.add(l.slug);
  for (const l of offeringLines) slugs.add(l.organisationSlug);
  for (const l of membershipLines) slugs.add(l.organisationSlug);
  for (const l of linkLines) {
    slugs.add(l.fromSlug);
    slugs.add(l.toSlug);
  }
  const facts = await rows<{ districts: DistrictFact[]; organisations: OrganisationBrief[]; partnerships: PartnershipFact[] }>(
    tx,
    `CALL () {
       MATCH (d:District)
       RETURN collect(d {.id, .slug, .name}) AS districts
     }
     CALL () {
       MATCH (o:Organisation)
       RETURN collect(o {.id, .name, .slug, .mergedInto,
                         current: o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())}) AS organisations
     }
     CALL () {
       MATCH (p:Partnership)
       RETURN collect(p {.id, .name, .kind, districtId: COLLECT { MATCH (p)-[:IN]->(d:District) RETURN d.id }[0]}) AS partnerships
     }
     RETURN districts, organisations, partnerships`,
  );
  const { districts = [], organisations: everyOrganisation = [], partnerships = [] } = facts[0] ?? {};
  for (const d of districts) {
    planner.districtByKey.set(d.slug, d);
    planner.districtByKey.set(normalise(d.name), d);
  }
  const resolve = organisationResolver(everyOrganisation);
  for (const key of slugs) {
    const id = resolve(key);
    if (id !== undefined) planner.organisationIds.set(key, id);
  }
  const storedIds = new Set(planner.organisationIds.values());
  planner.takenSlugs = new Set(everyOrganisation.map((o) => o.slug));
  const partnershipBySlug = new Map<string, PartnershipFact>();
  for (const p of partnerships) if (!partnershipBySlug.has(normalise(p.name))) partnershipBySlug.set(normalise(p.name), p);
  for (const [slug, p] of partnershipBySlug) planner.partnershipIds.set(slug, p.id);

  // 2. The stored organisations the file names, what they offer, their memberships and links.
  const idOf = (slug: string): string | undefined => planner.organisationIds.get(slug);
  const offeringOrganisationIds = [
    ...new Set(offeringLines.map((l) => idOf(l.organisationSlug)).filter((id) => id !== undefined)),
  ];
  const membershipPairs = membershipLines
    .map((l) => ({ o: idOf(l.organisationSlug), p: planner.partnershipIds.get(l.partnershipSlug) }))
    .filter((pair) => pair.o !== undefined && pair.p !== undefined);
  const linkPairs = linkLines
    .map((l) => ({ a: idOf(l.fromSlug), b: idOf(l.toSlug), kind: l.linkKind }))
    .filter((pair) => pair.a !== undefined && pair.b !== undefined);
  const [stored] = await rows<{
    organisations: OrganisationFact[];
    offerings: OfferingFact[];
    memberships: MembershipFact[];
    links: LinkFact[];
  }>(
    tx,
    `CALL () {
       UNWIND $organisationIds AS organisationId
       MATCH (o:Organisation {id: organisationId})
       RETURN collect(o {.id, .slug, .name, .sector, .note,
                         districtIds: COLLECT { MATCH (o)-[:ACTIVE_IN]->(d:District) RETURN d.id }}) AS organisations
     }
     CALL () {
       UNWIND $offeringOrganisationIds AS organisationId
       MATCH (:Organisation {id: organisationId})-[:OFFERS]->(f:Offering)-[:IN]->(d:District)
       RETURN collect(f {organisationId: organisationId, .id, .name, .category, .languages,
                         since: toString(f.since), until: toString(f.until), districtId: d.id}) AS offerings
     }
     CALL () {
       UNWIND $membershipPairs AS pair
       MATCH (:Organisation {id: pair.o})-[m:MEMBER_OF]->(:Partnership {id: pair.p})
       RETURN collect({organisationId: pair.o, partnershipId: pair.p, elementId: elementId(m),
                       since: toString(m.since), until: toString(m.until)}) AS memberships
     }
     CALL () {
       UNWIND $linkPairs AS pair
       MATCH (a:Organisation {id: pair.a})-[l:COLLABORATES_WITH]-(b:Organisation {id: pair.b})
       WHERE l.kind = pair.kind
       WITH DISTINCT l, startNode(l) AS from, endNode(l) AS to
       RETURN collect(l {a: from.id, b: to.id, .kind, .id, since: toString(l.since), until: toString(l.until),
                         .strength, .source, .note, .recordedFor}) AS links
     }
     RETURN organisations, offerings, memberships, links`,
    { organisationIds: [...storedIds], offeringOrganisationIds, membershipPairs, linkPairs },
  );
  const organisationById = new Map((stored?.organisations ?? []).map((o) => [o.id, o]));
  const offerings = stored?.offerings ?? [];
  const memberships = stored?.memberships ?? [];
  const links = stored?.links ?? [];

  // Lines of the file that could not be read still name an organisation or partnership: lines about
  // them get no second error for it (nothing is applied while the first one stands).
  for (const r of parsed.rejected) {
    const slug = normalise(r.label);
    if (r.kind === 'ORGANISATION' && slug && !planner.organisationIds.has(slug))
      planner.organisationIds.set(slug, planner.newId());
    if (r.kind === 'PARTNERSHIP' && slug && !planner.partnershipIds.has(slug)) planner.partnershipIds.set(slug, planner.newId());
  }

  // 3. Organisations and partnerships first: the other lines refer to them (new ones get their id here).
  for (const line of organisationLines) {
    const id = planner.organisationIds.get(line.slug);
    planner.planOrganisation(line, id === undefined ? undefined : organisationById.get(id));
  }
  for (const line of partnershipLines) planner.planPartnership(line, partnershipBySlug.get(line.slug));

  const offeringsOf = groupBy(offerings, (f) => f.organisationId);
  const membershipsOf = groupBy(memberships, (m) => `${m.organisationId}|${m.partnershipId}`);
  const linksOf = groupBy(links, (l) => (l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`));

  for (const line of offeringLines) {
    const id = planner.organisationIds.get(line.organisationSlug);
    planner.planOffering(line, (id && offeringsOf.get(id)) || []);
  }
  for (const line of membershipLines) {
    const o = planner.organisationIds.get(line.organisationSlug);
    const p = planner.partnershipIds.get(line.partnershipSlug);
    planner.planMembership(line, (o && p && membershipsOf.get(`${o}|${p}`)) || []);
  }
  for (const line of linkLines) {
    const a = planner.organisationIds.get(line.fromSlug) ?? '';
    const b = planner.organisationIds.get(line.toSlug) ?? '';
    planner.planLink(line, linksOf.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? []);
  }

  const rejected: PlannedLine[] = parsed.rejected.map((r) => ({
    line: r.line,
    kind: r.kind,
    label: r.label,
    outcome: 'ERROR',
    changes: [],
  }));
  const lines = [...planner.lines, ...rejected].sort((x, y) => x.line - y.line);
  const issues = [...parsed.issues, ...planner.issues].sort((x, y) => x.line - y.line);
  return {
    lines,
    issues: issues.slice(0, IMPORT_LIMITS.maxIssues),
    issueCount: parsed.issueCount + planner.issues.length,
    totals: totalsOf(lines),
    writes: planner.writes,
  };
}
