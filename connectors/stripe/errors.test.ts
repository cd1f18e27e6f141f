/**
 * Stripe's error body into the platform's taxonomy, `Stripe-Should-Retry`, and the small pure
 * helpers (bracket encoding, search strings, name parts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStripeOutcome, paramToField, parseStripeError } from './errors.js';
import { searchString, toStripeForm } from './form.js';
import { joinName, splitName } from './names.js';
import { startStripeSandbox, type StripeSandbox } from './sandbox/index.js';
import { drain, sourceOf, stripeContext } from './test-context.js';

const error = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => ({ status, headers, body: { error: body } });

describe('Stripe error parsing', () => {
  it('names the param as a dotted field and keeps the request id in the message', () => {
    const details = parseStripeError(error(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'shipping[address][line1]', message: 'Invalid string' }, { 'request-id': 'req_123' }));
    expect(details).toMatchObject({ code: 'parameter_invalid_integer', fields: [{ field: 'shipping.address.line1' }], kind: undefined });
    expect(details!.message).toContain('request req_123');
    expect(paramToField('metadata[plan]')).toBe('metadata.plan');
  });

  it('makes a card error permanent, an idempotency error a conflict, and rate limits transient', () => {
    expect(parseStripeError(error(402, { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' }))).toMatchObject({ kind: 'permanent', message: expect.stringContaining('decline code insufficient_funds') });
    expect(parseStripeError(error(400, { type: 'idempotency_error', message: 'Keys for idempotent requests…' }))!.kind).toBe('conflict');
    expect(parseStripeError(error(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Request rate limit exceeded.' }))!.kind).toBe('transient');
    expect(parseStripeError(error(400, { type: 'invalid_request_error', code: 'rate_limit', message: 'Legacy 400 rate limit' }))!.kind).toBe('transient');
    expect(parseStripeError({ status: 502, headers: {}, body: '<html>Bad gateway</html>' })).toBeUndefined();
  });

  it('follows Stripe-Should-Retry over the status', () => {
    expect(classifyStripeOutcome({ status: 500, headers: { 'stripe-should-retry': 'false' }, body: {} })).toBe('permanent');
    expect(classifyStripeOutcome({ status: 409, headers: { 'stripe-should-retry': 'true' }, body: {} })).toBe('transient');
    expect(classifyStripeOutcome({ status: 400, headers: { 'stripe-should-retry': 'false' }, body: {} })).toBeUndefined();
    expect(classifyStripeOutcome({ status: 200, headers: { 'stripe-should-retry': 'false' }, body: {} })).toBeUndefined();
  });
});

describe('Stripe-Should-Retry on the wire', () => {
  let sandbox: StripeSandbox;
  beforeAll(async () => { sandbox = await startStripeSandbox({ rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('sends a 500 marked "do not retry" once, and retries a 500 without the mark', async () => {
    const ctx = await stripeContext(sandbox);
    const body = { error: { type: 'api_error', message: 'An unknown error occurred' } };
    sandbox.server.clearLog();
    sandbox.server.faults.add({ kind: 'status', status: 500, times: 1, body, headers: { 'stripe-should-retry': 'false' } });
    await expect(drain(sourceOf('customers'), ctx, { cursor: null, mode: 'full' })).rejects.toMatchObject({ kind: 'permanent', status: 500 });
    expect(sandbox.server.requestLog).toHaveLength(1);
    sandbox.server.faults.clear();
    sandbox.server.faults.add({ kind: 'status', status: 500, times: 1, body });
    expect(await drain(sourceOf('customers'), ctx, { cursor: null, mode: 'full' })).toHaveLength(1);
    sandbox.server.faults.clear();
  });
});

describe('helpers', () => {
  it('encodes nested params with brackets, null as an empty value', () => {
    const form = toStripeForm({ email: 'a@b.co', metadata: { plan: 'pro', n: 2 }, address: { line1: 'x' }, preferred_locales: ['en', 'fr'], phone: null, tags: [] });
    expect(form.toString()).toBe('email=a%40b.co&metadata%5Bplan%5D=pro&metadata%5Bn%5D=2&address%5Bline1%5D=x&preferred_locales%5B0%5D=en&preferred_locales%5B1%5D=fr&phone=&tags=');
  });

  it('quotes search strings, escaping quotes and backslashes', () => {
    expect(searchString("o'brien\\x@example.com")).toBe("'o\\'brien\\\\x@example.com'");
  });

  it('splits a name into first and last, and joins them back', () => {
    expect(splitName('  Jenny   Rosen ')).toEqual({ first_name: 'Jenny', last_name: 'Rosen' });
    expect(splitName('Cher')).toEqual({ first_name: 'Cher' });
    expect(splitName(null)).toEqual({});
    expect(joinName({ first_name: 'Ada', last_name: 'Lovelace' })).toBe('Ada Lovelace');
    expect(joinName({})).toBeUndefined();
  });
});
