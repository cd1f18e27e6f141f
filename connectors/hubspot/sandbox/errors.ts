/**
 * HubSpot's error bodies, as its error-handling guide documents them
 * (developers.hubspot.com/docs/api-reference/error-handling): `{ status: 'error', message,
 * correlationId, category, errors: [{ message, code, context: { propertyName } }] }`, and the
 * per-record errors of a 207 Multi-Status batch answer `{ status, category, message, context }`.
 */
import { SandboxHttpError, uuidIds } from '../../../src/sandbox/index.js';

// Seeded, so a fixture replays with the same correlation ids; HubSpot's are UUIDs.
const nextCorrelationId = uuidIds({ seed: 7 });

/** One refused property, in the shape HubSpot embeds in "Property values were not valid: [...]". */
export interface PropertyProblem {
  name: string;
  /** HubSpot's code: INVALID_EMAIL, INVALID_INTEGER, PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE. */
  error: string;
  message: string;
}

export const PORTAL_ID = 24_000_001;

export function errorBody(category: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'error', message, correlationId: nextCorrelationId(), category, ...extra };
}

export function hubspotError(status: number, category: string, message: string, extra: Record<string, unknown> = {}): SandboxHttpError {
  return new SandboxHttpError(status, errorBody(category, message, extra));
}

/** HubSpot's message lists the refused properties as JSON, which is all a 207 error carries. */
export function propertyProblemsMessage(problems: PropertyProblem[]): string {
  const listed = problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name, localizedErrorMessage: p.message, portalId: PORTAL_ID }));
  return `Property values were not valid: ${JSON.stringify(listed)}`;
}

/** The 400 of a single write or an all-or-nothing batch: message plus `errors[].context.propertyName`. */
export function validationBody(problems: PropertyProblem[]): Record<string, unknown> {
  return errorBody('VALIDATION_ERROR', propertyProblemsMessage(problems), {
    errors: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  });
}

export function validationError(problems: PropertyProblem[]): SandboxHttpError {
  return new SandboxHttpError(400, validationBody(problems));
}

/** A 400 about the request itself (limits, malformed input), not about a property value. */
export function badRequest(message: string, extra: Record<string, unknown> = {}): SandboxHttpError {
  return hubspotError(400, 'VALIDATION_ERROR', message, extra);
}

/** "Contact already exists. Existing ID: 123": the only way HubSpot names the existing record. */
export function conflictMessage(existingId: string): string {
  return `Contact already exists. Existing ID: ${existingId}`;
}

/** One entry of a batch answer's `errors`. */
export function batchError(category: string, message: string, context: Record<string, string[]>): Record<string, unknown> {
  return { status: 'error', category, message, context };
}

export function notFoundInBatch(upper: string, ids: string[]): Record<string, unknown> {
  return batchError('OBJECT_NOT_FOUND', `Could not get some ${upper} objects, they may be deleted or not exist. Check that ids are valid.`, { ids });
}

export const AUTH_MISSING_MESSAGE = 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export function unauthorizedBody(): Record<string, unknown> {
  return errorBody('INVALID_AUTHENTICATION', AUTH_MISSING_MESSAGE);
}

/** An OAuth access token past its `expires_in` (30 minutes at HubSpot). */
export function expiredBody(minutesAgo: number): Record<string, unknown> {
  return errorBody('EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${minutesAgo} minute(s) ago.`);
}

export function missingScopesBody(scope: string): Record<string, unknown> {
  return errorBody('MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  });
}

/** The burst-limit refusal; the body has no `category`, only `errorType` and `policyName`. */
export function tenSecondlyBody(): Record<string, unknown> {
  return { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: nextCorrelationId(), policyName: 'TEN_SECONDLY_ROLLING' };
}

export function secondlyBody(): Record<string, unknown> {
  return { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: nextCorrelationId(), policyName: 'SECONDLY' };
}
