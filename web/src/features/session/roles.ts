import type { Role } from '../../gql/graphql';

/** What the navigation and the start page need to know about who is signed in. */
export interface ViewerLike {
  readonly role: Role;
  readonly district: { readonly slug: string } | null;
}

export type NavKey =
  'myCircle' | 'access' | 'myData' | 'myClients' | 'districts' | 'myDistrict' | 'compareDistricts' | 'research' | 'admin';

export interface NavItem {
  readonly key: NavKey;
  readonly to: string;
  /** Pages under this path belong to the item too (a wijk page belongs to "Wijken"). */
  readonly section: string;
}

/** The coordinator's own wijk page, or the list of wijken when their wijk is not known. */
function myDistrictPath(viewer: ViewerLike): string {
  return viewer.district ? `/wijk/${encodeURIComponent(viewer.district.slug)}` : '/wijken';
}

/**
 * The menu for each role (PRODUCT.md section 1). The API decides what anyone may see; the menu
 * only leaves out what would answer "not allowed" anyway.
 */
export function navItems(viewer: ViewerLike): NavItem[] {
  switch (viewer.role) {
    case 'CLIENT':
      return [
        { key: 'myCircle', to: '/mijn-kring', section: '/kring/' },
        { key: 'access', to: '/meekijken', section: '/meekijken' },
        { key: 'myData', to: '/mijn-gegevens', section: '/mijn-gegevens' },
      ];
    case 'SUPPORT_WORKER':
      return [
        { key: 'myClients', to: '/kring', section: '/kring/' },
        { key: 'districts', to: '/wijken', section: '/wijk/' },
      ];
    case 'COORDINATOR': {
      // Their own wijk first; the other wijken (public social map) and the comparison after it.
      const mine = myDistrictPath(viewer);
      const items: NavItem[] = [
        { key: 'districts', to: '/wijken', section: '/wijk/' },
        { key: 'compareDistricts', to: '/wijken/vergelijken', section: '/wijken/vergelijken' },
      ];
      return mine === '/wijken' ? items : [{ key: 'myDistrict', to: mine, section: mine }, ...items];
    }
    case 'RESEARCHER':
      return [{ key: 'research', to: '/onderzoek', section: '/onderzoek' }];
    case 'ADMIN':
      return [
        { key: 'districts', to: '/wijken', section: '/wijk/' },
        { key: 'admin', to: '/beheer', section: '/beheer' },
      ];
    default:
      return [];
  }
}

/** Where someone lands after logging in without a page to return to: their first menu item. */
export function startPath(viewer: ViewerLike): string {
  return navItems(viewer)[0]?.to ?? '/';
}

/** Whether a menu item is the current page, or the section the current page belongs to. */
export function navState(item: NavItem, pathname: string): 'page' | 'section' | null {
  if (pathname === item.to) return 'page';
  if (pathname.startsWith(item.section) && item.section !== '/') return 'section';
  return null;
}

/**
 * The one menu item that is current: the page itself, else the most specific section. A
 * coordinator's own wijk page belongs to "Mijn wijk", not also to "Wijken".
 */
export function currentNav(items: readonly NavItem[], pathname: string): { key: NavKey; state: 'page' | 'section' } | null {
  const page = items.find((item) => navState(item, pathname) === 'page');
  if (page) return { key: page.key, state: 'page' };
  const sections = items
    .filter((item) => navState(item, pathname) === 'section')
    .sort((a, b) => b.section.length - a.section.length);
  const section = sections[0];
  return section ? { key: section.key, state: 'section' } : null;
}
