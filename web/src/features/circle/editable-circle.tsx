import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { FitIcon, ZoomInIcon, ZoomOutIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { CircleGuides, CircleRings, ClientName, EntryNode, FONT } from '../circle-drawing/circle-svg';
import { NODE_RADIUS, type CircleDrawingModel, type DrawnNode } from '../circle-drawing/drawing-model';
import { DrawingScroll, naturalSize } from '../circle-drawing/drawing-scroll';
import {
  cellPath,
  centreOf,
  keyboardOrder,
  nextInOrder,
  screenToDrawing,
  zoomedViewBox,
  MAX_ZOOM,
  type Point,
  type ScreenRect,
  type ViewBox,
} from '../circle-drawing/circle-view';
import { dropTarget, type DropTarget } from '../circle-drawing/drop-target';
import { ringBounds, type CircleShape } from '../circle-drawing/placement';

const CLIENT_FILL = '#1f4e79';
const ZOOM_STEP = 1.5;
/** Half the smallest distance between two entries (placement.ts): the pointer's target around a node, never overlapping the next. */
const HIT_RADIUS = 18;
/** Pointer travel (screen pixels) before a press on an entry becomes a drag. */
const DRAG_SLOP = 4;

interface CircleDrawingProps {
  readonly clientName: string;
  readonly model: CircleDrawingModel;
  readonly shape: CircleShape;
  /** What a screen reader says for the whole drawing (nl.circle.graphLabel). */
  readonly label: string;
  /** Each entry's accessible name in the editor (name, ring and group). */
  readonly entryName?: ((entryId: string) => string) | undefined;
  /**
   * The editor: entries can be dragged (mouse, finger, pen) and reached with the keyboard. Called
   * when an entry is dropped in another ring or sector; return false when the move is not taken
   * (the entry goes back). A taken move leaves the entry where it was dropped until a new `model`
   * (the answer, or a redraw after a refusal) puts it in its place.
   */
  readonly onMove?: ((entryId: string, to: DropTarget) => boolean) | undefined;
  /** Enter or Space on an entry of the editor's drawing: show that entry in the list. */
  readonly onOpen?: ((entryId: string) => void) | undefined;
}

interface Drag {
  readonly id: string;
  readonly pointerId: number;
  /** Where on the node it was taken (node centre minus pointer), in drawing units. */
  readonly grab: Point;
  readonly start: Point;
  readonly at: Point;
  readonly moving: boolean;
}

interface Pan {
  readonly pointerId: number;
  readonly start: Point;
  readonly centre: Point;
}

/** The inner box of the SVG element (inside its border) on the screen. */
function contentRect(svg: SVGSVGElement): ScreenRect {
  const box = svg.getBoundingClientRect();
  return { left: box.left + svg.clientLeft, top: box.top + svg.clientTop, width: svg.clientWidth, height: svg.clientHeight };
}

/**
 * The netwerkcirkel on the circle page, in SVG (issue 13: no cytoscape, so the page loads less than
 * half the script it did). The picture is the print view's drawing model; this adds what a person
 * does with it: dragging an entry to another ring or group with a mouse, a finger or a pen
 * (Pointer Events with capture), the arrow keys from entry to entry, and zooming with buttons.
 *
 * Read-only (no `onMove`) it is one image with a text alternative, as before. In the editor it is a
 * group of buttons, one per entry, with a single Tab stop: the arrow keys, Home and End go from entry
 * to entry (ring by ring, clockwise), Enter or Space shows the entry in the list, whose buttons do
 * everything dragging does (WCAG 2.5.7).
 *
 * `data-graph-ready="true"` is on the drawing from its first render (browser tests wait for it).
 */
export function CircleDrawing({ clientName, model, shape, label, entryName, onMove, onOpen }: CircleDrawingProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const entryRefs = useRef(new Map<string, SVGGElement>());
  const dragRef = useRef<Drag | null>(null);
  const panRef = useRef<Pan | null>(null);
  const [drag, setDragState] = useState<Drag | null>(null);
  // A taken drop stays where it was dropped while the answer is on its way; any new model replaces it.
  const [dropped, setDropped] = useState<{ readonly id: string; readonly at: Point; readonly model: CircleDrawingModel } | null>(
    null,
  );
  const [zoom, setZoom] = useState<{ readonly level: number; readonly centre: Point } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const editable = onMove !== undefined;
  const { placement } = model;
  const { geometry } = placement;

  const viewBox: ViewBox = zoom ? zoomedViewBox(model.viewBox, zoom.level, zoom.centre) : model.viewBox;
  const order = useMemo(() => keyboardOrder(placement.placed), [placement]);
  const tabStop = current !== null && order.includes(current) ? current : order[0];
  const nodeById = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model]);

  // A finger on an entry drags it instead of scrolling the page. `touch-action: none` says so in CSS,
  // but browsers do not all honour it on SVG shapes; a touchstart that is not passive does (React's are).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !editable) return undefined;
    const hold = (event: TouchEvent) => {
      if (event.target instanceof Element && event.target.closest('[data-entry-id]')) event.preventDefault();
    };
    svg.addEventListener('touchstart', hold, { passive: false });
    return () => svg.removeEventListener('touchstart', hold);
  }, [editable]);

  const setDrag = (next: Drag | null) => {
    dragRef.current = next;
    setDragState(next);
  };

  const pointOf = (event: { clientX: number; clientY: number }): Point | null => {
    const svg = svgRef.current;
    return svg ? screenToDrawing({ x: event.clientX, y: event.clientY }, contentRect(svg), viewBox) : null;
  };

  /** Where an entry is drawn now: following the pointer, where it was dropped, or its place. */
  const positionOf = (node: DrawnNode): Point => {
    if (drag?.id === node.id && drag.moving) return drag.at;
    if (dropped?.id === node.id && dropped.model === model) return dropped.at;
    return node;
  };

  /** The ring and sector a drop at `at` would move the entry to, or null when it changes nothing. */
  const targetOf = (id: string, at: Point): DropTarget | null => {
    const target = dropTarget(shape, geometry, at);
    const from = placement.placed.find((p) => p.id === id);
    if (!target || !from) return null;
    if (target.ring === from.ring && target.sector === shape.sectorKeys[from.sectorIndex]) return null;
    return target;
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const svg = svgRef.current;
    const point = pointOf(event);
    if (!svg || !point || dragRef.current || panRef.current) return;
    const entry = editable ? (event.target as Element).closest<SVGGElement>('[data-entry-id]') : null;
    const node = entry ? nodeById.get(entry.dataset['entryId'] ?? '') : undefined;
    if (entry && node) {
      // No text selection, no compatibility mouse events; focus goes to the entry (no visible ring for a pointer).
      event.preventDefault();
      entry.focus({ preventScroll: true });
      setCurrent(node.id);
      svg.setPointerCapture(event.pointerId);
      setDrag({
        id: node.id,
        pointerId: event.pointerId,
        grab: { x: node.x - point.x, y: node.y - point.y },
        start: { x: event.clientX, y: event.clientY },
        at: { x: node.x, y: node.y },
        moving: false,
      });
      return;
    }
    if (zoom) {
      // Zoomed in, the background moves the view (not zoomed in, a finger scrolls the page).
      event.preventDefault();
      svg.setPointerCapture(event.pointerId);
      panRef.current = { pointerId: event.pointerId, start: { x: event.clientX, y: event.clientY }, centre: centreOf(viewBox) };
    }
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = dragRef.current;
    if (current && current.pointerId === event.pointerId) {
      const point = pointOf(event);
      if (!point) return;
      const moving = current.moving || Math.hypot(event.clientX - current.start.x, event.clientY - current.start.y) >= DRAG_SLOP;
      setDrag({ ...current, moving, at: { x: point.x + current.grab.x, y: point.y + current.grab.y } });
      return;
    }
    const pan = panRef.current;
    const svg = svgRef.current;
    if (pan && pan.pointerId === event.pointerId && svg && zoom) {
      const rect = contentRect(svg);
      const scale = Math.min(rect.width / viewBox[2], rect.height / viewBox[3]);
      const centre = {
        x: pan.centre.x - (event.clientX - pan.start.x) / scale,
        y: pan.centre.y - (event.clientY - pan.start.y) / scale,
      };
      const box = zoomedViewBox(model.viewBox, zoom.level, centre);
      setZoom({ level: zoom.level, centre: centreOf(box) });
    }
  };

  const endPointer = (event: PointerEvent<SVGSVGElement>, cancelled: boolean) => {
    const current = dragRef.current;
    if (current && current.pointerId === event.pointerId) {
      setDrag(null);
      if (cancelled || !current.moving || !onMove) return;
      const target = targetOf(current.id, current.at);
      if (target && onMove(current.id, target)) setDropped({ id: current.id, at: current.at, model });
      return;
    }
    if (panRef.current?.pointerId === event.pointerId) panRef.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen?.(id);
      return;
    }
    const next = nextInOrder(order, id, event.key);
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    entryRefs.current.get(next)?.focus();
  };

  const zoomBy = (factor: number) => {
    const level = Math.min(MAX_ZOOM, (zoom?.level ?? 1) * factor);
    if (level <= 1.01) {
      setZoom(null);
      return;
    }
    setZoom({ level, centre: zoom?.centre ?? centreOf(model.viewBox) });
  };

  const [x, y, width, height] = viewBox;
  const moving = drag?.moving ? drag : null;
  const target = moving ? targetOf(moving.id, moving.at) : null;
  const targetCell = target
    ? cellPath(
        ringBounds(target.ring, geometry).inner,
        ringBounds(target.ring, geometry).outer,
        shape.sectorKeys.indexOf(target.sector),
        shape.sectorKeys.length,
      )
    : null;
  const movingNode = moving ? nodeById.get(moving.id) : undefined;

  return (
    <div className="graph">
      <div className="graph-tools" role="group" aria-label={nl.graph.controls}>
        <button
          type="button"
          className="button secondary small"
          onClick={() => zoomBy(ZOOM_STEP)}
          disabled={(zoom?.level ?? 1) >= MAX_ZOOM}
        >
          <ZoomInIcon /> {nl.graph.zoomIn}
        </button>
        <button type="button" className="button secondary small" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={!zoom}>
          <ZoomOutIcon /> {nl.graph.zoomOut}
        </button>
        <button type="button" className="button secondary small" onClick={() => setZoom(null)} disabled={!zoom}>
          <FitIcon /> {nl.graph.fit}
        </button>
        {zoom ? <span className="graph-tools-help">{nl.graph.zoomHelp}</span> : null}
      </div>
      <DrawingScroll label={nl.drawing.scrollLabel} focusable={!editable}>
        <svg
          ref={svgRef}
          className="graph-canvas circle-graph circle-drawing"
          style={naturalSize(model)}
          viewBox={`${String(x)} ${String(y)} ${String(width)} ${String(height)}`}
          role={editable ? 'group' : 'img'}
          aria-label={label}
          fontFamily={FONT}
          data-graph-ready="true"
          data-panning={zoom ? 'true' : 'false'}
          data-dragging={moving ? 'true' : 'false'}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={(event) => endPointer(event, false)}
          onPointerCancel={(event) => endPointer(event, true)}
          onLostPointerCapture={(event) => endPointer(event, true)}
        >
          <g aria-hidden="true">
            <CircleRings model={model} />
            {targetCell ? <path className="drop-cell" d={targetCell} fillRule="evenodd" /> : null}
            <CircleGuides model={model} />
            <circle cx={0} cy={0} r={model.innerRadius - 5} fill={CLIENT_FILL} />
            <ClientName name={clientName} fill="#ffffff" disc={CLIENT_FILL} />
            {model.ties.map((tie) => {
              const from = nodeById.get(tie.from);
              const to = nodeById.get(tie.to);
              if (!from || !to) return null;
              const a = positionOf(from);
              const b = positionOf(to);
              return (
                <line key={tie.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={CLIENT_FILL} strokeOpacity={0.6} strokeWidth={2} />
              );
            })}
          </g>
          {model.nodes.map((node) => {
            const at = drag?.id === node.id && drag.moving ? node : positionOf(node);
            const drawn = { ...node, ...at };
            return (
              <g
                key={node.id}
                ref={(element) => {
                  if (element) entryRefs.current.set(node.id, element);
                  else entryRefs.current.delete(node.id);
                }}
                className={moving?.id === node.id ? 'circle-entry left-behind' : 'circle-entry'}
                data-entry-id={node.id}
                {...(editable
                  ? {
                      role: 'button',
                      tabIndex: node.id === tabStop ? 0 : -1,
                      'aria-label': entryName?.(node.id) ?? node.label,
                      onKeyDown: (event: KeyboardEvent<SVGGElement>) => onKeyDown(event, node.id),
                      onFocus: () => setCurrent(node.id),
                    }
                  : {})}
              >
                {editable ? (
                  <>
                    <circle className="hit-area" cx={drawn.x} cy={drawn.y} r={HIT_RADIUS} />
                    <circle className="focus-halo" cx={drawn.x} cy={drawn.y} r={NODE_RADIUS + 9} />
                    <circle className="focus-ring" cx={drawn.x} cy={drawn.y} r={NODE_RADIUS + 7} />
                  </>
                ) : null}
                <EntryNode node={drawn} />
              </g>
            );
          })}
          {/* The entry being dragged, on top of everything; its place shows a faint copy until the drop. */}
          {moving && movingNode ? (
            <g className="circle-entry dragged" aria-hidden="true">
              <EntryNode node={{ ...movingNode, ...moving.at }} />
            </g>
          ) : null}
        </svg>
      </DrawingScroll>
    </div>
  );
}
