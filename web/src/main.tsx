import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Provider as UrqlProvider } from 'urql';
import { AppLayout } from './components/app-layout';
import { Loading } from './components/load-state';
import { AccessPage } from './features/access/access-page';
import { AdminPage } from './features/admin/admin-page';
import { AdminHomePage } from './features/admin/admin-home';
import { ResearchStudiesPage } from './features/admin/research-studies';
import { AccountsPage } from './features/admin-accounts/accounts-page';
import { ActivationPage } from './features/activation/activation-page';
import { AuditPage } from './features/admin-audit/audit-page';
import { ImportPage } from './features/admin-import/import-page';
import { OrganisationsPage } from './features/admin-organisations/organisations-page';
import { ClientsPage } from './features/circle/clients-page';
import { forgetAllHistories, tabStore } from './features/circle/saved-history';
import { DistrictsPage } from './features/districts/districts-page';
import { LoginPage } from './features/login/login-page';
import { MyCirclePage } from './features/my-circle/my-circle-page';
import { MyDataPage } from './features/my-data/my-data-page';
import { NotFoundPage, RouteErrorPage } from './features/not-found/not-found-page';
import { RequireViewer, StartRedirect } from './features/session/guards';
import { ResetClientContext } from './features/session/session-context';
import { WijkComparePage } from './features/wijk-compare/wijk-compare-page';
import { createUrqlClient } from './lib/urql-client';
import { notifyUnauthenticated } from './lib/session-events';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: Loading,
    children: [
      { path: 'inloggen', element: <LoginPage /> },
      { path: 'activeren', element: <ActivationPage /> },
      {
        element: <RequireViewer />,
        children: [
          { index: true, element: <StartRedirect /> },
          { path: 'wijken', element: <DistrictsPage /> },
          { path: 'wijken/vergelijken', element: <WijkComparePage /> },
          // The drawing pages come in their own chunks, fetched when first opened; only the wijkkaart's holds cytoscape.
          { path: 'wijk/:slug', lazy: async () => ({ Component: (await import('./features/wijk/wijk-page')).WijkPage }) },
          { path: 'kring', element: <ClientsPage /> },
          {
            path: 'kring/:circleId',
            lazy: async () => ({ Component: (await import('./features/circle/circle-page')).CirclePage }),
          },
          {
            path: 'kring/:circleId/veranderd',
            lazy: async () => ({ Component: (await import('./features/circle-history/compare-page')).ComparePage }),
          },
          {
            path: 'kring/:circleId/afdrukken',
            lazy: async () => ({ Component: (await import('./features/circle-print/print-page')).PrintPage }),
          },
          // Aanbod in je wijk (issue 14): reached from the signals and the circle page.
          {
            path: 'kring/:circleId/aanbod',
            lazy: async () => ({ Component: (await import('./features/wijk-offers/wijk-offers-page')).WijkOffersPage }),
          },
          { path: 'mijn-kring', element: <MyCirclePage /> },
          { path: 'meekijken', element: <AccessPage /> },
          { path: 'mijn-gegevens', element: <MyDataPage /> },
          // Recharts is large; the research page loads it in its own chunk, fetched when first opened.
          {
            path: 'onderzoek',
            lazy: async () => ({ Component: (await import('./features/research/research-page')).ResearchPage }),
          },
          { path: 'beheer', element: <AdminHomePage /> },
          { path: 'beheer/personen', element: <AdminPage /> },
          { path: 'beheer/studies', element: <ResearchStudiesPage /> },
          { path: 'beheer/accounts', element: <AccountsPage /> },
          { path: 'beheer/organisaties', element: <OrganisationsPage /> },
          { path: 'beheer/inlezen', element: <ImportPage /> },
          { path: 'beheer/audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** Holds the urql client; login, logout and erasure swap it for a fresh one with an empty cache. */
function App() {
  const [client, setClient] = useState(() => createUrqlClient(notifyUnauthenticated));
  const resetClient = useCallback(() => {
    // A new session starts with nothing of the last one: no cached answers, no undo history (issue 14).
    const store = tabStore();
    if (store) forgetAllHistories(store);
    setClient(createUrqlClient(notifyUnauthenticated));
  }, []);
  return (
    <ResetClientContext.Provider value={resetClient}>
      <UrqlProvider value={client}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </ResetClientContext.Provider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
