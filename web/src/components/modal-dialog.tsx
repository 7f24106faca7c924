import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly className: string;
  readonly children: ReactNode;
}

/**
 * The shared base of FormDialog and ConfirmDialog: a modal <dialog> opened with showModal() while
 * `open`, so the browser keeps focus inside and returns it to the opener on close. Escape calls
 * `onClose` instead of closing on its own, so `open` stays the one source of truth. The title and
 * contents are only rendered while open, so every opening starts fresh.
 */
export function ModalDialog({ open, title, onClose, className, children }: ModalDialogProps) {
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
      className={className}
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
