import { BackIcon } from '../../components/icons';
import { BackHomeLink } from '../../components/load-state';
import { nl } from '../../messages/nl';

export function NotFoundPage() {
  return (
    <div className="page">
      <title>{nl.app.pageTitle(nl.notFoundPage.title)}</title>
      <h1>{nl.notFoundPage.title}</h1>
      <p>{nl.notFoundPage.text}</p>
      <BackHomeLink />
    </div>
  );
}

/** When a page itself breaks (a bug, or a chunk that failed to load): calm words, a way back. */
export function RouteErrorPage() {
  return (
    <main id="inhoud" className="page">
      <title>{nl.app.pageTitle(nl.state.errorTitle)}</title>
      <h1>{nl.state.errorTitle}</h1>
      <p>{nl.state.otherError}</p>
      <p>
        <a className="button secondary" href="/">
          <BackIcon /> {nl.state.backHome}
        </a>
      </p>
    </main>
  );
}
