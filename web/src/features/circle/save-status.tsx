import { RetryIcon, SavedIcon, SavingIcon, WarningIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import type { SaveState } from './use-circle-editor';
import './save-status.css';

/**
 * Whether the circle is saved (issue 14): calm, always in view while editing, with an icon beside
 * the words so colour is never the only cue. It is not a live region itself (that would speak at
 * every change): the editor's status line announces what happened, and a failure once.
 */
export function SaveStatus({ state }: { readonly state: SaveState }) {
  switch (state.kind) {
    case 'SAVED':
      return (
        <p className="save-status" data-save-state="saved">
          <SavedIcon /> {nl.editor.saved}
        </p>
      );
    case 'SAVING':
      return (
        <p className="save-status" data-save-state="saving">
          <SavingIcon /> {nl.editor.saving}
        </p>
      );
    case 'NOT_SAVED':
      return (
        <p className="save-status" data-save-state="not-saved">
          <WarningIcon /> {nl.editor.notSaved}
          {state.retry ? (
            <>
              {': '}
              <button type="button" className="button secondary small" onClick={state.retry}>
                <RetryIcon /> {nl.editor.notSavedRetry}
              </button>
            </>
          ) : null}
        </p>
      );
  }
}
