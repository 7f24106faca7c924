import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseDate, parseSocialMap } from './parse.js';
import { IMPORT_ERROR_CODES, type ImportLine } from './types.js';
import { socialMapCsv } from './write.js';

const docs = (file: string): Buffer => readFileSync(new URL(`../../../docs/${file}`, import.meta.url));

const BOM = '\uFEFF';
const HEADER =
  'soort;naam;organisatie;met;samenwerkingsverband;spoor;sector;wijk;categorie;talen;type;vanaf;tot;sterkte;bron;notitie';

/** A file as Excel writes it: BOM, `;`, CRLF. */
function excel(...lines: string[]): string {
  return `${BOM}${[HEADER, ...lines].join('\r\n')}\r\n`;
}

function parse(text: string) {
  const decoded = decodeCsvBytes(new TextEncoder().encode(text));
  return parseSocialMap(decoded.text, decoded.badLines);
}

const codes = (text: string): string[] => parse(text).issues.map((i) => `${String(i.line)}:${i.column ?? '-'}:${i.code}`);

describe('reading a sociale-kaart file (issue 11)', () => {
  it('reads every kind of line from an Excel file, with quoted cells, doubled quotes and a line end inside a cell', () => {
    const parsed = parse(
      excel(
        'organisatie;Stichting Al Amal;;;;1;;Kanaleneiland, Overvecht;;;;;;;;"Inloop di–do; ""welkom"""',
        'organisatie;Huisarts Kanaleneiland;;;;;eerstelijnszorg;Kanaleneiland;;;;;;;;',
        'aanbod;Taalcafé;Stichting Al Amal;;;;;Kanaleneiland;taal;"nl, ar";;01-02-2025;;;;',
        'samenwerkingsverband;Kernteam Kanaleneiland;;;;;;Kanaleneiland;;;kernteam;;;;;',
        'lid;;Stichting Al Amal;;Kernteam Kanaleneiland;;;;;;;2024-03-01;;;;',
        'koppeling;;Stichting Al Amal;Huisarts Kanaleneiland;;;;;;;doorverwijzing;1-3-2025;;4;rapport;"twee\r\nregels"',
        'organisatie;DOCK;;;;spoor 1;;Kanaleneiland;;;;;;;;',
      ),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.lines.map((l: ImportLine) => [l.line, l.kind, l.key])).toEqual([
      [2, 'ORGANISATION', 'organisatie:stichting-al-amal'],
      [3, 'ORGANISATION', 'organisatie:huisarts-kanaleneiland'],
      [4, 'OFFERING', 'aanbod:stichting-al-amal|kanaleneiland|LANGUAGE|taalcafe'],
      [5, 'PARTNERSHIP', 'samenwerkingsverband:kernteam-kanaleneiland'],
      [6, 'MEMBERSHIP', 'lid:stichting-al-amal|kernteam-kanaleneiland'],
      [7, 'LINK', 'koppeling:huisarts-kanaleneiland|stichting-al-amal|REFERRAL'],
      // The cell with a line end takes two lines of the file.
      [9, 'ORGANISATION', 'organisatie:dock'],
    ]);
    const [amal, gp, offering, , membership, link] = parsed.lines;
    expect(amal).toMatchObject({ sector: 'SOCIAL_BASE', wijken: ['Kanaleneiland', 'Overvecht'], note: 'Inloop di–do; "welkom"' });
    expect(gp).toMatchObject({ sector: 'PRIMARY_CARE' });
    expect(offering).toMatchObject({ category: 'LANGUAGE', languages: ['nl', 'ar'], since: '2025-02-01' });
    expect(membership).toMatchObject({ since: '2024-03-01', until: null });
    expect(link).toMatchObject({
      linkKind: 'REFERRAL',
      since: '2025-03-01',
      strength: 4,
      source: 'REPORT',
      note: 'twee\nregels',
    });
  });

  it('accepts commas when the header has them, and Excel’s sep= line', () => {
    const comma = parse('soort,naam,spoor,wijk\norganisatie,Humanitas,1,"Kanaleneiland, Overvecht"\n');
    expect(comma.issues).toEqual([]);
    expect(comma.lines[0]).toMatchObject({ name: 'Humanitas', wijken: ['Kanaleneiland', 'Overvecht'] });
    const sep = parse('sep=,\r\nsoort,naam,spoor\r\norganisatie,Humanitas,1\r\n');
    expect(sep.issues).toEqual([]);
    expect(sep.lines[0]).toMatchObject({ line: 3, name: 'Humanitas' });
  });

  it('names the lines that are not UTF-8 and says to save as CSV UTF-8', () => {
    // "Wijkcoöperatie" as Windows-1252 writes it: ö is the single byte 0xF6.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('soort;naam;spoor\r\norganisatie;DOCK;1\r\norganisatie;Wijkco'),
      0xf6,
      ...new TextEncoder().encode('peratie Kanaleneiland;1\r\n'),
    ]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.badLines).toEqual([3]);
    const parsed = parseSocialMap(decoded.text, decoded.badLines);
    expect(parsed.issues.map((i) => [i.line, i.code])).toEqual([[3, 'WRONG_ENCODING']]);
    expect(parsed.issues[0]?.message).toContain('sla het bestand op als CSV UTF-8'.replace('sla', 'Sla'));
    expect(parsed.rejected.map((r) => r.line)).toEqual([3]);
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x73, 0x00])).badLines).toEqual([1]);
  });

  it('reports each malformed value with its line, column and code', () => {
    expect(
      codes(
        excel(
          'organisatie;Een;;;;4;;;;;;;;;;',
          'organisatie;Twee;;;;;ziekenhuis;;;;;;;;;',
          'organisatie;Drie;;;;2;gemeente;;;;;;;;;',
          'aanbod;Iets;Een;;;;;Kanaleneiland;knutselen;;;;;;;',
          'aanbod;Iets;Een;;;;;Kanaleneiland;sport;klingon;;;;;;',
          'koppeling;;Een;Een;;;;;;;samenwerking;;;;;',
          'koppeling;;Een;Twee;;;;;;;vriendschap;31-02-2025;;9;krant;',
          'samenwerkingsverband;Club;;;;;;;;;vereniging;;;;;',
          'lid;;Een;;Club;;;;;;;2025-01-01;2024-01-01;;;',
          `organisatie;${'x'.repeat(121)};;;;1;;;;;;;;;;`,
          'organisatie;Bel 030-1234567 voor info;;;;1;;;;;;;;;;',
          'organisatie;Vijf;;;;1;;;sport;;;;;;;',
          'onbekend;Zes;;;;;;;;;;;;;;',
          ';Zeven;;;;;;;;;;;;;;',
          'organisatie;!!!;;;;1;;;;;;;;;;',
        ),
      ),
    ).toEqual([
      '2:spoor:UNKNOWN_TIER',
      '3:sector:UNKNOWN_SECTOR',
      '4:sector:TIER_SECTOR_MISMATCH',
      '5:categorie:UNKNOWN_CATEGORY',
      '6:talen:UNKNOWN_LANGUAGE',
      '7:met:SELF_LINK',
      '8:type:UNKNOWN_LINK_KIND',
      '8:vanaf:INVALID_DATE',
      '8:sterkte:INVALID_STRENGTH',
      '8:bron:UNKNOWN_SOURCE',
      '9:type:UNKNOWN_PARTNERSHIP_KIND',
      '10:tot:INVALID_PERIOD',
      '11:naam:FIELD_TOO_LONG',
      '12:naam:CONTACT_DETAILS',
      '13:categorie:NOT_FOR_KIND',
      '14:soort:UNKNOWN_KIND',
      '15:soort:MISSING_VALUE',
      '16:naam:INVALID_NAME',
    ]);
  });

  it('finds duplicated rows by their key, not by their spelling', () => {
    const parsed = parse(
      excel(
        'organisatie;Wijkcoöperatie Kanaleneiland;;;;1;;;;;;;;;;',
        'organisatie;wijkcooperatie  kanaleneiland;;;;1;;;;;;;;;;',
        'koppeling;;A;B;;;;;;;samenwerking;;;;;',
        'koppeling;;B;A;;;;;;;samenwerking;;;;;',
        'koppeling;;B;A;;;;;;;overdracht;;;;;',
      ),
    );
    expect(parsed.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [3, 'DUPLICATE_ROW', 'Deze regel gaat over hetzelfde als regel 2. Laat een van de twee weg.'],
      [5, 'DUPLICATE_ROW', 'Deze regel gaat over hetzelfde als regel 4. Laat een van de twee weg.'],
    ]);
    expect(parsed.lines).toHaveLength(3);
  });

  it('reports a header without soort, an unknown or doubled column, and a column a line needs', () => {
    expect(codes('naam;spoor\r\nDOCK;1\r\n')).toEqual(['1:soort:MISSING_COLUMN']);
    expect(codes('soort;naam;spoor;kleur;naam\r\norganisatie;DOCK;1;rood;\r\n')).toEqual([
      '1:kleur:UNKNOWN_COLUMN',
      '1:naam:DUPLICATE_COLUMN',
    ]);
    expect(codes('soort;naam;organisatie\r\nkoppeling;;DOCK\r\nkoppeling;;NIZU\r\n')).toEqual([
      '1:met:MISSING_COLUMN',
      '1:type:MISSING_COLUMN',
    ]);
    expect(codes('soort;naam;spoor\r\norganisatie;DOCK;1;;;extra\r\n')).toEqual(['2:-:TOO_MANY_CELLS']);
    expect(codes('')).toEqual(['1:-:EMPTY_FILE']);
  });

  it('reports bad quoting at its line and reads on after it', () => {
    const parsed = parse(excel('organisatie;"DOCK" en zo;;;;1;;;;;;;;;;', 'organisatie;NIZU;;;;1;;;;;;;;;;'));
    expect(parsed.issues.map((i) => [i.line, i.code])).toEqual([[2, 'BAD_QUOTING']]);
    expect(parsed.lines.map((l) => l.label)).toEqual(['NIZU']);
    const unclosed = parse(
      excel('organisatie;NIZU;;;;1;;;;;;;;;;', 'organisatie;"DOCK;;;;1;;;;;;;;;;', 'organisatie;Zin;;;;1;;;;;;;;;;'),
    );
    expect(unclosed.issues.map((i) => [i.line, i.code])).toEqual([[3, 'BAD_QUOTING']]);
  });

  it('reads Dutch and ISO dates and refuses dates that do not exist', () => {
    expect(parseDate('01-02-2025')).toBe('2025-02-01');
    expect(parseDate('1/2/2025')).toBe('2025-02-01');
    expect(parseDate('2025-02-01')).toBe('2025-02-01');
    expect(parseDate('29-02-2025')).toBeUndefined();
    expect(parseDate('2025-13-01')).toBeUndefined();
    expect(parseDate('gisteren')).toBeUndefined();
  });

  it('reads the example file in docs/ without an error, and the docs explain every error code', () => {
    const bytes = docs('sociale-kaart-voorbeeld.csv');
    // Written as Excel writes it: a byte-order mark, semicolons, Windows line ends.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(';');
    expect(bytes.toString('utf8')).toContain('\r\n');
    const decoded = decodeCsvBytes(bytes);
    const parsed = parseSocialMap(decoded.text, decoded.badLines);
    expect(parsed.issues).toEqual([]);
    expect(new Set(parsed.lines.map((l) => l.kind))).toEqual(
      new Set(['ORGANISATION', 'OFFERING', 'PARTNERSHIP', 'MEMBERSHIP', 'LINK']),
    );
    const text = docs('SOCIALE-KAART.md').toString('utf8');
    expect(IMPORT_ERROR_CODES.filter((code) => !text.includes(`\`${code}\``))).toEqual([]);
  });

  it('reads back what socialMapCsv writes, quotes and all', () => {
    const note = 'Een "notitie"; met alles\r\nerin';
    const parsed = parse(socialMapCsv([{ soort: 'organisatie', naam: 'Humanitas', spoor: '1', notitie: note }]));
    expect(parsed.issues).toEqual([]);
    expect(parsed.lines[0]).toMatchObject({ name: 'Humanitas', note: note.replace('\r\n', '\n') });
  });
});
