import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useClient, useSubscription, type CombinedError } from 'urql';
import {
  AddCircleEntryDocument,
  AddCircleTieDocument,
  CircleChangedDocument,
  MoveCircleEntryDocument,
  RemoveCircleEntryDocument,
  RemoveCircleTieDocument,
  UpdateCircleEntryDocument,
  type CircleChangedSubscription,
  type CircleEditorFieldsFragment,
  type CircleLayoutFieldsFragment,
} from '../../gql/graphql';
import { errorCodes } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { newestCircle } from './circle-state';
import {
  addedStep,
  changedStep,
  EMPTY_HISTORY,
  movedStep,
  recordStep,
  removedStep,
  renameEntry,
  renameOps,
  requestFor,
  takeRedo,
  takeUndo,
  type EditHistory,
  type EditOp,
  type EditStep,
  type EntryChange,
  type EntryDraft,
  type OpRequest,
  type StepAction,
} from './edit-history';
import { editProblem, needsFreshCircle, type EditProblem } from './edit-problem';
import { historyKey, readHistory, tabStore, writeHistory } from './saved-history';

export type Circle = CircleEditorFieldsFragment;
export type Entry = Circle['entries'][number];

/**
 * Whether the circle on the server is what the page shows (issue 14): saved, on its way, or not
 * saved. `retry` sends the change that did not arrive again; it is null when sending it again
 * cannot help (someone else changed the entry, the circle is frozen, ...: the page says why).
 */
export type SaveState =
  { readonly kind: 'SAVED' } | { readonly kind: 'SAVING' } | { readonly kind: 'NOT_SAVED'; readonly retry: (() => void) | null };

export type ActionResult =
  { readonly ok: true; readonly entryId: string | null } | { readonly ok: false; readonly problem: EditProblem };

export interface CircleEditor {
  /** The newest circle: from the page query, our own changes or a live event, whichever is newest. */
  readonly circle: Circle;
  readonly editable: boolean;
  readonly busy: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The last confirmation, for the polite live region (and shown). */
  readonly status: string;
  readonly saveState: SaveState;
  /** A problem for the whole page (someone else changed it, no access, ...); form problems go to the form. */
  readonly problem: EditProblem | null;
  readonly dismissProblem: () => void;
  /** True for problems the page shows (and the form does not): the form can close. */
  readonly problemIsForPage: (problem: EditProblem) => boolean;
  readonly add: (entry: EntryDraft) => Promise<ActionResult>;
  readonly change: (entry: Entry, change: EntryChange) => Promise<ActionResult>;
  readonly move: (entry: Entry, ring: number, sector: string) => Promise<ActionResult>;
  readonly remove: (entry: Entry) => Promise<ActionResult>;
  readonly undo: () => Promise<void>;
  readonly redo: () => Promise<void>;
}

type Sent =
  | { readonly ok: true; readonly circle: Circle; readonly entryId: string | null }
  | { readonly ok: false; readonly error: CombinedError };

/** Problems a form shows at its fields; everything else is news for the whole page. */
function isFormProblem(problem: EditProblem): boolean {
  return (
    problem.kind === 'CONTACT_DETAILS' || problem.kind === 'INVALID' || (problem.kind === 'DUPLICATE' && problem.field !== null)
  );
}

function opposite(action: StepAction): StepAction {
  switch (action) {
    case 'ADD':
      return 'REMOVE';
    case 'REMOVE':
      return 'ADD';
    case 'TIE_ADD':
      return 'TIE_REMOVE';
    case 'TIE_REMOVE':
      return 'TIE_ADD';
    default:
      return action;
  }
}

/** Problems where sending the same change again may work: the connection or the server was away. */
function mayWorkAgain(problem: EditProblem): boolean {
  return problem.kind === 'UNAVAILABLE' || problem.kind === 'OTHER';
}

/** Keys typed in a text field belong to the field (the browser's own undo of typing). */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The circle editor's state and actions: sends changes, keeps the undo history, follows live
 * events of other devices, and says what happened. Components stay about showing things.
 */
export function useCircleEditor(
  fromQuery: Circle,
  layout: CircleLayoutFieldsFragment,
  refetch: () => void,
  accountId: string,
): CircleEditor {
  const client = useClient();
  const [latest, setLatest] = useState<Circle | null>(null);
  const circle = newestCircle(fromQuery, latest) ?? fromQuery;
  // The actions run across several answers: they read the newest circle from here, never from a stale render.
  const circleRef = useRef(circle);
  useLayoutEffect(() => {
    circleRef.current = circle;
  });
  // The undo history outlives a reload of the tab (saved-history.ts); read once, when the page opens.
  const storageKey = historyKey(accountId, fromQuery.id);
  const [restored] = useState<EditHistory>(() => {
    const store = tabStore();
    return (store && readHistory(store, storageKey)) ?? EMPTY_HISTORY;
  });
  const historyRef = useRef<EditHistory>(restored);
  const [history, setHistoryState] = useState<EditHistory>(restored);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'SAVED' });
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [status, setStatusState] = useState({ text: '', n: 0 });
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const editable = circle.editable && circle.frozenAt === null;

  const setHistory = (next: EditHistory) => {
    historyRef.current = next;
    setHistoryState(next);
    const store = tabStore();
    if (store) writeHistory(store, storageKey, next);
  };
  const say = useCallback((text: string) => setStatusState((s) => ({ text, n: s.n + 1 })), []);

  const accept = (next: Circle) => {
    const newest = newestCircle(circleRef.current, next) ?? next;
    circleRef.current = newest;
    setLatest(newest);
  };

  const circleId = circle.id;

  const ringLabel = (ring: number) => layout.rings.find((r) => r.ring === ring)?.label ?? String(ring);
  const sectorLabel = (key: string) => layout.sectors.find((s) => s.key === key)?.label ?? key;

  /** What a finished step changed, in words; a move says where the entry is now. */
  const describe = (action: StepAction, name: string, entryId: string | null): string => {
    const entry = entryId ? circleRef.current.entries.find((e) => e.id === entryId) : undefined;
    if (action === 'MOVE' && entry) return nl.editor.nowIn(name, entry.ring, ringLabel(entry.ring), sectorLabel(entry.sector));
    return nl.editor.done[action](name);
  };

  async function send(request: OpRequest): Promise<Sent> {
    switch (request.mutation) {
      case 'add': {
        let result = await client.mutation(AddCircleEntryDocument, { input: request.input }).toPromise();
        // The person was only in this circle and went with the entry: someone new with the same name and work.
        if (result.error && request.fallback && errorCodes(result.error).includes('NOT_FOUND'))
          result = await client.mutation(AddCircleEntryDocument, { input: request.fallback }).toPromise();
        if (result.error || !result.data) return { ok: false, error: result.error ?? missing() };
        let after = result.data.addCircleEntry.circle;
        const entryId = result.data.addCircleEntry.entry.id;
        for (const other of request.tiedTo) {
          const tied = await client
            .mutation(AddCircleTieDocument, { input: { circleId: after.id, fromEntryId: entryId, toEntryId: other } })
            .toPromise();
          if (tied.data) after = tied.data.addCircleTie.circle;
        }
        return { ok: true, circle: after, entryId };
      }
      case 'remove': {
        const r = await client.mutation(RemoveCircleEntryDocument, { input: request.input }).toPromise();
        return r.data
          ? { ok: true, circle: r.data.removeCircleEntry.circle, entryId: null }
          : { ok: false, error: r.error ?? missing() };
      }
      case 'move': {
        const r = await client.mutation(MoveCircleEntryDocument, { input: request.input }).toPromise();
        return r.data
          ? { ok: true, circle: r.data.moveCircleEntry.circle, entryId: r.data.moveCircleEntry.entry.id }
          : { ok: false, error: r.error ?? missing() };
      }
      case 'update': {
        const r = await client.mutation(UpdateCircleEntryDocument, { input: request.input }).toPromise();
        return r.data
          ? { ok: true, circle: r.data.updateCircleEntry.circle, entryId: r.data.updateCircleEntry.entry.id }
          : { ok: false, error: r.error ?? missing() };
      }
      case 'addTie': {
        const r = await client.mutation(AddCircleTieDocument, { input: request.input }).toPromise();
        return r.data
          ? { ok: true, circle: r.data.addCircleTie.circle, entryId: null }
          : { ok: false, error: r.error ?? missing() };
      }
      case 'removeTie': {
        const r = await client.mutation(RemoveCircleTieDocument, { input: request.input }).toPromise();
        return r.data
          ? { ok: true, circle: r.data.removeCircleTie.circle, entryId: null }
          : { ok: false, error: r.error ?? missing() };
      }
    }
  }

  /**
   * Runs operations one after another on the circle as it is at each moment. An entry that comes
   * back gets a new id: the rest of the operations, and the history, follow it.
   */
  async function run(
    ops: readonly EditOp[],
  ): Promise<
    | { ok: true; sent: number; entryId: string | null; renames: [string, string][] }
    | { ok: false; problem: EditProblem; sent: number; renames: [string, string][] }
  > {
    let remaining = [...ops];
    let sent = 0;
    let entryId: string | null = null;
    const renames: [string, string][] = [];
    while (remaining.length > 0) {
      const [op, ...rest] = remaining;
      remaining = rest;
      if (!op) break;
      const request = requestFor(op, circleRef.current);
      if (!request) continue;
      const result = await send(request);
      if (!result.ok) return { ok: false, problem: editProblem(result.error), sent, renames };
      sent++;
      accept(result.circle);
      entryId = result.entryId ?? entryId;
      if (request.mutation === 'add' && request.oldEntryId && result.entryId) {
        renames.push([request.oldEntryId, result.entryId]);
        remaining = renameOps(remaining, request.oldEntryId, result.entryId);
      }
    }
    return { ok: true, sent, entryId, renames };
  }

  const fail = (found: EditProblem): ActionResult => {
    if (needsFreshCircle(found)) refetch();
    // The save status says it, with "Opnieuw proberen"; other news gets the page's notice.
    if (!isFormProblem(found) && !mayWorkAgain(found)) setProblem(found);
    return { ok: false, problem: found };
  };

  /**
   * One user action: guarded against a second one while the first is still on its way, and
   * followed by the save status. A form problem leaves nothing unsaved (the form shows it); a
   * problem where sending again may help offers that.
   */
  async function act(work: () => Promise<ActionResult>): Promise<ActionResult> {
    if (busyRef.current) {
      say(nl.editor.busy);
      return { ok: false, problem: { kind: 'OTHER', field: null } };
    }
    busyRef.current = true;
    setBusy(true);
    setProblem(null);
    setSaveState({ kind: 'SAVING' });
    let result: ActionResult = { ok: false, problem: { kind: 'OTHER', field: null } };
    try {
      result = await work();
      return result;
    } finally {
      busyRef.current = false;
      setBusy(false);
      if (result.ok || isFormProblem(result.problem)) setSaveState({ kind: 'SAVED' });
      else if (mayWorkAgain(result.problem)) {
        setSaveState({ kind: 'NOT_SAVED', retry: () => void act(work) });
        say(nl.editor.notSavedSpoken);
      } else setSaveState({ kind: 'NOT_SAVED', retry: null });
    }
  }

  /** Runs the ops of a new step and, when they worked, records the step (made from the result). */
  const perform = (ops: readonly EditOp[], makeStep: (entryId: string | null) => EditStep | null) =>
    act(async () => {
      const result = await run(ops);
      if (!result.ok) return fail(result.problem);
      const step = makeStep(result.entryId);
      if (step) {
        setHistory(recordStep(historyRef.current, step));
        say(describe(step.action, step.name, result.entryId));
      }
      return { ok: true, entryId: result.entryId };
    });

  const add = (draft: EntryDraft) =>
    perform([{ kind: 'ADD', entryId: '', entry: draft }], (entryId) => {
      const entry = circleRef.current.entries.find((e) => e.id === entryId);
      return entry ? addedStep(entry) : null;
    });

  const move = (entry: Entry, ring: number, sector: string) => {
    if (entry.ring === ring && entry.sector === sector) return Promise.resolve<ActionResult>({ ok: true, entryId: entry.id });
    const step = movedStep(entry, { ring, sector });
    return perform(step.redo, () => step);
  };

  const change = (entry: Entry, wanted: EntryChange) => {
    const step = changedStep(entry, circleRef.current.ties, wanted);
    if (!step) return Promise.resolve<ActionResult>({ ok: true, entryId: entry.id });
    return perform(step.redo, () => step);
  };

  const remove = (entry: Entry) => {
    const step = removedStep(entry, circleRef.current.ties);
    return perform(step.redo, () => step);
  };

  const travel = async (direction: 'undo' | 'redo') => {
    await act(async () => {
      const taken = direction === 'undo' ? takeUndo(historyRef.current) : takeRedo(historyRef.current);
      if (!taken) return { ok: true, entryId: null };
      const ops = direction === 'undo' ? taken.step.undo : taken.step.redo;
      const result = await run(ops);
      // Nothing arrived because the connection or server was away: the step stays, to try again.
      if (!result.ok && result.sent === 0 && mayWorkAgain(result.problem)) return fail(result.problem);
      let next = result.ok && result.sent > 0 ? taken.done : taken.dropped;
      for (const [from, to] of result.renames) next = renameEntry(next, from, to);
      setHistory(next);
      if (!result.ok) {
        fail(result.problem);
        return { ok: false, problem: result.problem };
      }
      if (result.sent === 0) {
        say(nl.editor.cannotUndo);
        return { ok: true, entryId: null };
      }
      const action = direction === 'undo' ? opposite(taken.step.action) : taken.step.action;
      const what = describe(action, taken.step.name, result.entryId);
      say(direction === 'undo' ? nl.editor.undone(what) : nl.editor.redone(what));
      return { ok: true, entryId: result.entryId };
    });
  };
  const undo = () => travel('undo');
  const redo = () => travel('redo');

  // Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z (⌘ on a Mac), outside text fields and dialogs.
  const travelRef = useRef(travel);
  useLayoutEffect(() => {
    travelRef.current = travel;
  });
  useEffect(() => {
    if (!editable) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (isTextTarget(event.target) || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void travelRef.current('undo');
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        void travelRef.current('redo');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editable]);

  // Live: the other device's changes arrive with the whole circle. A frozen snapshot never changes.
  useSubscription(
    { query: CircleChangedDocument, variables: { circleId }, pause: circle.frozenAt !== null },
    (_previous: CircleChangedSubscription | undefined, event: CircleChangedSubscription) => {
      const changed = event.circleChanged;
      accept(changed.circle);
      if (!changed.byViewer) say(nl.editor.live[changed.change]);
      return event;
    },
  );

  return useMemo(
    () => ({
      circle,
      editable,
      busy,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      status: status.text + (status.n % 2 === 1 ? '\u00a0' : ''),
      saveState,
      problem,
      dismissProblem: () => setProblem(null),
      problemIsForPage: (found: EditProblem) => !isFormProblem(found),
      add,
      change,
      move,
      remove,
      undo,
      redo,
    }),
    // The actions read refs; they are new each render on purpose (they close over the newest layout).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [circle, editable, busy, history, status, saveState, problem, layout],
  );
}

function missing(): never {
  // urql always answers with data or an error; this keeps the types honest without a cast.
  throw new Error('The API answered neither data nor an error.');
}
