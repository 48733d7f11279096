import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { Home } from './pages/Home';
import { Procedures } from './pages/Procedures';
import { NotFound } from './pages/NotFound';

/**
 * Public pages are in the first bundle; sign-in and every back-office screen are loaded on
 * demand (`lazy`), so the public home page downloads little JavaScript.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'procedures', element: <Procedures /> },
      { path: 'signin', lazy: async () => ({ Component: (await import('./pages/SignIn')).SignIn }) },
      { path: 'backoffice', lazy: async () => ({ Component: (await import('./backoffice/MySpace')).MySpace }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
