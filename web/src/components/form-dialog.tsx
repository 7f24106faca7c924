import { useEffect, useId, useRef, type ReactNode } from 'react';

interface FormDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
}

/**
 * A modal <dialog> holding a form: the browser keeps focus inside and Escape closes it. When it
 * opens, focus goes to the first field (`autoFocus` inside works too); when it closes, the browser
 * returns focus to the button that opened it, unless the caller moves it somewhere better.
 * The contents are only rendered while open, so every opening starts with a fresh form.
 */
export function FormDialog({ open, title, onClose, children, className }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog form-dialog ${className}` : 'dialog form-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
