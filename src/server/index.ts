export { buildServer, type ServerDeps, type RouteModule, type ApiServices, type RouteTableEntry } from './app.js';
export { generateApiKey, hashApiKey, storeApiKey, authenticateApiKey, type Principal, type Role } from './api-keys.js';
export { requireRole } from './auth.js';
export { ApiError, toErrorBody } from './errors.js';
export { defineRoute, type RouteSpec, type AnyRouteSpec } from './route-spec.js';
export { buildOpenApi } from './openapi.js';
