/**
 * Turns one attempt's outcome into the taxonomy: the kind from the status (or the vendor's quirk
 * hook), the fields and message from the vendor's own error body, the wait it asked for.
 */
import { ConnectorError, kindForStatus } from './errors.js';
import type { ExecutorOptions } from './executor-options.js';
import type { AttemptOutcome } from './http-attempt.js';
import type { HttpRequest } from './http-types.js';
import { vendorWaitMs } from './retry-policy.js';

export interface Classified<T> {
  status: number;
  headers: Record<string, string>;
  body: T | undefined;
  error: ConnectorError | null;
  /** The vendor refused before doing anything (429, 503): replaying even a POST is safe. */
  notProcessed?: boolean;
}

export function classifyOutcome<T>(outcome: AttemptOutcome, req: HttpRequest<T>, options: ExecutorOptions): Classified<T> {
  if (outcome.kind === 'network') {
    const kind = outcome.reason === 'egress' || outcome.reason === 'aborted' ? 'permanent' : 'transient';
    return { status: 0, headers: {}, body: undefined, error: new ConnectorError(`${options.connectorId}: ${outcome.message}`, { kind, code: outcome.reason }) };
  }
  const { status, headers, body } = outcome;
  const quirk = options.classifyOutcome?.({ status, headers, body });
  if (status >= 200 && status < 300 && !quirk) return parseSuccess(outcome, req, options);

  const details = safeParse(options, { status, headers, body });
  const kind = quirk ?? details?.kind ?? kindForStatus(status);
  // The vendor's reset header speaks of its rate-limit window: it governs a 429 only, not a 503.
  const retryAfterMs = kind === 'transient' ? vendorWaitMs(headers, status === 429 ? options.resetHeader : undefined) : undefined;
  const fields = details?.fields ?? [];
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  const message = `${options.connectorId} answered ${status}${details?.message ? `: ${details.message}` : ''}${named}`;
  return {
    status, headers, body: body as T,
    error: new ConnectorError(message, { kind, status, fields, code: details?.code, retryAfterMs }),
    notProcessed: status === 429 || status === 503,
  };
}

function parseSuccess<T>(outcome: Extract<AttemptOutcome, { kind: 'response' }>, req: HttpRequest<T>, options: ExecutorOptions): Classified<T> {
  const { status, headers, body } = outcome;
  if (!req.schema) return { status, headers, body: body as T, error: null };
  const parsed = req.schema.safeParse(body);
  if (parsed.success) return { status, headers, body: parsed.data, error: null };
  const fields = parsed.error.issues.slice(0, 10).map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message }));
  return {
    status, headers, body: undefined,
    error: new ConnectorError(`${options.connectorId} answered ${status} with an unexpected shape: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { kind: 'permanent', status, code: 'unexpected_response', fields }),
  };
}

/** A parser that throws on an odd body must not turn a clean vendor error into a crash. */
function safeParse(options: ExecutorOptions, response: { status: number; headers: Record<string, string>; body: unknown }) {
  try {
    return options.errorParser?.(response);
  } catch {
    return undefined;
  }
}
