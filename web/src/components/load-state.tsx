import type { CombinedError } from 'urql';
import { Link } from 'react-router';
import { classifyLoadError } from '../lib/load-error';
import { nl } from '../messages/nl';
import { BackIcon, InfoIcon, RetryIcon } from './icons';

export function Loading() {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {nl.state.loading}
    </p>
  );
}

/** Shown in place of a page's content when it does not exist. */
export function NotFoundMessage() {
  return (
    <div className="notice" role="alert">
      <h2 className="notice-title">
        <InfoIcon /> {nl.state.notFound}
      </h2>
      <p>{nl.state.notFoundText}</p>
      <p>
        <Link className="button secondary" to="/">
          <BackIcon /> {nl.state.backHome}
        </Link>
      </p>
    </div>
  );
}

interface LoadErrorProps {
  readonly error: CombinedError;
  /** Asks the API again, skipping the cache. */
  readonly onRetry: () => void;
}

/** What went wrong while loading, in calm words, with a way forward. */
export function LoadError({ error, onRetry }: LoadErrorProps) {
  const kind = classifyLoadError(error);
  if (kind === 'NOT_FOUND') return <NotFoundMessage />;
  return (
    <div className="notice" role="alert">
      <p className="notice-title">
        <InfoIcon /> {kind === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError}
      </p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          <RetryIcon /> {nl.state.retry}
        </button>
      </p>
    </div>
  );
}
