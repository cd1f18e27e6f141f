export { readConfig, type PlatformConfig } from './config.js';
export { startRuntime, createCatalogue, type Runtime } from './runtime.js';
export { ensureAdminKey } from './bootstrap-admin.js';
