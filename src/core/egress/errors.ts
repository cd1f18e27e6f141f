/**
 * Why an outbound call was refused. A closed set so callers (the executor, the API) can react by
 * code rather than by parsing messages.
 */
export const EGRESS_REASONS = [
  'scheme',
  'userinfo',
  'host_not_allowed',
  'org_not_allowed',
  'forbidden_address',
  'malformed_url',
  'backslash',
  'control_char',
  'invalid_policy',
] as const;
export type EgressReason = (typeof EGRESS_REASONS)[number];

export interface EgressErrorDetails {
  /** The host the call was aimed at (ASCII/punycode, no port, no userinfo). */
  host?: string;
  /** The IP address that was refused, in normalised notation. */
  address?: string;
}

/**
 * Raised when the egress guard refuses a target. The message names only scheme and host (and the
 * refused address): query strings and userinfo may carry secrets, so they never reach it.
 * An egress refusal is permanent: retrying the same target cannot succeed.
 */
export class EgressError extends Error {
  override readonly name = 'EgressError';
  /** Stable marker that survives libraries which copy `code` but not the prototype. */
  readonly code = 'EGRESS_REFUSED';
  readonly reason: EgressReason;
  readonly host: string | undefined;
  readonly address: string | undefined;

  constructor(reason: EgressReason, message: string, details: EgressErrorDetails = {}) {
    super(`Egress refused (${reason}): ${message}`);
    this.reason = reason;
    this.host = details.host;
    this.address = details.address;
  }

  toJSON(): Record<string, unknown> {
    return { reason: this.reason, message: this.message, host: this.host, address: this.address };
  }
}

export function isEgressError(value: unknown): value is EgressError {
  return value instanceof EgressError;
}

/**
 * `scheme://host` for messages. IPv6 hosts get their brackets back so the text reads as a URL;
 * hosts of non-special schemes (`javascript:`) may be empty, then only the scheme is named.
 */
export function describeTarget(protocol: string, host: string): string {
  if (host === '') return protocol;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${protocol}//${shown}`;
}
