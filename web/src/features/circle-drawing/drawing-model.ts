import type { CircleComparisonKind } from '../../gql/graphql';
import {
  circleShape,
  entryKind,
  entryLabel,
  type CircleEntryInput,
  type CircleLayoutInput,
  type CircleTieInput,
  type EntryKind,
} from './circle-elements';
import { boxBounds, boxesOverlap, discOverlapsBox, textBox, type Box, type Disc, type TextAnchor } from './label-boxes';
import {
  dividerAngles,
  outerRadius,
  placeEntries,
  ringBounds,
  ringLabelAnchors,
  sectorBounds,
  sectorLabelAnchors,
  type CircleGeometry,
  type CircleShape,
  type HorizontalAlign,
  type LabelAnchor,
  type Placement,
  type PlacedEntry,
  type VerticalAlign,
} from './placement';
import { wrapLines, type TextLines } from './text-lines';

/**
 * A netwerkcirkel as plain SVG shapes (for print, the PNG download, "Wat is er veranderd" and,
 * since issue 13, the circle page itself: circle/editable-circle.tsx). Positions come from
 * placement.ts; only the painting differs.
 *
 * Issue 14: one drawing unit is one CSS pixel when the drawing is shown at its natural size
 * (`viewBox` width by height), and every text is at least 16 units. Names wrap over up to three
 * lines instead of being cut off, and each name gets a place beside its shape where it touches no
 * other name, shape, ring or group name; when there is no such place, the rings are made wider and
 * the drawing grows. Shown no smaller than its natural size, no text is under 16 px.
 */

export type ChangeMark = Exclude<CircleComparisonKind, 'UNCHANGED'>;

export interface DrawableEntry extends CircleEntryInput {
  /** What changed since an earlier snapshot; LEFT entries are drawn as empty outlines where they were. */
  readonly mark?: ChangeMark;
}

export type DrawableLayout = CircleLayoutInput;

export interface DrawnLabel {
  /** The whole text (also a stable React key). */
  readonly text: string;
  readonly lines: readonly string[];
  /** Where the lines are anchored (start, middle or end of each line). */
  readonly x: number;
  /** The vertical middle of the block of lines. */
  readonly y: number;
  readonly anchor: TextAnchor;
  /** Degrees, clockwise, around (x, y). */
  readonly rotation: number;
  readonly size: number;
  readonly bold: boolean;
  /** What the text covers, for keeping other text off it. */
  readonly box: Box;
}

/** Where a node's name is, relative to the centre of its shape (it moves along when the shape is dragged). */
export interface NodeLabelPlace {
  readonly dx: number;
  /** The vertical middle of the block of lines. */
  readonly dy: number;
  readonly anchor: TextAnchor;
}

export interface DrawnNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly kind: EntryKind;
  /** The whole name, as in the lists. */
  readonly label: string;
  /** The name broken over one to three lines. */
  readonly labelLines: readonly string[];
  readonly labelPlace: NodeLabelPlace;
  readonly safetyNet: boolean;
  readonly mark: ChangeMark | null;
  /** Unit vector from the node towards the centre: the direction of a "closer" arrow. */
  readonly inward: { readonly x: number; readonly y: number };
}

export interface CircleDrawingModel {
  /** x, y, width, height; width and height are the natural size in CSS pixels. */
  readonly viewBox: readonly [number, number, number, number];
  /** Outer radius of every ring, innermost first. */
  readonly rings: readonly { readonly ring: number; readonly outer: number }[];
  readonly innerRadius: number;
  readonly dividers: readonly { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }[];
  readonly ringLabels: readonly DrawnLabel[];
  readonly sectorLabels: readonly DrawnLabel[];
  readonly nodes: readonly DrawnNode[];
  /** Entries whose ring or sector the layout does not know: not drawn. */
  readonly unplacedIds: readonly string[];
  /** Two drawn entries who know each other (entry ids): a line between them. */
  readonly ties: readonly { readonly id: string; readonly from: string; readonly to: string }[];
  /** Where every entry is, and the ring sizes used (for dropping a dragged entry: drop-target.ts). */
  readonly placement: Placement;
  /** False only when even the widest rings left two names touching (never for a circle of 40). */
  readonly labelsFit: boolean;
}

/** Sizes in drawing units (CSS pixels at the natural size). */
export const NODE_RADIUS = 13;
/** WCAG 1.4.4 at tablet size: no text on the circle under 16 px. */
export const LABEL_SIZE = 16;
export const RING_LABEL_SIZE = 16;
export const SECTOR_LABEL_SIZE = 17;
export const CLIENT_LABEL_SIZE = 16;
/** What a node covers: its shape and the vangnet ring around it. */
const NODE_REACH = NODE_RADIUS + 5;
/** The change badge at the node's top right (circle-svg.tsx MarkBadge, r = 9). */
const BADGE_RADIUS = 11;
/** Air between a name and anything else; also covers the white halo drawn around text. */
const GAP = 3;
/** A name is broken into lines about this wide (some 11 characters). */
const LABEL_WIDTH = 150;
const CLIENT_WIDTH = 104;
const SECTOR_WIDTH = 150;
const RING_INSET = 6;
/** Ring widths tried in turn, narrowest first: the first at which every name has a free place is used. */
const RING_WIDTHS = [46, 50, 54, 58, 62, 66, 70, 76, 84, 92, 102, 114, 128, 144, 164, 192, 228, 272, 330] as const;

function textAnchor(halign: HorizontalAlign): TextAnchor {
  // cytoscape's halign says on which side of the anchor the text lies.
  return halign === 'right' ? 'start' : halign === 'left' ? 'end' : 'middle';
}

/** The middle of a block of `height` whose anchor says it lies above (top), below (bottom) or around y. */
function blockMiddle(y: number, valign: VerticalAlign, height: number): number {
  return valign === 'top' ? y - height / 2 : valign === 'bottom' ? y + height / 2 : y;
}

function drawnLabel(
  text: string,
  wrapped: TextLines,
  x: number,
  y: number,
  anchor: TextAnchor,
  rotation: number,
  size: number,
  bold: boolean,
): DrawnLabel {
  return {
    text,
    lines: wrapped.lines,
    x,
    y,
    anchor,
    rotation: (rotation * 180) / Math.PI,
    size,
    bold,
    box: textBox(x, y, anchor, wrapped.width, wrapped.height, rotation),
  };
}

/** The client's name in the middle disc, broken into short lines. */
export function clientNameLines(name: string): TextLines {
  return wrapLines(name, CLIENT_WIDTH, CLIENT_LABEL_SIZE, { bold: true });
}

/** The name of an entry, broken into lines. */
export function nodeLabelLines(text: string): TextLines {
  return wrapLines(text, LABEL_WIDTH, LABEL_SIZE);
}

/** What a drawn node's name covers, where the model put it (the same estimate the model placed it with). */
export function nodeLabelBox(node: Pick<DrawnNode, 'x' | 'y' | 'label' | 'labelPlace'>): Box {
  const wrapped = nodeLabelLines(node.label);
  const { dx, dy, anchor } = node.labelPlace;
  return textBox(node.x + dx, node.y + dy, anchor, wrapped.width, wrapped.height);
}

function ringLabels(layout: DrawableLayout, shape: CircleShape, geometry: CircleGeometry): DrawnLabel[] {
  // Room for a ring's name: along its divider up to where the next name on the same side begins.
  const room = 2 * geometry.ringWidth - 2 * RING_INSET - GAP;
  return ringLabelAnchors(shape, geometry, RING_INSET).flatMap((anchor, i) => {
    const ring = layout.rings[i];
    if (!ring) return [];
    const wrapped = wrapLines(ring.label, room, RING_LABEL_SIZE, { maxLines: 2 });
    if (anchor.rotation === 0 && anchor.halign === 'right') {
      // On the right the names run inwards from their ring's outer edge (the inner rings' names are on the
      // left there), so the outermost ring's name stays inside the circle and the drawing no wider than it.
      const x = ringBounds(i + 1, geometry).outer - RING_INSET;
      return [drawnLabel(ring.label, wrapped, x, anchor.y, 'end', 0, RING_LABEL_SIZE, false)];
    }
    return [
      drawnLabel(ring.label, wrapped, anchor.x, anchor.y, textAnchor(anchor.halign), anchor.rotation, RING_LABEL_SIZE, false),
    ];
  });
}

/**
 * Group names outside the rings. With four groups (one per quarter) each goes in its corner, above
 * or below the circle, so it takes no width: a tablet in landscape has little of it beside the list.
 */
function sectorLabels(layout: DrawableLayout, shape: CircleShape, geometry: CircleGeometry): DrawnLabel[] {
  const outer = outerRadius(shape, geometry);
  const count = layout.sectors.length;
  const wrap = (text: string, width: number) => wrapLines(text, width, SECTOR_LABEL_SIZE, { bold: true, maxLines: 2 });
  if (count === 4) {
    return layout.sectors.map((sector, index) => {
      const { start, end } = sectorBounds(index, count);
      const middle = (start + end) / 2;
      const right = Math.sin(middle) > 0;
      const top = Math.cos(middle) > 0;
      const wrapped = wrap(sector.label, Math.min(SECTOR_WIDTH, outer - GAP));
      const y = top ? -outer - GAP - wrapped.height / 2 : outer + GAP + wrapped.height / 2;
      return drawnLabel(sector.label, wrapped, right ? outer : -outer, y, right ? 'end' : 'start', 0, SECTOR_LABEL_SIZE, true);
    });
  }
  return sectorLabelAnchors(shape, geometry).flatMap((anchor: LabelAnchor, i) => {
    const sector = layout.sectors[i];
    if (!sector) return [];
    const wrapped = wrap(sector.label, SECTOR_WIDTH);
    const y = blockMiddle(anchor.y, anchor.valign, wrapped.height);
    return [drawnLabel(sector.label, wrapped, anchor.x, y, textAnchor(anchor.halign), 0, SECTOR_LABEL_SIZE, true)];
  });
}

/** What a node covers: its shape with the vangnet ring, and its change badge. */
function nodeDiscs(x: number, y: number, marked: boolean): Disc[] {
  const discs: Disc[] = [{ cx: x, cy: y, r: NODE_REACH }];
  if (marked) discs.push({ cx: x + NODE_RADIUS, cy: y - NODE_RADIUS, r: BADGE_RADIUS });
  return discs;
}

/** Directions (degrees, clockwise from 3 o'clock, y down) tried for a name around its shape, best first. */
const LABEL_DIRECTIONS = [
  90, 0, 180, 60, 120, 270, 30, 150, 240, 300, 330, 210, 75, 105, 45, 135, 255, 285, 15, 165, 225, 315, 345, 195,
] as const;

/**
 * The places tried for a name, best first: under its shape, beside it, below to either side,
 * above, and the directions between. Each place is just clear of the shape (a box whose shadow
 * on the direction starts beyond the shape's reach); text beside a shape is aligned to the shape's side.
 */
export function labelCandidates(width: number, height: number): NodeLabelPlace[] {
  const hw = width / 2;
  const hh = height / 2;
  // Right against the shape first; then, in a crowded spot, half a line and a line further out.
  return [0, LABEL_SIZE / 2, LABEL_SIZE * 1.25].flatMap((further) =>
    LABEL_DIRECTIONS.map((degrees) => {
      const angle = (degrees * Math.PI) / 180;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const distance = NODE_REACH + GAP + further + hw * Math.abs(cos) + hh * Math.abs(sin);
      const cx = Math.round(distance * cos * 100) / 100;
      const dy = Math.round(distance * sin * 100) / 100;
      if (cos > 0.3) return { dx: cx - hw, dy, anchor: 'start' };
      if (cos < -0.3) return { dx: cx + hw, dy, anchor: 'end' };
      return { dx: cx, dy, anchor: 'middle' };
    }),
  );
}

function clashes(box: Box, boxes: readonly Box[], discs: readonly Disc[]): boolean {
  // Far apart (further than the boxes' half diagonals): no need for the exact test. Most pairs are.
  const reach = Math.hypot(box.hw, box.hh) + GAP;
  const near = (x: number, y: number, r: number) => Math.abs(x - box.cx) < reach + r && Math.abs(y - box.cy) < reach + r;
  return (
    boxes.some((other) => near(other.cx, other.cy, Math.hypot(other.hw, other.hh)) && boxesOverlap(box, other, GAP)) ||
    discs.some((disc) => near(disc.cx, disc.cy, disc.r) && discOverlapsBox(disc, box, GAP))
  );
}

interface Attempt {
  readonly placement: Placement;
  readonly ringLabels: DrawnLabel[];
  readonly sectorLabels: DrawnLabel[];
  readonly places: Map<string, NodeLabelPlace>;
  readonly fits: boolean;
  /** Horizontal extent of everything drawn (rings, texts). */
  readonly width: number;
}

function attempt(
  layout: DrawableLayout,
  shape: CircleShape,
  entries: readonly DrawableEntry[],
  lines: ReadonlyMap<string, TextLines>,
  base: CircleGeometry,
): Attempt {
  const placement = placeEntries(shape, entries, base);
  const { geometry } = placement;
  const rings = ringLabels(layout, shape, geometry);
  const sectors = sectorLabels(layout, shape, geometry);
  const marked = new Map(entries.map((e) => [e.id, e.mark !== undefined]));
  const discs: Disc[] = [{ cx: 0, cy: 0, r: geometry.innerRadius }];
  for (const p of placement.placed) discs.push(...nodeDiscs(p.x, p.y, marked.get(p.id) ?? false));
  const boxes: Box[] = [];
  let fits = placement.fits;
  for (const label of [...rings, ...sectors]) {
    if (clashes(label.box, boxes, discs)) fits = false;
    boxes.push(label.box);
  }
  const outer = outerRadius(shape, geometry);
  // A name within the rings' width is better: one sticking out sideways makes the whole drawing wider,
  // and width is what a tablet's column lacks (height only makes the page longer).
  const inside = (box: Box) => {
    const [left, , right] = boxBounds(box);
    return left >= -outer && right <= outer;
  };
  const fixed = [...boxes];
  /** Each name in turn takes the first free place, within the width if it can. */
  const labelsInOrder = (order: readonly PlacedEntry[]) => {
    const taken = [...fixed];
    const places = new Map<string, NodeLabelPlace>();
    let placed = true;
    let sticksOut = 0;
    for (const p of order) {
      const wrapped = lines.get(p.id);
      if (!wrapped) continue;
      const candidates = labelCandidates(wrapped.width, wrapped.height);
      const boxOf = (c: NodeLabelPlace) => textBox(p.x + c.dx, p.y + c.dy, c.anchor, wrapped.width, wrapped.height);
      let free: NodeLabelPlace | undefined;
      let freeOutside: NodeLabelPlace | undefined;
      for (const candidate of candidates) {
        const box = boxOf(candidate);
        if (freeOutside && !inside(box)) continue;
        if (clashes(box, taken, discs)) continue;
        if (inside(box)) {
          free = candidate;
          break;
        }
        freeOutside = candidate;
      }
      free ??= freeOutside;
      if (!free) {
        // This ring width will not be used (a wider one is tried): no need to place the rest.
        placed = false;
        break;
      }
      const chosen = free ?? candidates[0] ?? { dx: 0, dy: 0, anchor: 'middle' };
      const [left, , right] = boxBounds(boxOf(chosen));
      sticksOut = Math.max(sticksOut, -outer - left, right - outer);
      places.set(p.id, chosen);
      taken.push(boxOf(chosen));
    }
    return { places, placed, sticksOut };
  };
  // Inner rings first (least room), clockwise inside a ring; and the other way round, where the outer
  // names, near the edge, have first choice. The better of the two, the same on every render.
  const innerFirst = labelsInOrder([...placement.placed].sort((a, b) => a.ring - b.ring || a.angle - b.angle));
  const outerFirst = labelsInOrder([...placement.placed].sort((a, b) => b.ring - a.ring || a.angle - b.angle));
  const better =
    innerFirst.placed !== outerFirst.placed
      ? innerFirst.placed
        ? innerFirst
        : outerFirst
      : outerFirst.sticksOut < innerFirst.sticksOut - 1
        ? outerFirst
        : innerFirst;
  const places = better.places;
  fits &&= better.placed;
  // How wide the drawing will be: the rings and every text.
  let [minX, maxX] = [-outer, outer];
  for (const box of [
    ...fixed,
    ...placement.placed.flatMap((p) => {
      const wrapped = lines.get(p.id);
      const place = places.get(p.id);
      return wrapped && place ? [textBox(p.x + place.dx, p.y + place.dy, place.anchor, wrapped.width, wrapped.height)] : [];
    }),
  ]) {
    const [left, , right] = boxBounds(box);
    minX = Math.min(minX, left);
    maxX = Math.max(maxX, right);
  }
  return { placement, ringLabels: rings, sectorLabels: sectors, places, fits, width: maxX - minX };
}

export interface DrawingOptions {
  /** The client's name in the middle; without it the middle has room for two short lines. */
  readonly clientName?: string;
}

export function drawingModel(
  layout: DrawableLayout,
  entries: readonly DrawableEntry[],
  ties: readonly CircleTieInput[] = [],
  options: DrawingOptions = {},
): CircleDrawingModel {
  const shape = circleShape(layout);
  const client = clientNameLines(options.clientName ?? 'Mmmmmmmm Mmmmmmmm');
  const innerRadius = Math.max(44, Math.hypot(client.width / 2, client.height / 2) + 8);
  const lines = new Map(entries.map((e) => [e.id, nodeLabelLines(entryLabel(e.target))]));

  // The narrowest drawing in which every name has a free place: wider rings can make it narrower
  // when names then fit inside them instead of sticking out, so every ring width is tried until the
  // rings alone are wider than the best drawing so far.
  let chosen: Attempt | undefined;
  let last: Attempt | undefined;
  for (const ringWidth of RING_WIDTHS) {
    if (chosen && 2 * (innerRadius + layout.rings.length * ringWidth) >= chosen.width) break;
    last = attempt(layout, shape, entries, lines, {
      innerRadius,
      ringWidth,
      // A node, its vangnet ring and air; a ring name (two lines) fits between a divider and a node.
      nodeDistance: 2 * NODE_REACH + 4,
      dividerMargin: RING_LABEL_SIZE * 1.25 + NODE_REACH + GAP,
      plainDividerMargin: NODE_REACH + GAP,
      ringMargin: NODE_REACH + 1,
    });
    if (last.fits && (!chosen || last.width < chosen.width - 1)) chosen = last;
  }
  chosen ??= last;
  if (!chosen) throw new Error('no ring widths to try');
  const { placement } = chosen;
  const { geometry } = placement;
  const outer = outerRadius(shape, geometry);

  const rings = layout.rings.map((r) => ({ ring: r.ring, outer: ringBounds(r.ring, geometry).outer }));
  const dividers = dividerAngles(shape.sectorKeys.length).map((angle) => ({
    x1: geometry.innerRadius * Math.sin(angle),
    y1: -geometry.innerRadius * Math.cos(angle),
    x2: outer * Math.sin(angle),
    y2: -outer * Math.cos(angle),
  }));

  const byId = new Map(entries.map((e) => [e.id, e]));
  const nodes: DrawnNode[] = placement.placed.flatMap((p) => {
    const entry = byId.get(p.id);
    const wrapped = lines.get(p.id);
    if (!entry || !wrapped) return [];
    // Only when no ring width gave every name a place (never seen with 40 entries): under the shape.
    const place = chosen.places.get(p.id) ?? { dx: 0, dy: NODE_REACH + GAP + wrapped.height / 2, anchor: 'middle' };
    const length = Math.hypot(p.x, p.y) || 1;
    return [
      {
        id: entry.id,
        x: p.x,
        y: p.y,
        kind: entryKind(entry.target),
        label: entryLabel(entry.target).trim(),
        labelLines: wrapped.lines,
        labelPlace: place,
        safetyNet: entry.safetyNet,
        mark: entry.mark ?? null,
        inward: { x: -p.x / length, y: -p.y / length },
      },
    ];
  });

  // The bounds: the rings, every name, and every shape.
  let [minX, minY, maxX, maxY] = [-outer, -outer, outer, outer];
  const grow = ([left, top, right, bottom]: readonly number[]) => {
    minX = Math.min(minX, left ?? minX);
    minY = Math.min(minY, top ?? minY);
    maxX = Math.max(maxX, right ?? maxX);
    maxY = Math.max(maxY, bottom ?? maxY);
  };
  for (const label of [...chosen.ringLabels, ...chosen.sectorLabels]) grow(boxBounds(label.box));
  for (const node of nodes) {
    grow(boxBounds(nodeLabelBox(node)));
    // The change badge sits at the shape's top right.
    const badge = node.mark ? NODE_RADIUS + BADGE_RADIUS : NODE_REACH;
    grow([node.x - NODE_REACH, node.y - Math.max(NODE_REACH, badge), node.x + Math.max(NODE_REACH, badge), node.y + NODE_REACH]);
  }
  // Only ties between two drawn entries: an entry that is not on the drawing has no place for a line.
  const drawn = new Set(nodes.map((n) => n.id));
  const lineList = ties
    .filter((t) => drawn.has(t.fromEntryId) && drawn.has(t.toEntryId))
    .map((t) => ({ id: t.id, from: t.fromEntryId, to: t.toEntryId }));
  const pad = 8;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    viewBox: [round(minX - pad), round(minY - pad), round(maxX - minX + 2 * pad), round(maxY - minY + 2 * pad)],
    rings,
    innerRadius: geometry.innerRadius,
    dividers,
    ringLabels: chosen.ringLabels,
    sectorLabels: chosen.sectorLabels,
    nodes,
    unplacedIds: placement.unplaced.map((u) => u.id),
    ties: lineList,
    placement,
    labelsFit: chosen.fits,
  };
}
