import { describe, expect, it } from 'vitest';
import { EgressError } from './errors.js';
import { compileHostPattern, matchesHostPattern, normaliseHost } from './host-pattern.js';

function matches(pattern: string, host: string): boolean {
  const normalised = normaliseHost(new URL(`https://${host}/`).hostname);
  return normalised !== null && matchesHostPattern(normalised, compileHostPattern(pattern));
}

describe('host patterns', () => {
  it.each([
    ['api.hubspot.com', 'api.hubspot.com'],
    ['api.hubspot.com', 'API.HubSpot.COM'],
    ['api.hubspot.com', 'api.hubspot.com.'],
    ['API.HUBSPOT.COM.', 'api.hubspot.com'],
    ['*.salesforce.com', 'na1.salesforce.com'],
    ['*.salesforce.com', 'a.b.salesforce.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'BÜCHER.de'],
    ['93.184.216.34', '1572395042'],
    ['[2606:4700::1111]', '[2606:4700:0:0:0:0:0:1111]'],
  ])('pattern %s matches %s', (pattern, host) => {
    expect(matches(pattern, host)).toBe(true);
  });

  it.each([
    ['*.salesforce.com', 'salesforce.com'],
    ['*.salesforce.com', 'evilsalesforce.com'],
    ['*.salesforce.com', 'salesforce.com.evil.com'],
    ['api.hubspot.com', 'evilhubspot.com'],
    ['api.hubspot.com', 'api.hubspot.com.evil.com'],
    ['api.hubspot.com', 'x.api.hubspot.com'],
    ['api.hubspot.com', 'hubspot.com'],
  ])('pattern %s does not match %s', (pattern, host) => {
    expect(matches(pattern, host)).toBe(false);
  });

  it.each(['*.com', '*', '*.*.example.com', 'a.*.example.com', 'https://api.hubspot.com', 'api.hubspot.com:443', 'api.hubspot.com/v3', 'user@api.hubspot.com', '', 'a..b.com', 'a b.com', '*.10.0.0.1'])(
    'refuses malformed pattern %j as invalid_policy',
    (pattern) => {
      expect(() => compileHostPattern(pattern)).toThrowError(EgressError);
      try {
        compileHostPattern(pattern);
      } catch (err) {
        expect((err as EgressError).reason).toBe('invalid_policy');
      }
    },
  );

  it.each(['x..salesforce.com', '.salesforce.com', '.'])('finds no comparable form for %j (empty label)', (host) => {
    expect(normaliseHost(host)).toBeNull();
  });
});
