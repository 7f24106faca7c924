/** The month of an ISO time, in Dutch ("november 2026"), in UTC like every time in the trail. */
export function monthOf(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/**
 * Splits a list that is newest first into runs of one month, in the same order: the trail is read
 * by period ("In november 2026") instead of as one long list.
 */
export function byMonth<T extends { readonly at: string }>(events: readonly T[]): { month: string; events: T[] }[] {
  const groups: { month: string; events: T[] }[] = [];
  for (const event of events) {
    const month = monthOf(event.at);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.events.push(event);
    else groups.push({ month, events: [event] });
  }
  return groups;
}
