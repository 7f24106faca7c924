/**
 * Where organisations and key figures sit on the wijk map. Pure and deterministic.
 *
 * The map is a pie: key figures (residents) in the middle, and around them one wedge per group
 * (spoor 1, 2, 3, other), clockwise from the top. A wedge's angle grows with its number of
 * organisations, with a minimum so a small group still has room. Inside a wedge, organisations
 * fill arcs ("rows") from the inside out, in the order given, spread evenly over the wedge.
 * Links between groups then cross the middle, which makes islands and bridges easy to see.
 *
 * Angles are radians clockwise from 12 o'clock; screen y points down: (r·sin a, −r·cos a).
 */

export interface PieGeometry {
  /** Smallest distance between neighbours on one arc (node plus room for its label). */
  readonly spacing: number;
  /** Radial distance between two arcs. */
  readonly rowGap: number;
  /** Radius of the first arc, at least. */
  readonly minInnerRadius: number;
}

export const PIE_GEOMETRY: PieGeometry = { spacing: 80, rowGap: 68, minInnerRadius: 100 };

export interface PieGroup<G extends string> {
  readonly group: G;
  /** Ids in the order they should be placed (the first ones closest to the middle). */
  readonly ids: readonly string[];
}

export interface Wedge<G extends string> {
  readonly group: G;
  readonly start: number;
  readonly end: number;
  /** Radius of the outermost arc this wedge uses. */
  readonly outerRadius: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'center' | 'bottom';

export interface WedgeLabel<G extends string> {
  readonly group: G;
  readonly x: number;
  readonly y: number;
  /** Which side of the anchor the text goes, away from the pie (cytoscape's text-halign / text-valign). */
  readonly halign: HorizontalAlign;
  readonly valign: VerticalAlign;
}

export interface PieLayout<G extends string> {
  readonly positions: ReadonlyMap<string, Point>;
  /** Only groups that have members get a wedge. */
  readonly wedges: readonly Wedge<G>[];
  /** Radius of the first arc. */
  readonly innerRadius: number;
  /** Radius of the outermost arc in use (0 when there is nothing around the middle). */
  readonly outerRadius: number;
}

const TAU = 2 * Math.PI;

export function toXY(radius: number, angle: number): Point {
  return { x: radius * Math.sin(angle), y: -radius * Math.cos(angle) };
}

/** Positions for `centre` ids on a small circle in the middle (one id sits exactly in the middle). */
function centrePositions(ids: readonly string[], spacing: number): { positions: [string, Point][]; radius: number } {
  if (ids.length === 0) return { positions: [], radius: 0 };
  const first = ids[0];
  if (ids.length === 1 && first !== undefined) return { positions: [[first, { x: 0, y: 0 }]], radius: 0 };
  const radius = Math.max(spacing / (2 * Math.sin(Math.PI / ids.length)), spacing / 2);
  return { positions: ids.map((id, i) => [id, toXY(radius, (i * TAU) / ids.length)]), radius };
}

interface Filled<G extends string> {
  readonly positions: Map<string, Point>;
  readonly wedges: Wedge<G>[];
  readonly outerRadius: number;
}

/** Wedges and arcs for a first arc at `innerRadius`; undefined when more than `maxRows` arcs would be needed. */
function fill<G extends string>(
  groups: readonly PieGroup<G>[],
  innerRadius: number,
  maxRows: number,
  geometry: PieGeometry,
): Filled<G> | undefined {
  const { spacing, rowGap } = geometry;
  const total = groups.reduce((sum, g) => sum + g.ids.length, 0);
  // Every wedge gets at least the angle one node needs on the first arc; the rest is shared by size.
  const minimum = Math.min(spacing / innerRadius, TAU / groups.length);
  const shared = TAU - minimum * groups.length;
  const slices: { start: number; end: number }[] = [];
  let start = 0;
  for (const g of groups) {
    const angle = groups.length === 1 ? TAU : minimum + (shared * g.ids.length) / total;
    slices.push({ start, end: start + angle });
    start += angle;
  }
  const wedges: Wedge<G>[] = [];

  const positions = new Map<string, Point>();
  let outerRadius = innerRadius;
  for (const [index, g] of groups.entries()) {
    const wedge = slices[index];
    if (!wedge) continue;
    const whole = groups.length === 1;
    let placed = 0;
    let wedgeOuter = innerRadius;
    for (let row = 0; placed < g.ids.length; row++) {
      if (row >= maxRows) return undefined;
      const radius = innerRadius + row * rowGap;
      // Keep half a spacing from both wedge edges, so neighbours across an edge are a spacing apart.
      const margin = whole ? 0 : Math.asin(Math.min(1, spacing / 2 / radius));
      const span = Math.max(0, wedge.end - wedge.start - 2 * margin);
      // The angle at which two nodes on this arc are exactly one spacing apart (as the crow flies).
      const step = 2 * Math.asin(Math.min(1, spacing / (2 * radius)));
      const capacity = whole ? Math.max(1, Math.floor(TAU / step + 1e-9)) : Math.max(1, Math.floor(span / step + 1e-9));
      const count = Math.min(capacity, g.ids.length - placed);
      for (let i = 0; i < count; i++) {
        const id = g.ids[placed + i];
        if (id === undefined) continue;
        const angle = wedge.start + margin + ((i + 0.5) * span) / count;
        positions.set(id, toXY(radius, angle));
      }
      placed += count;
      wedgeOuter = radius;
    }
    wedges.push({ group: g.group, ...wedge, outerRadius: wedgeOuter });
    outerRadius = Math.max(outerRadius, wedgeOuter);
  }
  return { positions, wedges, outerRadius };
}

/**
 * The most compact pie: tries one, two, three ... arcs, each time with the smallest first arc that
 * holds every group, and keeps the layout with the smallest outer radius.
 */
export function pieLayout<G extends string>(
  centre: readonly string[],
  groups: readonly PieGroup<G>[],
  geometry: PieGeometry = PIE_GEOMETRY,
): PieLayout<G> {
  const middle = centrePositions(centre, geometry.spacing);
  const smallest = Math.max(geometry.minInnerRadius, centre.length > 0 ? middle.radius + geometry.rowGap : 0);
  const present = groups.filter((g) => g.ids.length > 0);
  if (present.length === 0)
    return { positions: new Map(middle.positions), wedges: [], innerRadius: smallest, outerRadius: middle.radius };

  let best: { filled: Filled<G>; innerRadius: number } | undefined;
  for (let rows = 1; rows <= 12; rows++) {
    for (let innerRadius = smallest; innerRadius <= smallest + 12 * geometry.rowGap; innerRadius += geometry.rowGap / 8) {
      if (best && innerRadius + (rows - 1) * geometry.rowGap >= best.filled.outerRadius) break;
      const filled = fill(present, innerRadius, rows, geometry);
      if (filled) {
        if (!best || filled.outerRadius < best.filled.outerRadius) best = { filled, innerRadius };
        break;
      }
    }
  }
  const chosen = best ?? { filled: fill(present, smallest, Number.POSITIVE_INFINITY, geometry), innerRadius: smallest };
  const positions = new Map<string, Point>(middle.positions);
  for (const [id, point] of chosen.filled?.positions ?? []) positions.set(id, point);
  return {
    positions,
    wedges: chosen.filled?.wedges ?? [],
    innerRadius: chosen.innerRadius,
    outerRadius: chosen.filled?.outerRadius ?? smallest,
  };
}

/** A label per wedge, just outside the wedge's outermost arc, in the middle of the wedge. */
export function wedgeLabels<G extends string>(layout: PieLayout<G>, gap: number): WedgeLabel<G>[] {
  return layout.wedges.map((w) => {
    const radius = w.outerRadius + gap;
    const angle = layout.wedges.length === 1 ? 0 : (w.start + w.end) / 2;
    const { x, y } = toXY(radius, angle);
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    return {
      group: w.group,
      x,
      y,
      halign: sin > 0.3 ? 'right' : sin < -0.3 ? 'left' : 'center',
      valign: cos > 0.3 ? 'top' : cos < -0.3 ? 'bottom' : 'center',
    };
  });
}
