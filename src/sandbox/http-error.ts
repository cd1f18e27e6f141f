import type { SandboxResponse } from './types.js';

/**
 * Thrown from a handler (or a paging helper) to answer an error in the vendor's own body format,
 * without threading a return value up through helper calls.
 */
export class SandboxHttpError extends Error {
  override readonly name = 'SandboxHttpError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string | string[]>;

  constructor(status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
    super(`Sandbox answers ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  toResponse(): SandboxResponse {
    return { status: this.status, headers: this.headers, body: this.body };
  }
}

/** A JSON error answer; vendor-shaped bodies are built by each sandbox, this only saves typing. */
export function jsonError(
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}
