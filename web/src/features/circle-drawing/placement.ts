/**
 * Where entries of a netwerkcirkel sit on the drawing. Pure geometry: no DOM, no cytoscape.
 *
 * Conventions: the client sits at (0, 0). Ring 1 is the innermost ring; every ring is an annulus of
 * the same width around a centre disc. Sectors are equal angular slices; sector 0 starts at the top
 * (12 o'clock) and they follow clockwise. Angles are in radians, clockwise from the top; screen
 * coordinates have y pointing down, so a point at angle a and radius r is (r·sin a, −r·cos a).
 */

export interface CircleShape {
  /** Rings are numbered 1..ringCount from the centre. */
  readonly ringCount: number;
  /** Sector keys in drawing order (sector 0 first). */
  readonly sectorKeys: readonly string[];
}

export interface PlaceableEntry {
  readonly id: string;
  readonly ring: number;
  readonly sector: string;
  /** Stable order inside one ring and sector. */
  readonly position: number;
}

export interface CircleGeometry {
  /** Radius of the centre disc, where the client is. */
  readonly innerRadius: number;
  /** Width of every ring. */
  readonly ringWidth: number;
  /** Smallest allowed distance between the centres of two entries (node size plus air). */
  readonly nodeDistance: number;
  /** Smallest distance of an entry's centre from a sector divider. Leaves room for ring labels on dividers. */
  readonly dividerMargin: number;
  /**
   * Issue 14: the margin from a divider without ring labels (all but the two nearest 3 and 9 o'clock,
   * ringLabelAnchors), where a shape needs room only for itself. Unset: `dividerMargin` everywhere.
   */
  readonly plainDividerMargin?: number;
  /** Smallest distance of an entry's centre from a ring's edge. */
  readonly ringMargin: number;
}

/** Sizes for a typical circle; `placeEntries` widens the rings (never the nodes) when cells are crowded. */
export const BASE_GEOMETRY: CircleGeometry = {
  innerRadius: 56,
  ringWidth: 72,
  nodeDistance: 36,
  dividerMargin: 30,
  ringMargin: 18,
};

/** Ring-size factors tried in turn; the first one where every cell fits is used. */
const SCALES = [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6] as const;

export interface PlacedEntry {
  readonly id: string;
  readonly ring: number;
  readonly sectorIndex: number;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly angle: number;
}

export type UnplacedReason = 'UNKNOWN_RING' | 'UNKNOWN_SECTOR';

export interface UnplacedEntry {
  readonly id: string;
  readonly reason: UnplacedReason;
}

export interface Placement {
  /** The geometry used: BASE_GEOMETRY with rings widened as far as needed. */
  readonly geometry: CircleGeometry;
  readonly placed: readonly PlacedEntry[];
  /** Entries whose ring or sector is not part of the layout: shown in the list, not drawn. */
  readonly unplaced: readonly UnplacedEntry[];
  /** False only when even the widest rings could not keep `nodeDistance` (dozens of entries in one cell). */
  readonly fits: boolean;
}

const TAU = 2 * Math.PI;

export function toXY(radius: number, angle: number): { x: number; y: number } {
  return { x: radius * Math.sin(angle), y: -radius * Math.cos(angle) };
}

/** Inner and outer radius of ring `ring` (1-based). */
export function ringBounds(ring: number, geometry: CircleGeometry): { inner: number; outer: number } {
  const inner = geometry.innerRadius + (ring - 1) * geometry.ringWidth;
  return { inner, outer: inner + geometry.ringWidth };
}

export function outerRadius(shape: CircleShape, geometry: CircleGeometry): number {
  return ringBounds(shape.ringCount, geometry).outer;
}

/** Start and end angle of sector `index` (0-based). */
export function sectorBounds(index: number, sectorCount: number): { start: number; end: number } {
  const width = TAU / sectorCount;
  return { start: index * width, end: (index + 1) * width };
}

/** Angles of the sector dividers (none when there is only one sector). */
export function dividerAngles(sectorCount: number): number[] {
  if (sectorCount < 2) return [];
  return Array.from({ length: sectorCount }, (_, i) => (i * TAU) / sectorCount);
}

function scaled(base: CircleGeometry, factor: number): CircleGeometry {
  return { ...base, innerRadius: base.innerRadius * factor, ringWidth: base.ringWidth * factor };
}

interface Point {
  x: number;
  y: number;
  radius: number;
  angle: number;
}

function minDistance(points: readonly Point[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (a && b) min = Math.min(min, Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return min;
}

/**
 * Positions for `count` entries in one ring × sector cell: spread evenly by angle, keeping
 * `dividerMargin` from both dividers; when one arc is too tight, consecutive entries alternate
 * between several radii ("lanes") inside the ring, keeping `ringMargin` from its edges.
 */
function cellPoints(
  ring: number,
  sectorIndex: number,
  sectorCount: number,
  count: number,
  geometry: CircleGeometry,
): { points: Point[]; fits: boolean } {
  const labelled = labelledDividers(sectorCount);
  const marginAt = (divider: number) =>
    labelled.has(divider % sectorCount) ? geometry.dividerMargin : (geometry.plainDividerMargin ?? geometry.dividerMargin);
  const startMargin = marginAt(sectorIndex);
  const endMargin = marginAt(sectorIndex + 1);
  const { inner, outer } = ringBounds(ring, geometry);
  let laneMin = inner + geometry.ringMargin;
  let laneMax = outer - geometry.ringMargin;
  if (laneMin > laneMax) laneMin = laneMax = (inner + outer) / 2;
  const maxLanes = laneMax > laneMin ? 1 + Math.floor((laneMax - laneMin) / (geometry.nodeDistance / 2)) : 1;
  const { start, end } = sectorBounds(sectorIndex, sectorCount);

  let best: { points: Point[]; distance: number } | undefined;
  for (let lanes = 1; lanes <= maxLanes; lanes++) {
    const radii =
      lanes === 1
        ? [(laneMin + laneMax) / 2]
        : Array.from({ length: lanes }, (_, j) => laneMin + (j * (laneMax - laneMin)) / (lanes - 1));
    const smallest = Math.min(...radii);
    let from = start;
    let span = end - start;
    if (sectorCount > 1) {
      // Perpendicular distance from a divider through the centre is r·sin(angle): keep it ≥ the margin.
      const before = Math.asin(Math.min(1, startMargin / smallest));
      const after = Math.asin(Math.min(1, endMargin / smallest));
      from = start + before;
      span = Math.max(0, end - start - before - after);
    }
    const points = Array.from({ length: count }, (_, i) => {
      const radius = radii[i % lanes] ?? laneMin;
      const angle = from + ((i + 0.5) * span) / count;
      return { ...toXY(radius, angle), radius, angle };
    });
    const marginOk =
      sectorCount === 1 ||
      points.every(
        (p) =>
          p.radius * Math.sin(Math.min(Math.PI / 2, p.angle - start)) >= startMargin - 1e-9 &&
          p.radius * Math.sin(Math.min(Math.PI / 2, end - p.angle)) >= endMargin - 1e-9,
      );
    const distance = marginOk ? minDistance(points) : -1;
    if (distance >= geometry.nodeDistance) return { points, fits: true };
    if (!best || distance > best.distance) best = { points, distance };
  }
  return { points: best?.points ?? [], fits: false };
}

function compareEntries(a: PlaceableEntry, b: PlaceableEntry): number {
  if (a.position !== b.position) return a.position - b.position;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Computes x/y for every entry. The result depends only on the layout and on each entry's ring,
 * sector, position and id, never on the order of `entries`.
 */
export function placeEntries(
  shape: CircleShape,
  entries: readonly PlaceableEntry[],
  base: CircleGeometry = BASE_GEOMETRY,
): Placement {
  const sectorCount = shape.sectorKeys.length;
  const sectorIndex = new Map(shape.sectorKeys.map((key, index) => [key, index]));
  const unplaced: UnplacedEntry[] = [];
  const cells = new Map<string, { ring: number; sector: number; entries: PlaceableEntry[] }>();

  for (const entry of entries) {
    if (!Number.isInteger(entry.ring) || entry.ring < 1 || entry.ring > shape.ringCount) {
      unplaced.push({ id: entry.id, reason: 'UNKNOWN_RING' });
      continue;
    }
    const sector = sectorIndex.get(entry.sector);
    if (sector === undefined) {
      unplaced.push({ id: entry.id, reason: 'UNKNOWN_SECTOR' });
      continue;
    }
    const key = `${String(entry.ring)}:${String(sector)}`;
    const cell = cells.get(key) ?? { ring: entry.ring, sector, entries: [] };
    cell.entries.push(entry);
    cells.set(key, cell);
  }
  unplaced.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const attempt = (geometry: CircleGeometry) => {
    const placed: PlacedEntry[] = [];
    let fits = true;
    for (const cell of cells.values()) {
      const sorted = [...cell.entries].sort(compareEntries);
      const result = cellPoints(cell.ring, cell.sector, sectorCount, sorted.length, geometry);
      fits &&= result.fits;
      sorted.forEach((entry, i) => {
        const point = result.points[i];
        if (point) placed.push({ id: entry.id, ring: cell.ring, sectorIndex: cell.sector, ...point });
      });
    }
    placed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { geometry, placed, unplaced, fits };
  };

  let last: Placement | undefined;
  for (const factor of SCALES) {
    last = attempt(scaled(base, factor));
    if (last.fits) return last;
  }
  return last ?? attempt(base);
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'center' | 'bottom';

export interface LabelAnchor {
  readonly x: number;
  readonly y: number;
  /** Which side of the anchor the text goes (cytoscape's text-halign / text-valign). */
  readonly halign: HorizontalAlign;
  readonly valign: VerticalAlign;
  /** Clockwise text rotation in radians, so the text runs along a divider and stays upright. */
  readonly rotation: number;
}

/** Sector labels sit just outside the outer ring, in the middle of their sector, text pointing away from the circle. */
export function sectorLabelAnchors(shape: CircleShape, geometry: CircleGeometry, gap = 12): LabelAnchor[] {
  const radius = outerRadius(shape, geometry) + gap;
  const count = shape.sectorKeys.length;
  return shape.sectorKeys.map((_, index) => {
    const { start, end } = sectorBounds(index, count);
    const angle = count === 1 ? 0 : (start + end) / 2;
    const { x, y } = toXY(radius, angle);
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    return {
      x,
      y,
      halign: sin > 0.2 ? 'right' : sin < -0.2 ? 'left' : 'center',
      valign: cos > 0.2 ? 'top' : cos < -0.2 ? 'bottom' : 'center',
      rotation: 0,
    };
  });
}

/** Indexes of the dividers that carry ring labels (see ringLabelAnchors). */
function labelledDividers(sectorCount: number): Set<number> {
  if (sectorCount < 2) return new Set();
  const width = TAU / sectorCount;
  return new Set(
    [closestDivider(sectorCount, (3 * Math.PI) / 2), closestDivider(sectorCount, Math.PI / 2)].map(
      (angle) => Math.round(angle / width) % sectorCount,
    ),
  );
}

function closestDivider(sectorCount: number, target: number): number {
  const dividers = dividerAngles(sectorCount);
  if (dividers.length === 0) return target;
  const gap = (a: number) => Math.min(Math.abs(a - target), TAU - Math.abs(a - target));
  return dividers.reduce((best, a) => (gap(a) < gap(best) - 1e-9 ? a : best));
}

/**
 * Ring labels lie on sector dividers, where entries never are: odd rings on the divider nearest
 * 9 o'clock, even rings on the one nearest 3 o'clock, so neighbouring labels never share a line.
 * With the default four sectors both dividers are horizontal: each label then starts just inside
 * its ring's inner edge and runs outwards, so a label longer than the ring is wide spills into the
 * next ring (whose own label is on the other side), never into the client in the middle.
 * On a slanted divider the label is centred in its ring and turned along the divider.
 */
export function ringLabelAnchors(shape: CircleShape, geometry: CircleGeometry, inset = 6): LabelAnchor[] {
  const left = closestDivider(shape.sectorKeys.length, (3 * Math.PI) / 2);
  const right = closestDivider(shape.sectorKeys.length, Math.PI / 2);
  return Array.from({ length: shape.ringCount }, (_, i) => {
    const ring = i + 1;
    const angle = ring % 2 === 1 ? left : right;
    const { inner, outer } = ringBounds(ring, geometry);
    const { x, y } = toXY((inner + outer) / 2, angle);
    // Keep the text upright: rays on the left half read from the rim inwards, on the right half outwards.
    const normalised = ((angle % TAU) + TAU) % TAU;
    const rotation = normalised > Math.PI ? normalised - (3 * Math.PI) / 2 : normalised - Math.PI / 2;
    if (Math.abs(rotation) < 1e-9) {
      const start = toXY(inner + inset, angle);
      return { x: start.x, y: 0, halign: start.x < 0 ? 'left' : 'right', valign: 'center', rotation: 0 };
    }
    return { x, y, halign: 'center', valign: 'center', rotation };
  });
}
