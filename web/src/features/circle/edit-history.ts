import type {
  AddCircleEntryInput,
  AddCircleTieInput,
  ContactFrequency,
  MoveCircleEntryInput,
  RemoveCircleEntryInput,
  RemoveCircleTieInput,
  SupportKind,
  UpdateCircleEntryInput,
  Wish,
} from '../../gql/graphql';

/**
 * Undo and redo for the circle editor, as data: every step the user takes is kept with the
 * operations that take it back (undo) and do it again (redo). Pure: no React, no network. The
 * editor turns an operation into a mutation with `requestFor`, using the circle as it is at that
 * moment, so an undo always sends the entry's current version.
 */

/** What an entry says about someone (everything `updateCircleEntry` replaces, apart from the name). */
export interface EntryContent {
  readonly relation: string | null;
  readonly support: readonly SupportKind[];
  readonly frequency: ContactFrequency | null;
  readonly wish: Wish | null;
  readonly note: string | null;
}

/** Who an entry places: someone new, someone who already belongs to the client's circles, or an organisation. */
export type EntryTarget =
  | { readonly kind: 'NEW_PERSON'; readonly name: string; readonly organisationId: string | null }
  | { readonly kind: 'PERSON'; readonly personId: string; readonly name: string; readonly organisationId: string | null }
  | { readonly kind: 'ORGANISATION'; readonly organisationId: string };

/** Everything needed to put an entry (back) in the circle. */
export interface EntryDraft extends EntryContent {
  readonly ring: number;
  readonly sector: string;
  readonly target: EntryTarget;
  /** Entries this one has a tie with; restored when they are still there. */
  readonly tiedTo: readonly string[];
}

export type EditOp =
  /** `entryId` is the id the entry had before it was removed ('' for a new one); when it comes back
   * with a new id, the history is renamed (`renameEntry`). */
  | { readonly kind: 'ADD'; readonly entryId: string; readonly entry: EntryDraft }
  | { readonly kind: 'REMOVE'; readonly entryId: string }
  | { readonly kind: 'MOVE'; readonly entryId: string; readonly ring: number; readonly sector: string }
  | { readonly kind: 'UPDATE'; readonly entryId: string; readonly content: EntryContent; readonly name: string | null }
  | { readonly kind: 'ADD_TIE'; readonly fromEntryId: string; readonly toEntryId: string }
  | { readonly kind: 'REMOVE_TIE'; readonly fromEntryId: string; readonly toEntryId: string };

export type StepAction = 'ADD' | 'MOVE' | 'UPDATE' | 'REMOVE' | 'TIE_ADD' | 'TIE_REMOVE';

export interface EditStep {
  /** What the user did, for the spoken and shown confirmation ("Fatima is weggehaald"). */
  readonly action: StepAction;
  readonly name: string;
  /** Run in order to take the step back. */
  readonly undo: readonly EditOp[];
  /** Run in order to do the step again. */
  readonly redo: readonly EditOp[];
}

export interface EditHistory {
  /** Oldest first; the last one is undone first. */
  readonly past: readonly EditStep[];
  /** The last one is redone first. */
  readonly future: readonly EditStep[];
}

/** At least 20 steps back, as the issue asks; a few more costs nothing. */
export const HISTORY_LIMIT = 30;

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** A new step: it goes on top, the oldest falls off beyond the limit, and what was undone can no longer be redone. */
export function recordStep(history: EditHistory, step: EditStep, limit = HISTORY_LIMIT): EditHistory {
  return { past: [...history.past, step].slice(-limit), future: [] };
}

export interface TakenStep {
  readonly step: EditStep;
  /** The history when the step's operations worked. */
  readonly done: EditHistory;
  /** The history when they failed: the step is dropped (it no longer fits the circle). */
  readonly dropped: EditHistory;
}

export function takeUndo(history: EditHistory): TakenStep | null {
  const step = history.past.at(-1);
  if (!step) return null;
  const past = history.past.slice(0, -1);
  return { step, done: { past, future: [...history.future, step] }, dropped: { past, future: history.future } };
}

export function takeRedo(history: EditHistory): TakenStep | null {
  const step = history.future.at(-1);
  if (!step) return null;
  const future = history.future.slice(0, -1);
  return { step, done: { past: [...history.past, step], future }, dropped: { past: history.past, future } };
}

function renameOp(op: EditOp, from: string, to: string): EditOp {
  const id = (value: string) => (value === from ? to : value);
  switch (op.kind) {
    case 'ADD':
      return { ...op, entryId: id(op.entryId), entry: { ...op.entry, tiedTo: op.entry.tiedTo.map(id) } };
    case 'REMOVE':
    case 'MOVE':
    case 'UPDATE':
      return { ...op, entryId: id(op.entryId) };
    case 'ADD_TIE':
    case 'REMOVE_TIE':
      return { ...op, fromEntryId: id(op.fromEntryId), toEntryId: id(op.toEntryId) };
  }
}

export function renameOps(ops: readonly EditOp[], from: string, to: string): EditOp[] {
  return ops.map((op) => renameOp(op, from, to));
}

/**
 * An entry that was taken out and put back has a new id; every step that mentions the old one
 * now means the new one.
 */
export function renameEntry(history: EditHistory, from: string, to: string): EditHistory {
  const rename = (step: EditStep): EditStep => ({
    ...step,
    undo: renameOps(step.undo, from, to),
    redo: renameOps(step.redo, from, to),
  });
  return { past: history.past.map(rename), future: history.future.map(rename) };
}

// ---------------------------------------------------------------------------------------------
// From the circle's data to steps
// ---------------------------------------------------------------------------------------------

/** The parts of an entry (CircleEntryFieldsFragment) this module reads. */
export interface EntryLike extends EntryContent {
  readonly id: string;
  readonly ring: number;
  readonly sector: string;
  readonly version: number;
  readonly target:
    | {
        readonly __typename: 'CirclePerson';
        readonly id: string;
        readonly name: string;
        readonly organisation: { readonly id: string } | null;
      }
    | { readonly __typename: 'Organisation'; readonly id: string; readonly name: string };
}

export interface TieLike {
  readonly id: string;
  readonly fromEntryId: string;
  readonly toEntryId: string;
}

export interface CircleLike {
  readonly id: string;
  readonly entries: readonly EntryLike[];
  readonly ties: readonly TieLike[];
}

export function contentOf(entry: EntryContent): EntryContent {
  return {
    relation: entry.relation,
    support: [...entry.support],
    frequency: entry.frequency,
    wish: entry.wish,
    note: entry.note,
  };
}

/** The other ends of an entry's ties. */
export function tiedTo(entryId: string, ties: readonly TieLike[]): string[] {
  return ties.flatMap((t) => (t.fromEntryId === entryId ? [t.toEntryId] : t.toEntryId === entryId ? [t.fromEntryId] : []));
}

/** What it takes to put this entry back as it is now: the same person (or organisation), place, words and ties. */
export function draftOf(entry: EntryLike, ties: readonly TieLike[]): EntryDraft {
  const target: EntryTarget =
    entry.target.__typename === 'Organisation'
      ? { kind: 'ORGANISATION', organisationId: entry.target.id }
      : {
          kind: 'PERSON',
          personId: entry.target.id,
          name: entry.target.name,
          organisationId: entry.target.organisation?.id ?? null,
        };
  return { ...contentOf(entry), ring: entry.ring, sector: entry.sector, target, tiedTo: tiedTo(entry.id, ties) };
}

export function nameOf(entry: EntryLike): string {
  return entry.target.name;
}

/** The user added `entry` (as the API answered it). */
export function addedStep(entry: EntryLike): EditStep {
  return {
    action: 'ADD',
    name: nameOf(entry),
    undo: [{ kind: 'REMOVE', entryId: entry.id }],
    redo: [{ kind: 'ADD', entryId: entry.id, entry: draftOf(entry, []) }],
  };
}

/** The user took `entry` out; its ties went with it and come back with it. */
export function removedStep(entry: EntryLike, ties: readonly TieLike[]): EditStep {
  return {
    action: 'REMOVE',
    name: nameOf(entry),
    undo: [{ kind: 'ADD', entryId: entry.id, entry: draftOf(entry, ties) }],
    redo: [{ kind: 'REMOVE', entryId: entry.id }],
  };
}

export function movedStep(before: EntryLike, to: { readonly ring: number; readonly sector: string }): EditStep {
  return {
    action: 'MOVE',
    name: nameOf(before),
    undo: [{ kind: 'MOVE', entryId: before.id, ring: before.ring, sector: before.sector }],
    redo: [{ kind: 'MOVE', entryId: before.id, ring: to.ring, sector: to.sector }],
  };
}

export interface EntryChange {
  readonly ring: number;
  readonly sector: string;
  readonly content: EntryContent;
  /** A person's new name, or null to leave it. */
  readonly name: string | null;
  /** The entries this one should be tied with afterwards. */
  readonly tiedTo: readonly string[];
}

function sameContent(a: EntryContent, b: EntryContent): boolean {
  return (
    a.relation === b.relation &&
    a.frequency === b.frequency &&
    a.wish === b.wish &&
    a.note === b.note &&
    a.support.length === b.support.length &&
    a.support.every((s) => b.support.includes(s))
  );
}

/**
 * The operations that turn `before` into `change` (place, words, name, ties), with the ones that
 * turn it back; null when nothing changes. One step, so one undo takes back one "Opslaan".
 */
export function changedStep(before: EntryLike, ties: readonly TieLike[], change: EntryChange): EditStep | null {
  const redo: EditOp[] = [];
  const undo: EditOp[] = [];
  if (before.ring !== change.ring || before.sector !== change.sector) {
    redo.push({ kind: 'MOVE', entryId: before.id, ring: change.ring, sector: change.sector });
    undo.unshift({ kind: 'MOVE', entryId: before.id, ring: before.ring, sector: before.sector });
  }
  const oldName = before.target.__typename === 'CirclePerson' ? before.target.name : null;
  const rename = change.name !== null && oldName !== null && change.name !== oldName;
  if (rename || !sameContent(contentOf(before), change.content)) {
    redo.push({ kind: 'UPDATE', entryId: before.id, content: contentOf(change.content), name: rename ? change.name : null });
    undo.unshift({ kind: 'UPDATE', entryId: before.id, content: contentOf(before), name: rename ? oldName : null });
  }
  const old = new Set(tiedTo(before.id, ties));
  const wanted = new Set(change.tiedTo.filter((id) => id !== before.id));
  for (const id of wanted) {
    if (old.has(id)) continue;
    redo.push({ kind: 'ADD_TIE', fromEntryId: before.id, toEntryId: id });
    undo.unshift({ kind: 'REMOVE_TIE', fromEntryId: before.id, toEntryId: id });
  }
  for (const id of old) {
    if (wanted.has(id)) continue;
    redo.push({ kind: 'REMOVE_TIE', fromEntryId: before.id, toEntryId: id });
    undo.unshift({ kind: 'ADD_TIE', fromEntryId: before.id, toEntryId: id });
  }
  if (redo.length === 0) return null;
  const onlyTies = redo.every((op) => op.kind === 'ADD_TIE' || op.kind === 'REMOVE_TIE');
  const onlyMove = redo.every((op) => op.kind === 'MOVE');
  const action: StepAction = onlyMove
    ? 'MOVE'
    : onlyTies && redo.every((op) => op.kind === 'ADD_TIE')
      ? 'TIE_ADD'
      : onlyTies
        ? 'TIE_REMOVE'
        : 'UPDATE';
  return { action, name: change.name ?? nameOf(before), undo, redo };
}

// ---------------------------------------------------------------------------------------------
// From operations to mutations
// ---------------------------------------------------------------------------------------------

export type OpRequest =
  | {
      readonly mutation: 'add';
      readonly input: AddCircleEntryInput;
      /** When the person is gone (nobody else had them), put back someone new with the same name and work. */
      readonly fallback: AddCircleEntryInput | null;
      readonly oldEntryId: string;
      /** Ties to restore afterwards, with entries that are still in the circle. */
      readonly tiedTo: readonly string[];
    }
  | { readonly mutation: 'remove'; readonly input: RemoveCircleEntryInput }
  | { readonly mutation: 'move'; readonly input: MoveCircleEntryInput }
  | { readonly mutation: 'update'; readonly input: UpdateCircleEntryInput }
  | { readonly mutation: 'addTie'; readonly input: AddCircleTieInput }
  | { readonly mutation: 'removeTie'; readonly input: RemoveCircleTieInput };

function addInput(circleId: string, entry: EntryDraft, target: EntryTarget): AddCircleEntryInput {
  return {
    circleId,
    ring: entry.ring,
    sector: entry.sector,
    relation: entry.relation,
    support: [...entry.support],
    frequency: entry.frequency,
    wish: entry.wish,
    note: entry.note,
    person: target.kind === 'NEW_PERSON' ? { name: target.name, organisationId: target.organisationId } : null,
    personId: target.kind === 'PERSON' ? target.personId : null,
    organisationId: target.kind === 'ORGANISATION' ? target.organisationId : null,
  };
}

export function findTie(ties: readonly TieLike[], a: string, b: string): TieLike | undefined {
  return ties.find((t) => (t.fromEntryId === a && t.toEntryId === b) || (t.fromEntryId === b && t.toEntryId === a));
}

/**
 * The mutation for an operation on the circle as it is now (with each entry's current version),
 * or null when it no longer applies: the entry is gone, or the tie is already there or already gone.
 * Then there is nothing to send, and an undo of it cannot be done any more.
 */
export function requestFor(op: EditOp, circle: CircleLike): OpRequest | null {
  const entry = (id: string) => circle.entries.find((e) => e.id === id);
  switch (op.kind) {
    case 'ADD': {
      const { target } = op.entry;
      const tied = op.entry.tiedTo.filter((id) => entry(id) !== undefined);
      if (target.kind === 'ORGANISATION' && circle.entries.some((e) => e.target.id === target.organisationId)) return null;
      return {
        mutation: 'add',
        input: addInput(circle.id, op.entry, target),
        fallback:
          target.kind === 'PERSON'
            ? addInput(circle.id, op.entry, { kind: 'NEW_PERSON', name: target.name, organisationId: target.organisationId })
            : null,
        oldEntryId: op.entryId,
        tiedTo: tied,
      };
    }
    case 'REMOVE': {
      const found = entry(op.entryId);
      return found
        ? { mutation: 'remove', input: { circleId: circle.id, entryId: found.id, expectedVersion: found.version } }
        : null;
    }
    case 'MOVE': {
      const found = entry(op.entryId);
      return found
        ? {
            mutation: 'move',
            input: { circleId: circle.id, entryId: found.id, expectedVersion: found.version, ring: op.ring, sector: op.sector },
          }
        : null;
    }
    case 'UPDATE': {
      const found = entry(op.entryId);
      if (!found) return null;
      return {
        mutation: 'update',
        input: {
          circleId: circle.id,
          entryId: found.id,
          expectedVersion: found.version,
          name: found.target.__typename === 'CirclePerson' ? op.name : null,
          relation: op.content.relation,
          support: [...op.content.support],
          frequency: op.content.frequency,
          wish: op.content.wish,
          note: op.content.note,
        },
      };
    }
    case 'ADD_TIE': {
      if (!entry(op.fromEntryId) || !entry(op.toEntryId)) return null;
      if (findTie(circle.ties, op.fromEntryId, op.toEntryId)) return null;
      return { mutation: 'addTie', input: { circleId: circle.id, fromEntryId: op.fromEntryId, toEntryId: op.toEntryId } };
    }
    case 'REMOVE_TIE': {
      const tie = findTie(circle.ties, op.fromEntryId, op.toEntryId);
      return tie ? { mutation: 'removeTie', input: { circleId: circle.id, tieId: tie.id } } : null;
    }
  }
}
