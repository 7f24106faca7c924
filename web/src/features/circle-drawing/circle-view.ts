import { sectorBounds } from './placement';

/**
 * The geometry of the interactive circle drawing (circle-drawing.tsx) that is not placement: from
 * a pointer on the screen to drawing units, zooming and panning the view, the outline of a
 * ring × sector cell, and the keyboard's order of the entries. Pure, so it is tested without a browser.
 * Same conventions as placement.ts: the client at (0, 0), y pointing down, angles clockwise from the top.
 */

/** x, y, width and height, as in an SVG viewBox. */
export type ViewBox = readonly [number, number, number, number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ScreenRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A point on the screen (client pixels) in drawing units, for an SVG element at `rect` showing
 * `viewBox` with the default `preserveAspectRatio="xMidYMid meet"`: the view is scaled evenly to
 * fit and centred along the other axis.
 */
export function screenToDrawing(point: Point, rect: ScreenRect, viewBox: ViewBox): Point {
  const [x, y, width, height] = viewBox;
  const scale = Math.min(rect.width / width, rect.height / height);
  if (!(scale > 0)) return { x: x + width / 2, y: y + height / 2 };
  const offsetX = (rect.width - width * scale) / 2;
  const offsetY = (rect.height - height * scale) / 2;
  return { x: x + (point.x - rect.left - offsetX) / scale, y: y + (point.y - rect.top - offsetY) / scale };
}

/** The inverse of `screenToDrawing`. */
export function drawingToScreen(point: Point, rect: ScreenRect, viewBox: ViewBox): Point {
  const [x, y, width, height] = viewBox;
  const scale = Math.min(rect.width / width, rect.height / height);
  const offsetX = (rect.width - width * scale) / 2;
  const offsetY = (rect.height - height * scale) / 2;
  return { x: rect.left + offsetX + (point.x - x) * scale, y: rect.top + offsetY + (point.y - y) * scale };
}

export const MAX_ZOOM = 4;

export function centreOf(box: ViewBox): Point {
  return { x: box[0] + box[2] / 2, y: box[1] + box[3] / 2 };
}

/**
 * The part of the whole drawing (`fit`) shown at `zoom` (1 = all of it) around `centre`. The
 * centre is kept so that the view never leaves the drawing: zoomed in, one can pan to every
 * edge and no further.
 */
export function zoomedViewBox(fit: ViewBox, zoom: number, centre: Point): ViewBox {
  const level = Math.min(MAX_ZOOM, Math.max(1, zoom));
  const width = fit[2] / level;
  const height = fit[3] / level;
  const x = Math.min(fit[0] + fit[2] - width, Math.max(fit[0], centre.x - width / 2));
  const y = Math.min(fit[1] + fit[3] - height, Math.max(fit[1], centre.y - height / 2));
  return [x, y, width, height];
}

/**
 * The outline of one ring × sector cell as an SVG path: the annulus between `inner` and `outer`
 * from the sector's start angle to its end (a whole annulus when there is one sector). Shown
 * under an entry while it is dragged, so one sees where it will land.
 */
export function cellPath(inner: number, outer: number, sectorIndex: number, sectorCount: number): string {
  const f = (n: number) => String(Math.round(n * 100) / 100);
  if (sectorCount <= 1) {
    // Two half circles per edge; the even-odd rule leaves the middle open.
    return (
      `M${f(0)} ${f(-outer)}A${f(outer)} ${f(outer)} 0 1 1 ${f(0)} ${f(outer)}A${f(outer)} ${f(outer)} 0 1 1 ${f(0)} ${f(-outer)}Z` +
      `M${f(0)} ${f(-inner)}A${f(inner)} ${f(inner)} 0 1 0 ${f(0)} ${f(inner)}A${f(inner)} ${f(inner)} 0 1 0 ${f(0)} ${f(-inner)}Z`
    );
  }
  const { start, end } = sectorBounds(sectorIndex, sectorCount);
  const at = (r: number, a: number) => `${f(r * Math.sin(a))} ${f(-r * Math.cos(a))}`;
  const large = end - start > Math.PI ? 1 : 0;
  return `M${at(outer, start)}A${f(outer)} ${f(outer)} 0 ${String(large)} 1 ${at(outer, end)}L${at(inner, end)}A${f(inner)} ${f(inner)} 0 ${String(large)} 0 ${at(inner, start)}Z`;
}

export interface OrderedEntry {
  readonly id: string;
  readonly ring: number;
  /** Radians, clockwise from 12 o'clock (placement.ts). */
  readonly angle: number;
}

/**
 * The order in which the arrow keys visit the entries: ring by ring from the middle outwards, and
 * within a ring clockwise from 12 o'clock, as one reads the circle (and as the list beside it goes).
 */
export function keyboardOrder(entries: readonly OrderedEntry[]): string[] {
  return [...entries]
    .sort((a, b) => a.ring - b.ring || a.angle - b.angle || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id);
}

/** Where the focus goes from `current` for a key, or null when the key is not one of ours. */
export function nextInOrder(order: readonly string[], current: string, key: string): string | null {
  if (order.length === 0) return null;
  const index = Math.max(0, order.indexOf(current));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return order[(index + 1) % order.length] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return order[(index - 1 + order.length) % order.length] ?? null;
    case 'Home':
      return order[0] ?? null;
    case 'End':
      return order[order.length - 1] ?? null;
    default:
      return null;
  }
}
