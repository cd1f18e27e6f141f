import type { SandboxResponse, SandboxServer } from '../../src/sandbox/index.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';

/**
 * What a connector's sandbox hands the conformance suite: where it runs, the credentials it
 * accepts, and vendor-side levers (seed, modify, delete, revoke) so the suite can play the world.
 */
export interface ConformanceSandbox {
  baseUrl: string;
  // The toolkit server: its fault injector and request log.
  server: SandboxServer<unknown>;
  authMethodId: string;
  credentials: Record<string, string>;
  config: Record<string, unknown>;
  seed(object: string, count: number): void | Promise<void>;
  /** Vendor primary keys of the live (not deleted, not archived) records of an object. */
  liveIds(object: string): string[];
  /** Changes a record at the vendor, moving its modification time forward. */
  touch(object: string, id: string): void;
  /** Deletes (or archives) a record at the vendor, as its users would. */
  remove(object: string, id: string): void;
  /** Makes the sandbox's credentials invalid, as a revoked token is. */
  revokeCredentials(): void;
  /** The vendor's own error answer for a status (body shape and headers as the vendor sends them). */
  errorResponse(status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503): SandboxResponse;
  stop(): Promise<void>;
}

export interface ConformanceOptions {
  definition: ConnectorDefinitionInput;
  start: () => Promise<ConformanceSandbox>;
}
