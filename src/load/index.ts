export * from './types.js';
export { LoadService, LoadError, type LoadServiceDeps, type PlanInput, type LoadContextFactory } from './service.js';
export { recordsFromFile, recordsFromCanonical, LoadInputError } from './input.js';
export type { JournalItem, LoadRow } from './journal.js';
