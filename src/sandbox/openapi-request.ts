/**
 * What a sandbox validates a request body against: an OpenAPI operation's request body schema,
 * as the vendor wrote it, with every `components.schemas` entry it reaches (for ajv's `$ref`s).
 */
type Json = Record<string, unknown>;

export interface OperationRef {
  path: string;
  method: string;
  contentType: string;
}

export interface OperationRequestSchema {
  /** The operation object itself (for vendor extensions such as `x-twilio`). */
  operation: Json;
  /** The request body schema as written (its `$ref`s point into `schemas`). */
  schema: Json;
  /** Every `components.schemas` entry the request schema reaches, unchanged. */
  schemas: Record<string, Json>;
}

export function operationRequestSchema(doc: unknown, ref: OperationRef, specName: string): OperationRequestSchema {
  const spec = doc as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
  const operation = spec.paths[ref.path]?.[ref.method] as (Json & { requestBody?: { content?: Record<string, { schema?: Json }> } }) | undefined;
  const schema = operation?.requestBody?.content?.[ref.contentType]?.schema;
  if (!operation || !schema) throw new Error(`${specName} has no ${ref.contentType} request body for ${ref.method} ${ref.path}`);
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
  return { operation, schema, schemas };
}
