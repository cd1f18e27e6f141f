/**
 * POST /v1/customers and /v1/customers/:id parameters → customer fields, validated as Stripe
 * validates them (docs.stripe.com/api/customers/create). An update sends only what changes;
 * metadata merges key by key.
 */
import { invalidRequest } from './errors.js';
import type { Params } from './form.js';
import { CUSTOMER_WRITABLE, type Customer } from './objects/customer.js';
import { email, hash, integerParam, mergeMetadata, onlyKnown, text } from './validate.js';

const ADDRESS = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'] as const;
const TAX_EXEMPT = ['none', 'exempt', 'reverse'];

function shipping(params: Params): Record<string, unknown> | null | undefined {
  const value = params.shipping;
  if (value === undefined) return undefined;
  if (value === '') return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', { param: 'shipping' });
  const inner = value as Params;
  const name = text(inner, 'name');
  if (!name) throw invalidRequest('Missing required param: shipping[name].', { code: 'parameter_missing', param: 'shipping[name]' });
  return { name, phone: text(inner, 'phone') ?? null, address: hash(inner, 'address', ADDRESS) ?? null };
}

function locales(params: Params): string[] | undefined {
  const value = params.preferred_locales;
  if (value === undefined) return undefined;
  if (value === '') return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidRequest('Invalid array', { param: 'preferred_locales' });
  return value as string[];
}

export function customerChanges(params: Params, current?: Customer): Partial<Customer> {
  onlyKnown(params, CUSTOMER_WRITABLE);
  const out: Partial<Customer> = {};
  const set = (key: string, value: unknown) => { if (value !== undefined) out[key] = value; };
  set('email', email(params));
  set('name', text(params, 'name', 256));
  set('phone', text(params, 'phone', 20));
  set('description', text(params, 'description', 350));
  if (params.metadata !== undefined) out.metadata = mergeMetadata(current?.metadata ?? {}, params.metadata);
  set('address', hash(params, 'address', ADDRESS));
  set('shipping', shipping(params));
  set('balance', integerParam(params, 'balance'));
  set('next_invoice_sequence', integerParam(params, 'next_invoice_sequence'));
  set('preferred_locales', locales(params));
  const taxExempt = text(params, 'tax_exempt');
  if (taxExempt !== undefined) {
    if (!TAX_EXEMPT.includes(String(taxExempt))) throw invalidRequest(`Invalid tax_exempt: must be one of ${TAX_EXEMPT.join(', ')}`, { code: 'parameter_invalid_string', param: 'tax_exempt' });
    out.tax_exempt = taxExempt;
  }
  const prefix = text(params, 'invoice_prefix');
  if (prefix !== undefined) {
    if (!prefix || !/^[A-Z0-9]{3,12}$/.test(prefix)) throw invalidRequest('Invalid invoice_prefix: must be 3-12 uppercase letters or numbers', { param: 'invoice_prefix' });
    out.invoice_prefix = prefix;
  }
  const settings = params.invoice_settings;
  if (settings !== undefined) {
    if (typeof settings !== 'object' || Array.isArray(settings)) throw invalidRequest('Invalid object', { param: 'invoice_settings' });
    const footer = text(settings as Params, 'footer');
    out.invoice_settings = { ...(current?.invoice_settings as object | undefined), ...(footer !== undefined ? { footer } : {}) };
  }
  return out;
}
