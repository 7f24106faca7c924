/**
 * Where organisations and key figures sit on the wijkkaart. Pure and deterministic.
 *
 * Columns per group (spoor 1 | spoor 2 | spoor 3 | overig | sleutelfiguren | buiten de wijk),
 * one node per row, its label to the right of it inside the node's slot. Slots never overlap by
 * construction: rows are `row` apart (more than a label is high), columns `column` apart (more
 * than a slot is wide), and the stylesheet cuts a label off at `labelWidth` (text-max-width with
 * an ellipsis). A big group takes several columns of at most `maxRows` rows.
 *
 * Nodes with a link fill the rows from the top. Nodes without any link sit in a band below all of
 * them ("Nog zonder verbinding"), under a line: every link is a segment or an arc between two
 * points above that line, so no link crosses the band and an unlinked node never looks linked.
 * Links within one column bulge to the left, so they pass beside the nodes in between.
 */

export interface LayoutGeometry {
  /** Width and height of a node. */
  readonly node: number;
  /** Distance between two rows (centre to centre). */
  readonly row: number;
  /** Width of a slot: node plus label. */
  readonly slot: number;
  /** Empty room between a slot and the next column. */
  readonly gap: number;
  /** Room between a node and its label. */
  readonly labelMargin: number;
}

export const GEOMETRY: LayoutGeometry = { node: 30, row: 44, slot: 164, gap: 28, labelMargin: 10 };

/** How wide a label may be: the slot minus the node and the margin (the stylesheet's text-max-width). */
export function labelWidth(geometry: LayoutGeometry = GEOMETRY): number {
  return geometry.slot - geometry.node - geometry.labelMargin;
}

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LayoutGroup<G extends string> {
  readonly group: G;
  /** Ids in the order they should be placed (top to bottom). */
  readonly ids: readonly string[];
}

export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly linked: boolean;
  /** Where its label may be drawn (and nothing else is). */
  readonly labelSlot: Box;
  readonly nodeBox: Box;
}

export interface ColumnHeader<G extends string> {
  readonly group: G;
  readonly x: number;
  readonly y: number;
  readonly labelSlot: Box;
}

export interface ColumnLayout<G extends string> {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  /** One header per group that has nodes, above its first column. */
  readonly headers: readonly ColumnHeader<G>[];
  /** The band of unlinked nodes: its label's anchor and the y of the line above it; null when every node has a link. */
  readonly band: {
    readonly x: number;
    readonly y: number;
    readonly lineY: number | null;
    readonly width: number;
    readonly labelSlot: Box;
  } | null;
  /** Left and right edge of all columns. */
  readonly width: number;
  /** From the top of the headers to the bottom of the last row. */
  readonly height: number;
  /** For a link within one column: how far its arc bulges (cytoscape control-point-distance, sign included); 0 for a straight line. */
  readonly bulge: (fromId: string, toId: string) => number;
}

const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The number of rows per column: a group of a usual wijk fits one column; never fewer than 8. */
export function rowsFor(total: number): number {
  return Math.max(8, Math.ceil(Math.sqrt(total * 4)));
}

/**
 * Places every id of `groups` (in that column order). `linked` says which ids have a drawn link.
 */
export function columnLayout<G extends string>(
  groups: readonly LayoutGroup<G>[],
  linked: ReadonlySet<string>,
  geometry: LayoutGeometry = GEOMETRY,
  maxRows: number = rowsFor(groups.reduce((n, g) => n + g.ids.length, 0)),
): ColumnLayout<G> {
  const { node, row, slot, gap, labelMargin } = geometry;
  const step = slot + gap;
  const half = row / 2;
  const present = groups.filter((g) => g.ids.length > 0);
  // Column count and rows per group.
  const plans = present.map((g) => {
    const top = g.ids.filter((id) => linked.has(id));
    const bottom = g.ids.filter((id) => !linked.has(id));
    const columns = Math.max(1, Math.ceil(top.length / maxRows), Math.ceil(bottom.length / maxRows));
    return { group: g.group, top, bottom, columns };
  });
  const linkedRows = Math.max(0, ...plans.map((p) => Math.min(maxRows, Math.ceil(p.top.length / p.columns))));
  const anyUnlinked = plans.some((p) => p.bottom.length > 0);
  // Rows: the headers at y = -row; linked rows from 0; then the line, the band's label and its rows.
  const lineY = linkedRows === 0 ? null : (linkedRows - 1) * row + row * 0.75;
  const bandLabelY = lineY === null ? 0 : lineY + half + 4;
  const bandTop = bandLabelY + row;

  const nodes = new Map<string, PlacedNode>();
  const headers: ColumnHeader<G>[] = [];
  const columnOf = new Map<string, number>();
  const rowOf = new Map<string, number>();
  let column = 0;
  for (const plan of plans) {
    const x = column * step + node / 2;
    headers.push({ group: plan.group, x, y: -row, labelSlot: box(x - node / 2, -row - half, x - node / 2 + slot, -row + half) });
    const place = (ids: readonly string[], top: number, isLinked: boolean) => {
      const perColumn = Math.ceil(ids.length / plan.columns);
      ids.forEach((id, i) => {
        const c = column + Math.floor(i / perColumn);
        const r = i % perColumn;
        const cx = c * step + node / 2;
        const cy = top + r * row;
        columnOf.set(id, c);
        rowOf.set(id, r);
        nodes.set(id, {
          id,
          x: cx,
          y: cy,
          linked: isLinked,
          nodeBox: box(cx - node / 2, cy - node / 2, cx + node / 2, cy + node / 2),
          labelSlot: box(cx + node / 2 + labelMargin, cy - half, cx - node / 2 + slot, cy + half),
        });
      });
    };
    place(plan.top, 0, true);
    place(plan.bottom, bandTop, false);
    column += plan.columns;
  }
  const width = Math.max(slot, column * step - gap);
  const band = anyUnlinked
    ? { x: 0, y: bandLabelY, lineY, width, labelSlot: box(0, bandLabelY - half, Math.max(width, 2 * slot), bandLabelY + half) }
    : null;
  const bulge = (fromId: string, toId: string): number => {
    const a = nodes.get(fromId);
    const b = nodes.get(toId);
    if (!a || !b || columnOf.get(fromId) !== columnOf.get(toId)) return 0;
    const apart = Math.abs((rowOf.get(fromId) ?? 0) - (rowOf.get(toId) ?? 0));
    if (apart <= 1) return 0;
    // A quadratic arc is 2t(1−t)·d off the line; the nearest node in between is at t = 1/apart
    // and needs the node's half width plus a little air.
    const needed = ((node / 2 + 8) * apart * apart) / (2 * (apart - 1));
    const distance = Math.min(needed, gap + slot / 2);
    // Cytoscape measures the distance to the right of the direction source → target: going down, right is −x.
    return a.y < b.y ? distance : -distance;
  };
  const lowest = Math.max(0, ...[...nodes.values()].map((p) => p.y));
  return { nodes, headers, band, width, height: lowest + row + half, bulge };
}
