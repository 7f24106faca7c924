import type { PresetLayoutOptions } from 'cytoscape';
import { useCallback } from 'react';
import { GraphCanvas } from '../../components/graph-canvas';
import { nl } from '../../messages/nl';
import { CircleLegend } from '../circle-print/circle-legend';
import type { CircleDrawing } from './circle-elements';
import { CIRCLE_STYLESHEET } from './circle-style';
import { dropTarget, type DropTarget } from './drop-target';
import type { CircleShape } from './placement';

/** Positions come from placement.ts; the layout only applies them. */
const LAYOUT: PresetLayoutOptions = { name: 'preset', fit: true, padding: 12, animate: false };

interface CircleMapProps {
  readonly clientName: string;
  readonly drawing: CircleDrawing;
  readonly shape: CircleShape;
  /**
   * The editor: called when an entry is dropped in another ring or sector. Return false when the
   * move is not taken (the entry goes back to its place).
   */
  readonly onMove?: ((entryId: string, to: DropTarget) => boolean) | undefined;
}

export function CircleMap({ clientName, drawing, shape, onMove }: CircleMapProps) {
  const { elements, placement } = drawing;
  const { geometry } = placement;

  // From the drop point to ring and sector (the inverse of placement); a drop on the client or
  // outside the rings, or in the cell the entry came from, changes nothing.
  const onNodeDrop = useCallback(
    (nodeId: string, position: { readonly x: number; readonly y: number }) => {
      if (!onMove || !nodeId.startsWith('entry-')) return false;
      const entryId = nodeId.slice('entry-'.length);
      const target = dropTarget(shape, geometry, position);
      const from = placement.placed.find((p) => p.id === entryId);
      if (!target || !from) return false;
      if (target.ring === from.ring && target.sector === shape.sectorKeys[from.sectorIndex]) return false;
      return onMove(entryId, target);
    },
    [onMove, shape, geometry, placement],
  );

  return (
    <section className="map-panel" aria-labelledby="circle-map-title">
      <h2 id="circle-map-title">{nl.circle.mapTitle}</h2>
      <p>{nl.circle.mapHelp}</p>
      {onMove ? <p className="muted">{nl.editor.mapHelpEditable}</p> : null}
      <GraphCanvas
        className="circle-graph"
        elements={elements}
        stylesheet={CIRCLE_STYLESHEET}
        layout={LAYOUT}
        padding={12}
        label={nl.circle.graphLabel(clientName, placement.placed.length)}
        onNodeDrop={onMove ? onNodeDrop : undefined}
      />
      <CircleLegend />
    </section>
  );
}
