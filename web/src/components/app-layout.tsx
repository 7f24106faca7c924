import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { currentNav, navItems, type NavItem, type NavKey } from '../features/session/roles';
import { useResetClient, ViewerContext, type SignedInViewer } from '../features/session/session-context';
import { LogoutDocument, ViewerDocument } from '../gql/graphql';
import { LOGIN_PATH, loginPageAfter } from '../lib/return-path';
import { clearSessionEnded, markSessionEnded, onUnauthenticated, sessionEnded } from '../lib/session-events';
import { nl } from '../messages/nl';
import { forgetAllHistories, tabStore } from '../features/circle/saved-history';
import { ChartIcon, CircleIcon, DistrictIcon, EyeIcon, HomeIcon, LogoutIcon, PeopleIcon, SettingsIcon, UserIcon } from './icons';
import { LoadError, Loading } from './load-state';
import './app-layout.css';

const NAV_ICONS: Record<NavKey, ReactNode> = {
  myCircle: <CircleIcon />,
  access: <EyeIcon />,
  myData: <UserIcon />,
  myClients: <PeopleIcon />,
  districts: <DistrictIcon />,
  myDistrict: <HomeIcon />,
  compareDistricts: <ChartIcon />,
  research: <ChartIcon />,
  admin: <SettingsIcon />,
};

function NavLink({ item, state }: { readonly item: NavItem; readonly state: 'page' | 'section' | null }) {
  return (
    <Link
      to={item.to}
      className={state ? 'nav-link active' : 'nav-link'}
      aria-current={state === 'page' ? 'page' : state === 'section' ? 'true' : undefined}
    >
      {NAV_ICONS[item.key]} {item.label ?? nl.nav[item.key]}
    </Link>
  );
}

function currentNavState(items: readonly NavItem[], item: NavItem, pathname: string): 'page' | 'section' | null {
  const current = currentNav(items, pathname);
  return current?.id === item.id ? current.state : null;
}

/** Who is signed in, and the way out. */
function SignedInAs({ viewer }: { readonly viewer: SignedInViewer }) {
  const [{ fetching }, logout] = useMutation(LogoutDocument);

  async function signOut() {
    await logout({});
    // Whatever the answer, a full page load: nothing one person saw stays in this tab's memory
    // for the next person on a shared tablet, and no page still on screen asks for data again.
    // The tab's storage loses the undo history too (issue 14).
    const store = tabStore();
    if (store) forgetAllHistories(store);
    window.location.replace(loginPageAfter('uitgelogd'));
  }

  return (
    <div className="signed-in">
      <p className="signed-in-who">
        <UserIcon />
        <span>
          <span className="visually-hidden">{nl.session.signedInAs} </span>
          {nl.session.who(viewer.displayName, nl.role[viewer.role])}
        </span>
      </p>
      <button type="button" className="button secondary small" onClick={() => void signOut()} disabled={fetching}>
        <LogoutIcon /> {fetching ? nl.session.loggingOut : nl.session.logout}
      </button>
    </div>
  );
}

/**
 * Header with the main navigation for the signed-in role, the page in <main>, and a footer. Loads
 * `viewer` first: until it is known, no page renders, so no page flashes for someone not signed in.
 */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const resetClient = useResetClient();
  const here = useRef(pathname);
  const firstRender = useRef(true);
  const [viewerResult, reexecuteViewer] = useQuery({ query: ViewerDocument });
  const viewer = viewerResult.data?.viewer ?? null;

  // After moving to another page, put keyboard and screen-reader focus at the start of the new content.
  useEffect(() => {
    here.current = pathname;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  // When the session ends (idle, absolute, or logged out elsewhere): a fresh client asks `viewer`
  // again, finds nobody, and RequireViewer sends the user to /inloggen, remembering the page.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (here.current === LOGIN_PATH || sessionEnded()) return;
        markSessionEnded();
        resetClient();
      }),
    [resetClient],
  );

  // Someone is signed in (again): the next session that ends is news.
  useEffect(() => {
    if (viewer) clearSessionEnded();
  }, [viewer]);

  let content: ReactNode;
  if (viewerResult.data === undefined) {
    content = (
      <div className="page">
        {viewerResult.error ? (
          <LoadError error={viewerResult.error} onRetry={() => reexecuteViewer({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading />
        )}
      </div>
    );
  } else {
    content = (
      <ViewerContext.Provider value={viewer}>
        <Outlet />
      </ViewerContext.Provider>
    );
  }

  return (
    <>
      <a className="skip-link" href="#inhoud">
        {nl.app.skipLink}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <CircleIcon className="brand-icon" />
            <span>{nl.app.name}</span>
          </Link>
          {viewer ? <SignedInAs viewer={viewer} /> : null}
          {viewer ? (
            <nav aria-label={nl.app.mainNavigation} className="main-nav">
              <ul>
                {navItems(viewer).map((item, _i, items) => (
                  <li key={item.id}>
                    <NavLink item={item} state={currentNavState(items, item, pathname)} />
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="inhoud" ref={mainRef} tabIndex={-1}>
        {content}
      </main>
      <footer className="site-footer">
        <p>{nl.app.demoNotice}</p>
      </footer>
    </>
  );
}
