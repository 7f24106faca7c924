import { HISTORY_LIMIT, type EditHistory, type EditOp, type EditStep } from './edit-history';

/**
 * The undo history kept in the tab's sessionStorage, so "Ongedaan maken" still works after a
 * reload (issue 14). sessionStorage lives as long as the tab and is never sent anywhere. The
 * history holds names of people in the circle (to put someone back), so it is kept per account
 * and per circle, and all of it is forgotten when anyone logs in or out (main.tsx).
 *
 * What comes back is checked before it is used: an older version of the app, or anything else
 * that wrote the key, must not make the editor send something odd. A history that does not fit is
 * dropped as a whole.
 */

/** Raise when EditHistory's shape changes: a history saved by another version is not read. */
const VERSION = 1;
const PREFIX = 'wijkkring.undo.';

/** The part of Web Storage this module uses (window.sessionStorage, or a map in tests). */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function historyKey(accountId: string, circleId: string): string {
  return `${PREFIX}${accountId}.${circleId}`;
}

const ACTIONS = new Set(['ADD', 'MOVE', 'UPDATE', 'REMOVE', 'TIE_ADD', 'TIE_REMOVE']);
const SUPPORT = new Set(['PRACTICAL', 'EMOTIONAL', 'COMPANY', 'SAFETY_NET']);
const FREQUENCY = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'FEW_TIMES_A_YEAR', 'RARELY']);
const WISH = new Set(['MORE_CONTACT', 'LESS_CONTACT', 'NEW_CONTACT']);

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown) => value === null || isString(value);
/** Rings are data (the layout); the API checks the number, this only that it is one. */
const isRing = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;
const inSetOrNull = (set: ReadonlySet<string>) => (value: unknown) => value === null || (isString(value) && set.has(value));

function isContent(value: Json): boolean {
  return (
    isStringOrNull(value.relation) &&
    Array.isArray(value.support) &&
    value.support.every((s) => isString(s) && SUPPORT.has(s)) &&
    inSetOrNull(FREQUENCY)(value.frequency) &&
    inSetOrNull(WISH)(value.wish) &&
    isStringOrNull(value.note)
  );
}

function isTarget(value: unknown): boolean {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'NEW_PERSON':
      return isString(value.name) && isStringOrNull(value.organisationId);
    case 'PERSON':
      return isString(value.personId) && isString(value.name) && isStringOrNull(value.organisationId);
    case 'ORGANISATION':
      return isString(value.organisationId);
    default:
      return false;
  }
}

function isOp(value: unknown): value is EditOp {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'ADD': {
      const entry = value.entry;
      return (
        isString(value.entryId) &&
        isObject(entry) &&
        isContent(entry) &&
        isRing(entry.ring) &&
        isString(entry.sector) &&
        isTarget(entry.target) &&
        Array.isArray(entry.tiedTo) &&
        entry.tiedTo.every(isString)
      );
    }
    case 'REMOVE':
      return isString(value.entryId);
    case 'MOVE':
      return isString(value.entryId) && isRing(value.ring) && isString(value.sector);
    case 'UPDATE':
      return isString(value.entryId) && isObject(value.content) && isContent(value.content) && isStringOrNull(value.name);
    case 'ADD_TIE':
    case 'REMOVE_TIE':
      return isString(value.fromEntryId) && isString(value.toEntryId);
    default:
      return false;
  }
}

function isStep(value: unknown): value is EditStep {
  return (
    isObject(value) &&
    isString(value.action) &&
    ACTIONS.has(value.action) &&
    isString(value.name) &&
    Array.isArray(value.undo) &&
    value.undo.every(isOp) &&
    Array.isArray(value.redo) &&
    value.redo.every(isOp)
  );
}

function isSteps(value: unknown): value is EditStep[] {
  return Array.isArray(value) && value.length <= HISTORY_LIMIT && value.every(isStep);
}

/** The saved history, or null when there is none or it does not fit this version of the app. */
export function readHistory(store: KeyValueStore, key: string): EditHistory | null {
  let parsed: unknown;
  try {
    const text = store.getItem(key);
    if (text === null) return null;
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed.version !== VERSION || !isSteps(parsed.past) || !isSteps(parsed.future)) {
    forget(store, key);
    return null;
  }
  return { past: parsed.past, future: parsed.future };
}

/** Keeps the history; an empty one is not kept at all. Storage that is full or switched off only costs the reload. */
export function writeHistory(store: KeyValueStore, key: string, history: EditHistory): void {
  try {
    if (history.past.length === 0 && history.future.length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ version: VERSION, past: history.past, future: history.future }));
  } catch {
    // Private browsing or a full store: undo still works until the reload, as before.
  }
}

function forget(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to do: the store is not usable.
  }
}

/** Forgets every saved history in this tab: at login, logout and erasure. */
export function forgetAllHistories(store: KeyValueStore): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing was kept in a store that cannot be read.
  }
}

/** window.sessionStorage when the browser offers it (it may throw when storage is switched off). */
export function tabStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
