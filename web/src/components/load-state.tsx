import type { CombinedError } from 'urql';
import { Link, useLocation } from 'react-router';
import { forbiddenArea } from '../features/session/forbidden-area';
import { forbiddenText } from '../features/session/forbidden';
import { useViewer } from '../features/session/session-context';
import { classifyLoadError, retryAfterMinutes } from '../lib/load-error';
import { LOGIN_PATH } from '../lib/return-path';
import { nl } from '../messages/nl';
import { BackIcon, InfoIcon, LockIcon, LoginIcon, RetryIcon } from './icons';
import './load-state.css';

/** The way back to the start page, under every message that ends a page. */
export function BackHomeLink() {
  return (
    <p>
      <Link className="button secondary" to="/">
        <BackIcon /> {nl.state.backHome}
      </Link>
    </p>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {nl.state.loading}
    </p>
  );
}

type Heading = 'h1' | 'h2';

interface MessageProps {
  /** h1 when the message is all the page shows, h2 (the default) when it sits below the page's h1. */
  readonly heading?: Heading;
}

/** Shown in place of a page's content when it does not exist. */
export function NotFoundMessage({ heading: H = 'h2' }: MessageProps) {
  return (
    <div className="notice" role="alert">
      <H className="notice-title">
        <InfoIcon /> {nl.state.notFound}
      </H>
      <p>{nl.state.notFoundText}</p>
      <BackHomeLink />
    </div>
  );
}

/**
 * Signed in, but this is not for them (FORBIDDEN): calm words that fit their role and the page they
 * tried, and a way back, never a blank page.
 */
export function ForbiddenMessage({ heading: H = 'h2' }: MessageProps) {
  const viewer = useViewer();
  const { pathname } = useLocation();
  return (
    <div className="notice" role="alert">
      {H === 'h1' ? <title>{nl.app.pageTitle(nl.state.forbidden)}</title> : null}
      <H className="notice-title">
        <LockIcon /> {nl.state.forbidden}
      </H>
      <p>{forbiddenText(viewer?.role ?? null, forbiddenArea(pathname))}</p>
      <BackHomeLink />
    </div>
  );
}

interface LoadErrorProps extends MessageProps {
  readonly error: CombinedError;
  /** Asks the API again, skipping the cache. */
  readonly onRetry: () => void;
}

/** What went wrong while loading, in calm words, with a way forward. */
export function LoadError({ error, onRetry, heading = 'h2' }: LoadErrorProps) {
  const kind = classifyLoadError(error);
  if (kind === 'NOT_FOUND') return <NotFoundMessage heading={heading} />;
  if (kind === 'FORBIDDEN') return <ForbiddenMessage heading={heading} />;
  if (kind === 'UNAUTHENTICATED') {
    // The app is already on its way to /inloggen; this shows only for a moment, or if that failed.
    return (
      <div className="notice" role="alert">
        <p className="notice-title">
          <InfoIcon /> {nl.state.unauthenticated}
        </p>
        <p>
          <Link className="button" to={LOGIN_PATH}>
            <LoginIcon /> {nl.state.toLogin}
          </Link>
        </p>
      </div>
    );
  }
  const minutes = kind === 'RATE_LIMITED' ? retryAfterMinutes(error) : null;
  const text =
    kind === 'UNAVAILABLE'
      ? nl.state.unavailable
      : kind === 'RATE_LIMITED'
        ? minutes === null
          ? nl.state.rateLimited
          : nl.state.rateLimitedMinutes(minutes)
        : nl.state.otherError;
  return (
    <div className="notice" role="alert">
      <p className="notice-title">
        <InfoIcon /> {text}
      </p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          <RetryIcon /> {nl.state.retry}
        </button>
      </p>
    </div>
  );
}
