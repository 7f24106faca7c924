import { useState } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { StopIcon } from '../../components/icons';
import { WijkEditEndLinkDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { announce } from './announce';
import { EndOnDateForm } from './end-on-date-form';
import { useWijkMutation } from './fields';
import { ItemButton } from './item-button';
import './wijk-edit.css';

const t = nl.wijkEdit;

interface EndLinkButtonProps {
  readonly linkId: string;
  /** The link in words, e.g. "Buurtteam – Huisarts": read out with the button and shown in the dialog. */
  readonly label: string;
  readonly onChanged: () => void;
  /** Where to say it worked; by default a polite announcement for screen readers. */
  readonly onDone?: (message: string) => void;
}

/** "Beëindigen": a small dialog with the date the link stops (today by default) → endLink. */
export function EndLinkButton({ linkId, label, onChanged, onDone }: EndLinkButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ItemButton icon={<StopIcon />} text={t.endLink} name={label} onClick={() => setOpen(true)} />
      <FormDialog open={open} title={t.endLinkTitle} onClose={() => setOpen(false)} className="wijk-edit-dialog">
        <EndLinkForm
          linkId={linkId}
          label={label}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            (onDone ?? announce)(t.linkEnded(label));
            onChanged();
          }}
        />
      </FormDialog>
    </>
  );
}

function EndLinkForm({
  linkId,
  label,
  onCancel,
  onDone,
}: {
  readonly linkId: string;
  readonly label: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const [busy, endLink] = useWijkMutation(WijkEditEndLinkDocument);
  return (
    <EndOnDateForm
      subject={label}
      text={t.endLinkText}
      label={t.endDate}
      hint={t.endDateHint}
      submit={t.endLink}
      busy={busy}
      end={(until) => endLink({ input: { id: linkId, until } })}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}
