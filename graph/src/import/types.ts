import type { Language, LinkKind, OfferingCategory, PartnershipKind, Sector } from '../model.js';
import type { ImportKind, ImportLinkSource } from './vocabulary.js';

/** The columns of a sociale-kaart file (docs/SOCIALE-KAART.md), in the order the example file uses. */
export const IMPORT_COLUMNS = [
  'soort',
  'naam',
  'organisatie',
  'met',
  'samenwerkingsverband',
  'spoor',
  'sector',
  'wijk',
  'categorie',
  'talen',
  'type',
  'vanaf',
  'tot',
  'sterkte',
  'bron',
  'notitie',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Stable codes of everything that can be wrong with a file; the Dutch text is in messages.ts. */
export const IMPORT_ERROR_CODES = [
  'WRONG_ENCODING',
  'EMPTY_FILE',
  'TOO_MANY_LINES',
  'BAD_QUOTING',
  'MISSING_COLUMN',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'TOO_MANY_CELLS',
  'UNKNOWN_KIND',
  'MISSING_VALUE',
  'NOT_FOR_KIND',
  'FIELD_TOO_LONG',
  'CONTACT_DETAILS',
  'INVALID_NAME',
  'UNKNOWN_TIER',
  'UNKNOWN_SECTOR',
  'TIER_SECTOR_MISMATCH',
  'UNKNOWN_WIJK',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_PARTNERSHIP_KIND',
  'UNKNOWN_LINK_KIND',
  'UNKNOWN_LANGUAGE',
  'UNKNOWN_SOURCE',
  'INVALID_DATE',
  'INVALID_PERIOD',
  'INVALID_STRENGTH',
  'SELF_LINK',
  'DUPLICATE_ROW',
  'UNKNOWN_ORGANISATION',
  'UNKNOWN_PARTNERSHIP',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** One thing wrong with the file: where (line in the file, column name) and what (code, Dutch text). */
export interface ImportIssue {
  line: number;
  /** The column's name in the header (an ImportColumn, or an unknown name the header holds), or null for the line or file as a whole. */
  column: string | null;
  code: ImportErrorCode;
  message: string;
}

interface LineBase {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  /** What the line is called in the dry run. */
  label: string;
  /** The natural key: the same record in a second import has the same key. */
  key: string;
  /** Columns of this line that were filled in (an empty cell leaves the stored value alone). */
  given: ReadonlySet<ImportColumn>;
}

export interface OrganisationLine extends LineBase {
  kind: 'ORGANISATION';
  name: string;
  /** The organisation's key: `normalise(name)`, its slug. */
  slug: string;
  sector: Sector | null;
  wijken: string[];
  note: string | null;
}

export interface OfferingLine extends LineBase {
  kind: 'OFFERING';
  organisation: string;
  organisationSlug: string;
  name: string;
  wijk: string;
  category: OfferingCategory;
  languages: Language[] | null;
  since: string | null;
  until: string | null;
}

export interface PartnershipLine extends LineBase {
  kind: 'PARTNERSHIP';
  name: string;
  slug: string;
  partnershipKind: PartnershipKind;
  wijk: string | null;
}

export interface MembershipLine extends LineBase {
  kind: 'MEMBERSHIP';
  organisation: string;
  organisationSlug: string;
  partnership: string;
  partnershipSlug: string;
  since: string | null;
  until: string | null;
}

export interface LinkLine extends LineBase {
  kind: 'LINK';
  from: string;
  fromSlug: string;
  to: string;
  toSlug: string;
  linkKind: LinkKind;
  since: string | null;
  until: string | null;
  strength: number | null;
  source: ImportLinkSource | null;
  note: string | null;
  wijk: string | null;
}

export type ImportLine = OrganisationLine | OfferingLine | PartnershipLine | MembershipLine | LinkLine;

export interface ParsedFile {
  lines: ImportLine[];
  /** Lines that could not be read into a record (each has at least one issue). */
  rejected: { line: number; kind: ImportKind | null; label: string }[];
  /** The first IMPORT_LIMITS.maxIssues issues, in the order of the file. */
  issues: ImportIssue[];
  issueCount: number;
  /** How many data lines the file has (without the header and empty lines). */
  dataLines: number;
}

export type ImportOutcome = 'CREATE' | 'CHANGE' | 'UNCHANGED' | 'ERROR';

/** What the dry run says about one line. */
export interface PlannedLine {
  line: number;
  kind: ImportKind | null;
  label: string;
  outcome: ImportOutcome;
  /** For CHANGE: the columns whose value changes. */
  changes: ImportColumn[];
}

export interface ImportTotals {
  lines: number;
  create: number;
  change: number;
  unchanged: number;
  error: number;
  /** Per kind of record: how many are created, changed, left alone. */
  byKind: { kind: ImportKind; create: number; change: number; unchanged: number }[];
}
