/**
 * The request schema of v3 Mail Send from SendGrid's own API description (sendgrid/sendgrid-oai,
 * oai_v3_stoplight.json; its server is `https://api.sendgrid.com/v3`, so the path is `/mail/send`):
 * read once per process from ../shared/specs when it is there, else from the copy vendored in
 * fixtures/ (the same schemas, unchanged; sandbox.test.ts checks that they still agree).
 */
import { operationRequestSchema } from '../../../src/sandbox/openapi-request.js';
import { vendorSpecText } from '../../../src/sandbox/vendor-specs.js';
import { fileURLToPath } from 'node:url';

export const SPEC_FILE = 'sendgrid.v3.openapi.json';
export const MAIL_SEND = { path: '/mail/send', method: 'post', contentType: 'application/json' } as const;

export const VENDORED_SPEC = fileURLToPath(new URL('./fixtures/mail-send.request.v1.json', import.meta.url));

type Json = Record<string, unknown>;

export interface RequestSpec {
  source: string;
  /** The operation's request body schema as written (its `$ref`s point into `schemas`). */
  schema: Json;
  /** Every `components.schemas` entry the request schema reaches, unchanged. */
  schemas: Record<string, Json>;
}

export function extractRequestSpec(doc: unknown, source: string): RequestSpec {
  const { schema: found, schemas } = operationRequestSchema(doc, MAIL_SEND, SPEC_FILE);
  // The example is a sample, not a rule: leave it behind with the descriptions it carries.
  const { example: _example, ...schema } = found;
  return { source, schema, schemas };
}

let cached: RequestSpec | undefined;

export function loadRequestSpec(): RequestSpec {
  cached ??= extractRequestSpec(JSON.parse(vendorSpecText(SPEC_FILE)), `specs/${SPEC_FILE}`);
  return cached;
}
