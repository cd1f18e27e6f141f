import { ConnectorError } from './errors.js';

/**
 * The envelope every executor call returns. It never throws for a vendor failure: callers read
 * `ok` and `error`, or call `unwrap` to turn a failure into a thrown ConnectorError.
 */
export interface ConnectorResponse<T = unknown> {
  ok: boolean;
  /** HTTP status of the last attempt; 0 when no response arrived (timeout, reset, refused). */
  status: number;
  /** Wall time of the whole call including retries, in milliseconds. */
  latencyMs: number;
  body: T | undefined;
  error: ConnectorError | null;
  /** Response headers of the last attempt, lower-cased names. */
  headers: Record<string, string>;
  /** How many attempts were made (1 when the first one settled it). */
  attempts: number;
}

/** The body of a successful response, or the classified error thrown. */
export function unwrap<T>(response: ConnectorResponse<T>): T {
  if (!response.ok || response.error) {
    throw response.error ?? new ConnectorError(`Request failed with status ${response.status}`, { kind: 'permanent', status: response.status });
  }
  return response.body as T;
}
