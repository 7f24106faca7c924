import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEventLike } from '../features/access/audit-text';
import { CLIENT_FACING, FILE_NAMES, PROFESSIONAL_ONLY } from './audience';
import { nl } from './nl';
import { readingLevel, sentencesOf, syllables, wordsOf } from './reading-level';
import { NEVER_FOR_CLIENTS, neverWordsIn } from './words';

/**
 * The floors for client text (issue 14, docs/WORDS.md). Flesch-Douma 70 or more: on Douma's scale
 * 60-70 is plain text for adults and 70-80 "fairly easy", and clients with low literacy need the
 * easier band. The client messages scored about 80 when the floor was set, so new text has room,
 * but a drift towards longer words and sentences fails. No sentence over 20 words: B1 advice is
 * about 15 on average and 20 at most; a longer sentence is two.
 */
const MIN_FLESCH_DOUMA = 70;
const MAX_SENTENCE_WORDS = 20;

const root = new URL('../../../', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Walking the client's messages

interface Text {
  readonly path: string;
  readonly text: string;
}

/** Sample values for a message function's parameters, by the parameter's name. */
const NUMBER_PARAMS = new Set(['n', 'k', 'count', 'minutes', 'ring', 'shown', 'total', 'now', 'before']);
const STRING_SAMPLES: Readonly<Record<string, string>> = {
  date: '14 februari 2026',
  when: 'februari 2026',
  label: 'Na de verhuizing',
  ringLabel: 'Dichtbij',
  sectorLabel: 'Familie',
  relation: 'zus',
  organisation: 'Buurtteam Oost',
  organisations: 'Buurtteam Oost en DOCK',
  category: 'inloop',
  support: 'praktische hulp',
  title: 'Een vangnet kiezen',
  page: 'Mijn kring',
  what: 'Fatima is verplaatst.',
  from: 'ring 3 (Bekenden)',
  to: 'ring 2 (Dichtbij)',
};

function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const head = source.startsWith('(') ? source.slice(1, source.indexOf(')')) : source.slice(0, source.indexOf('=>'));
  return head
    .split(',')
    .map((p) => p.replace(/=.*$/s, '').trim())
    .filter((p) => p !== '');
}

/** A parameter the message tests for null ("label ? …", "rank === null"): it is worth calling with null too. */
function nullable(fn: (...args: never[]) => unknown, name: string): boolean {
  return new RegExp(`\\b${name}\\s*(\\?[^.]|[!=]==\\s*null)|distinctLabel\\(${name}`).test(fn.toString());
}

function sample(name: string, number: number): unknown {
  if (NUMBER_PARAMS.has(name)) return number;
  if (name === 'names' || name === 'columns') return ['Fatima', 'Buurtteam Oost', 'DOCK'];
  return STRING_SAMPLES[name] ?? 'Fatima';
}

/** What a message function says, for one and for several, with and without its optional parts. */
function calls(fn: (...args: unknown[]) => unknown): unknown[] {
  const names = parameterNames(fn);
  const variants = [names.map((p) => sample(p, 1)), names.map((p) => sample(p, 3))];
  if (names.some((p) => nullable(fn, p))) variants.push(names.map((p) => (nullable(fn, p) ? null : sample(p, 3))));
  return variants.map((args) => fn(...args));
}

/** `lenient`: skip a function the samples do not fit (for the whole file's figures, not for the client's). */
function walk(value: unknown, path: string, out: Text[], lenient = false): void {
  if (PROFESSIONAL_ONLY.includes(path) || FILE_NAMES.includes(path)) return;
  if (typeof value === 'string') out.push({ path, text: value });
  else if (typeof value === 'function') {
    let said: unknown[] = [];
    try {
      said = calls(value as (...args: unknown[]) => unknown);
    } catch (error) {
      if (!lenient) throw error;
    }
    for (const text of said) walk(text, path, out, lenient);
  } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}.${String(i)}`, out, lenient));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, out, lenient);
  }
}

function lookup(path: string): unknown {
  let value: unknown = nl;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** "Wie heeft er gekeken": every sentence its lines can make, for each kind of record. */
function auditSentences(): Text[] {
  const actions = ['READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE', 'PRINT', 'EXPORT', 'LOGIN', 'LOGOUT'] as const;
  const subjects = ['NetworkCircle', 'CircleEntry', 'Client', 'Account', 'AccessGrant'];
  const out: Text[] = [];
  for (const action of actions)
    for (const subject of subjects)
      for (const result of ['SUCCESS', 'DENIED', 'FAILED'] as const)
        for (const actorIsYou of [true, false]) {
          const event: AuditEventLike = {
            action,
            result,
            subject,
            actorName: 'Eline K.',
            actorIsYou,
            actorOrganisation: 'Lister',
          };
          out.push({ path: `audit-text(${action}, ${subject}, ${result})`, text: describeAuditEvent(event) });
        }
  return out;
}

function clientTexts(): Text[] {
  const out: Text[] = [];
  for (const path of CLIENT_FACING) walk(lookup(path), path, out);
  return [...out, ...auditSentences()];
}

// ---------------------------------------------------------------------------------------------
// docs/WORDS.md

/** The table of docs/WORDS.md's "Never shown to a client" section: | word | match | instead |. */
function documentedNeverWords(): { word: string; match: string; instead: string }[] {
  const doc = readFileSync(new URL('docs/WORDS.md', root), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Never shown to a client'));
  if (!section) return [];
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) => line.split('|').map((cell) => cell.trim().replace(/^`|`$/g, '')))
    .map(([, word = '', match = '', instead = '']) => ({ word, match, instead }));
}

// ---------------------------------------------------------------------------------------------

describe('Dutch syllables (issue 14)', () => {
  it.each([
    ['kring', 1],
    ['blij', 1],
    ['mijn', 1],
    ['leeuw', 1],
    ['huisarts', 2],
    ['nieuwe', 2],
    ['mooie', 2],
    ['koeien', 2],
    ['cliënt', 2],
    ['actie', 2],
    ['vangnet', 2],
    ['bijna', 2],
    ['ideeën', 3],
    ['familie', 3],
    ['aandachtspunt', 3],
    ['begeleider', 4],
    ['sociale', 4],
    ['geïnteresseerd', 5],
    ['organisatie', 5],
    ['2026', 1],
  ])('counts %s as %i', (word, expected) => {
    expect(syllables(word)).toBe(expected);
  });

  it('splits sentences at their end marks and counts words, not punctuation', () => {
    expect(sentencesOf('Alles is bewaard. Wil je iets veranderen? Doe het maar!')).toHaveLength(3);
    expect(sentencesOf('Opnieuw proberen')).toEqual(['Opnieuw proberen']);
    expect(wordsOf('Huisarts Kanaleneiland – 14 februari 2026, zus-in-law')).toEqual([
      'Huisarts',
      'Kanaleneiland',
      '14',
      'februari',
      '2026',
      'zus-in-law',
    ]);
  });

  it('scores short, common words as easy and long, formal ones as hard', () => {
    const easy = readingLevel(['Dit is je kring. Wie staat er dichtbij?']);
    const hard = readingLevel([
      'Ter bevordering van de maatschappelijke participatie wordt de netwerkanalyse periodiek geactualiseerd door de verantwoordelijke organisatie.',
    ]);
    expect(easy.fleschDouma).toBeGreaterThan(80);
    expect(hard.fleschDouma).toBeLessThan(30);
    expect(hard.maxSentenceWords).toBe(15);
  });
});

describe('the words a client reads (issue 14)', () => {
  it('docs/WORDS.md lists exactly the words of words.ts', () => {
    expect(documentedNeverWords()).toEqual(NEVER_FOR_CLIENTS.map((w) => ({ ...w })));
  });

  it('finds a listed word in its forms, and not inside other words', () => {
    expect(neverWordsIn('Bekijk je netwerkcirkel').map((w) => w.word)).toEqual(['cirkel']);
    expect(neverWordsIn('Download je gegevens (JSON)').map((w) => w.word)).toEqual(['json', 'download']);
    expect(neverWordsIn('Je gegevens zijn gedownload').map((w) => w.word)).toEqual(['download']);
    expect(neverWordsIn('Kies een categorie en een datum.')).toEqual([]);
    expect(neverWordsIn('Bewaar de kring als plaatje')).toEqual([]);
  });

  it('knows every path it names', () => {
    for (const path of [...CLIENT_FACING, ...PROFESSIONAL_ONLY, ...FILE_NAMES]) expect(lookup(path), path).toBeDefined();
  });

  it('walks the messages a client can see, functions included', () => {
    const texts = clientTexts();
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.some((t) => t.path === 'history.snapshot')).toBe(true);
    // A sample that does not fit its parameter shows up as one of these.
    expect(texts.filter((t) => /undefined|NaN|\[object|null/.test(t.text)).map((t) => t.path)).toEqual([]);
  });

  it('never shows a client a word from the list', () => {
    const found = clientTexts().flatMap(({ path, text }) =>
      neverWordsIn(text).map((w) => `${path}: "${w.word}" in "${text}" (say: ${w.instead})`),
    );
    expect(found).toEqual([]);
  });

  it('gives the details of someone in the kring labels, not questions, so a list never reads "?:"', () => {
    // The list of who is in the kring shows these as terms, and its style puts a colon after each.
    const terms = [
      nl.circle.sectorLabel,
      nl.circle.relationLabel,
      nl.circle.supportLabel,
      nl.editor.frequency,
      nl.circle.wishLabel,
      nl.circle.noteLabel,
      nl.editor.ties,
    ];
    for (const term of terms) expect(term).not.toMatch(/[?:.!]\s*$/);
  });

  it('reports the reading level, with a floor for the client messages', () => {
    const client = clientTexts().map((t) => t.text);
    const unique = [...new Set(client)];
    const running = unique.filter((t) => /[.!?]/.test(t));
    const all = readingLevel(unique);
    const prose = readingLevel(running);
    const everything = readingLevel([...new Set(walkAll())]);
    const lines = [
      '# Reading level of the messages (issue 14)',
      '',
      'Written by `web/src/messages/words.test.ts`. Flesch-Douma = 206.835 − 0.93 × words per sentence − 77 × syllables per word.',
      '',
      '| messages | texts | sentences | words | mean words per sentence | max words per sentence | syllables per word | Flesch-Douma |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('client, all', unique.length, all),
      row('client, full sentences only', running.length, prose),
      row('whole message file', new Set(walkAll()).size, everything),
      '',
      `Longest client sentence (${String(all.maxSentenceWords)} words): "${all.longestSentence}"`,
      '',
      `Floors: Flesch-Douma of the client messages at least ${String(MIN_FLESCH_DOUMA)}; no client sentence over ${String(MAX_SENTENCE_WORDS)} words.`,
      '',
    ];
    const report = lines.join('\n');
    console.log(report);
    mkdirSync(new URL('test-results/', root), { recursive: true });
    writeFileSync(new URL('test-results/reading-level.md', root), report);

    const long = unique.flatMap((t) => sentencesOf(t)).filter((s) => wordsOf(s).length > MAX_SENTENCE_WORDS);
    expect(long).toEqual([]);
    expect(all.fleschDouma).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA);
    expect(prose.fleschDouma).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA);
  });
});

/** Every message of the file, for comparison with the client's share. */
function walkAll(): string[] {
  const out: Text[] = [];
  for (const [key, value] of Object.entries(nl)) walk(value, key, out, true);
  return out.map((t) => t.text);
}

function row(name: string, texts: number, level: ReturnType<typeof readingLevel>): string {
  return `| ${name} | ${String(texts)} | ${String(level.sentences)} | ${String(level.words)} | ${level.meanSentenceWords.toFixed(1)} | ${String(level.maxSentenceWords)} | ${level.syllablesPerWord.toFixed(2)} | ${level.fleschDouma.toFixed(1)} |`;
}
