/** Small pure rules of the circle page: which answer is newest, and where something new goes. */

interface Versioned {
  readonly id: string;
  readonly version: number;
}

/**
 * The circle to show: answers arrive from the page query, from our own changes and from live
 * events, in any order. Every change raises the circle's version, so the highest version of this
 * circle is the newest; an answer about another circle (the page moved on) never wins.
 */
export function newestCircle<T extends Versioned>(fromQuery: T | null | undefined, latest: T | null | undefined): T | null {
  if (!fromQuery) return null;
  if (!latest || latest.id !== fromQuery.id) return fromQuery;
  return latest.version > fromQuery.version ? latest : fromQuery;
}

export type NewEntryKind = 'PERSON' | 'ORGANISATION';

interface LayoutLike {
  readonly rings: readonly { readonly ring: number }[];
  readonly sectors: readonly { readonly key: string }[];
}

/** The sector where professionals go in the default (Lensink) layout. */
const PROFESSIONALS = 'PROFESSIONALS';

/**
 * Where the add form starts: a person in ring 2 ("dichtbij") of the first sector (family, in the
 * default layout); an organisation in the outer ring (services), with the professionals. Rings and
 * sectors are data, so every choice falls back to what the layout has.
 */
export function defaultPlacement(kind: NewEntryKind, layout: LayoutLike): { ring: number; sector: string } {
  const rings = layout.rings.map((r) => r.ring).sort((a, b) => a - b);
  const first = layout.sectors[0]?.key ?? '';
  if (kind === 'ORGANISATION') {
    const sector = layout.sectors.some((s) => s.key === PROFESSIONALS) ? PROFESSIONALS : (layout.sectors.at(-1)?.key ?? first);
    return { ring: rings.at(-1) ?? 1, sector };
  }
  return { ring: rings[Math.min(1, rings.length - 1)] ?? 1, sector: first };
}
