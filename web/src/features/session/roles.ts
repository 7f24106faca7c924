import type { Role } from '../../gql/graphql';

/** What the navigation and the start page need to know about who is signed in. */
export interface ViewerLike {
  readonly role: Role;
  readonly district: { readonly slug: string } | null;
}

export type NavKey = 'myCircle' | 'access' | 'myData' | 'myClients' | 'districts' | 'myDistrict' | 'research' | 'admin';

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
      // A coordinator sees their own wijk only (the API leaves other wijken out of lists).
      const mine = myDistrictPath(viewer);
      return [{ key: 'myDistrict', to: mine, section: mine }];
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
