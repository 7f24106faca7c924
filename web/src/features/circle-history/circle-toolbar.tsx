import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ChangesIcon, CheckIcon, InfoIcon, PrinterIcon, SnapshotIcon } from '../../components/icons';
import { FreezeCircleDocument } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { nl } from '../../messages/nl';
import './history.css';

/** Where "Wat is er veranderd" lives. */
export function comparePath(circleId: string): string {
  return `/kring/${encodeURIComponent(circleId)}/veranderd`;
}

export function printPath(circleId: string): string {
  return `/kring/${encodeURIComponent(circleId)}/afdrukken`;
}

interface FreezeDialogProps {
  readonly circleId: string;
  readonly onClose: (frozenAt: string | null) => void;
}

/** "Vastleggen": a calm modal dialog. Escape or "Annuleren" closes it; focus returns to the button. */
function FreezeDialog({ circleId, onClose }: FreezeDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const fieldId = useId();
  const hintId = useId();
  const [label, setLabel] = useState('');
  const [failed, setFailed] = useState(false);
  const [{ fetching }, freeze] = useMutation(FreezeCircleDocument);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setFailed(false);
    const result = await freeze({ input: { circleId, label: label.trim() || null } });
    const snapshot = result.data?.freezeCircle.snapshot;
    if (result.error || !snapshot) {
      setFailed(true);
      return;
    }
    onClose(snapshot.frozenAt ?? snapshot.createdAt);
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        if (!fetching) onClose(null);
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>
          <SnapshotIcon /> {nl.history.freezeTitle}
        </h2>
        <p id={textId}>{nl.history.freezeText}</p>
        <div className="field">
          <label htmlFor={fieldId}>
            {nl.history.freezeLabel} <span className="muted">({nl.form.optional})</span>
          </label>
          <p className="field-hint" id={hintId}>
            {nl.history.freezeLabelHint}
          </p>
          <input
            id={fieldId}
            className="input"
            type="text"
            maxLength={80}
            autoComplete="off"
            aria-describedby={hintId}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
        {failed ? (
          <p className="field-problem" role="alert">
            <InfoIcon /> {nl.history.freezeFailed}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => onClose(null)} disabled={fetching}>
            {nl.form.cancel}
          </button>
          <button type="submit" className="button" disabled={fetching}>
            <SnapshotIcon /> {fetching ? nl.history.freezeSaving : nl.history.freeze}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface CircleToolbarProps {
  readonly circleId: string;
  /** The viewer may change this circle (it is open, and theirs or shared with them to edit). */
  readonly editable: boolean;
  /** This is a frozen snapshot, not the open circle. */
  readonly frozen: boolean;
}

/** Vastleggen, Wat is er veranderd, Afdrukken: what one can do with a whole circle. */
export function CircleToolbar({ circleId, editable, frozen }: CircleToolbarProps) {
  const labelId = useId();
  const [open, setOpen] = useState(false);
  const [frozenAt, setFrozenAt] = useState<string | null>(null);
  const freezeButton = useRef<HTMLButtonElement>(null);
  // Focus goes back to "Vastleggen" once the dialog is gone (issue 14). Focusing it while the modal
  // dialog is still open does nothing (the rest of the page is inert), and focus fell to the top.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      freezeButton.current?.focus();
    }
  }, [open]);

  return (
    <div className="circle-toolbar">
      <h2 id={labelId} className="visually-hidden">
        {nl.history.toolbarLabel}
      </h2>
      <div role="group" aria-labelledby={labelId} className="circle-toolbar-actions">
        {editable && !frozen ? (
          <button
            ref={freezeButton}
            type="button"
            className="button secondary"
            aria-haspopup="dialog"
            onClick={() => {
              setFrozenAt(null);
              setOpen(true);
            }}
          >
            <SnapshotIcon /> {nl.history.freeze}
          </button>
        ) : null}
        <Link className="button secondary" to={comparePath(circleId)}>
          <ChangesIcon /> {nl.history.compareLink}
        </Link>
        <Link className="button secondary" to={printPath(circleId)}>
          <PrinterIcon /> {nl.history.printLink}
        </Link>
      </div>
      {editable && !frozen ? <p className="circle-toolbar-note muted">{nl.history.freezeExplained}</p> : null}
      {frozen ? (
        <p className="circle-toolbar-note">
          <InfoIcon /> {nl.history.frozenNote}
        </p>
      ) : null}
      <div role="status" className="circle-toolbar-status">
        {frozenAt ? (
          <p className="success">
            <CheckIcon /> {nl.history.freezeDone(formatDate(frozenAt))}
          </p>
        ) : null}
      </div>
      {open ? (
        <FreezeDialog
          circleId={circleId}
          onClose={(at) => {
            setOpen(false);
            setFrozenAt(at);
          }}
        />
      ) : null}
    </div>
  );
}
