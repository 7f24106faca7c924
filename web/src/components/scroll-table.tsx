import { useId, type ReactNode } from 'react';
import './scroll-table.css';

/**
 * A table that scrolls sideways inside its own box, never the page: the box is a named region
 * and a tab stop, so it scrolls with the keyboard too. Shared by "Wijken vergelijken" and
 * "Onderzoek"; each adds its own classes for what differs.
 */
export function ScrollTable({
  caption,
  boxClassName,
  tableClassName,
  children,
}: {
  readonly caption: ReactNode;
  readonly boxClassName?: string;
  readonly tableClassName?: string;
  readonly children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div
      className={['scroll-table-box', boxClassName].filter(Boolean).join(' ')}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className={['data-table', 'scroll-table', tableClassName].filter(Boolean).join(' ')}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
