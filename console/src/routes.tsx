import type { ReactNode } from 'react';
import { AuditPage } from './pages/AuditPage.js';
import { AutomationEditPage } from './pages/AutomationEditPage.js';
import { AutomationsPage } from './pages/AutomationsPage.js';
import { BridgePage } from './pages/BridgePage.js';
import { BridgesPage } from './pages/BridgesPage.js';
import { CataloguePage } from './pages/CataloguePage.js';
import { ChangesPage } from './pages/ChangesPage.js';
import { ConnectionPage } from './pages/ConnectionPage.js';
import { ConnectionsPage } from './pages/ConnectionsPage.js';
import { ConnectPage } from './pages/ConnectPage.js';
import { DeadLettersPage } from './pages/DeadLettersPage.js';
import { LoadPage } from './pages/LoadPage.js';
import { LoadsPage } from './pages/LoadsPage.js';
import { NewBridgePage } from './pages/NewBridgePage.js';
import { NewLoadPage } from './pages/NewLoadPage.js';
import { RecordsPage } from './pages/RecordsPage.js';
import { RunPage } from './pages/RunPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { SettingsPage } from './pages/SettingsPage.js';

export interface RouteDef {
  path: string;
  title: string;
  render(params: Record<string, string>): ReactNode;
}

/** Every page of the console; the first match wins. */
export const ROUTES: RouteDef[] = [
  { path: '/', title: 'Connections', render: () => <ConnectionsPage /> },
  { path: '/connections', title: 'Connections', render: () => <ConnectionsPage /> },
  { path: '/connections/:id', title: 'Connection', render: (p) => <ConnectionPage key={p.id} connectionId={p.id!} /> },
  { path: '/connectors', title: 'Catalogue', render: () => <CataloguePage /> },
  { path: '/connectors/:id/connect', title: 'Connect a system', render: (p) => <ConnectPage key={p.id} connectorId={p.id!} /> },
  { path: '/runs', title: 'Runs', render: () => <RunsPage /> },
  { path: '/runs/:id', title: 'Run', render: (p) => <RunPage key={p.id} runId={p.id!} /> },
  { path: '/records', title: 'Records', render: () => <RecordsPage /> },
  { path: '/changes', title: 'Change log', render: () => <ChangesPage /> },
  { path: '/dead-letters', title: 'Dead letters', render: () => <DeadLettersPage /> },
  { path: '/loads', title: 'Loads', render: () => <LoadsPage /> },
  { path: '/loads/new', title: 'New load', render: () => <NewLoadPage /> },
  { path: '/loads/:id', title: 'Load', render: (p) => <LoadPage key={p.id} loadId={p.id!} /> },
  { path: '/automations', title: 'Automations', render: () => <AutomationsPage /> },
  { path: '/automations/new', title: 'New automation', render: () => <AutomationEditPage key="new" /> },
  { path: '/automations/:id', title: 'Automation', render: (p) => <AutomationEditPage key={p.id} automationId={p.id!} /> },
  { path: '/bridges', title: 'Bridges', render: () => <BridgesPage /> },
  { path: '/bridges/new', title: 'New bridge', render: () => <NewBridgePage /> },
  { path: '/bridges/:id', title: 'Bridge', render: (p) => <BridgePage key={p.id} bridgeId={p.id!} /> },
  { path: '/audit', title: 'Audit log', render: () => <AuditPage /> },
  { path: '/settings', title: 'Settings', render: () => <SettingsPage /> },
];
