/**
 * The request schema of `Create a Message` from Twilio's own API description (twilio/twilio-oai,
 * twilio_api_v2010.json): read once per process from ../shared/specs when it is there, else from
 * the copy vendored in fixtures/ (the same schemas, unchanged; sandbox.test.ts checks that they
 * still agree).
 */
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
  const spec = doc as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
  const operation = spec.paths[CREATE_MESSAGE.path]?.[CREATE_MESSAGE.method] as { requestBody?: { content?: Record<string, { schema?: Json }> } } | undefined;
  const schema = operation?.requestBody?.content?.[CREATE_MESSAGE.contentType]?.schema;
  if (!schema) throw new Error(`${SPEC_FILE} has no ${CREATE_MESSAGE.contentType} request body for ${CREATE_MESSAGE.method} ${CREATE_MESSAGE.path}`);
  const schemas: Record<string, Json> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const name = key === '$ref' && typeof inner === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(inner)?.[1] : undefined;
      if (name === undefined) visit(inner);
      else if (!(name in schemas)) {
        schemas[name] = spec.components.schemas[name]!;
        visit(schemas[name]);
      }
    }
  };
  visit(schema);
  const conditional = ((operation as { 'x-twilio'?: { conditional?: string[][] } } | undefined)?.['x-twilio']?.conditional ?? []);
  return { source, schema, schemas, conditional };
}

let cached: RequestSpec | undefined;

export function loadRequestSpec(): RequestSpec {
  cached ??= extractRequestSpec(JSON.parse(vendorSpecText(SPEC_FILE)), `specs/${SPEC_FILE}`);
  return cached;
}
