/**
 * The PagerDuty sandbox against PagerDuty's documented rules for `POST /v2/enqueue` (there is no
 * published API description to validate against).
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventProblems, startPagerDutySandbox, type PagerDutySandbox } from './sandbox/index.js';

describe('the PagerDuty sandbox follows the Events API v2 rules', () => {
  let sandbox: PagerDutySandbox;
  const enqueue = async (body: unknown) => {
    const res = await fetch(`${sandbox.baseUrl}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => { sandbox = await startPagerDutySandbox({ eventsPerMinute: 3 }); });
  afterAll(async () => sandbox.stop());

  it('lists every problem of an event, in PagerDuty\'s words', () => {
    expect(eventProblems({ routing_key: 'e+23rschqsESqk9Q6_-g', event_action: 'trigger', payload: { summary: 'x', severity: 'fatal' } })).toEqual([
      "Length of 'routing_key' is incorrect (should be 32 characters)",
      "'routing_key' cannot contain non-alphanumeric characters.",
      "'payload.source' is missing or blank",
      "'payload.severity' is invalid (must be one of: critical, error, warning, info)",
    ]);
    expect(eventProblems({ routing_key: 'a'.repeat(32), event_action: 'resolve' })).toEqual(["'dedup_key' is missing or blank"]);
    expect(eventProblems({ routing_key: 'a'.repeat(32), event_action: 'snooze' })).toEqual(["'event_action' is invalid (must be one of: trigger, acknowledge, resolve)"]);
  });

  it('answers 400 invalid event with the problems, and 202 success with the dedup key', async () => {
    const bad = await enqueue({ routing_key: sandbox.routingKey, event_action: 'trigger', payload: { source: 'h', severity: 'info' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors: ["'payload.summary' is missing or blank"] });
    const good = await enqueue({ routing_key: sandbox.routingKey, event_action: 'trigger', payload: { summary: 's', source: 'h', severity: 'info' } });
    expect(good.status).toBe(202);
    expect(JSON.parse(good.text)).toEqual({ status: 'success', message: 'Event processed', dedup_key: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('refuses an unknown integration key after the event\'s shape', async () => {
    const res = await enqueue({ routing_key: 'b'.repeat(32), event_action: 'trigger', payload: { summary: 's', source: 'h', severity: 'info' } });
    expect(JSON.parse(res.text)).toMatchObject({ errors: ['Invalid routing key'] });
  });

  it('throttles per integration key with a bare 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await enqueue({ routing_key: sandbox.routingKey, event_action: 'trigger', payload: { summary: `s${i}`, source: 'h', severity: 'info' } })).status);
    const limited = await enqueue({ routing_key: sandbox.routingKey, event_action: 'trigger', payload: { summary: 'one more', source: 'h', severity: 'info' } });
    expect(statuses.filter((s) => s === 429)).toHaveLength(statuses.length - statuses.filter((s) => s === 202).length);
    expect(limited).toEqual({ status: 429, text: '' });
  });
});

describe('forge sandbox pagerduty', () => {
  it('starts through the definition\'s sandbox factory and stops', async () => {
    const factory = (await import('./definition.js')).pagerdutyDefinition.sandbox as SandboxFactory;
    const running = await factory({ port: 0 });
    try {
      expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.values(running.credentials).every((v) => v.length > 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
