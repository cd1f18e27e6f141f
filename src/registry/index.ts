export * from './contracts.js';
export * from './definition.js';
export * from './errors.js';
export * from './fields.js';
export { ConnectorRegistry, catalogueEntry, type CatalogueEntry } from './registry.js';
