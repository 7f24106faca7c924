import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type LayoutOptions,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { nl } from '../messages/nl';
import { FitIcon, ZoomInIcon, ZoomOutIcon } from './icons';

export interface GraphCanvasProps {
  readonly elements: readonly ElementDefinition[];
  readonly stylesheet: StylesheetJson;
  readonly layout: LayoutOptions;
  /** What the drawing shows, for screen readers (the page also has a text alternative). */
  readonly label: string;
  readonly className?: string;
  /** Inline style of the drawing's box (for example an aspect-ratio that fits the drawing). */
  readonly style?: CSSProperties | undefined;
  /** Room around the drawing when it is fitted into its box, in screen pixels. */
  readonly padding?: number;
  /**
   * Makes grabbable nodes draggable (nodes whose style has `events: yes`). Called with the node's
   * id and its drawing coordinates when it is dropped; return false to put it back where it was.
   * While the answer is on its way the node stays where it was dropped; new `elements` replace it.
   */
  readonly onNodeDrop?: ((nodeId: string, position: { readonly x: number; readonly y: number }) => boolean) | undefined;
  /** Called with a node's id when it is clicked or tapped (nodes whose style has `events: yes`). */
  readonly onNodeTap?: ((nodeId: string) => void) | undefined;
  /** Extra classes per element id, on top of the classes in `elements`; changing them moves nothing. */
  readonly extraClasses?: ReadonlyMap<string, string> | undefined;
  /** Called after every layout, once the drawing is fitted (for PNG downloads and printing). */
  readonly onReady?: ((cy: Core) => void) | undefined;
}

/** Browser tests read the instance from the drawing's box under this (non-enumerable) name. */
export const CY_PROPERTY = '__wijkkringCy';

/** Sets each element's classes to the ones it was added with plus its extra classes. */
function applyClasses(cy: Core, extra: ReadonlyMap<string, string> | undefined): void {
  cy.elements().forEach((element) => {
    const base = (element.scratch('baseClasses') as string | undefined) ?? '';
    const more = extra?.get(element.id()) ?? '';
    const next = more ? `${base} ${more}` : base;
    if (element.classes().join(' ') !== next) element.classes(next);
  });
}

/** A fitted drawing is never enlarged beyond this: three organisations should not fill the screen. */
const FIT_MAX_ZOOM = 1.5;
const ZOOM_STEP = 1.5;

/**
 * Owns one cytoscape instance: creates it when mounted, replaces its elements when they change,
 * keeps the drawing fitted to its box, and destroys it when unmounted.
 *
 * Read-only unless `onNodeDrop` is given (the circle editor): then the nodes that take events
 * can be dragged. Until the user zooms in with the buttons, the background takes no touch or mouse
 * gestures, so a finger on it scrolls the page as usual on a tablet; once zoomed in, dragging the
 * background moves the drawing, and "Hele kaart" goes back.
 *
 * `data-graph-ready="true"` is set on the box once the layout has run (browser tests wait for it).
 */
export function GraphCanvas({
  elements,
  stylesheet,
  layout,
  label,
  className,
  style,
  padding = 16,
  onNodeDrop,
  onNodeTap,
  extraClasses,
  onReady,
}: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const paddingRef = useRef(padding);
  const onNodeDropRef = useRef(onNodeDrop);
  const onNodeTapRef = useRef(onNodeTap);
  const onReadyRef = useRef(onReady);
  const extraClassesRef = useRef(extraClasses);
  const draggable = onNodeDrop !== undefined;
  const fitZoomRef = useRef(1);
  const [zoomed, setZoomed] = useState(false);

  useEffect(() => {
    paddingRef.current = padding;
  }, [padding]);

  useEffect(() => {
    onNodeDropRef.current = onNodeDrop;
  }, [onNodeDrop]);

  useEffect(() => {
    onNodeTapRef.current = onNodeTap;
    onReadyRef.current = onReady;
  }, [onNodeTap, onReady]);

  /** Shows the whole drawing and switches dragging off. */
  const fitAll = (cy: Core) => {
    cy.fit(undefined, paddingRef.current);
    if (cy.zoom() > FIT_MAX_ZOOM) {
      cy.zoom(FIT_MAX_ZOOM);
      cy.center();
    }
    fitZoomRef.current = cy.zoom();
    cy.userPanningEnabled(false);
    setZoomed(false);
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const cy = cytoscape({
      container,
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
    });
    cyRef.current = cy;
    Object.defineProperty(container, CY_PROPERTY, { value: cy, configurable: true, enumerable: false });
    cy.on('tap', 'node', (event) => {
      onNodeTapRef.current?.((event.target as NodeSingular).id());
    });
    cy.on('mouseover', 'node', () => {
      if (onNodeTapRef.current) container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      container.style.cursor = '';
    });
    // Where a grabbed node was, so a drop that means nothing can put it back.
    let grabbedAt: { x: number; y: number } | null = null;
    cy.on('grab', 'node', (event) => {
      const { x, y } = (event.target as NodeSingular).position();
      grabbedAt = { x, y };
    });
    cy.on('dragfree', 'node', (event) => {
      const node = event.target as NodeSingular;
      const { x, y } = node.position();
      const accepted = onNodeDropRef.current?.(node.id(), { x, y }) ?? false;
      if (!accepted && grabbedAt) node.position(grabbedAt);
      grabbedAt = null;
    });
    const observer = new ResizeObserver(() => {
      cy.resize();
      fitAll(cy);
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      cy.destroy();
      Reflect.deleteProperty(container, CY_PROPERTY);
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  // After the instance exists (effects run in order): only an editor's drawing can be dragged.
  useEffect(() => {
    cyRef.current?.autoungrabify(!draggable);
  }, [draggable]);

  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return undefined;
    container.dataset['graphReady'] = 'false';
    cy.batch(() => {
      cy.elements().remove();
      cy.add([...elements]);
      cy.elements().forEach((element) => {
        element.scratch('baseClasses', element.classes().join(' '));
      });
      applyClasses(cy, extraClassesRef.current);
    });
    const run = cy.layout(layout);
    run.one('layoutstop', () => {
      fitAll(cy);
      container.dataset['graphReady'] = 'true';
      onReadyRef.current?.(cy);
    });
    run.run();
    return () => {
      run.stop();
    };
  }, [elements, layout]);

  useEffect(() => {
    extraClassesRef.current = extraClasses;
    const cy = cyRef.current;
    if (cy) cy.batch(() => applyClasses(cy, extraClasses));
  }, [extraClasses]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    const level = Math.min(cy.maxZoom(), cy.zoom() * factor);
    if (level <= fitZoomRef.current * 1.01) {
      fitAll(cy);
      return;
    }
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    cy.userPanningEnabled(true);
    setZoomed(true);
  };

  return (
    <div className="graph">
      <div className="graph-tools" role="group" aria-label={nl.graph.controls}>
        <button type="button" className="button secondary small" onClick={() => zoomBy(ZOOM_STEP)}>
          <ZoomInIcon /> {nl.graph.zoomIn}
        </button>
        <button type="button" className="button secondary small" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={!zoomed}>
          <ZoomOutIcon /> {nl.graph.zoomOut}
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            if (cyRef.current) fitAll(cyRef.current);
          }}
          disabled={!zoomed}
        >
          <FitIcon /> {nl.graph.fit}
        </button>
        {zoomed ? <span className="graph-tools-help">{nl.graph.zoomHelp}</span> : null}
      </div>
      <div
        ref={containerRef}
        className={className ? `graph-canvas ${className}` : 'graph-canvas'}
        style={style}
        role="img"
        aria-label={label}
        data-panning={zoomed ? 'true' : 'false'}
      />
    </div>
  );
}
