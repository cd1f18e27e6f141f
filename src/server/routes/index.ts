import type { AnyRouteSpec } from '../route-spec.js';
import { auditRoutes } from './audit.js';
import { automationRunRoutes } from './automation-runs.js';
import { automationRoutes } from './automations.js';
import { bridgeRoutes } from './bridges.js';
import { connectorSettingRoutes } from './connector-settings.js';
import { httpConnectorRoutes } from './http-connectors.js';
import { oauthRoutes } from './oauth.js';
import { connectionRoutes } from './connections.js';
import { deadLetterRoutes } from './dead-letters.js';
import { loadRoutes } from './loads.js';
import { memberRoutes } from './members.js';
import { orgRoutes } from './orgs.js';
import { publicRoutes } from './public.js';
import { recordRoutes } from './records.js';
import { runRoutes } from './runs.js';
import { streamRoutes } from './streams.js';
import { workspaceRoutes } from './workspaces.js';

/** Every route of the API, in the order the document lists them. */
export const apiRoutes: AnyRouteSpec[] = [
  ...publicRoutes, ...workspaceRoutes, ...orgRoutes, ...memberRoutes, ...auditRoutes,
  ...connectionRoutes, ...oauthRoutes, ...streamRoutes, ...runRoutes, ...recordRoutes, ...deadLetterRoutes, ...loadRoutes,
  ...httpConnectorRoutes, ...automationRoutes, ...automationRunRoutes, ...connectorSettingRoutes, ...bridgeRoutes,
];
