export { buildServer, type ServerDeps, type RouteModule } from './app.js';
export { generateApiKey, hashApiKey, storeApiKey, authenticateApiKey, type Principal, type Role } from './api-keys.js';
export { requireRole } from './auth.js';
export { ApiError, toErrorBody } from './errors.js';
