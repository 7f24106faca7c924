/** What kind of page someone was refused: each role gets a sentence that fits it (issue 14). */
export type ForbiddenArea = 'circle' | 'clients' | 'own' | 'wijk' | 'research' | 'admin' | 'other';

/** The kind of page a path belongs to (the routes of main.tsx). */
export function forbiddenArea(pathname: string): ForbiddenArea {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/kring') return 'clients';
  if (path.startsWith('/kring/') || path === '/mijn-kring') return 'circle';
  if (path === '/meekijken' || path === '/mijn-gegevens') return 'own';
  if (path.startsWith('/wijk/') || path === '/wijken' || path.startsWith('/wijken/')) return 'wijk';
  if (path === '/onderzoek' || path.startsWith('/onderzoek/')) return 'research';
  if (path === '/beheer' || path.startsWith('/beheer/')) return 'admin';
  return 'other';
}
