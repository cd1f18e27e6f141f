/**
 * Validates a Create Message form against Twilio's schema. A form carries only strings, so
 * values are coerced to the schema's types first (`ProvideFeedback=true` is a boolean, one
 * `MediaUrl` is a one-item array), as Twilio reads them. Formats Twilio marks `ignoreFormat`
 * are not checked, and `phone-number` is left to the account rules (Twilio's own error codes
 * for a bad To or From are more precise than a schema error).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadRequestSpec, type RequestSpec } from './spec.js';

export interface Problem {
  /** The form parameter, e.g. `ValidityPeriod`. */
  param: string;
  keyword: string;
  message: string;
}

function dropIgnoredFormats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropIgnoredFormats);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dropIgnoredFormats(v)]));
  if ((out['x-twilio'] as { ignoreFormat?: boolean } | undefined)?.ignoreFormat) delete out.format;
  return out;
}

export class MessageFormValidator {
  private readonly validator: ValidateFunction;

  constructor(readonly spec: RequestSpec = loadRequestSpec()) {
    const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: 'array', logger: false });
    addFormats.default(ajv);
    ajv.addFormat('phone-number', true);
    this.validator = ajv.compile({ ...(dropIgnoredFormats(spec.schema) as object), components: { schemas: dropIgnoredFormats(spec.schemas) } });
  }

  /** Problems with the form, and the form with its values coerced to the schema's types. */
  validate(form: Record<string, unknown>): { problems: Problem[]; values: Record<string, unknown> } {
    const values = structuredClone(form);
    const ok = this.validator(values);
    return { problems: ok ? [] : (this.validator.errors ?? []).map(toProblem), values };
  }
}

function toProblem(error: ErrorObject): Problem {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const param = missing ?? error.instancePath.split('/')[1] ?? '';
  return { param, keyword: error.keyword, message: error.message ?? 'is invalid' };
}
