import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Provider as UrqlProvider } from 'urql';
import { AppLayout } from './components/app-layout';
import { Loading } from './components/load-state';
import { DistrictsPage } from './features/districts/districts-page';
import { HomePage } from './features/home/home-page';
import { NotFoundPage, RouteErrorPage } from './features/not-found/not-found-page';
import { ClientsPage } from './features/circle/clients-page';
import { urqlClient } from './lib/urql-client';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: Loading,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'wijken', element: <DistrictsPage /> },
      // The two drawing pages load cytoscape; they come in their own chunk, fetched when first opened.
      { path: 'wijk/:slug', lazy: async () => ({ Component: (await import('./features/wijk/wijk-page')).WijkPage }) },
      { path: 'kring', element: <ClientsPage /> },
      { path: 'kring/:circleId', lazy: async () => ({ Component: (await import('./features/circle/circle-page')).CirclePage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <UrqlProvider value={urqlClient}>
      <RouterProvider router={router} />
    </UrqlProvider>
  </StrictMode>,
);
