import type { ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';
import { nl } from '../messages/nl';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly confirmIcon?: ReactNode;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
}

/**
 * "Are you sure?" as a modal <dialog>: the browser keeps focus inside, Escape cancels, and focus
 * returns to the button that opened it. "Annuleren" comes first, so showModal() focuses it and
 * Enter never destroys anything by accident.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmIcon,
  onConfirm,
  onCancel,
  busy = false,
}: ConfirmDialogProps) {
  return (
    <ModalDialog open={open} title={title} onClose={onCancel} className="dialog">
      {children}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onCancel}>
          {nl.form.cancel}
        </button>
        <button type="button" className="button danger" onClick={onConfirm} disabled={busy}>
          {confirmIcon} {busy ? nl.form.saving : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
