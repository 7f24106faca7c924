import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormDialog } from '../../components/form-dialog';
import { BackIcon, InfoIcon, PinIcon, PlusIcon, RedoIcon, TrashIcon, UndoIcon } from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import { CirclePageDocument, type CirclePageQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { classifyLoadError } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { CircleToolbar } from '../circle-history/circle-toolbar';
import { drawingModel } from '../circle-drawing/drawing-model';
import { SignalsPanel } from '../circle-signals/signals-panel';
import { offersPath } from '../wijk-offers/offers-path';
import { useSignedInViewer } from '../session/session-context';
import { circleShape } from '../circle-drawing/circle-elements';
import { CircleList, type FocusRequest, type ListEditing } from './circle-list';
import { CircleMap } from './circle-map';
import type { DropTarget } from '../circle-drawing/drop-target';
import type { EditProblem } from './edit-problem';
import { AddEntryForm } from './add-entry-form';
import { EditEntryForm } from './edit-entry-form';
import { SaveStatus } from './save-status';
import { useCircleEditor, type ActionResult, type Circle, type Entry } from './use-circle-editor';
import './circle-editor.css';

type Layout = CirclePageQuery['circleLayout'];

type OpenDialog = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly entryId: string } | null;

function problemText(problem: EditProblem): string {
  switch (problem.kind) {
    case 'EDIT_CONFLICT':
      return nl.editor.conflict;
    case 'GONE':
      return nl.editor.gone;
    case 'DUPLICATE':
      return nl.editor.duplicate;
    case 'FROZEN':
      return nl.editor.frozen;
    case 'FULL':
      return nl.editor.full;
    case 'FORBIDDEN':
      return nl.editor.forbidden;
    case 'UNAUTHENTICATED':
      return nl.state.unauthenticated;
    case 'UNAVAILABLE':
      return nl.editor.unavailable;
    default:
      return nl.editor.other;
  }
}

/** Something the whole page must say (someone else changed it, no access): calm, focused, dismissable. */
function PageProblem({ problem, onDismiss }: { readonly problem: EditProblem; readonly onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [problem]);
  return (
    <div className="notice editor-problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice-title">
        <InfoIcon /> {nl.editor.problemTitle}
      </p>
      <p>{problemText(problem)}</p>
      <button type="button" className="button secondary small" onClick={onDismiss}>
        {nl.editor.closeProblem}
      </button>
    </div>
  );
}

function CircleView({
  circle: fromQuery,
  layout,
  refetch,
}: {
  readonly circle: Circle;
  readonly layout: Layout;
  readonly refetch: () => void;
}) {
  const viewer = useSignedInViewer();
  const editor = useCircleEditor(fromQuery, layout, refetch, viewer.accountId);
  const { circle, editable } = editor;
  // Bumped when a drag was not saved: a fresh drawing puts the entry back in its place.
  const [redraw, setRedraw] = useState(0);
  const model = useMemo(
    () => drawingModel(layout, circle.entries, circle.ties, { clientName: circle.clientName }),
    // `redraw` only forces a new model, which puts a dropped entry back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [circle, layout, redraw],
  );
  const shape = useMemo(() => circleShape(layout), [layout]);
  const ringCount = layout.rings.length;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const onFocusDone = useCallback(() => setFocusRequest(null), []);
  // A client reaches their own circle from the menu; only professionals have a list of clients to go back to.
  const hasClientList = viewer.role !== 'CLIENT';

  const entryById = (id: string) => circle.entries.find((e) => e.id === id);
  const editing = dialog?.kind === 'edit' ? entryById(dialog.entryId) : undefined;
  // When the entry being edited is taken out on another device, `editing` is gone and the form closes.

  const moveTo = (entry: Entry, ring: number, control: 'closer' | 'further') => {
    void editor.move(entry, ring, entry.sector).then((result) => {
      if (result.ok) setFocusRequest({ entryId: entry.id, control });
    });
  };

  const listEditing: ListEditing | null = editable
    ? {
        busy: editor.busy,
        ringCount,
        onCloser: (entry) => moveTo(entry, entry.ring - 1, 'closer'),
        onFurther: (entry) => moveTo(entry, entry.ring + 1, 'further'),
        onEdit: (entry) => setDialog({ kind: 'edit', entryId: entry.id }),
        onRemove: (entry) => setRemoving(entry),
      }
    : null;

  const onMove = editable
    ? (entryId: string, to: DropTarget) => {
        const entry = entryById(entryId);
        if (!entry) return false;
        void editor.move(entry, to.ring, to.sector).then((result) => {
          if (!result.ok) setRedraw((n) => n + 1);
        });
        return true;
      }
    : undefined;

  const entryName = (entryId: string) => {
    const entry = entryById(entryId);
    if (!entry) return '';
    const ringLabel = layout.rings.find((r) => r.ring === entry.ring)?.label ?? '';
    const sectorLabel = layout.sectors.find((s) => s.key === entry.sector)?.label ?? entry.sector;
    return nl.editor.onDrawing(entry.target.name, entry.ring, ringLabel, sectorLabel);
  };

  const closeDialog = () => setDialog(null);
  /** After saving in a dialog: it closes when done, and when the problem is one for the whole page. */
  const closeDialogAfter = (result: ActionResult) => {
    if (result.ok || editor.problemIsForPage(result.problem)) closeDialog();
  };

  return (
    <div className="page wide">
      <title>{nl.app.pageTitle(nl.circle.title(circle.clientName))}</title>
      {hasClientList ? (
        <p className="back">
          <Link to="/kring">
            <BackIcon /> {nl.circle.backToList}
          </Link>
        </p>
      ) : null}
      <h1>{nl.circle.title(circle.clientName)}</h1>
      <p className="lead">
        {/* A snapshot's name is said once, and not at all when it only repeats its date (issue 14). */}
        {circle.frozenAt
          ? nl.circle.frozenOn(formatDate(circle.frozenAt), circle.label)
          : `${nl.circle.madeOn(formatDate(circle.createdAt))}${circle.label ? ` · ${circle.label}` : ''}`}
        . {nl.circle.summary(circle.entries.length)}
      </p>
      {editable ? (
        <div className="editor-toolbar">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
            <PlusIcon /> {nl.editor.add}
          </button>
          <Link className="button secondary" to={offersPath(circle.id)}>
            <PinIcon /> {hasClientList ? nl.offers.titleFor(circle.clientName) : nl.offers.title}
          </Link>
        </div>
      ) : circle.frozenAt === null ? (
        <p className="notice calm editor-read-only">
          <InfoIcon /> {nl.editor.readOnly}
        </p>
      ) : null}
      {/* Vastleggen, Wat is er veranderd, Afdrukken (it says itself when this is a frozen snapshot). */}
      <CircleToolbar circleId={circle.id} editable={editable} frozen={circle.frozenAt !== null} />
      {editable ? (
        <>
          {/* Saving happens by itself: the bar says so and stays in view, with undo beside it (issue 14). */}
          <div className="editor-bar">
            <SaveStatus state={editor.saveState} />
            <div className="editor-bar-actions" role="group" aria-label={nl.editor.toolsLabel}>
              <button
                type="button"
                className="button secondary"
                onClick={() => void editor.undo()}
                disabled={!editor.canUndo}
                aria-keyshortcuts="Control+Z"
              >
                <UndoIcon /> {nl.editor.undo}
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => void editor.redo()}
                disabled={!editor.canRedo}
                aria-keyshortcuts="Control+Y Control+Shift+Z"
              >
                <RedoIcon /> {nl.editor.redo}
              </button>
            </div>
          </div>
          <p className="editor-shortcuts muted">
            {nl.editor.savedByItself} {nl.editor.undoKept} {nl.editor.shortcuts}
          </p>
        </>
      ) : null}
      {/* Always in the page, so screen readers hear every confirmation and every change from elsewhere. */}
      <p className="editor-status" role="status" aria-live="polite">
        {editor.status}
      </p>
      {editor.problem ? <PageProblem problem={editor.problem} onDismiss={editor.dismissProblem} /> : null}
      <div className={editable ? 'split circle-split editor-split' : 'split circle-split'}>
        <CircleMap
          clientName={circle.clientName}
          model={model}
          shape={shape}
          entryName={entryName}
          onMove={onMove}
          onOpen={editable ? (entryId) => setFocusRequest({ entryId, control: 'name' }) : undefined}
        />
        <CircleList
          layout={layout}
          entries={circle.entries}
          ties={circle.ties}
          unplaced={model.placement.unplaced}
          editing={listEditing}
          focusRequest={focusRequest}
          onFocusDone={onFocusDone}
        />
      </div>
      <SignalsPanel circle={circle} />
      {editable ? (
        <>
          <FormDialog open={dialog?.kind === 'add'} title={nl.editor.addTitle} onClose={closeDialog}>
            <AddEntryForm
              circle={circle}
              layout={layout}
              busy={editor.busy}
              onCancel={closeDialog}
              onAdd={async (draft) => {
                const result = await editor.add(draft);
                closeDialogAfter(result);
                if (result.ok && result.entryId) setFocusRequest({ entryId: result.entryId, control: 'name' });
                return result;
              }}
            />
          </FormDialog>
          <FormDialog
            open={dialog?.kind === 'edit' && editing !== undefined}
            title={editing ? nl.editor.editTitle(editing.target.name) : ''}
            onClose={closeDialog}
          >
            {editing ? (
              <EditEntryForm
                circle={circle}
                layout={layout}
                entry={editing}
                busy={editor.busy}
                onCancel={closeDialog}
                onSave={async (change) => {
                  const result = await editor.change(editing, change);
                  closeDialogAfter(result);
                  if (result.ok) setFocusRequest({ entryId: editing.id, control: 'edit' });
                  return result;
                }}
              />
            ) : null}
          </FormDialog>
          <ConfirmDialog
            open={removing !== null}
            title={removing ? nl.editor.removeTitle(removing.target.name) : ''}
            confirmLabel={nl.editor.removeConfirm}
            confirmIcon={<TrashIcon />}
            busy={editor.busy}
            onCancel={() => setRemoving(null)}
            onConfirm={() => {
              const entry = removing;
              if (!entry) return;
              void editor.remove(entry).then((result) => {
                setRemoving(null);
                if (result.ok) setFocusRequest({ ring: entry.ring });
              });
            }}
          >
            <p>{nl.editor.removeText}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

export function CirclePage() {
  const { circleId = '' } = useParams();
  const [result, reexecute] = useQuery({ query: CirclePageDocument, variables: { id: circleId } });
  // A refresh that fails for a moment (the database away: the page asks again after every change)
  // must not take the circle off the screen: the page keeps the last answer for this circle, and the
  // save status says what did not arrive (issue 14). Not after FORBIDDEN or UNAUTHENTICATED: a
  // revoked grant or an ended session takes the circle away at once.
  // (React's pattern for keeping something from an earlier render: state, set while rendering.)
  const [lastGood, setLastGood] = useState<{ readonly id: string; readonly data: CirclePageQuery } | null>(null);
  if (result.data?.networkCircle && lastGood?.data !== result.data) setLastGood({ id: circleId, data: result.data });
  const kept = lastGood?.id === circleId ? lastGood.data : undefined;
  const passing = result.error !== undefined && classifyLoadError(result.error) === 'UNAVAILABLE';
  const data = result.data?.networkCircle ? result.data : passing ? (kept ?? result.data) : result.data;
  const circle = data?.networkCircle;
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (result.fetching && !data) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (result.error && !circle) {
    return (
      <div className="page">
        <LoadError heading="h1" error={result.error} onRetry={refetch} />
      </div>
    );
  }
  if (!circle || !data) {
    return (
      <div className="page">
        <title>{nl.app.pageTitle(nl.state.notFound)}</title>
        <NotFoundMessage heading="h1" />
      </div>
    );
  }
  // A key per circle: another circle starts with its own, empty undo history.
  return <CircleView key={circle.id} circle={circle} layout={data.circleLayout} refetch={refetch} />;
}
