import { entryLabel, type CircleEntryInput, type CircleLayoutInput } from '../circle-drawing/circle-elements';

/**
 * The printed page's list beside the drawing: every ring of the layout (also an empty one, so the
 * list reads like the drawing), and in it each entry by the name the drawing shows, with its group.
 */

export interface RingListEntry {
  readonly id: string;
  readonly name: string;
  /** The group's (sector's) name, or its key when the layout does not know it. */
  readonly group: string;
}

export interface RingListRing {
  readonly ring: number;
  readonly label: string;
  readonly names: readonly RingListEntry[];
}

export function ringList(layout: CircleLayoutInput, entries: readonly CircleEntryInput[]): RingListRing[] {
  const sectorIndex = new Map(layout.sectors.map((s, i) => [s.key, i]));
  const sectorLabel = new Map(layout.sectors.map((s) => [s.key, s.label]));
  return [...layout.rings]
    .sort((a, b) => a.ring - b.ring)
    .map((ring) => ({
      ring: ring.ring,
      label: ring.label,
      names: entries
        .filter((e) => e.ring === ring.ring)
        // In the order of the drawing: group by group clockwise, then as placed inside a group.
        .sort(
          (a, b) =>
            (sectorIndex.get(a.sector) ?? Infinity) - (sectorIndex.get(b.sector) ?? Infinity) ||
            a.position - b.position ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        .map((e) => ({
          id: e.id,
          name: entryLabel(e.target).trim(),
          group: sectorLabel.get(e.sector) ?? e.sector,
        })),
    }));
}
