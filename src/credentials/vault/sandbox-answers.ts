/** The shapes Vault answers in, for the stand-in (vault-sandbox.ts). */
import { randomUUID } from 'node:crypto';
import { jsonError, SandboxHttpError, type SandboxRequest, type SandboxResponse } from '../../sandbox/index.js';

/** Every Vault answer wraps its payload the same way. */
export const envelope = (data: unknown, auth: unknown = null) => ({
  request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 0, data, wrap_info: null, warnings: null, auth,
});

/** `{"errors":[…]}`; a missing entry is a 404 with an empty list. */
export const vaultErrors = (status: number, ...messages: string[]): SandboxResponse => jsonError(status, { errors: messages });

export const versionMetadata = (version: number, createdTime: string) => ({
  created_time: createdTime, custom_metadata: null, deletion_time: '', destroyed: false, version,
});

/** Vault reads every request body as JSON, whatever its content type says. */
export function jsonBody(req: SandboxRequest<unknown>): Record<string, unknown> {
  if (req.body !== undefined) return (req.body ?? {}) as Record<string, unknown>;
  if (req.rawBody.length === 0) return {};
  try {
    return JSON.parse(req.rawBody.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new SandboxHttpError(400, { errors: ['failed to parse JSON input'] });
  }
}
