import { useId, type ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box, never the page: the box is a named region
 * and a tab stop, so it scrolls with the keyboard too.
 */
export function ScrollTable({
  caption,
  className,
  children,
}: {
  readonly caption: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="research-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className ? `data-table research-table ${className}` : 'data-table research-table'}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
