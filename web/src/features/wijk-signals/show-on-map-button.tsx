import { PinIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import type { WijkHighlight } from './highlight';

const texts = nl.wijkSignals;

/** "Toon op de kaart" for a signal or action; while its nodes are marked, "Markering wissen" instead. */
export function ShowOnMapButton({
  target,
  highlighted,
  onHighlight,
}: {
  /** What to mark; its label is read out with the button. */
  readonly target: WijkHighlight;
  readonly highlighted: boolean;
  readonly onHighlight: (h: WijkHighlight | null) => void;
}) {
  return highlighted ? (
    <button type="button" className="button secondary small" onClick={() => onHighlight(null)}>
      {texts.clearHighlight}
    </button>
  ) : (
    <button
      type="button"
      className="button secondary small"
      aria-label={texts.showOnMapLabel(target.label)}
      onClick={() => onHighlight(target)}
    >
      <PinIcon /> {texts.showOnMap}
    </button>
  );
}
