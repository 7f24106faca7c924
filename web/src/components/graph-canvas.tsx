import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type LayoutOptions,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { nl } from '../messages/nl';
import { FitIcon, ZoomInIcon, ZoomOutIcon } from './icons';

export interface GraphCanvasProps {
  readonly elements: readonly ElementDefinition[];
  readonly stylesheet: StylesheetJson;
  readonly layout: LayoutOptions;
  /** What the drawing shows, for screen readers (the page also has a text alternative). */
  readonly label: string;
  readonly className?: string;
  /** Room around the drawing when it is fitted into its box, in screen pixels. */
  readonly padding?: number;
  /**
   * Makes grabbable nodes draggable (nodes whose style has `events: yes`). Called with the node's
   * id and its drawing coordinates when it is dropped; return false to put it back where it was.
   * While the answer is on its way the node stays where it was dropped; new `elements` replace it.
   */
  readonly onNodeDrop?: ((nodeId: string, position: { readonly x: number; readonly y: number }) => boolean) | undefined;
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
export function GraphCanvas({ elements, stylesheet, layout, label, className, padding = 16, onNodeDrop }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const paddingRef = useRef(padding);
  const onNodeDropRef = useRef(onNodeDrop);
  const draggable = onNodeDrop !== undefined;
  const fitZoomRef = useRef(1);
  const [zoomed, setZoomed] = useState(false);

  useEffect(() => {
    paddingRef.current = padding;
  }, [padding]);

  useEffect(() => {
    onNodeDropRef.current = onNodeDrop;
  }, [onNodeDrop]);

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
    });
    const run = cy.layout(layout);
    run.one('layoutstop', () => {
      fitAll(cy);
      container.dataset['graphReady'] = 'true';
    });
    run.run();
    return () => {
      run.stop();
    };
  }, [elements, layout]);

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
        role="img"
        aria-label={label}
        data-panning={zoomed ? 'true' : 'false'}
      />
    </div>
  );
}
