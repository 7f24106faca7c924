import { describe, expect, it } from 'vitest';
import type { Role } from '../../gql/graphql';
import { forbiddenArea } from './forbidden-area';
import { forbiddenText } from './forbidden';

const ROLES: readonly Role[] = ['CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'];

describe('"not allowed" per role and page (issue 14)', () => {
  it('knows the kind of page from its path', () => {
    expect(forbiddenArea('/kring/abc')).toBe('circle');
    expect(forbiddenArea('/kring/abc/veranderd')).toBe('circle');
    expect(forbiddenArea('/mijn-kring')).toBe('circle');
    expect(forbiddenArea('/kring')).toBe('clients');
    expect(forbiddenArea('/kring/')).toBe('clients');
    expect(forbiddenArea('/meekijken')).toBe('own');
    expect(forbiddenArea('/wijk/kanaleneiland')).toBe('wijk');
    expect(forbiddenArea('/wijken/vergelijken')).toBe('wijk');
    expect(forbiddenArea('/onderzoek')).toBe('research');
    expect(forbiddenArea('/beheer/audit')).toBe('admin');
    expect(forbiddenArea('/iets-anders')).toBe('other');
  });

  it('never tells a kwartiermaker to ask the client about a wijk page', () => {
    const text = forbiddenText('COORDINATOR', 'wijk');
    expect(text).not.toMatch(/cliënt/);
    expect(text).toMatch(/kwartiermakers van deze wijk/);
  });

  it('sends a client to their own kring, in words for clients', () => {
    for (const area of ['circle', 'admin', 'wijk', 'research'] as const) {
      const text = forbiddenText('CLIENT', area);
      expect(text).toMatch(/Mijn kring/);
      expect(text).not.toMatch(/beheerder|kwartiermaker|cliënt/);
    }
  });

  it('tells a begeleider refused a circle that the client decides who may look', () => {
    expect(forbiddenText('SUPPORT_WORKER', 'circle')).toMatch(/Een cliënt kiest zelf wie mag meekijken/);
    expect(forbiddenText('SUPPORT_WORKER', 'admin')).toMatch(/beheerder/);
  });

  it('gives each role its own sentence for a client’s circle, and the general one when nobody is known', () => {
    const texts = ROLES.map((role) => forbiddenText(role, 'circle'));
    expect(new Set(texts).size).toBe(ROLES.length);
    for (const role of ROLES) expect(forbiddenText(role, 'other')).not.toBe('');
    expect(forbiddenText(null, 'circle')).toMatch(/Vraag het aan de beheerder\.$/);
  });
});
