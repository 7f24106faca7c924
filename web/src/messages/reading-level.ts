/**
 * How hard Dutch text is to read (issue 14): sentence length in words, and the Flesch-Douma score,
 * Douma's (1960) Dutch version of Flesch's reading ease: 206.835 − 0.93 × words per sentence − 77 ×
 * syllables per word. Higher is easier; 60 to 70 is plain, B1-level Dutch.
 */

/**
 * Vowel groups that are one sound, longest first. A run of vowels is cut into these, or into
 * single vowels where no group fits, so "ie" in "nieuw" is one syllable and "ia" in "sociale" two.
 * "ij" needs no entry: j is not a vowel, so "blij" has one vowel run already.
 */
const GROUPS = ['aai', 'ooi', 'oei', 'eeu', 'ieu', 'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'eu', 'ui', 'ei', 'au', 'ou'];

/** Vowels, with accents. A diaeresis (ë, ï, ö, ü, ä) starts a new syllable: cli-ënt, ge-ïnteresseerd. */
const VOWEL = /[aeiouyáéíóúàèìòùâêîôûäëïöü]/;
const DIAERESIS = /[äëïöü]/;

function plain(letter: string): string {
  return letter.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Syllables in one vowel run, e.g. "oeie" (koeien) is "oei" + "e": 2. */
function syllablesInRun(run: string): number {
  let count = 0;
  let at = 0;
  while (at < run.length) {
    const rest = run.slice(at);
    const group = GROUPS.find((g) => {
      const part = rest.slice(0, g.length);
      // A diaeresis after the first letter splits the group: "ië" is two sounds.
      return plain(part) === g && !DIAERESIS.test(part.slice(1));
    });
    at += group ? group.length : 1;
    count += 1;
  }
  return count;
}

/** Dutch syllables in one word, by vowel groups; a word without vowels (a number, "k") counts as one. */
export function syllables(word: string): number {
  const letters = word.toLocaleLowerCase('nl');
  let count = 0;
  let run = '';
  for (const letter of letters) {
    if (VOWEL.test(letter) && !(DIAERESIS.test(letter) && run !== '')) {
      run += letter;
      continue;
    }
    if (run !== '') count += syllablesInRun(run);
    run = VOWEL.test(letter) ? letter : '';
  }
  if (run !== '') count += syllablesInRun(run);
  return Math.max(count, 1);
}

/** The words of a text: letters and digits, with hyphens and apostrophes inside a word kept. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The sentences of a message. A sentence ends at ".", "!", "?" or "…" before a space or the end;
 * a message without an ending (a label, a button) is one sentence.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export interface ReadingLevel {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  readonly meanSentenceWords: number;
  readonly maxSentenceWords: number;
  readonly longestSentence: string;
  readonly syllablesPerWord: number;
  readonly fleschDouma: number;
}

export function fleschDouma(wordsPerSentence: number, syllablesPerWord: number): number {
  return 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord;
}

/** The reading level of a set of texts, each split into sentences. */
export function readingLevel(texts: readonly string[]): ReadingLevel {
  let sentences = 0;
  let wordCount = 0;
  let syllableCount = 0;
  let longest = '';
  let longestWords = 0;
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const found = wordsOf(sentence);
      sentences += 1;
      wordCount += found.length;
      syllableCount += found.reduce((sum, w) => sum + syllables(w), 0);
      if (found.length > longestWords) {
        longestWords = found.length;
        longest = sentence;
      }
    }
  }
  const meanSentenceWords = sentences === 0 ? 0 : wordCount / sentences;
  const syllablesPerWord = wordCount === 0 ? 0 : syllableCount / wordCount;
  return {
    sentences,
    words: wordCount,
    syllables: syllableCount,
    meanSentenceWords,
    maxSentenceWords: longestWords,
    longestSentence: longest,
    syllablesPerWord,
    fleschDouma: sentences === 0 ? 0 : fleschDouma(meanSentenceWords, syllablesPerWord),
  };
}
