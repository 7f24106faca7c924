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
      { key: 'myDistrict', id: 'myDistrict', to: '/wijk/kanaleneiland', section: '/wijk/kanaleneiland' },
      { key: 'districts', id: 'districts', to: '/wijken', section: '/wijk/' },
      { key: 'compareDistricts', id: 'compareDistricts', to: '/wijken/vergelijken', section: '/wijken/vergelijken' },
    ]);
    expect(navItems(viewer('COORDINATOR')).map((i) => i.to)).toEqual(['/wijken', '/wijken/vergelijken']);
  });

  it('gives a coordinator of several wijken each of them by name, the first first (issue 11)', () => {
    const several: ViewerLike = {
      role: 'COORDINATOR',
      district: { slug: 'kanaleneiland' },
      districts: [
        { slug: 'kanaleneiland', name: 'Kanaleneiland' },
        { slug: 'zuidwest', name: 'Zuidwest' },
      ],
    };
    const items = navItems(several);
    expect(items.map((i) => [i.key, i.label ?? null, i.to])).toEqual([
      ['myDistrict', 'Kanaleneiland', '/wijk/kanaleneiland'],
      ['myDistrict', 'Zuidwest', '/wijk/zuidwest'],
      ['districts', null, '/wijken'],
      ['compareDistricts', null, '/wijken/vergelijken'],
    ]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(startPath(several)).toBe('/wijk/kanaleneiland');
    expect(currentNav(items, '/wijk/zuidwest')).toEqual({ key: 'myDistrict', id: 'myDistrict:zuidwest', state: 'page' });
    // One wijk in the list is the plain "Mijn wijk".
    expect(navItems({ ...several, districts: several.districts?.slice(0, 1) })[0]).toMatchObject({ id: 'myDistrict' });
    expect(navItems({ ...several, districts: several.districts?.slice(0, 1) })[0]?.label).toBeUndefined();
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
  const clients = { key: 'myClients', id: 'myClients', to: '/kring', section: '/kring/' } as const;

  it('marks the page itself and the pages below it', () => {
    expect(navState(clients, '/kring')).toBe('page');
    expect(navState(clients, '/kring/abc')).toBe('section');
    expect(navState(clients, '/wijken')).toBeNull();
  });
});

describe('currentNav', () => {
  const items = navItems(viewer('COORDINATOR', 'kanaleneiland'));

  it("marks only 'Mijn wijk' on the coordinator's own wijk page, not also 'Wijken'", () => {
    expect(currentNav(items, '/wijk/kanaleneiland')).toEqual({ key: 'myDistrict', id: 'myDistrict', state: 'page' });
  });

  it("marks 'Wijken' on another wijk's page and 'Wijken vergelijken' on the comparison", () => {
    expect(currentNav(items, '/wijk/overvecht')).toEqual({ key: 'districts', id: 'districts', state: 'section' });
    expect(currentNav(items, '/wijken/vergelijken')).toEqual({ key: 'compareDistricts', id: 'compareDistricts', state: 'page' });
    expect(currentNav(items, '/wijken')).toEqual({ key: 'districts', id: 'districts', state: 'page' });
    expect(currentNav(items, '/beheer')).toBeNull();
  });
});
