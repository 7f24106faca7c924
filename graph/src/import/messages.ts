import type { ImportErrorCode } from './types.js';

/**
 * The Dutch text of each import error (B1), in one place: the dry run shows it as it is, and
 * docs/SOCIALE-KAART.md explains each code. The code stays the machine-readable part.
 */
export interface MessageFacts {
  column?: string;
  value?: string;
  /** The other line of a duplicate. */
  other?: number;
  max?: number;
  allowed?: string;
  kind?: string;
}

const q = (value: string | undefined): string => `"${(value ?? '').slice(0, 60)}"`;

const MESSAGES: Readonly<Record<ImportErrorCode, (f: MessageFacts) => string>> = {
  WRONG_ENCODING: () =>
    'Deze regel bevat tekens die geen UTF-8 zijn. Sla het bestand op als CSV UTF-8 (in Excel: Opslaan als › CSV UTF-8 (door komma’s gescheiden)).',
  EMPTY_FILE: () => 'Het bestand is leeg. De eerste regel moet de kolomnamen bevatten, zoals soort;naam;spoor;wijk.',
  TOO_MANY_LINES: (f) =>
    `Het bestand heeft te veel regels. Er passen er ${String(f.max)} in één bestand. Verdeel het over meer bestanden.`,
  BAD_QUOTING: () =>
    'Deze regel heeft een aanhalingsteken (") dat niet klopt. Zet een cel met " helemaal tussen aanhalingstekens en schrijf een " in de tekst als "".',
  MISSING_COLUMN: (f) => `De kolom ${q(f.column)} ontbreekt in de eerste regel. Voeg die kolom toe.`,
  UNKNOWN_COLUMN: (f) => `De kolom ${q(f.column)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  DUPLICATE_COLUMN: (f) => `De kolom ${q(f.column)} staat twee keer in de eerste regel.`,
  TOO_MANY_CELLS: () => 'Deze regel heeft meer cellen dan de eerste regel kolommen heeft. Staat er een ; of , te veel?',
  UNKNOWN_KIND: (f) => `De soort ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  MISSING_VALUE: (f) => `Vul de kolom ${q(f.column)} in: die is nodig bij ${f.kind ?? 'deze soort'}.`,
  NOT_FOR_KIND: (f) => `De kolom ${q(f.column)} hoort niet bij ${f.kind ?? 'deze soort'}. Maak de cel leeg.`,
  FIELD_TOO_LONG: (f) => `De kolom ${q(f.column)} is te lang: hooguit ${String(f.max)} tekens.`,
  CONTACT_DETAILS: (f) => `In de kolom ${q(f.column)} staat een e-mailadres of telefoonnummer. Dat mag niet op de sociale kaart.`,
  INVALID_NAME: (f) => `De naam ${q(f.value)} heeft geen letters of cijfers.`,
  UNKNOWN_TIER: (f) => `Het spoor ${q(f.value)} kennen we niet. Kies 1, 2 of 3, of laat de cel leeg en vul de sector in.`,
  UNKNOWN_SECTOR: (f) => `De sector ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  TIER_SECTOR_MISMATCH: (f) => `Spoor en sector passen niet bij elkaar. ${f.value ?? ''}`,
  UNKNOWN_WIJK: (f) =>
    `De wijk ${q(f.value)} kennen we niet. Kies een wijk die in Wijkkring staat, zoals Kanaleneiland of Overvecht.`,
  UNKNOWN_CATEGORY: (f) => `De categorie ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  UNKNOWN_PARTNERSHIP_KIND: (f) => `Het type samenwerkingsverband ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  UNKNOWN_LINK_KIND: (f) => `Het type koppeling ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  UNKNOWN_LANGUAGE: (f) => `De taal ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  UNKNOWN_SOURCE: (f) => `De bron ${q(f.value)} kennen we niet. Kies uit: ${f.allowed ?? ''}.`,
  INVALID_DATE: (f) => `De datum ${q(f.value)} klopt niet. Schrijf hem als 31-12-2026 of 2026-12-31.`,
  INVALID_PERIOD: () => 'De datum in "tot" ligt vóór de datum in "vanaf".',
  INVALID_STRENGTH: (f) => `De sterkte ${q(f.value)} klopt niet. Kies een getal van 1 (los) tot 5 (sterk).`,
  SELF_LINK: () => 'Een koppeling moet tussen twee verschillende organisaties liggen.',
  DUPLICATE_ROW: (f) => `Deze regel gaat over hetzelfde als regel ${String(f.other)}. Laat een van de twee weg.`,
  UNKNOWN_ORGANISATION: (f) =>
    `De organisatie ${q(f.value)} staat niet in het bestand en niet in Wijkkring. Voeg een regel van soort organisatie toe, of verbeter de naam.`,
  UNKNOWN_PARTNERSHIP: (f) =>
    `Het samenwerkingsverband ${q(f.value)} staat niet in het bestand en niet in Wijkkring. Voeg een regel van soort samenwerkingsverband toe.`,
};

export function importMessage(code: ImportErrorCode, facts: MessageFacts = {}): string {
  return MESSAGES[code](facts);
}
