/**
 * Validates a send request against Meta's schema the way the Cloud API reads it. Read literally,
 * the v23 description refuses its own examples, so three documented readings are applied (and
 * sandbox.test.ts checks that every example then passes):
 * - `Message` is a `oneOf` with a `discriminator` on `type`: the branch is picked by `type`
 *   (Meta: "type … defaults to text"), instead of every branch being tried;
 * - each branch is `allOf: [BaseMessageProperties, { additionalProperties: false, … }]`, which
 *   in JSON Schema refuses the base properties too; the intent, no properties beyond both, is
 *   `unevaluatedProperties: false` on the `allOf`;
 * - `recipient_type` is required by the schema, but Meta's examples omit it: it defaults to
 *   `individual`, as Meta documents.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadRequestSpec, type RequestSpec } from './spec.js';

export interface Problem {
  /** Path into the body, e.g. ['text', 'body']. */
  path: string[];
  keyword: string;
  message: string;
  /** The property named by `required` or `unevaluatedProperties`. */
  property?: string;
}

type Json = Record<string, unknown>;

function hoistClosedAllOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hoistClosedAllOf);
  if (!value || typeof value !== 'object') return value;
  const out: Json = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hoistClosedAllOf(v)]));
  if (Array.isArray(out.allOf) && out.allOf.some((b) => (b as Json).additionalProperties === false)) {
    out.allOf = out.allOf.map((b) => {
      const { additionalProperties: _closed, ...rest } = b as Json;
      return rest;
    });
    out.unevaluatedProperties = false;
  }
  return out;
}

export class MessageValidator {
  private readonly ajv = new Ajv2020.default({ strict: false, allErrors: true, logger: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly schemas: Record<string, unknown>;
  private readonly mapping: Record<string, string>;
  private readonly discriminator: string;

  constructor(spec: RequestSpec = loadRequestSpec()) {
    addFormats.default(this.ajv);
    this.schemas = hoistClosedAllOf(spec.schemas) as Record<string, unknown>;
    const rootName = /([^/]+)$/.exec(String(spec.schema.$ref))?.[1] ?? '';
    const root = this.schemas[rootName] as { discriminator?: { propertyName: string; mapping: Record<string, string> } } | undefined;
    if (!root?.discriminator) throw new Error(`the request schema ${rootName} has no discriminator`);
    this.discriminator = root.discriminator.propertyName;
    this.mapping = root.discriminator.mapping;
  }

  /** The message types the description knows. */
  get types(): string[] {
    return Object.keys(this.mapping);
  }

  validate(input: unknown): Problem[] {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return [{ path: [], keyword: 'type', message: 'must be an object' }];
    const body: Json = { recipient_type: 'individual', ...(input as Json) };
    const type = body[this.discriminator] ?? 'text';
    const ref = typeof type === 'string' ? this.mapping[type] : undefined;
    if (!ref) return [{ path: [this.discriminator], keyword: 'enum', message: `must be one of ${this.types.join(', ')}` }];
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref, components: { schemas: this.schemas } });
      this.compiled.set(ref, validate);
    }
    return validate({ ...body, [this.discriminator]: type }) ? [] : (validate.errors ?? []).map(toProblem);
  }
}

function toProblem(error: ErrorObject): Problem {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const property = (error.params as { missingProperty?: string; unevaluatedProperty?: string }).missingProperty ?? (error.params as { unevaluatedProperty?: string }).unevaluatedProperty;
  return { path, keyword: error.keyword, message: error.message ?? 'is invalid', ...(property ? { property } : {}) };
}
