import { describe, expect, it } from 'vitest';
import {
  addedStep,
  changedStep,
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  movedStep,
  recordStep,
  removedStep,
  renameEntry,
  requestFor,
  takeRedo,
  takeUndo,
  type CircleLike,
  type EditHistory,
  type EditStep,
} from './edit-history';
import { fatima, gp } from './edit-history.test-data';

const tie = { id: 'e-fatima~e-gp', fromEntryId: 'e-fatima', toEntryId: 'e-gp' };
const circle: CircleLike = { id: 'c1', entries: [fatima, gp], ties: [tie] };

function step(name: string): EditStep {
  return { action: 'MOVE', name, undo: [], redo: [] };
}

describe('the history', () => {
  it('undoes the last step first, then redoes it; a new step forgets what was undone', () => {
    let history: EditHistory = recordStep(recordStep(EMPTY_HISTORY, step('a')), step('b'));
    const undone = takeUndo(history);
    expect(undone?.step.name).toBe('b');
    history = undone?.done ?? history;
    expect(history.past.map((s) => s.name)).toEqual(['a']);
    expect(history.future.map((s) => s.name)).toEqual(['b']);
    const redone = takeRedo(history);
    expect(redone?.step.name).toBe('b');
    expect(redone?.done.past.map((s) => s.name)).toEqual(['a', 'b']);
    history = recordStep(undone?.done ?? history, step('c'));
    expect(history.future).toEqual([]);
    expect(takeRedo(history)).toBeNull();
  });

  it('drops a step whose operations no longer fit the circle', () => {
    const history = recordStep(recordStep(EMPTY_HISTORY, step('a')), step('b'));
    const undone = takeUndo(history);
    expect(undone?.dropped).toEqual({ past: [history.past[0]], future: [] });
    expect(takeUndo(EMPTY_HISTORY)).toBeNull();
  });

  it(`keeps the last ${String(HISTORY_LIMIT)} steps (at least 20)`, () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(20);
    let history = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = recordStep(history, step(String(i)));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]?.name).toBe('5');
    let undos = 0;
    for (let taken = takeUndo(history); taken; taken = takeUndo(taken.done)) undos++;
    expect(undos).toBe(HISTORY_LIMIT);
  });

  it('renames an entry that came back with a new id, in both directions and in ties', () => {
    let history = recordStep(EMPTY_HISTORY, movedStep(fatima, { ring: 1, sector: 'FAMILY' }));
    history = recordStep(history, removedStep(fatima, [tie]));
    history = recordStep(history, removedStep(gp, [tie]));
    const renamed = renameEntry(history, 'e-fatima', 'e-new');
    expect(JSON.stringify(renamed)).not.toContain('e-fatima');
    expect(renamed.past[0]?.undo).toEqual([{ kind: 'MOVE', entryId: 'e-new', ring: 2, sector: 'FAMILY' }]);
    const gpBack = renamed.past[2]?.undo[0];
    expect(gpBack?.kind === 'ADD' && gpBack.entry.tiedTo).toEqual(['e-new']);
  });
});

describe('steps and their inverses', () => {
  it('add ↔ remove: an added entry is removed by undo, and added again (same person) by redo', () => {
    const s = addedStep(fatima);
    expect(s.undo).toEqual([{ kind: 'REMOVE', entryId: 'e-fatima' }]);
    const redo = s.redo[0];
    expect(redo?.kind).toBe('ADD');
    if (redo?.kind !== 'ADD') return;
    expect(redo.entry).toMatchObject({ ring: 2, sector: 'FAMILY', relation: 'zus', frequency: 'WEEKLY', wish: 'MORE_CONTACT' });
    expect(redo.entry.target).toEqual({ kind: 'PERSON', personId: 'p-fatima', name: 'Fatima', organisationId: null });
  });

  it('remove ↔ add again, with everything the entry said and its ties', () => {
    const s = removedStep(fatima, [tie]);
    expect(s.redo).toEqual([{ kind: 'REMOVE', entryId: 'e-fatima' }]);
    expect(s.undo[0]).toMatchObject({
      kind: 'ADD',
      entryId: 'e-fatima',
      entry: { support: ['EMOTIONAL', 'SAFETY_NET'], note: null, tiedTo: ['e-gp'] },
    });
  });

  it('move ↔ move back', () => {
    const s = movedStep(fatima, { ring: 1, sector: 'FRIENDS_NEIGHBOURS' });
    expect(s.redo).toEqual([{ kind: 'MOVE', entryId: 'e-fatima', ring: 1, sector: 'FRIENDS_NEIGHBOURS' }]);
    expect(s.undo).toEqual([{ kind: 'MOVE', entryId: 'e-fatima', ring: 2, sector: 'FAMILY' }]);
  });

  it('update ↔ update with the old values; undo runs the inverses in reverse order', () => {
    const s = changedStep(fatima, [tie], {
      ring: 1,
      sector: 'FAMILY',
      name: 'Fatma',
      content: { relation: 'zus', support: ['EMOTIONAL'], frequency: 'DAILY', wish: null, note: 'belt elke dag' },
      tiedTo: [],
    });
    expect(s?.action).toBe('UPDATE');
    expect(s?.redo.map((op) => op.kind)).toEqual(['MOVE', 'UPDATE', 'REMOVE_TIE']);
    expect(s?.undo.map((op) => op.kind)).toEqual(['ADD_TIE', 'UPDATE', 'MOVE']);
    expect(s?.undo[1]).toEqual({
      kind: 'UPDATE',
      entryId: 'e-fatima',
      name: 'Fatima',
      content: { relation: 'zus', support: ['EMOTIONAL', 'SAFETY_NET'], frequency: 'WEEKLY', wish: 'MORE_CONTACT', note: null },
    });
  });

  it('is no step when nothing changed, and names tie-only and move-only changes', () => {
    const same = { ring: 2, sector: 'FAMILY', name: 'Fatima', content: fatima, tiedTo: ['e-gp'] };
    expect(changedStep(fatima, [tie], same)).toBeNull();
    expect(changedStep(fatima, [tie], { ...same, content: { ...fatima, support: ['SAFETY_NET', 'EMOTIONAL'] } })).toBeNull();
    expect(changedStep(fatima, [tie], { ...same, tiedTo: [] })?.action).toBe('TIE_REMOVE');
    expect(changedStep(fatima, [], same)?.action).toBe('TIE_ADD');
    expect(changedStep(fatima, [tie], { ...same, ring: 3 })?.action).toBe('MOVE');
  });
});

describe('requestFor', () => {
  it('sends the entry’s current version, not the one the step was made with', () => {
    const s = movedStep({ ...fatima, version: 1 }, { ring: 1, sector: 'FAMILY' });
    const undo = s.undo[0];
    if (!undo) throw new Error('no undo');
    expect(requestFor(undo, circle)).toEqual({
      mutation: 'move',
      input: { circleId: 'c1', entryId: 'e-fatima', expectedVersion: 3, ring: 2, sector: 'FAMILY' },
    });
  });

  it('puts a removed person back by personId, with a new person of the same name as fallback, and ties to who is still there', () => {
    const s = removedStep(fatima, [tie, { id: 'x', fromEntryId: 'e-fatima', toEntryId: 'e-gone' }]);
    const undo = s.undo[0];
    if (!undo) throw new Error('no undo');
    const request = requestFor(undo, { id: 'c1', entries: [gp], ties: [] });
    expect(request?.mutation).toBe('add');
    if (request?.mutation !== 'add') return;
    expect(request.input).toMatchObject({ circleId: 'c1', personId: 'p-fatima', person: null, organisationId: null, ring: 2 });
    expect(request.fallback).toMatchObject({ personId: null, person: { name: 'Fatima', organisationId: null }, relation: 'zus' });
    expect(request.tiedTo).toEqual(['e-gp']);
    expect(request.oldEntryId).toBe('e-fatima');
  });

  it('puts an organisation back by its id, and not when it is in the circle again already', () => {
    const undo = removedStep(gp, []).undo[0];
    if (!undo) throw new Error('no undo');
    const request = requestFor(undo, { id: 'c1', entries: [fatima], ties: [] });
    expect(request).toMatchObject({ mutation: 'add', fallback: null, input: { organisationId: 'o-gp', personId: null } });
    expect(requestFor(undo, circle)).toBeNull();
  });

  it('sends name only for people, and every field (left-out fields would become empty)', () => {
    const request = requestFor({ kind: 'UPDATE', entryId: 'e-gp', name: 'X', content: gp }, circle);
    expect(request).toEqual({
      mutation: 'update',
      input: {
        circleId: 'c1',
        entryId: 'e-gp',
        expectedVersion: 1,
        name: null,
        relation: 'huisarts',
        support: [],
        frequency: null,
        wish: null,
        note: 'spreekuur',
      },
    });
  });

  it('finds ties in either direction, and gives nothing for what no longer applies', () => {
    expect(requestFor({ kind: 'REMOVE_TIE', fromEntryId: 'e-gp', toEntryId: 'e-fatima' }, circle)).toEqual({
      mutation: 'removeTie',
      input: { circleId: 'c1', tieId: 'e-fatima~e-gp' },
    });
    expect(requestFor({ kind: 'ADD_TIE', fromEntryId: 'e-gp', toEntryId: 'e-fatima' }, circle)).toBeNull();
    expect(requestFor({ kind: 'REMOVE_TIE', fromEntryId: 'e-gp', toEntryId: 'e-x' }, circle)).toBeNull();
    expect(requestFor({ kind: 'MOVE', entryId: 'e-gone', ring: 1, sector: 'FAMILY' }, circle)).toBeNull();
    expect(requestFor({ kind: 'REMOVE', entryId: 'e-gone' }, circle)).toBeNull();
    expect(requestFor({ kind: 'REMOVE', entryId: 'e-gp' }, circle)).toEqual({
      mutation: 'remove',
      input: { circleId: 'c1', entryId: 'e-gp', expectedVersion: 1 },
    });
  });
});
