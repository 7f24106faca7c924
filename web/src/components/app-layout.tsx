import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { nl } from '../messages/nl';
import { CircleIcon, DistrictIcon, PeopleIcon } from './icons';

interface NavItemProps {
  readonly to: string;
  /** Pages under this path belong to the item too (a wijk page belongs to "Wijken"). */
  readonly section: string;
  readonly pathname: string;
  readonly children: ReactNode;
}

function NavItem({ to, section, pathname, children }: NavItemProps) {
  const here = pathname === to;
  const inside = here || pathname.startsWith(section);
  return (
    <Link to={to} className={inside ? 'nav-link active' : 'nav-link'} aria-current={here ? 'page' : inside ? 'true' : undefined}>
      {children}
    </Link>
  );
}

/** Header with the main navigation, the page in <main>, and a footer. */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After moving to another page, put keyboard and screen-reader focus at the start of the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

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
          <nav aria-label={nl.app.mainNavigation} className="main-nav">
            <ul>
              <li>
                <NavItem to="/wijken" section="/wijk/" pathname={pathname}>
                  <DistrictIcon /> {nl.nav.districts}
                </NavItem>
              </li>
              <li>
                <NavItem to="/kring" section="/kring/" pathname={pathname}>
                  <PeopleIcon /> {nl.nav.circles}
                </NavItem>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhoud" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{nl.app.demoNotice}</p>
      </footer>
    </>
  );
}
