import { parse as parseCsv } from 'csv-parse/sync';
import { containsContactDetails } from '../circle/schemas.js';
import { TIER_OF_SECTOR, type Language, type Sector } from '../model.js';
import { importMessage, type MessageFacts } from './messages.js';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportErrorCode,
  type ImportIssue,
  type ImportLine,
  type ParsedFile,
} from './types.js';
import {
  findCategory,
  findKind,
  findLanguage,
  findLinkKind,
  findLinkSource,
  findPartnershipKind,
  findSector,
  findTier,
  KIND_NAMES,
  LANGUAGE_NAMES,
  LINK_KIND_NAMES,
  LINK_SOURCE_NAMES,
  normalise,
  OFFERING_CATEGORY_NAMES,
  PARTNERSHIP_KIND_NAMES,
  SECTOR_NAMES,
  type ImportKind,
} from './vocabulary.js';

/**
 * Reading a sociale-kaart file (docs/SOCIALE-KAART.md): bytes → text → lines → records, every
 * problem an issue with line, column, code and Dutch text. Pure: nothing here knows the database;
 * plan.ts resolves wijken and organisations against it.
 */

/** Limits of one file (docs/SOCIALE-KAART.md, "Grenzen"). */
export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxDataLines: 20_000,
  /** At most this many issues are listed; the count says how many there were. */
  maxIssues: 1_000,
} as const;

/** The longest value each column may hold. */
export const COLUMN_MAX: Readonly<Record<ImportColumn, number>> = {
  soort: 40,
  naam: 120,
  organisatie: 120,
  met: 120,
  samenwerkingsverband: 120,
  spoor: 20,
  sector: 60,
  wijk: 400,
  categorie: 60,
  talen: 200,
  type: 60,
  vanaf: 20,
  tot: 20,
  sterkte: 10,
  bron: 40,
  notitie: 280,
};
/** An offering's name is shorter: it is shown on the wijkkaart (wijk/schemas OFFERING_NAME_MAX). */
const OFFERING_NAME_MAX = 80;

/** Which columns a line of each kind needs, and which it may use. */
const REQUIRED: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  ORGANISATION: ['naam'],
  OFFERING: ['organisatie', 'naam', 'wijk', 'categorie'],
  PARTNERSHIP: ['naam', 'type'],
  MEMBERSHIP: ['organisatie', 'samenwerkingsverband'],
  LINK: ['organisatie', 'met', 'type'],
};
const OPTIONAL: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  ORGANISATION: ['spoor', 'sector', 'wijk', 'notitie'],
  OFFERING: ['talen', 'vanaf', 'tot'],
  PARTNERSHIP: ['wijk'],
  MEMBERSHIP: ['vanaf', 'tot'],
  LINK: ['vanaf', 'tot', 'sterkte', 'bron', 'notitie', 'wijk'],
};

// ---------------------------------------------------------------------------------------------
// Bytes to text
// ---------------------------------------------------------------------------------------------

export interface DecodedFile {
  text: string;
  /** Lines (1-based) holding bytes that are not UTF-8; empty when the file is UTF-8. */
  badLines: number[];
}

const MAX_BAD_LINES = 50;

/**
 * UTF-8 with or without a byte-order mark. Anything else (Windows-1252 from "CSV (gescheiden door
 * lijstscheidingsteken)", UTF-16 from "Unicode-tekst") is found here and named by line, so the
 * dry run can say which lines to look at.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: '', badLines: [1] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), badLines: [] };
  } catch {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const badLines: number[] = [];
    let start = 0;
    let line = 1;
    while (start <= bytes.length && badLines.length < MAX_BAD_LINES) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        badLines.push(line);
      }
      start = end + 1;
      line += 1;
    }
    return { text: new TextDecoder('utf-8').decode(bytes), badLines };
  }
}

// ---------------------------------------------------------------------------------------------
// Text to cells
// ---------------------------------------------------------------------------------------------

interface RawRecord {
  line: number;
  cells: string[];
}

/** `;` unless the first line says otherwise (Excel's `sep=,` line, or a header with commas and no semicolons). */
function delimiterOf(firstLine: string): { delimiter: string; sepLine: boolean } {
  const sep = /^sep=(.)\s*$/i.exec(firstLine);
  if (sep?.[1]) return { delimiter: sep[1], sepLine: true };
  const outside = firstLine.replace(/"[^"]*"/g, '');
  if (outside.includes(';')) return { delimiter: ';', sepLine: false };
  if (outside.includes(',')) return { delimiter: ',', sepLine: false };
  if (outside.includes('\t')) return { delimiter: '\t', sepLine: false };
  return { delimiter: ';', sepLine: false };
}

interface CsvFailure {
  code?: unknown;
}

/**
 * Cells per record with the line each starts on. A quoting error is reported at the line of the
 * record it is in; reading goes on at the next line (an unclosed quote swallows the rest: the end).
 */
function readRecords(text: string, issues: Issues): RawRecord[] {
  // One line end everywhere, also inside quoted cells: line numbers are then counted from the text itself.
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let firstLine = 1;
  const newline = body.indexOf('\n');
  const { delimiter, sepLine } = delimiterOf(newline === -1 ? body : body.slice(0, newline));
  if (sepLine) {
    body = newline === -1 ? '' : body.slice(newline + 1);
    firstLine = 2;
  }
  const records: RawRecord[] = [];
  let line = firstLine;
  while (body.length > 0) {
    const parsed: RawRecord[] = [];
    let at = line;
    try {
      parseCsv(body, {
        delimiter,
        record_delimiter: '\n',
        relax_column_count: true,
        on_record: (record, context) => {
          parsed.push({ line: at, cells: record });
          // `lines` is the line the record ends on, counted from the start of this chunk.
          at = line + context.lines;
          return null;
        },
      });
      records.push(...parsed);
      break;
    } catch (error) {
      records.push(...parsed);
      issues.add(at, null, 'BAD_QUOTING');
      const code = (error as CsvFailure).code;
      if (code === 'CSV_QUOTE_NOT_CLOSED') break;
      // Go on after the physical line the broken record starts on.
      let offset = 0;
      for (let l = line; l < at; l += 1) offset = body.indexOf('\n', offset) + 1;
      const next = body.indexOf('\n', offset);
      if (next === -1) break;
      body = body.slice(next + 1);
      line = at + 1;
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

class Issues {
  readonly list: ImportIssue[] = [];
  count = 0;

  add(line: number, column: string | null, code: ImportErrorCode, facts: MessageFacts = {}): void {
    this.count += 1;
    if (this.list.length < IMPORT_LIMITS.maxIssues)
      this.list.push({ line, column, code, message: importMessage(code, { column: column ?? undefined, ...facts }) });
  }
}

const allowed = (names: Readonly<Record<string, string>>): string => Object.values(names).join(', ');

// ---------------------------------------------------------------------------------------------
// Cells to records
// ---------------------------------------------------------------------------------------------

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd-mm-jjjj (also d-m-jjjj, with / or .) or jjjj-mm-dd → ISO, or undefined when it is no date. */
export function parseDate(value: string): string | undefined {
  const dutch = DUTCH_DATE.exec(value);
  const iso = ISO_DATE.exec(value);
  const [y, m, d] = dutch
    ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A cell list: values separated by `,` or `|`, each trimmed, empty ones dropped. */
function listOf(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

class LineReader {
  readonly given = new Set<ImportColumn>();
  ok = true;

  constructor(
    readonly line: number,
    readonly kind: ImportKind,
    private readonly cells: ReadonlyMap<ImportColumn, string>,
    private readonly header: ReadonlySet<ImportColumn>,
    private readonly issues: Issues,
  ) {
    for (const [column, value] of cells) if (value.length > 0) this.given.add(column);
  }

  fail(column: string | null, code: ImportErrorCode, facts: MessageFacts = {}): undefined {
    this.ok = false;
    this.issues.add(this.line, column, code, facts);
    return undefined;
  }

  /** The trimmed value, or null when empty; checks length and contact details. */
  text(column: ImportColumn, max = COLUMN_MAX[column]): string | null {
    const value = this.cells.get(column) ?? '';
    if (value.length === 0) return null;
    if (value.length > max) return this.fail(column, 'FIELD_TOO_LONG', { max }) ?? null;
    if ((column === 'naam' || column === 'notitie') && containsContactDetails(value))
      return this.fail(column, 'CONTACT_DETAILS') ?? null;
    return value;
  }

  /** A value the line cannot do without; a column missing from the header was reported once, for the file. */
  required(column: ImportColumn, max?: number): string {
    const value = this.text(column, max);
    if (value === null && this.header.has(column) && !this.given.has(column))
      this.fail(column, 'MISSING_VALUE', { kind: KIND_NAMES[this.kind] });
    if (value === null) this.ok = false;
    return value ?? '';
  }

  /** A name with a key (letters or digits). */
  name(column: ImportColumn, max?: number): { name: string; slug: string } {
    const name = this.required(column, max);
    const slug = normalise(name);
    if (name.length > 0 && slug.length === 0) this.fail(column, 'INVALID_NAME', { value: name });
    return { name, slug };
  }

  date(column: 'vanaf' | 'tot'): string | null {
    const value = this.text(column);
    if (value === null) return null;
    return parseDate(value) ?? this.fail(column, 'INVALID_DATE', { value }) ?? null;
  }

  period(): { since: string | null; until: string | null } {
    const since = this.date('vanaf');
    const until = this.date('tot');
    if (since !== null && until !== null && until < since) this.fail('tot', 'INVALID_PERIOD');
    return { since, until };
  }
}

function readOrganisation(r: LineReader): ImportLine | undefined {
  const { name, slug } = r.name('naam');
  const tierText = r.text('spoor');
  const sectorText = r.text('sector');
  const tier = tierText === null ? null : (findTier(tierText) ?? r.fail('spoor', 'UNKNOWN_TIER', { value: tierText }) ?? null);
  let sector: Sector | null =
    sectorText === null
      ? null
      : (findSector(sectorText) ??
        r.fail('sector', 'UNKNOWN_SECTOR', { value: sectorText, allowed: allowed(SECTOR_NAMES) }) ??
        null);
  if (tier !== null && sector !== null && TIER_OF_SECTOR[sector] !== tier) {
    r.fail('sector', 'TIER_SECTOR_MISMATCH', {
      value: `Spoor ${String(tier)} hoort bij ${tierSector(tier)}; ${SECTOR_NAMES[sector]} ${TIER_OF_SECTOR[sector] === null ? 'heeft geen spoor' : `is spoor ${String(TIER_OF_SECTOR[sector])}`}.`,
    });
  }
  if (sector === null && tier !== null) sector = tierSector(tier);
  const wijkText = r.text('wijk');
  const note = r.text('notitie');
  if (!r.ok) return undefined;
  return {
    kind: 'ORGANISATION',
    line: r.line,
    label: name,
    key: `organisatie:${slug}`,
    given: r.given,
    name,
    slug,
    sector,
    wijken: wijkText === null ? [] : listOf(wijkText),
    note,
  };
}

function tierSector(tier: 1 | 2 | 3): Sector {
  return tier === 1 ? 'SOCIAL_BASE' : tier === 2 ? 'NEIGHBOURHOOD_TEAMS' : 'ADDITIONAL_CARE';
}

function readOffering(r: LineReader): ImportLine | undefined {
  const organisation = r.name('organisatie');
  const { name, slug } = r.name('naam', OFFERING_NAME_MAX);
  const wijk = r.required('wijk');
  if (listOf(wijk).length > 1) r.fail('wijk', 'NOT_FOR_KIND', { kind: 'aanbod: één wijk per regel' });
  const categoryText = r.required('categorie');
  const category =
    categoryText === ''
      ? undefined
      : (findCategory(categoryText) ??
        r.fail('categorie', 'UNKNOWN_CATEGORY', { value: categoryText, allowed: allowed(OFFERING_CATEGORY_NAMES) }));
  const languagesText = r.text('talen');
  let languages: Language[] | null = null;
  if (languagesText !== null) {
    languages = [];
    for (const value of listOf(languagesText)) {
      const language = findLanguage(value);
      if (!language) r.fail('talen', 'UNKNOWN_LANGUAGE', { value, allowed: allowed(LANGUAGE_NAMES) });
      else if (!languages.includes(language)) languages.push(language);
    }
  }
  const { since, until } = r.period();
  if (!r.ok || !category) return undefined;
  return {
    kind: 'OFFERING',
    line: r.line,
    label: `${name} (${organisation.name}, ${wijk})`,
    key: `aanbod:${organisation.slug}|${normalise(wijk)}|${category}|${slug}`,
    given: r.given,
    organisation: organisation.name,
    organisationSlug: organisation.slug,
    name,
    wijk,
    category,
    languages,
    since,
    until,
  };
}

function readPartnership(r: LineReader): ImportLine | undefined {
  const { name, slug } = r.name('naam');
  const kindText = r.required('type');
  const partnershipKind =
    kindText === ''
      ? undefined
      : (findPartnershipKind(kindText) ??
        r.fail('type', 'UNKNOWN_PARTNERSHIP_KIND', { value: kindText, allowed: allowed(PARTNERSHIP_KIND_NAMES) }));
  const wijk = r.text('wijk');
  if (wijk !== null && listOf(wijk).length > 1) r.fail('wijk', 'NOT_FOR_KIND', { kind: 'een samenwerkingsverband: één wijk' });
  if (!r.ok || !partnershipKind) return undefined;
  return {
    kind: 'PARTNERSHIP',
    line: r.line,
    label: name,
    key: `samenwerkingsverband:${slug}`,
    given: r.given,
    name,
    slug,
    partnershipKind,
    wijk,
  };
}

function readMembership(r: LineReader): ImportLine | undefined {
  const organisation = r.name('organisatie');
  const partnership = r.name('samenwerkingsverband');
  const { since, until } = r.period();
  if (!r.ok) return undefined;
  return {
    kind: 'MEMBERSHIP',
    line: r.line,
    label: `${organisation.name} in ${partnership.name}`,
    key: `lid:${organisation.slug}|${partnership.slug}`,
    given: r.given,
    organisation: organisation.name,
    organisationSlug: organisation.slug,
    partnership: partnership.name,
    partnershipSlug: partnership.slug,
    since,
    until,
  };
}

function readLink(r: LineReader): ImportLine | undefined {
  const from = r.name('organisatie');
  const to = r.name('met');
  if (from.slug !== '' && from.slug === to.slug) r.fail('met', 'SELF_LINK');
  const kindText = r.required('type');
  const linkKind =
    kindText === ''
      ? undefined
      : (findLinkKind(kindText) ?? r.fail('type', 'UNKNOWN_LINK_KIND', { value: kindText, allowed: allowed(LINK_KIND_NAMES) }));
  const { since, until } = r.period();
  const strengthText = r.text('sterkte');
  let strength: number | null = null;
  if (strengthText !== null) {
    strength = /^[1-5]$/.test(strengthText) ? Number(strengthText) : null;
    if (strength === null) r.fail('sterkte', 'INVALID_STRENGTH', { value: strengthText });
  }
  const sourceText = r.text('bron');
  const source =
    sourceText === null
      ? null
      : (findLinkSource(sourceText) ??
        r.fail('bron', 'UNKNOWN_SOURCE', { value: sourceText, allowed: allowed(LINK_SOURCE_NAMES) }) ??
        null);
  const note = r.text('notitie');
  const wijk = r.text('wijk');
  if (wijk !== null && listOf(wijk).length > 1) r.fail('wijk', 'NOT_FOR_KIND', { kind: 'een koppeling: één wijk' });
  if (!r.ok || !linkKind) return undefined;
  // Links have no direction for the key: A–B and B–A of one kind are the same link.
  const [a, b] = from.slug < to.slug ? [from.slug, to.slug] : [to.slug, from.slug];
  return {
    kind: 'LINK',
    line: r.line,
    label: `${from.name} – ${to.name}`,
    key: `koppeling:${a}|${b}|${linkKind}`,
    given: r.given,
    from: from.name,
    fromSlug: from.slug,
    to: to.name,
    toSlug: to.slug,
    linkKind,
    since,
    until,
    strength,
    source,
    note,
    wijk,
  };
}

const READERS: Readonly<Record<ImportKind, (r: LineReader) => ImportLine | undefined>> = {
  ORGANISATION: readOrganisation,
  OFFERING: readOffering,
  PARTNERSHIP: readPartnership,
  MEMBERSHIP: readMembership,
  LINK: readLink,
};

function labelOf(cells: ReadonlyMap<ImportColumn, string>): string {
  const name = cells.get('naam') ?? '';
  if (name) return name.slice(0, 120);
  const a = cells.get('organisatie') ?? '';
  const b = cells.get('met') ?? cells.get('samenwerkingsverband') ?? '';
  return [a, b].filter(Boolean).join(' – ').slice(0, 120);
}

/**
 * Reads a file's text (from `decodeCsvBytes`) into records. `badLines` are the lines that were not
 * UTF-8: each is an issue, and nothing of such a file can be applied.
 */
export function parseSocialMap(text: string, badLines: readonly number[] = []): ParsedFile {
  const issues = new Issues();
  for (const line of badLines) issues.add(line, null, 'WRONG_ENCODING');
  const records = readRecords(text, issues).filter((r) => r.cells.some((cell) => cell.trim().length > 0));
  const [head, ...data] = records;
  const result: ParsedFile = { lines: [], rejected: [], issues: issues.list, issueCount: 0, dataLines: data.length };
  if (!head) {
    if (badLines.length === 0) issues.add(1, null, 'EMPTY_FILE');
    return { ...result, issues: issues.list, issueCount: issues.count };
  }
  if (data.length > IMPORT_LIMITS.maxDataLines) {
    issues.add(1, null, 'TOO_MANY_LINES', { max: IMPORT_LIMITS.maxDataLines });
    return { ...result, issues: issues.list, issueCount: issues.count };
  }

  // The header: known column names, each once; `soort` is always needed.
  const columns: (ImportColumn | null)[] = [];
  const header = new Set<ImportColumn>();
  for (const cell of head.cells) {
    const name = cell.trim().toLowerCase();
    if (name === '') {
      columns.push(null);
      continue;
    }
    const column = IMPORT_COLUMNS.find((c) => c === name);
    if (!column)
      issues.add(head.line, cell.trim(), 'UNKNOWN_COLUMN', { column: cell.trim(), allowed: IMPORT_COLUMNS.join(', ') });
    else if (header.has(column)) issues.add(head.line, column, 'DUPLICATE_COLUMN');
    else header.add(column);
    columns.push(column && !columns.includes(column) ? column : null);
  }
  if (!header.has('soort')) {
    issues.add(head.line, 'soort', 'MISSING_COLUMN');
    return { ...result, issues: issues.list, issueCount: issues.count };
  }

  const bad = new Set(badLines);
  const missingReported = new Set<ImportColumn>();
  const seen = new Map<string, number>();
  for (const record of data) {
    const cells = new Map<ImportColumn, string>();
    let extra = false;
    record.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells.set(column, cell.trim());
      else if (i >= columns.length && cell.trim() !== '') extra = true;
    });
    const kindText = cells.get('soort') ?? '';
    const kind = findKind(kindText);
    const reject = (): void => {
      result.rejected.push({ line: record.line, kind: kind ?? null, label: labelOf(cells) });
    };
    if (extra) issues.add(record.line, null, 'TOO_MANY_CELLS');
    if (!kind) {
      if (kindText === '') issues.add(record.line, 'soort', 'MISSING_VALUE', { kind: 'elke regel' });
      else issues.add(record.line, 'soort', 'UNKNOWN_KIND', { value: kindText, allowed: allowed(KIND_NAMES) });
      reject();
      continue;
    }
    for (const column of REQUIRED[kind]) {
      if (!header.has(column) && !missingReported.has(column)) {
        missingReported.add(column);
        issues.add(head.line, column, 'MISSING_COLUMN');
      }
    }
    const reader = new LineReader(record.line, kind, cells, header, issues);
    for (const column of header) {
      if (column !== 'soort' && !REQUIRED[kind].includes(column) && !OPTIONAL[kind].includes(column) && reader.given.has(column))
        reader.fail(column, 'NOT_FOR_KIND', { kind: `een regel van soort ${KIND_NAMES[kind]}` });
    }
    const line = READERS[kind](reader);
    // A line that was not UTF-8 was reported already; what it says is not to be trusted.
    if (!line || extra || bad.has(record.line)) {
      reject();
      continue;
    }
    const first = seen.get(line.key);
    if (first !== undefined) {
      issues.add(record.line, null, 'DUPLICATE_ROW', { other: first });
      reject();
      continue;
    }
    seen.set(line.key, record.line);
    result.lines.push(line);
  }
  return { ...result, issues: issues.list, issueCount: issues.count };
}
