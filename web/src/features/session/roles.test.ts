import { describe, expect, it } from 'vitest';
import { navItems, navState, startPath, type ViewerLike } from './roles';

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

  it('takes a coordinator to their own wijk, and only that', () => {
    expect(navItems(viewer('COORDINATOR', 'kanaleneiland'))).toEqual([
      { key: 'myDistrict', to: '/wijk/kanaleneiland', section: '/wijk/kanaleneiland' },
    ]);
    expect(navItems(viewer('COORDINATOR'))[0]?.to).toBe('/wijken');
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
