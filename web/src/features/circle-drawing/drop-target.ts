import { ringBounds, type CircleGeometry, type CircleShape } from './placement';

/**
 * Where an entry lands when it is dropped on the drawing: the inverse of placement.ts. Pure, so
 * dragging is tested without a browser. Same conventions as placement.ts: the client at (0, 0),
 * angles clockwise from 12 o'clock, y pointing down.
 */

export interface DropTarget {
  readonly ring: number;
  readonly sector: string;
}

const TAU = 2 * Math.PI;

/** The angle of a point, clockwise from the top, in [0, 2π). */
export function angleOf(x: number, y: number): number {
  const angle = Math.atan2(x, -y);
  return angle < 0 ? angle + TAU : angle;
}

/**
 * The ring and sector under a point (model coordinates), or null when the point is on the client
 * in the middle or outside the outer ring: those drops mean nothing, and the entry goes back.
 */
export function dropTarget(
  shape: CircleShape,
  geometry: CircleGeometry,
  point: { readonly x: number; readonly y: number },
): DropTarget | null {
  const radius = Math.hypot(point.x, point.y);
  if (radius < geometry.innerRadius) return null;
  const ring = Math.floor((radius - geometry.innerRadius) / geometry.ringWidth) + 1;
  if (ring > shape.ringCount) {
    // Exactly on the outer edge still counts as the outer ring (floating point, a finger's width).
    if (radius > ringBounds(shape.ringCount, geometry).outer) return null;
  }
  const count = shape.sectorKeys.length;
  if (count === 0) return null;
  const angle = angleOf(point.x, point.y);
  // An angle a hair below 2π can round up to `count`: it belongs to the last sector.
  const index = Math.min(count - 1, Math.floor(angle / (TAU / count)));
  const sector = shape.sectorKeys[index];
  if (sector === undefined) return null;
  return { ring: Math.min(ring, shape.ringCount), sector };
}
