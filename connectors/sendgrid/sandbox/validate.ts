/**
 * Validates a Mail Send body against SendGrid's schema and words every problem as SendGrid does:
 * one `{ message, field, help }` per problem, `field` as a dotted path with array indexes
 * (`personalizations.0.to.0.email`), `help` a link to the Mail Send errors page. One reading is
 * applied where the description contradicts itself (see `readCustomArgs`).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadRequestSpec, type RequestSpec } from './spec.js';

export interface MailError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';

export function help(field: string): string {
  return `${HELP}#message.${field.replace(/\.\d+/g, '')}`;
}

// SendGrid's own sentences for the problems a client meets most (twilio.com/docs/sendgrid, Mail Send errors).
const SENTENCES: Record<string, string> = {
  subject: 'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
  from: 'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
  'from.email': 'The from email does not contain a valid address.',
  personalizations: 'The personalizations field is required and must have at least one personalization.',
  content: 'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.',
};

function sentence(field: string, error: ErrorObject): string {
  if (SENTENCES[field]) return SENTENCES[field];
  if (error.keyword === 'format' && (error.params as { format?: string }).format === 'email') return 'Does not contain a valid address.';
  if (/^personalizations\.\d+\.to$/.test(field)) return 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.';
  if (error.keyword === 'required') return `The ${field.split('.').pop()} parameter is required.`;
  return `The ${field} parameter ${error.message ?? 'is invalid'}.`;
}

function toMailError(error: ErrorObject): MailError {
  const path = error.instancePath.split('/').slice(1);
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const field = [...path, ...(missing ? [missing] : [])].join('.');
  return { message: sentence(field, error), field: field || null, help: field ? help(field) : null };
}

/**
 * The description types the top-level `custom_args` as a string while describing it as
 * key/value pairs; the personalization-level one is an object, and @sendgrid/mail sends an
 * object. Both readings are accepted.
 */
function readCustomArgs(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  const written = properties?.custom_args;
  if (!properties || written?.type !== 'string') return schema;
  return { ...schema, properties: { ...properties, custom_args: { anyOf: [written, { type: 'object', additionalProperties: { type: 'string' } }] } } };
}

export class MailSendValidator {
  private readonly validator: ValidateFunction;

  constructor(spec: RequestSpec = loadRequestSpec()) {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, logger: false });
    addFormats.default(ajv);
    this.validator = ajv.compile({ ...readCustomArgs(spec.schema), components: { schemas: spec.schemas } });
  }

  validate(body: unknown): MailError[] {
    if (this.validator(body)) return [];
    const seen = new Set<string>();
    return (this.validator.errors ?? []).map(toMailError).filter((e) => !seen.has(`${e.field}:${e.message}`) && seen.add(`${e.field}:${e.message}`));
  }
}
