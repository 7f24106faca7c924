import { describe, expect, it } from 'vitest';
import { currentNav, navItems, navState, startPath, type ViewerLike } from './roles';

const viewer = (role: ViewerLike['role'], slug: string | null = null): ViewerLike => ({
  role,
  district: slug ? { slug } : null,
});

describe('navItems', () => {
  it('gives a client their circle, who may look, and their data', () => {
    expect(navItems(viewer('CLIENT')).map((i) => i.key)).toEqual(['myCircle', 'access', 'myData']);
  });

  it('gives a support worker their clients and the wijken', () => {
    expect(navItems(viewer('SUPPORT_WORKER')).map((i) => i.to)).toEqual(['/kring', '/wijken']);
  });

  it('gives a coordinator their own wijk first, then all wijken and the comparison (issue 9)', () => {
    expect(navItems(viewer('COORDINATOR', 'kanaleneiland'))).toEqual([
      { key: 'myDistrict', to: '/wijk/kanaleneiland', section: '/wijk/kanaleneiland' },
      { key: 'districts', to: '/wijken', section: '/wijk/' },
      { key: 'compareDistricts', to: '/wijken/vergelijken', section: '/wijken/vergelijken' },
    ]);
    expect(navItems(viewer('COORDINATOR')).map((i) => i.to)).toEqual(['/wijken', '/wijken/vergelijken']);
  });

  it('never offers circles to a coordinator or researcher', () => {
    for (const role of ['COORDINATOR', 'RESEARCHER'] as const)
      expect(navItems(viewer(role, 'kanaleneiland')).some((i) => i.to.startsWith('/kring'))).toBe(false);
  });

  it('gives an admin the wijken and Beheer', () => {
    expect(navItems(viewer('ADMIN')).map((i) => i.key)).toEqual(['districts', 'admin']);
  });
});

describe('startPath', () => {
  it('is the first menu item of the role', () => {
    expect(startPath(viewer('CLIENT'))).toBe('/mijn-kring');
    expect(startPath(viewer('SUPPORT_WORKER'))).toBe('/kring');
    expect(startPath(viewer('COORDINATOR', 'overvecht'))).toBe('/wijk/overvecht');
    expect(startPath(viewer('RESEARCHER'))).toBe('/onderzoek');
    expect(startPath(viewer('ADMIN'))).toBe('/wijken');
  });
});

describe('navState', () => {
  const clients = { key: 'myClients', to: '/kring', section: '/kring/' } as const;

  it('marks the page itself and the pages below it', () => {
    expect(navState(clients, '/kring')).toBe('page');
    expect(navState(clients, '/kring/abc')).toBe('section');
    expect(navState(clients, '/wijken')).toBeNull();
  });
});

describe('currentNav', () => {
  const items = navItems(viewer('COORDINATOR', 'kanaleneiland'));

  it("marks only 'Mijn wijk' on the coordinator's own wijk page, not also 'Wijken'", () => {
    expect(currentNav(items, '/wijk/kanaleneiland')).toEqual({ key: 'myDistrict', state: 'page' });
  });

  it("marks 'Wijken' on another wijk's page and 'Wijken vergelijken' on the comparison", () => {
    expect(currentNav(items, '/wijk/overvecht')).toEqual({ key: 'districts', state: 'section' });
    expect(currentNav(items, '/wijken/vergelijken')).toEqual({ key: 'compareDistricts', state: 'page' });
    expect(currentNav(items, '/wijken')).toEqual({ key: 'districts', state: 'page' });
    expect(currentNav(items, '/beheer')).toBeNull();
  });
});
