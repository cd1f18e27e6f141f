/**
 * The request schema of `POST /{Version}/{Phone-Number-ID}/messages` from Meta's own API
 * description (facebook/openapi, business-messaging-api_v23.0.yaml): read once per process from
 * ../shared/specs when it is there, else from the copy vendored in fixtures/ (the same schemas,
 * unchanged; sandbox.test.ts checks that they still agree).
 */
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
  const spec = doc as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
  const operation = spec.paths[SEND_OPERATION.path]?.[SEND_OPERATION.method] as { requestBody?: { content?: Record<string, { schema?: Json }> } } | undefined;
  const schema = operation?.requestBody?.content?.[SEND_OPERATION.contentType]?.schema;
  if (!schema) throw new Error(`${SPEC_FILE} has no ${SEND_OPERATION.contentType} request body for ${SEND_OPERATION.method} ${SEND_OPERATION.path}`);
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
  return { source, schema, schemas };
}

let cached: RequestSpec | undefined;

export function loadRequestSpec(): RequestSpec {
  cached ??= extractRequestSpec(parseYaml(vendorSpecText(SPEC_FILE)), `specs/${SPEC_FILE}`);
  return cached;
}
