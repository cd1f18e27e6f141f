/**
 * The sandbox toolkit: the reusable parts every vendor stand-in is built from. Vendor specifics
 * (paths, envelopes, error bodies, header names) live in each `connectors/<id>/sandbox.ts`.
 */
export { SandboxServer, type SandboxServerOptions } from './server.js';
export type { RecordedRequest, SandboxHandler, SandboxRequest, SandboxResponse } from './types.js';
export { SandboxHttpError, jsonError } from './http-error.js';
export { basicCredentials, bearerToken, headerValue, type AuthHook, type AuthResult } from './auth.js';
export type { BodyProblem } from './request.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { Collection, type CollectionOptions, type Entry, type ListOptions, type SortKey, type Tombstone } from './collection.js';
export { compareIds, prefixedIds, sequentialIds, uuidIds, type IdGenerator } from './ids.js';
export {
  decodeCursor,
  encodeCursor,
  pageByCursorToken,
  pageByOffset,
  pageByPageNumber,
  type CursorPageOptions,
  type OffsetPageOptions,
  type PageNumberOptions,
} from './paging.js';
export { resolveLimit, type LimitPolicy, type PagingProblem } from './limits.js';
export { linkHeader, nextUrl, type QueryValues } from './links.js';
export { RateLimiter, type RateLimiterOptions, type RateLimitState } from './rate-limit.js';
export { FAULT_KINDS, FaultInjector, type FaultDraw, type FaultKind, type FaultRule } from './faults.js';
export { seededRng, type Rng } from './rng.js';
