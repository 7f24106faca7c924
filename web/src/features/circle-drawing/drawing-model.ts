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
import {
  dividerAngles,
  outerRadius,
  placeEntries,
  ringBounds,
  ringLabelAnchors,
  sectorLabelAnchors,
  type HorizontalAlign,
  type LabelAnchor,
  type Placement,
  type VerticalAlign,
} from './placement';

/**
 * A netwerkcirkel as plain SVG shapes (for print, the PNG download, "Wat is er veranderd" and,
 * since issue 13, the circle page itself: circle/circle-drawing.tsx). Positions come from
 * placement.ts; only the painting differs.
 */

export type ChangeMark = Exclude<CircleComparisonKind, 'UNCHANGED'>;

export interface DrawableEntry extends CircleEntryInput {
  /** What changed since an earlier snapshot; LEFT entries are drawn as empty outlines where they were. */
  readonly mark?: ChangeMark;
}

export type DrawableLayout = CircleLayoutInput;

export interface DrawnLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly baseline: 'auto' | 'middle' | 'hanging';
  /** Degrees, clockwise. */
  readonly rotation: number;
}

export interface DrawnNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly kind: EntryKind;
  readonly label: string;
  readonly safetyNet: boolean;
  readonly mark: ChangeMark | null;
  /** Unit vector from the node towards the centre: the direction of a "closer" arrow. */
  readonly inward: { readonly x: number; readonly y: number };
}

export interface CircleDrawingModel {
  /** x, y, width, height. */
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
}

/** Sizes in drawing units (the same units as placement.ts). */
export const NODE_RADIUS = 13;
export const LABEL_SIZE = 15;
export const LABEL_GAP = 30;
/** Rough width of one character of the label font, to keep long names inside the picture. */
const CHAR_WIDTH = 0.6;
export const SECTOR_LABEL_SIZE = 18;
const MAX_LABEL = 18;

/** A name short enough to sit under its node; the full name is in the lists beside the drawing. */
export function shortLabel(text: string, max = MAX_LABEL): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

function textAnchor(halign: HorizontalAlign): DrawnLabel['anchor'] {
  // cytoscape's halign says on which side of the anchor the text lies.
  return halign === 'right' ? 'start' : halign === 'left' ? 'end' : 'middle';
}

function textBaseline(valign: VerticalAlign): DrawnLabel['baseline'] {
  return valign === 'top' ? 'auto' : valign === 'bottom' ? 'hanging' : 'middle';
}

/** A label at its anchor from placement.ts; `rotation` in degrees. */
function drawnLabel(text: string, anchor: LabelAnchor, rotation: number): DrawnLabel {
  return {
    text,
    x: anchor.x,
    y: anchor.y,
    anchor: textAnchor(anchor.halign),
    baseline: textBaseline(anchor.valign),
    rotation,
  };
}

/** Horizontal extent of a label, for the picture's bounds. */
function labelSpan(label: DrawnLabel, size: number): [number, number] {
  const width = label.text.length * size * CHAR_WIDTH;
  if (label.anchor === 'start') return [label.x, label.x + width];
  if (label.anchor === 'end') return [label.x - width, label.x];
  return [label.x - width / 2, label.x + width / 2];
}

export function drawingModel(
  layout: DrawableLayout,
  entries: readonly DrawableEntry[],
  ties: readonly CircleTieInput[] = [],
): CircleDrawingModel {
  const shape = circleShape(layout);
  const placement = placeEntries(shape, entries);
  const { geometry } = placement;
  const outer = outerRadius(shape, geometry);

  const rings = layout.rings.map((r) => ({ ring: r.ring, outer: ringBounds(r.ring, geometry).outer }));
  const dividers = dividerAngles(shape.sectorKeys.length).map((angle) => ({
    x1: geometry.innerRadius * Math.sin(angle),
    y1: -geometry.innerRadius * Math.cos(angle),
    x2: outer * Math.sin(angle),
    y2: -outer * Math.cos(angle),
  }));
  const ringLabels: DrawnLabel[] = ringLabelAnchors(shape, geometry).flatMap((anchor, i) => {
    const ring = layout.rings[i];
    return ring ? [drawnLabel(ring.label, anchor, (anchor.rotation * 180) / Math.PI)] : [];
  });
  const sectorLabels: DrawnLabel[] = sectorLabelAnchors(shape, geometry).flatMap((anchor, i) => {
    const sector = layout.sectors[i];
    return sector ? [drawnLabel(sector.label, anchor, 0)] : [];
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  const nodes: DrawnNode[] = placement.placed.flatMap((p) => {
    const entry = byId.get(p.id);
    if (!entry) return [];
    const length = Math.hypot(p.x, p.y) || 1;
    return [
      {
        id: entry.id,
        x: p.x,
        y: p.y,
        kind: entryKind(entry.target),
        label: shortLabel(entryLabel(entry.target)),
        safetyNet: entry.safetyNet,
        mark: entry.mark ?? null,
        inward: { x: -p.x / length, y: -p.y / length },
      },
    ];
  });

  // The bounds: the rings, the sector names outside them, and names under nodes near the edge.
  let minX = -outer;
  let maxX = outer;
  let minY = -outer;
  let maxY = outer;
  for (const label of sectorLabels) {
    const [from, to] = labelSpan(label, SECTOR_LABEL_SIZE);
    minX = Math.min(minX, from);
    maxX = Math.max(maxX, to);
    const top = label.baseline === 'auto' ? label.y - SECTOR_LABEL_SIZE * 1.2 : label.y - SECTOR_LABEL_SIZE;
    const bottom = label.baseline === 'hanging' ? label.y + SECTOR_LABEL_SIZE * 1.3 : label.y + SECTOR_LABEL_SIZE;
    minY = Math.min(minY, top);
    maxY = Math.max(maxY, bottom);
  }
  for (const node of nodes) {
    const half = (node.label.length * LABEL_SIZE * CHAR_WIDTH) / 2;
    minX = Math.min(minX, node.x - half);
    maxX = Math.max(maxX, node.x + half);
    maxY = Math.max(maxY, node.y + LABEL_GAP + LABEL_SIZE);
  }
  // Only ties between two drawn entries: an entry that is not on the drawing has no place for a line.
  const drawn = new Set(nodes.map((n) => n.id));
  const lines = ties
    .filter((t) => drawn.has(t.fromEntryId) && drawn.has(t.toEntryId))
    .map((t) => ({ id: t.id, from: t.fromEntryId, to: t.toEntryId }));
  const pad = 8;
  return {
    viewBox: [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad],
    rings,
    innerRadius: geometry.innerRadius,
    dividers,
    ringLabels,
    sectorLabels,
    nodes,
    unplacedIds: placement.unplaced.map((u) => u.id),
    ties: lines,
    placement,
  };
}
