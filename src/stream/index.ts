export { paginate, type PaginatorSpec, type PageState, type FetchedPage, type PaginateOptions } from './paginate.js';
export { advance, queryFrom, isDatetimeCursor, type DatetimeCursor } from './cursor.js';
export { preparePage, contentHash, type PreparedRow, type Rejected } from './prepare-page.js';
export { persistPage, CANONICAL_TABLES, LeaseLostError, type PageCounts } from './persist-page.js';
export { reconcileDeletes } from './reconcile.js';
export { runSync, StreamBusyError, type SyncResult, type ContextFactory, type RunSyncOptions } from './run-sync.js';
export { loadStream, acquireStreamLease, releaseStreamLease, type StreamRow } from './stream-store.js';
