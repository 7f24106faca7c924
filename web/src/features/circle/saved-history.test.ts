import { describe, expect, it } from 'vitest';
import { addedStep, changedStep, EMPTY_HISTORY, movedStep, recordStep, removedStep } from './edit-history';
import { fatima, gp } from './edit-history.test-data';
import { forgetAllHistories, historyKey, readHistory, writeHistory, type KeyValueStore } from './saved-history';

class MapStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** A history with every kind of step and operation in it. */
function fullHistory() {
  let history = recordStep(EMPTY_HISTORY, addedStep(fatima));
  history = recordStep(history, movedStep(fatima, { ring: 1, sector: 'FAMILY' }));
  const change = changedStep(fatima, [], {
    ring: 2,
    sector: 'FAMILY',
    content: { relation: 'zus', support: ['PRACTICAL'], frequency: 'DAILY', wish: null, note: null },
    name: 'Fatima B',
    tiedTo: ['e-gp'],
  });
  if (!change) throw new Error('expected a change');
  history = recordStep(history, change);
  history = recordStep(history, removedStep(gp, [{ id: 't-1', fromEntryId: 'e-gp', toEntryId: 'e-fatima' }]));
  return { past: history.past.slice(0, 3), future: history.past.slice(3) };
}

describe('the undo history kept in the tab (issue 14)', () => {
  const key = historyKey('account-1', 'circle-1');

  it('comes back after a reload exactly as it was kept, every kind of step included (issue 14)', () => {
    const store = new MapStore();
    const history = fullHistory();
    writeHistory(store, key, history);
    expect(readHistory(store, key)).toEqual(history);
    // Another account or another circle in the same tab has its own (here: none).
    expect(readHistory(store, historyKey('account-2', 'circle-1'))).toBeNull();
    expect(readHistory(store, historyKey('account-1', 'circle-2'))).toBeNull();
  });

  it('keeps nothing for an empty history, and removes what was kept when it becomes empty (issue 14)', () => {
    const store = new MapStore();
    writeHistory(store, key, EMPTY_HISTORY);
    expect(store.length).toBe(0);
    writeHistory(store, key, fullHistory());
    writeHistory(store, key, EMPTY_HISTORY);
    expect(store.length).toBe(0);
  });

  it('drops a kept history that does not fit this version of the app, as a whole (issue 14)', () => {
    const store = new MapStore();
    const good = JSON.parse(JSON.stringify({ version: 1, ...fullHistory() })) as {
      past: { undo: Record<string, unknown>[]; name: unknown }[];
    };
    const variants: unknown[] = [
      'not json {',
      { ...good, version: 2 },
      { ...good, past: 'nope' },
      { ...good, past: [{ ...good.past[0], name: 3 }] },
      { ...good, past: [{ ...good.past[0], action: 'DROP_ALL' }] },
      { ...good, past: [{ ...good.past[0], undo: [{ kind: 'DELETE_CIRCLE', circleId: 'c' }] }] },
      { ...good, past: [{ ...good.past[0], undo: [{ kind: 'MOVE', entryId: 'e', ring: 0, sector: 'FAMILY' }] }] },
      { ...good, past: Array.from({ length: 31 }, () => good.past[0]) },
    ];
    for (const variant of variants) {
      store.setItem(key, typeof variant === 'string' ? variant : JSON.stringify(variant));
      expect(readHistory(store, key), JSON.stringify(variant).slice(0, 120)).toBeNull();
    }
    // And the good one still reads, so the checks above fail for the reason they name.
    store.setItem(key, JSON.stringify(good));
    expect(readHistory(store, key)).not.toBeNull();
  });

  it('forgets every kept history at once (login, logout, erasure), and nothing else in the tab (issue 14)', () => {
    const store = new MapStore();
    writeHistory(store, key, fullHistory());
    writeHistory(store, historyKey('account-2', 'circle-9'), fullHistory());
    store.setItem('something-else', 'stays');
    forgetAllHistories(store);
    expect([...store.items.keys()]).toEqual(['something-else']);
  });

  it('carries on when the browser refuses to keep anything (issue 14)', () => {
    const full: KeyValueStore = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => writeHistory(full, key, fullHistory())).not.toThrow();
    expect(readHistory(full, key)).toBeNull();
    expect(() => forgetAllHistories(full)).not.toThrow();
  });
});
