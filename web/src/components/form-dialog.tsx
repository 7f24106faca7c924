import type { ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';

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
  return (
    <ModalDialog
      open={open}
      title={title}
      onClose={onClose}
      className={className ? `dialog form-dialog ${className}` : 'dialog form-dialog'}
    >
      {children}
    </ModalDialog>
  );
}
