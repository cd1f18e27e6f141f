/**
 * The request schema of `POST /{Version}/{Phone-Number-ID}/messages` from Meta's own API
 * description (facebook/openapi, business-messaging-api_v23.0.yaml): read once per process from
 * ../shared/specs when it is there, else from the copy vendored in fixtures/ (the same schemas,
 * unchanged; sandbox.test.ts checks that they still agree).
 */
import { operationRequestSchema } from '../../../src/sandbox/openapi-request.js';
import { vendorSpecText } from '../../../src/sandbox/vendor-specs.js';
import { fileURLToPath } from 'node:url';
import { parseYaml } from './yaml.js';

export const SPEC_FILE = 'whatsapp.business-messaging-v23.openapi.yaml';
export const SEND_OPERATION = { path: '/{Version}/{Phone-Number-ID}/messages', method: 'post', contentType: 'application/json' } as const;

export const VENDORED_SPEC = fileURLToPath(new URL('./fixtures/send-message.request.v1.json', import.meta.url));

type Json = Record<string, unknown>;

export interface RequestSpec {
  /** Where the schemas were read from. */
  source: string;
  /** The operation's request body schema as written (its `$ref`s point into `schemas`). */
  schema: Json;
  /** Every `components.schemas` entry the request schema reaches, unchanged. */
  schemas: Record<string, Json>;
}

/** Picks the operation's request body schema and the component schemas it reaches. */
export function extractRequestSpec(doc: unknown, source: string): RequestSpec {
  const { schema, schemas } = operationRequestSchema(doc, SEND_OPERATION, SPEC_FILE);
  return { source, schema, schemas };
}

let cached: RequestSpec | undefined;

export function loadRequestSpec(): RequestSpec {
  cached ??= extractRequestSpec(parseYaml(vendorSpecText(SPEC_FILE)), `specs/${SPEC_FILE}`);
  return cached;
}
