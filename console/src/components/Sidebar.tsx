import { Link, useLocation } from '../router.js';

const SECTIONS: Array<{ title: string; items: Array<{ to: string; label: string }> }> = [
  { title: 'Sources', items: [
    { to: '/connections', label: 'Connections' },
    { to: '/connectors', label: 'Catalogue' },
    { to: '/runs', label: 'Runs' },
    { to: '/records', label: 'Records' },
    { to: '/changes', label: 'Change log' },
    { to: '/dead-letters', label: 'Dead letters' },
  ] },
  { title: 'Destinations', items: [{ to: '/loads', label: 'Loads' }] },
  { title: 'Automate', items: [{ to: '/automations', label: 'Automations' }, { to: '/bridges', label: 'Bridges' }] },
  { title: 'Govern', items: [{ to: '/audit', label: 'Audit log' }, { to: '/settings', label: 'Settings' }] },
];

/** The primary navigation; the current section is marked for sighted and screen-reader users. */
export function Sidebar() {
  const { path } = useLocation();
  const active = (to: string) => path === to || path.startsWith(`${to}/`) || (to === '/connections' && path === '/');
  return (
    <nav className="sidebar" aria-label="Main">
      <Link to="/connections" className="brand">
        <span className="brand-mark" aria-hidden="true">F</span>
        <span>Forgeworks</span>
      </Link>
      {SECTIONS.map((section) => (
        <div className="nav-section" key={section.title}>
          <h2 className="nav-title">{section.title}</h2>
          <ul>
            {section.items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="nav-link" aria-current={active(item.to) ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
