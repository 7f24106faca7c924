import type { Core, PresetLayoutOptions } from 'cytoscape';
import { GraphCanvas } from '../../components/graph-canvas';
import { nl } from '../../messages/nl';
import type { WijkElements } from './elements';
import type { MapColumn } from './model';
import { WijkLegend } from './wijk-legend';
import { WIJK_STYLESHEET } from './wijk-style';
import './wijk-map.css';

/** Positions come from wijk-layout.ts; the layout only applies them. */
const LAYOUT: PresetLayoutOptions = { name: 'preset', fit: true, padding: 16, animate: false };

export interface WijkMapProps {
  readonly label: string;
  readonly drawing: WijkElements;
  readonly extraClasses: ReadonlyMap<string, string>;
  readonly counts: readonly { readonly group: MapColumn; readonly count: number }[];
  readonly onNodeTap: (id: string) => void;
  readonly onReady: (cy: Core) => void;
  readonly children?: React.ReactNode;
}

export function WijkMap({ label, drawing, extraClasses, counts, onNodeTap, onReady, children }: WijkMapProps) {
  return (
    <section className="map-panel" aria-labelledby="wijk-map-title">
      <h2 id="wijk-map-title">{nl.wijk.mapTitle}</h2>
      <p>{nl.wijk.mapHelp}</p>
      {children}
      {drawing.nodeCount === 0 ? (
        <p>{nl.wijk.emptyMap}</p>
      ) : (
        <GraphCanvas
          className="wijk-graph"
          style={{ aspectRatio: String(Math.max(0.8, drawing.aspect)) }}
          elements={drawing.elements}
          stylesheet={WIJK_STYLESHEET}
          layout={LAYOUT}
          label={label}
          extraClasses={extraClasses}
          onNodeTap={onNodeTap}
          onReady={onReady}
        />
      )}
      <WijkLegend counts={counts} />
    </section>
  );
}
