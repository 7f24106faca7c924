import { describe, expect, it } from 'vitest';
import {
  cellPath,
  drawingToScreen,
  keyboardOrder,
  nextInOrder,
  screenToDrawing,
  zoomedViewBox,
  type ViewBox,
} from './circle-view';
import { dropTarget } from './drop-target';
import { BASE_GEOMETRY, placeEntries, ringBounds } from './placement';
import { TEST_SECTORS } from './test-layout';

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('screenToDrawing (issue 13)', () => {
  // A wide drawing (2:1) in a square box: scaled to the width, centred vertically.
  const viewBox: ViewBox = [-200, -100, 400, 200];
  const rect = { left: 10, top: 20, width: 800, height: 800 };

  it('maps the corners and the middle of the shown drawing, letterboxed as preserveAspectRatio meet does', () => {
    // Scale 2; the drawing is 400 pixels high, 200 pixels of empty box above and below.
    expect(screenToDrawing({ x: 10, y: 220 }, rect, viewBox)).toEqual({ x: -200, y: -100 });
    expect(screenToDrawing({ x: 810, y: 620 }, rect, viewBox)).toEqual({ x: 200, y: 100 });
    expect(screenToDrawing({ x: 410, y: 420 }, rect, viewBox)).toEqual({ x: 0, y: 0 });
  });

  it('is undone by drawingToScreen, also for a tall box and a zoomed view', () => {
    for (const [box, view] of [
      [rect, viewBox],
      [{ left: 0, top: 0, width: 300, height: 900 }, [-50, -50, 100, 100]],
    ] as const) {
      for (const point of [
        { x: 3, y: 4 },
        { x: -47, y: 33 },
      ]) {
        const back = screenToDrawing(drawingToScreen(point, box, view), box, view);
        expect(close(back.x, point.x) && close(back.y, point.y)).toBe(true);
      }
    }
  });

  it('finds the ring and sector a person drops on: the middle of ring 1 in the first sector, on screen', () => {
    const placement = placeEntries({ ringCount: 4, sectorKeys: TEST_SECTORS }, []);
    const { inner, outer } = ringBounds(1, placement.geometry);
    const r = (inner + outer) / 2;
    const square: ViewBox = [-400, -400, 800, 800];
    const box = { left: 0, top: 0, width: 600, height: 600 };
    const onScreen = drawingToScreen({ x: r * Math.sin(Math.PI / 4), y: -r * Math.cos(Math.PI / 4) }, box, square);
    const point = screenToDrawing(onScreen, box, square);
    expect(dropTarget({ ringCount: 4, sectorKeys: TEST_SECTORS }, BASE_GEOMETRY, point)).toEqual({ ring: 1, sector: 'FAMILY' });
  });
});

describe('zoomedViewBox (issue 13)', () => {
  const fit: ViewBox = [-100, -50, 200, 100];

  it('shows the whole drawing at zoom 1, whatever the centre', () => {
    expect(zoomedViewBox(fit, 1, { x: 80, y: 80 })).toEqual(fit);
  });

  it('shows a part around the centre when zoomed in, never beyond an edge, and never more than 4×', () => {
    expect(zoomedViewBox(fit, 2, { x: 0, y: 0 })).toEqual([-50, -25, 100, 50]);
    // Towards the right edge: the view stops at it.
    expect(zoomedViewBox(fit, 2, { x: 95, y: 0 })).toEqual([0, -25, 100, 50]);
    expect(zoomedViewBox(fit, 2, { x: -500, y: -500 })).toEqual([-100, -50, 100, 50]);
    expect(zoomedViewBox(fit, 10, { x: 0, y: 0 })).toEqual([-25, -12.5, 50, 25]);
  });
});

describe('cellPath (issue 13)', () => {
  it('outlines a quarter ring cell from the outer edge round to the inner edge', () => {
    // Sector 0 of 4: from 12 o'clock to 3 o'clock, between radius 56 and 128.
    expect(cellPath(56, 128, 0, 4)).toBe('M0 -128A128 128 0 0 1 128 0L56 0A56 56 0 0 0 0 -56Z');
  });

  it('uses the large arc for a sector wider than half the circle, and a whole ring for one sector', () => {
    expect(cellPath(10, 20, 0, 1)).toContain('M0 -10');
    expect(cellPath(10, 20, 0, 1)).toContain('M0 -20');
    // Two sectors are exactly half the circle each: not large.
    expect(cellPath(10, 20, 1, 2)).toContain('A20 20 0 0 1');
  });
});

describe('keyboard order (issue 13)', () => {
  const entries = [
    { id: 'far', ring: 3, angle: 0.1 },
    { id: 'close-late', ring: 1, angle: 4 },
    { id: 'close-early', ring: 1, angle: 0.5 },
    { id: 'middle', ring: 2, angle: 6 },
  ];

  it('goes ring by ring from the middle outwards, clockwise from 12 o’clock within a ring', () => {
    expect(keyboardOrder(entries)).toEqual(['close-early', 'close-late', 'middle', 'far']);
  });

  it('moves with the arrow keys (wrapping round), Home and End, and ignores other keys', () => {
    const order = keyboardOrder(entries);
    expect(nextInOrder(order, 'close-early', 'ArrowRight')).toBe('close-late');
    expect(nextInOrder(order, 'close-early', 'ArrowDown')).toBe('close-late');
    expect(nextInOrder(order, 'close-early', 'ArrowLeft')).toBe('far');
    expect(nextInOrder(order, 'far', 'ArrowRight')).toBe('close-early');
    expect(nextInOrder(order, 'middle', 'Home')).toBe('close-early');
    expect(nextInOrder(order, 'middle', 'End')).toBe('far');
    expect(nextInOrder(order, 'middle', 'a')).toBeNull();
    expect(nextInOrder([], 'x', 'ArrowRight')).toBeNull();
  });
});
