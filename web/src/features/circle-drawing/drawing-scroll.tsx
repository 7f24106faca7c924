import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CircleDrawingModel } from './drawing-model';
import './drawing-scroll.css';

/**
 * The smallest size a circle drawing may be shown at: its natural size, where one drawing unit is
 * one CSS pixel and so no text is under 16 px (drawing-model.ts). Wider boxes scale it up.
 */
export function naturalSize(model: CircleDrawingModel): { minWidth: string; minHeight: string; aspectRatio: string } {
  const [, , width, height] = model.viewBox;
  // Plus the drawing's 1 px border on each side (border-box sizing), so the inside is the whole natural size.
  return {
    minWidth: `${String(Math.ceil(width) + 2)}px`,
    minHeight: `${String(Math.ceil(height) + 2)}px`,
    aspectRatio: `${String(width)} / ${String(height)}`,
  };
}

/**
 * Around a drawing shown at least at its natural size: when that is wider than the column (a
 * crowded circle, or the page zoomed to 200 %), the drawing scrolls sideways inside this box
 * instead of shrinking its names or pushing the page wider (WCAG 1.4.4, 1.4.10). Only then is the
 * box a named region; and a keyboard stop when nothing inside can take focus (a picture only), so
 * it can be scrolled without a mouse. In the editor the entries take focus and scroll into view.
 */
export function DrawingScroll({
  label,
  focusable,
  children,
}: {
  readonly label: string;
  /** Whether the box itself should take focus when it scrolls: not when its content has focusable parts. */
  readonly focusable: boolean;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return undefined;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, [children]);
  return (
    <div
      ref={ref}
      className="drawing-scroll"
      data-overflows={overflows ? 'true' : 'false'}
      {...(overflows ? { role: 'region', 'aria-label': label, ...(focusable ? { tabIndex: 0 } : {}) } : {})}
    >
      {children}
    </div>
  );
}
