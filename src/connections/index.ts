export { buildConnectorContext, type ContextInput, type BuiltContext } from './context.js';
export { ConnectionService, ConnectionBusyError, SANDBOX_URL_KEY, type ConnectionView, type NewConnection, type ConnectionServiceDeps } from './service.js';
