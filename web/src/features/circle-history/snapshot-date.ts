/** Dates of snapshots, as a client reads them: "maart 2026". */

const monthYearFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** "maart 2026" for an ISO date-time (Amsterdam time); the input itself when it is not a date. */
export function monthYear(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : monthYearFormat.format(date);
}

export interface DatedCircle {
  readonly id: string;
  readonly createdAt: string;
  readonly frozenAt: string | null;
}

/** When a snapshot shows the circle: the moment it was frozen, or, for the open circle, when it began. */
export function snapshotDate(circle: { readonly createdAt: string; readonly frozenAt: string | null }): string {
  return circle.frozenAt ?? circle.createdAt;
}

/** Older first; the open circle (not frozen) is the newest of all. */
function rank(circle: DatedCircle): number {
  if (circle.frozenAt === null) return Number.POSITIVE_INFINITY;
  const time = Date.parse(circle.frozenAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

export function oldestFirst<T extends DatedCircle>(circles: readonly T[]): T[] {
  return [...circles].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface SnapshotPair {
  readonly earlierId: string;
  readonly laterId: string;
}

/**
 * The two snapshots "Wat is er veranderd" starts with. From the open circle (or when the page's
 * circle is unknown): the newest frozen snapshot against the open circle. From a frozen snapshot:
 * the one before it against it, or, for the oldest, it against the next one.
 */
export function defaultPair(circles: readonly DatedCircle[], circleId: string): SnapshotPair | null {
  const ordered = oldestFirst(circles);
  if (ordered.length < 2) return null;
  const index = ordered.findIndex((c) => c.id === circleId);
  const here = ordered[index];
  if (here && here.frozenAt !== null) {
    const before = ordered[index - 1];
    if (before) return { earlierId: before.id, laterId: here.id };
    const after = ordered[index + 1];
    if (after) return { earlierId: here.id, laterId: after.id };
  }
  const later = ordered[ordered.length - 1];
  const earlier = ordered[ordered.length - 2];
  return later && earlier ? { earlierId: earlier.id, laterId: later.id } : null;
}

/** Two chosen snapshots in time order; `swapped` when the first choice was the later one. */
export function orderPair(
  circles: readonly DatedCircle[],
  firstId: string,
  secondId: string,
): (SnapshotPair & { readonly swapped: boolean }) | null {
  const first = circles.find((c) => c.id === firstId);
  const second = circles.find((c) => c.id === secondId);
  if (!first || !second || first.id === second.id) return null;
  const swapped = rank(first) > rank(second);
  return swapped ? { earlierId: second.id, laterId: first.id, swapped } : { earlierId: first.id, laterId: second.id, swapped };
}
