import { describe, expect, it } from 'vitest';
import { loginPageAfter, loginPath, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('accepts a path inside the app, with its query', () => {
    expect(safeReturnPath('/kring/3f2a')).toBe('/kring/3f2a');
    expect(safeReturnPath('/wijk/kanaleneiland?tab=lijst')).toBe('/wijk/kanaleneiland?tab=lijst');
  });

  it('refuses anything that could lead to another site', () => {
    for (const value of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'evil', '/kring\\..\\x', '/\tx'])
      expect(safeReturnPath(value), value).toBeNull();
  });

  it('refuses empty values and the login page itself (no loop)', () => {
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath('')).toBeNull();
    expect(safeReturnPath('/inloggen')).toBeNull();
    expect(safeReturnPath('/inloggen?terug=/kring')).toBeNull();
  });
});

describe('loginPath', () => {
  it('remembers where the user was', () => {
    expect(loginPath('/kring/3f2a')).toBe('/inloggen?terug=%2Fkring%2F3f2a');
  });

  it('is the plain login page for the start page or an unsafe path', () => {
    expect(loginPath('/')).toBe('/inloggen');
    expect(loginPath('//evil.example')).toBe('/inloggen');
    expect(loginPath(undefined)).toBe('/inloggen');
  });
});

describe('loginPageAfter', () => {
  it('carries the message for the login page in the address (it is loaded afresh)', () => {
    expect(loginPageAfter('uitgelogd')).toBe('/inloggen?melding=uitgelogd');
    expect(loginPageAfter('verwijderd')).toBe('/inloggen?melding=verwijderd');
  });
});
