/**
 * Salesforce's error bodies (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/
 * errorcodes.htm): a JSON array of `{ message, errorCode, fields? }`; inside sObject Collections
 * answers each record's errors are `{ statusCode, message, fields }` instead.
 */
import { SandboxHttpError } from '../../../src/sandbox/index.js';

export interface ErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** One record's error inside a Collections answer. */
export interface RecordProblem {
  statusCode: string;
  message: string;
  fields: string[];
}

export function errorItems(errorCode: string, message: string, fields?: string[]): ErrorItem[] {
  return [{ message, errorCode, ...(fields ? { fields } : {}) }];
}

export function sfError(status: number, errorCode: string, message: string, fields?: string[]): SandboxHttpError {
  return new SandboxHttpError(status, errorItems(errorCode, message, fields));
}

export const sessionInvalidBody = () => errorItems('INVALID_SESSION_ID', 'Session expired or invalid');
export const notFound = () => sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
export const entityDeleted = () => sfError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
export const limitExceededBody = () => errorItems('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

/** Where in the query the parser stopped, in Salesforce's caret-and-row style. */
export function queryError(errorCode: string, soql: string, column: number, text: string): SandboxHttpError {
  const caret = `${' '.repeat(Math.max(0, column - 1))}^`;
  return sfError(400, errorCode, `\n${soql}\n${caret}\nERROR at Row:1:Column:${column}\n${text}`);
}

export function noSuchColumn(soql: string, column: number, name: string, entity: string): SandboxHttpError {
  return queryError('INVALID_FIELD', soql, column, `No such column '${name}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
}

export function unsupportedType(soql: string, column: number, name: string): SandboxHttpError {
  return queryError('INVALID_TYPE', soql, column, `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
}

/** A whole request refused before any record was looked at (Jackson could not read the body). */
export function jsonParserError(message: string): SandboxHttpError {
  return sfError(400, 'JSON_PARSER_ERROR', message);
}

export function unknownField(field: string, type: string): SandboxHttpError {
  return sfError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`);
}
