/**
 * The closed set of failure kinds every call is classified into, whatever the vendor.
 * The platform's reaction is decided by the kind alone (see DESIGN.md, "error taxonomy").
 */
export const ERROR_KINDS = ['permanent', 'transient', 'validation', 'not_found', 'conflict'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One offending field named by the vendor (or by our own validation). */
export interface FieldError {
  /** Dotted path of the field as the vendor names it, e.g. `email` or `properties.email`. */
  field: string;
  message: string;
}

export interface ConnectorErrorOptions {
  kind: ErrorKind;
  status?: number;
  fields?: FieldError[];
  retryAfterMs?: number;
  /** A short machine code: the vendor's own error code when it has one (`INVALID_EMAIL_ADDRESS`). */
  code?: string;
  cause?: unknown;
}

/**
 * The one error type connectors and the platform raise for a failed vendor interaction.
 * The message is always scrubbed before construction reaches a log or an API answer.
 */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly fields: FieldError[];
  readonly retryAfterMs: number | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: ConnectorErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.fields = options.fields ?? [];
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }

  /** Transient failures are the only ones worth another attempt. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }

  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      fields: this.fields,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

/**
 * The taxonomy of DESIGN.md: the kind a bare HTTP status belongs to.
 * Statuses outside the table: other 5xx are transient (the vendor's side failed), other 4xx are
 * permanent (asking again will not help).
 */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'permanent';
  if (status === 429 || status === 502 || status === 503 || status === 504 || status === 408) return 'transient';
  if (status === 400 || status === 422) return 'validation';
  if (status === 404 || status === 410) return 'not_found';
  // 412: a precondition (If-Match, If-None-Match) failed: someone else's version is there.
  if (status === 409 || status === 412) return 'conflict';
  if (status >= 500) return 'transient';
  return 'permanent';
}

export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}
