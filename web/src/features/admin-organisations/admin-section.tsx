import type { ReactNode } from 'react';
import type { CombinedError, TypedDocumentNode } from 'urql';
import { SuccessMessage } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { PencilIcon, PlusIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ScrollTable } from '../../components/scroll-table';
import { nl } from '../../messages/nl';
import { EndDialog, useAdminMutation } from './admin-forms';

const t = nl.adminOrganisations;

interface AdminSectionProps {
  /** The anchor the page's navigation links to. */
  readonly anchor: string;
  /** Names the heading (`admin-<name>-title`) and the show-ended checkbox (`<name>-ended`). */
  readonly name: string;
  readonly icon: ReactNode;
  readonly title: string;
  readonly message: string | null;
  /** Between the message and the toolbar (the organisations' search). */
  readonly search?: ReactNode;
  readonly add: string;
  readonly onAdd: () => void;
  readonly showEndedLabel: string;
  readonly showEnded: boolean;
  readonly onShowEnded: (show: boolean) => void;
  readonly children: ReactNode;
}

/** A panel of the page: its heading, what just happened, an add button and "show ended too", then the list. */
export function AdminSection({
  anchor,
  name,
  icon,
  title,
  message,
  search,
  add,
  onAdd,
  showEndedLabel,
  showEnded,
  onShowEnded,
  children,
}: AdminSectionProps) {
  return (
    <section className="panel" id={anchor} aria-labelledby={`admin-${name}-title`}>
      <h2 id={`admin-${name}-title`}>
        {icon} {title}
      </h2>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {search}
      <div className="admin-org-toolbar">
        <button type="button" className="button" onClick={onAdd}>
          <PlusIcon /> {add}
        </button>
        <div className="checkbox">
          <input type="checkbox" id={`${name}-ended`} checked={showEnded} onChange={(e) => onShowEnded(e.target.checked)} />
          <label htmlFor={`${name}-ended`}>{showEndedLabel}</label>
        </div>
      </div>
      {children}
    </section>
  );
}

/** Loading, or what went wrong with a way to try again. */
interface QueryStateProps {
  readonly result: { readonly fetching: boolean; readonly data?: unknown; readonly error?: CombinedError | undefined };
  readonly onRetry: () => void;
}

export function QueryState({ result, onRetry }: QueryStateProps) {
  return (
    <>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error ? <LoadError error={result.error} onRetry={onRetry} /> : null}
    </>
  );
}

interface RowButtonProps {
  /** What the button does to which row, for screen readers. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly text: string;
  readonly expanded?: boolean;
  readonly onClick: () => void;
}

/** A small button in a row of a list. */
export function RowButton({ label, icon, text, expanded, onClick }: RowButtonProps) {
  return (
    <button type="button" className="button secondary small" aria-label={label} aria-expanded={expanded} onClick={onClick}>
      {icon} {text}
    </button>
  );
}

/** The two buttons of a current row: change it, or stop it. */
interface EditEndButtonsProps {
  readonly row: { readonly name: string; readonly until: string | null };
  readonly editLabel: (name: string) => string;
  readonly editText?: string;
  readonly onEdit: () => void;
  readonly endLabel: (name: string) => string;
  readonly onEnd: () => void;
}

/** The two buttons of a current row: change it, or stop it. An ended row has none. */
export function EditEndButtons({ row, editLabel, editText = t.edit, onEdit, endLabel, onEnd }: EditEndButtonsProps) {
  if (row.until) return null;
  return (
    <span className="admin-org-row-actions">
      <RowButton label={editLabel(row.name)} icon={<PencilIcon />} text={editText} onClick={onEdit} />
      <RowButton label={endLabel(row.name)} icon={<StopIcon />} text={t.end} onClick={onEnd} />
    </span>
  );
}

interface EditDialogProps {
  readonly editing: { readonly name: string } | 'new' | null;
  readonly addTitle: string;
  readonly editTitle: (name: string) => string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

export function EditDialog({ editing, addTitle, editTitle, onClose, children }: EditDialogProps) {
  return (
    <FormDialog
      open={editing !== null}
      title={editing === 'new' || editing === null ? addTitle : editTitle(editing.name)}
      onClose={onClose}
    >
      {children}
    </FormDialog>
  );
}

interface EndRecordDialogProps<Data> {
  /** The record to stop; none: the dialog is closed. */
  readonly record: { readonly id: string; readonly name: string } | null;
  /** A mutation that takes `{ input: { id, until } }`. */
  readonly document: TypedDocumentNode<Data, { input: { id: string; until: string } }>;
  readonly title: (name: string) => string;
  readonly text: string;
  readonly onClose: () => void;
  readonly onEnded: (name: string, until: string) => void;
}

/** "… stoppen?" for one record, sent with the mutation that ends it. */
export function EndRecordDialog<Data>({ record, document, title, text, onClose, onEnded }: EndRecordDialogProps<Data>) {
  const [busy, end] = useAdminMutation(document, 'end');
  return (
    <EndDialog
      open={record !== null}
      title={record ? title(record.name) : ''}
      text={text}
      busy={busy}
      end={(until) => end({ input: { id: record?.id ?? '', until } })}
      onCancel={onClose}
      onDone={(until) => onEnded(record?.name ?? '', until)}
    />
  );
}

interface AdminTableProps {
  readonly caption: string;
  /** The column headings; the rows' first cell is their row heading. */
  readonly columns: readonly string[];
  /** The rows. */
  readonly children: ReactNode;
}

/** A list of a section as a table in its own scrolling box. */
export function AdminTable({ caption, columns, children }: AdminTableProps) {
  return (
    <ScrollTable caption={caption} boxClassName="admin-org-table-box">
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </ScrollTable>
  );
}
