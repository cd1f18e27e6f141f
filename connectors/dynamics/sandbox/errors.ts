/**
 * Dataverse's error answers: `{ error: { code, message } }` with the documented codes and
 * wordings (learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors,
 * …/execute-batch-operations-using-web-api, …/perform-conditional-operations-using-web-api,
 * …/api-limits). A refused token gets no body, only `WWW-Authenticate`.
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

export const ODATA_HEADERS = { 'odata-version': '4.0', 'content-type': 'application/json; odata.metadata=minimal' };

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function dvError(status: number, code: string, message: string, headers: Record<string, string> = {}): SandboxHttpError {
  return new SandboxHttpError(status, errorBody(code, message), { ...ODATA_HEADERS, ...headers });
}

export const notFound = (logicalName: string, id: string) => dvError(404, '0x80040217', `${logicalName} With Id = ${id} Does Not Exist`);

export const noSegment = (segment: string) => dvError(404, '0x8006088a', `Resource not found for the segment '${segment}'.`);

export const noProperty = (property: string, logicalName: string) =>
  dvError(400, '0x80060888', `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${logicalName}'.`);

/** A body the OData reader refused: the preamble and help link Dataverse puts before the reason. */
export function payloadError(set: string, reason: string): SandboxHttpError {
  return dvError(400, '0x80048d19', `Error identified in Payload provided by the user for Entity :'${set}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: ${reason}`);
}

export const undeclared = (set: string, property: string, logicalName: string) =>
  payloadError(set, `The property '${property}' does not exist on type 'Microsoft.Dynamics.CRM.${logicalName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`);

export const tooLong = (column: string, logicalName: string, max: number) =>
  dvError(400, '0x80044331', `A validation error occurred.  The length of the '${column}' attribute of the '${logicalName}' entity exceeded the maximum allowed length of '${max}'.`);

export const outOfRange = (value: unknown, column: string, logicalName: string) =>
  dvError(400, '0x8004431a', `A validation error occurred.  The value ${String(value)} of '${column}' on record of type '${logicalName}' is outside the valid range.`);

export const duplicateKey = () => dvError(412, '0x80060892', 'A record with matching key values already exists.');

export const trackingRefuses = (option: string) => dvError(400, '0x80060888', `The "${option}" query parameter isn't supported when Change Tracking is enabled.`);

/** The wording of an expired delta token is not documented; this one names the setting that governs it. */
export const expiredToken = (days: number) =>
  dvError(400, '0x80044352', `The change tracking token is older than the organization's ExpireChangeTrackingInDays (${days}); retrieve all records again.`);

export function tokenRefused(tenant: string, host: string): SandboxResponse {
  return { status: 401, headers: { 'www-authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${tenant}/oauth2/authorize, resource_id=https://${host}/` } };
}

export const requestsLimited = (retryAfterSeconds: number, limit: number, windowSeconds: number): SandboxResponse => ({
  status: 429,
  headers: { ...ODATA_HEADERS, 'retry-after': String(retryAfterSeconds) },
  body: errorBody('0x80072322', `Number of requests exceeded the limit of ${limit} over time window of ${windowSeconds} seconds.`),
});

export const privilegeDenied = (privilege: string, userId: string) =>
  errorBody('0x80040220', `Principal user (Id=${userId}, type=8, roleCount=1, privilegeCount=0, accessMode=4), is missing ${privilege} privilege (Id=d1a1d5d4-5a6b-4d31-b1c2-2d5f5a2e7c11) on OTC=2 for entity 'contact'. context.Caller=${userId}`);
