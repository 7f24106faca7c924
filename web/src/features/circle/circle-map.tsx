import { nl } from '../../messages/nl';
import { CircleLegend } from '../circle-drawing/circle-legend';
import type { CircleDrawingModel } from '../circle-drawing/drawing-model';
import { CircleDrawing } from './editable-circle';
import type { DropTarget } from '../circle-drawing/drop-target';
import type { CircleShape } from '../circle-drawing/placement';
import './circle-map.css';

interface CircleMapProps {
  readonly clientName: string;
  readonly model: CircleDrawingModel;
  readonly shape: CircleShape;
  /** Each entry's accessible name on the editor's drawing. */
  readonly entryName?: ((entryId: string) => string) | undefined;
  /**
   * The editor: called when an entry is dropped in another ring or sector. Return false when the
   * move is not taken (the entry goes back to its place).
   */
  readonly onMove?: ((entryId: string, to: DropTarget) => boolean) | undefined;
  /** The editor: Enter or Space on an entry of the drawing shows it in the list. */
  readonly onOpen?: ((entryId: string) => void) | undefined;
}

export function CircleMap({ clientName, model, shape, entryName, onMove, onOpen }: CircleMapProps) {
  return (
    <section className="map-panel" aria-labelledby="circle-map-title">
      <h2 id="circle-map-title">{nl.circle.mapTitle}</h2>
      <p>{nl.circle.mapHelp}</p>
      {onMove ? (
        <p className="muted">
          {nl.editor.mapHelpEditable} {nl.editor.mapHelpKeys}
        </p>
      ) : null}
      <CircleDrawing
        clientName={clientName}
        model={model}
        shape={shape}
        label={nl.circle.graphLabel(clientName, model.nodes.length)}
        entryName={entryName}
        onMove={onMove}
        onOpen={onOpen}
      />
      <CircleLegend />
    </section>
  );
}
