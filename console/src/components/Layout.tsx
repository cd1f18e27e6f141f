import type { ReactNode } from 'react';
import { Header } from './Header.js';
import { Sidebar } from './Sidebar.js';

/** The one layout: a skip link, the sidebar, the header with the workspace picker, the page. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <Sidebar />
      <div className="main-col">
        <Header />
        <main id="main" className="content" tabIndex={-1}>{children}</main>
      </div>
    </div>
  );
}
