/**
 * Words a client never reads (issue 14). docs/WORDS.md shows the same list as a table, and a test
 * keeps the two equal; change both together.
 *
 * `match` says which written words count: `word` the word itself, `start` any word that begins with
 * it ("download" also finds "downloaden"), `part` any word that holds it ("cirkel" also finds
 * "netwerkcirkels"). A short stem gets `word` or `start`, so "ego" does not find "categorie".
 */
export type WordMatch = 'word' | 'start' | 'part';

export interface NeverWord {
  readonly word: string;
  readonly match: WordMatch;
  /** What a client reads instead. */
  readonly instead: string;
}

export const NEVER_FOR_CLIENTS: readonly NeverWord[] = [
  { word: 'cirkel', match: 'part', instead: 'kring' },
  { word: 'sociogram', match: 'part', instead: 'kring' },
  { word: 'ego', match: 'start', instead: 'kring' },
  { word: 'alter', match: 'word', instead: 'iemand in je kring' },
  { word: 'momentopname', match: 'part', instead: 'vastgelegd moment' },
  { word: 'snapshot', match: 'part', instead: 'vastgelegd moment' },
  { word: 'kwartiermaker', match: 'part', instead: 'medewerker van de gemeente' },
  { word: 'coördinator', match: 'part', instead: 'medewerker van de gemeente' },
  { word: 'wijkoverzicht', match: 'part', instead: 'cijfers over de wijk' },
  { word: 'wijkkaart', match: 'part', instead: 'aanbod in je wijk' },
  { word: 'sociale kaart', match: 'word', instead: 'aanbod in je wijk' },
  { word: 'spoor', match: 'word', instead: 'soort hulp' },
  { word: 'sporen', match: 'word', instead: 'soort hulp' },
  { word: 'sector', match: 'start', instead: 'groep' },
  { word: 'signaal', match: 'part', instead: 'aandachtspunt' },
  { word: 'signalen', match: 'part', instead: 'aandachtspunten' },
  { word: 'json', match: 'word', instead: 'bestand' },
  { word: 'png', match: 'word', instead: 'plaatje' },
  { word: 'csv', match: 'part', instead: 'bestand' },
  { word: 'pdf', match: 'word', instead: 'bestand' },
  { word: 'zip', match: 'word', instead: 'bestand' },
  { word: 'graphml', match: 'word', instead: 'bestand' },
  { word: 'download', match: 'part', instead: 'bewaren (als bestand)' },
  { word: 'export', match: 'start', instead: 'bewaren (als bestand)' },
  { word: 'afbeelding', match: 'part', instead: 'plaatje' },
  { word: 'data', match: 'word', instead: 'gegevens' },
  { word: 'toegang', match: 'start', instead: 'meekijken' },
  { word: 'audit', match: 'part', instead: 'wie heeft er gekeken' },
  { word: 'logboek', match: 'part', instead: 'lijst van wie er keek' },
  { word: 'pseudoniem', match: 'part', instead: '(niet nodig)' },
  { word: 'schuilnaam', match: 'part', instead: '(niet nodig)' },
  { word: 'sessie', match: 'start', instead: 'ingelogd zijn' },
  { word: 'totp', match: 'word', instead: 'code uit je app' },
  { word: 'opslaan', match: 'word', instead: 'bewaren' },
  { word: 'opgeslagen', match: 'word', instead: 'bewaard' },
  { word: 'wijzigen', match: 'start', instead: 'aanpassen' },
  { word: 'bewerken', match: 'start', instead: 'aanpassen' },
  { word: 'printen', match: 'word', instead: 'afdrukken' },
];

/** Lower case, and quotes and dashes that join words read as spaces. */
function words(text: string): string[] {
  return text
    .toLocaleLowerCase('nl')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function matches(entry: NeverWord, text: string, written: readonly string[]): boolean {
  const word = entry.word.toLocaleLowerCase('nl');
  if (word.includes(' ')) return ` ${written.join(' ')} `.includes(` ${word} `);
  if (entry.match === 'word') return written.includes(word);
  if (entry.match === 'start') return written.some((w) => w.startsWith(word));
  return text.toLocaleLowerCase('nl').includes(word);
}

/** The words of the list that a text uses, in the list's order. */
export function neverWordsIn(text: string): NeverWord[] {
  const written = words(text);
  return NEVER_FOR_CLIENTS.filter((entry) => matches(entry, text, written));
}
