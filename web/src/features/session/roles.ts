import type { Role } from '../../gql/graphql';

/** What the navigation and the start page need to know about who is signed in. */
export interface ViewerLike {
  readonly role: Role;
  /** A coordinator's first wijk (the one the app opens); a client's wijk. */
  readonly district: { readonly slug: string } | null;
  /** A coordinator's wijken, the first first (issue 11: a coordinator may have several). */
  readonly districts?: readonly { readonly slug: string; readonly name: string }[];
}

export type NavKey =
  'myCircle' | 'access' | 'myData' | 'myClients' | 'districts' | 'myDistrict' | 'compareDistricts' | 'research' | 'admin';

export interface NavItem {
  readonly key: NavKey;
  /** Unique among the items of one menu (a coordinator with several wijken has several 'myDistrict' items). */
  readonly id: string;
  /** Shown instead of the key's text: the wijk's name, when a coordinator has several. */
  readonly label?: string;
  readonly to: string;
  /** Pages under this path belong to the item too (a wijk page belongs to "Wijken"). */
  readonly section: string;
}

/** A wijk's page. */
function wijkPath(slug: string): string {
  return `/wijk/${encodeURIComponent(slug)}`;
}

/**
 * The coordinator's own wijk pages, the first first. One wijk is "Mijn wijk"; several are each
 * named, so a coordinator of two wijken reaches both from the menu (issue 11). None (not known):
 * the list of wijken serves instead.
 */
function myDistrictItems(viewer: ViewerLike): NavItem[] {
  const own =
    viewer.districts && viewer.districts.length > 0
      ? viewer.districts
      : viewer.district
        ? [{ ...viewer.district, name: '' }]
        : [];
  if (own.length === 1 && own[0]) {
    const to = wijkPath(own[0].slug);
    return [{ key: 'myDistrict', id: 'myDistrict', to, section: to }];
  }
  return own.map((wijk) => {
    const to = wijkPath(wijk.slug);
    return { key: 'myDistrict', id: `myDistrict:${wijk.slug}`, label: wijk.name, to, section: to };
  });
}

/**
 * The menu for each role (PRODUCT.md section 1). The API decides what anyone may see; the menu
 * only leaves out what would answer "not allowed" anyway.
 */
export function navItems(viewer: ViewerLike): NavItem[] {
  switch (viewer.role) {
    case 'CLIENT':
      return [
        { key: 'myCircle', id: 'myCircle', to: '/mijn-kring', section: '/kring/' },
        { key: 'access', id: 'access', to: '/meekijken', section: '/meekijken' },
        { key: 'myData', id: 'myData', to: '/mijn-gegevens', section: '/mijn-gegevens' },
      ];
    case 'SUPPORT_WORKER':
      return [
        { key: 'myClients', id: 'myClients', to: '/kring', section: '/kring/' },
        { key: 'districts', id: 'districts', to: '/wijken', section: '/wijk/' },
      ];
    case 'COORDINATOR':
      // Their own wijken first; the other wijken (public social map) and the comparison after them.
      return [
        ...myDistrictItems(viewer),
        { key: 'districts', id: 'districts', to: '/wijken', section: '/wijk/' },
        { key: 'compareDistricts', id: 'compareDistricts', to: '/wijken/vergelijken', section: '/wijken/vergelijken' },
      ];
    case 'RESEARCHER':
      return [{ key: 'research', id: 'research', to: '/onderzoek', section: '/onderzoek' }];
    case 'ADMIN':
      return [
        { key: 'districts', id: 'districts', to: '/wijken', section: '/wijk/' },
        { key: 'admin', id: 'admin', to: '/beheer', section: '/beheer' },
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
export function currentNav(
  items: readonly NavItem[],
  pathname: string,
): { key: NavKey; id: string; state: 'page' | 'section' } | null {
  const page = items.find((item) => navState(item, pathname) === 'page');
  if (page) return { key: page.key, id: page.id, state: 'page' };
  const sections = items
    .filter((item) => navState(item, pathname) === 'section')
    .sort((a, b) => b.section.length - a.section.length);
  const section = sections[0];
  return section ? { key: section.key, id: section.id, state: 'section' } : null;
}
