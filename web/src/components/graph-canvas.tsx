import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface GraphCanvasProps {
  readonly elements: readonly ElementDefinition[];
  readonly stylesheet: StylesheetJson;
  readonly layout: LayoutOptions;
  /** What the drawing shows, for screen readers (the page also has a text alternative). */
  readonly label: string;
  readonly className?: string;
  /** Room around the drawing when it is fitted into its box, in screen pixels. */
  readonly padding?: number;
}

/**
 * Owns one cytoscape instance: creates it when mounted, replaces its elements when they change,
 * keeps the drawing fitted to its box, and destroys it when unmounted. Read-only: no dragging,
 * panning or zooming, so the page scrolls normally under a finger on a tablet.
 *
 * `data-graph-ready="true"` is set on the box once the layout has run (browser tests wait for it).
 */
export function GraphCanvas({ elements, stylesheet, layout, label, className, padding = 16 }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const paddingRef = useRef(padding);

  useEffect(() => {
    paddingRef.current = padding;
  }, [padding]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const cy = cytoscape({
      container,
      elements: [],
      minZoom: 0.1,
      // A wijk with three organisations should not fill the screen with three huge shapes.
      maxZoom: 1.5,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
    });
    cyRef.current = cy;
    const observer = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, paddingRef.current);
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
      cy.fit(undefined, paddingRef.current);
      container.dataset['graphReady'] = 'true';
    });
    run.run();
    return () => {
      run.stop();
    };
  }, [elements, layout]);

  return (
    <div ref={containerRef} className={className ? `graph-canvas ${className}` : 'graph-canvas'} role="img" aria-label={label} />
  );
}
