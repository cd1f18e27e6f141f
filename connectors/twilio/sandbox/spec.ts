/**
 * The request schema of `Create a Message` from Twilio's own API description (twilio/twilio-oai,
 * twilio_api_v2010.json): read once per process from ../shared/specs when it is there, else from
 * the copy vendored in fixtures/ (the same schemas, unchanged; sandbox.test.ts checks that they
 * still agree).
 */
import { operationRequestSchema } from '../../../src/sandbox/openapi-request.js';
import { vendorSpecText } from '../../../src/sandbox/vendor-specs.js';
import { fileURLToPath } from 'node:url';

export const SPEC_FILE = 'twilio.api_v2010.json';
export const CREATE_MESSAGE = { path: '/2010-04-01/Accounts/{AccountSid}/Messages.json', method: 'post', contentType: 'application/x-www-form-urlencoded' } as const;

export const VENDORED_SPEC = fileURLToPath(new URL('./fixtures/create-message.request.v1.json', import.meta.url));

type Json = Record<string, unknown>;

export interface RequestSpec {
  source: string;
  /** The operation's request body schema as written (its `$ref`s point into `schemas`). */
  schema: Json;
  /** Every `components.schemas` entry the request schema reaches, unchanged. */
  schemas: Record<string, Json>;
  /** Twilio's `x-twilio.conditional` of the operation: groups of which at least one is required. */
  conditional: string[][];
}

export function extractRequestSpec(doc: unknown, source: string): RequestSpec {
  const { operation, schema, schemas } = operationRequestSchema(doc, CREATE_MESSAGE, SPEC_FILE);
  const conditional = (operation as { 'x-twilio'?: { conditional?: string[][] } })['x-twilio']?.conditional ?? [];
  return { source, schema, schemas, conditional };
}

let cached: RequestSpec | undefined;

export function loadRequestSpec(): RequestSpec {
  cached ??= extractRequestSpec(JSON.parse(vendorSpecText(SPEC_FILE)), `specs/${SPEC_FILE}`);
  return cached;
}
