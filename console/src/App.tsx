import { useEffect, useRef, useState } from 'react';
import { Layout } from './components/Layout.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { matchPath, useLocation } from './router.js';
import { ROUTES } from './routes.js';
import { apiKey, onSessionChange } from './session.js';
import { WorkspaceProvider } from './workspace.js';

function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(() => apiKey() !== null);
  useEffect(() => onSessionChange(() => setSignedIn(apiKey() !== null)), []);
  return signedIn;
}

export function App() {
  const signedIn = useSignedIn();
  const { path } = useLocation();
  const first = useRef(true);
  const match = ROUTES.map((r) => ({ route: r, params: matchPath(r.path, path) })).find((m) => m.params !== null);

  useEffect(() => {
    document.title = `${signedIn ? match?.route.title ?? 'Not found' : 'Sign in'} · Forgeworks`;
    // After a navigation, move focus to the page so keyboard and screen-reader users start there.
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [path, signedIn, match?.route.title]);

  if (!signedIn) return <SignInPage />;
  return (
    <WorkspaceProvider>
      <Layout>{match ? match.route.render(match.params!) : <NotFoundPage />}</Layout>
    </WorkspaceProvider>
  );
}
