/**
 * A snapshot's own name next to its date, without saying the date twice (issue 14): the demo names
 * snapshots "Februari 2026", and "14 februari 2026: Februari 2026" reads as a stutter.
 */

function words(text: string): string[] {
  return text
    .toLocaleLowerCase('nl')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * The label, trimmed, when it adds something to the date; null when it is empty or only repeats
 * the date ("Februari 2026", "feb. 2026" or "14 februari" next to "14 februari 2026").
 */
export function distinctLabel(label: string | null, date: string): string | null {
  const trimmed = label?.trim() ?? '';
  if (trimmed === '') return null;
  const dateWords = words(date);
  const repeats = words(trimmed).every((w) =>
    /^\d+$/.test(w)
      ? dateWords.some((d) => /^\d+$/.test(d) && Number(d) === Number(w))
      : w.length >= 3 && dateWords.some((d) => d.startsWith(w)),
  );
  return repeats ? null : trimmed;
}
