/**
 * Boxes of text and discs of shapes on the drawing, and whether two of them touch. Pure geometry in
 * drawing units (y pointing down, angles clockwise), used by the drawing model to keep every name
 * clear of the other names, the shapes and the client in the middle.
 */

/** A rectangle around its centre, turned clockwise by `rotation` radians. */
export interface Box {
  readonly cx: number;
  readonly cy: number;
  readonly hw: number;
  readonly hh: number;
  readonly rotation: number;
}

export interface Disc {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

/** The box of a block of text whose anchor (start, middle or end of the lines) is at x and whose middle is at y. */
export function textBox(x: number, y: number, anchor: TextAnchor, width: number, height: number, rotation = 0): Box {
  const shift = anchor === 'start' ? width / 2 : anchor === 'end' ? -width / 2 : 0;
  // The anchor is the centre of the rotation (SVG rotate(a x y)), so the box's centre turns around it.
  return {
    cx: x + shift * Math.cos(rotation),
    cy: y + shift * Math.sin(rotation),
    hw: width / 2,
    hh: height / 2,
    rotation,
  };
}

function axes(box: Box): [readonly [number, number], readonly [number, number]] {
  const c = Math.cos(box.rotation);
  const s = Math.sin(box.rotation);
  return [
    [c, s],
    [-s, c],
  ];
}

/** Half the length of the box's shadow on a unit axis. */
function radiusOn(box: Box, axis: readonly [number, number]): number {
  const [u, v] = axes(box);
  return box.hw * Math.abs(u[0] * axis[0] + u[1] * axis[1]) + box.hh * Math.abs(v[0] * axis[0] + v[1] * axis[1]);
}

/** True when the boxes come closer than `gap` (separating axis test). */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  for (const axis of [...axes(a), ...axes(b)]) {
    const distance = Math.abs(dx * axis[0] + dy * axis[1]);
    if (distance >= radiusOn(a, axis) + radiusOn(b, axis) + gap) return false;
  }
  return true;
}

/** True when the disc comes closer than `gap` to the box. */
export function discOverlapsBox(disc: Disc, box: Box, gap = 0): boolean {
  const [u, v] = axes(box);
  const dx = disc.cx - box.cx;
  const dy = disc.cy - box.cy;
  // The disc's centre in the box's own frame, and the nearest point of the box to it.
  const lu = dx * u[0] + dy * u[1];
  const lv = dx * v[0] + dy * v[1];
  const nu = Math.max(-box.hw, Math.min(box.hw, lu));
  const nv = Math.max(-box.hh, Math.min(box.hh, lv));
  return Math.hypot(lu - nu, lv - nv) < disc.r + gap;
}

/** The smallest upright rectangle around the box: [left, top, right, bottom]. */
export function boxBounds(box: Box): [number, number, number, number] {
  const w = radiusOn(box, [1, 0]);
  const h = radiusOn(box, [0, 1]);
  return [box.cx - w, box.cy - h, box.cx + w, box.cy + h];
}
