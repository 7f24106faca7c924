import type { PresetLayoutOptions } from 'cytoscape';
import { GraphCanvas } from '../../components/graph-canvas';
import { ShapeSwatch } from '../../components/shape-swatch';
import { nl } from '../../messages/nl';
import type { CircleDrawing, EntryKind } from './circle-elements';
import { CIRCLE_STYLESHEET, ENTRY_STYLE, SAFETY_NET_COLOR } from './circle-style';

/** Positions come from placement.ts; the layout only applies them. */
const LAYOUT: PresetLayoutOptions = { name: 'preset', fit: true, padding: 12, animate: false };

const KINDS: readonly EntryKind[] = ['person', 'professional', 'organisation'];

interface CircleMapProps {
  readonly clientName: string;
  readonly drawing: CircleDrawing;
}

export function CircleMap({ clientName, drawing }: CircleMapProps) {
  const { elements, placement } = drawing;

  return (
    <section className="map-panel" aria-labelledby="circle-map-title">
      <h2 id="circle-map-title">{nl.circle.mapTitle}</h2>
      <p>{nl.circle.mapHelp}</p>
      <GraphCanvas
        className="circle-graph"
        elements={elements}
        stylesheet={CIRCLE_STYLESHEET}
        layout={LAYOUT}
        padding={12}
        label={nl.circle.graphLabel(clientName, placement.placed.length)}
      />
      <section className="legend" aria-labelledby="circle-legend-title">
        <h3 id="circle-legend-title">{nl.circle.legendTitle}</h3>
        <ul className="legend-list">
          {KINDS.map((kind) => (
            <li key={kind}>
              <ShapeSwatch shape={ENTRY_STYLE[kind].shape} fill={ENTRY_STYLE[kind].color} double={ENTRY_STYLE[kind].double} />
              <span>{nl.circle.legend[kind]}</span>
            </li>
          ))}
          <li>
            <ShapeSwatch shape="ellipse" fill="#ffffff" ring={SAFETY_NET_COLOR} />
            <span>{nl.circle.legend.safetyNet}</span>
          </li>
        </ul>
      </section>
    </section>
  );
}
