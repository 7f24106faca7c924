import { useId } from 'react';
import { ShapeSwatch } from '../../components/shape-swatch';
import type { EntryKind } from './circle-elements';
import { ENTRY_STYLE, SAFETY_NET_COLOR } from './circle-style';
import { nl } from '../../messages/nl';
import { MarkBadge } from './circle-svg';
import type { ChangeMark } from './drawing-model';

const KINDS: readonly EntryKind[] = ['person', 'professional', 'organisation'];
export const MARKS: readonly ChangeMark[] = ['JOINED', 'CLOSER', 'FURTHER', 'LEFT'];

/** The sign of a change, as a small picture beside its word. */
export function MarkSwatch({ mark }: { readonly mark: ChangeMark }) {
  // Arrows point left, as if the middle of the circle were to the left.
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false" className="swatch">
      <MarkBadge mark={mark} cx={14} cy={14} r={11} inward={{ x: -1, y: 0 }} />
    </svg>
  );
}

interface CircleLegendProps {
  /** Also explain the signs of "Wat is er veranderd". */
  readonly marks?: boolean;
  readonly title?: string;
  /** Under an h2 (a section) it is an h3; straight under the page's h1 (the print) an h2, so no level is skipped. */
  readonly headingLevel?: 2 | 3;
}

/** What the shapes (and the signs of changes) on the drawing mean. */
export function CircleLegend({ marks = false, title = nl.circle.legendTitle, headingLevel = 3 }: CircleLegendProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="legend" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
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
        {marks
          ? MARKS.map((mark) => (
              <li key={mark}>
                <MarkSwatch mark={mark} />
                <span>{nl.history.mark[mark]}</span>
              </li>
            ))
          : null}
      </ul>
    </section>
  );
}
