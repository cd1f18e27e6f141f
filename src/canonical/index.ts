export * from './schemas.js';
export * from './mapping.js';
