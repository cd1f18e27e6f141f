/**
 * The connection check and `forge sandbox netsuite`: a SuiteQL query proves the token; a refusal
 * says why, and names a REST domain that does not match the account id.
 */
import { describe, expect, it } from 'vitest';
import { harnessFor } from '../../test/conformance/harness.js';
import { netsuiteDefinition } from './definition.js';
import { testNetsuiteConnection } from './health.js';
import { asConformance, netsuiteSandboxFactory, startNetsuiteSandbox } from './sandbox/index.js';

describe('the connection check', () => {
  it('passes with the sandbox factory\'s credentials and fields, and fails once the token is revoked', async () => {
    const running = await netsuiteSandboxFactory({});
    const sandbox = await startNetsuiteSandbox();
    try {
      expect(running.config).toEqual({ accountId: '1234567_SB1', accountHost: '1234567-sb1', subsidiaryId: '1' });
      const conformance = asConformance(sandbox);
      const { ctx } = await harnessFor(netsuiteDefinition, conformance);
      expect(await testNetsuiteConnection(ctx)).toEqual({ ok: true, message: 'NetSuite answered a SuiteQL query on contacts.' });
      sandbox.revoke();
      const failed = await testNetsuiteConnection(ctx);
      expect(failed.ok).toBe(false);
      expect(failed.message).toContain('INVALID_LOGIN');
      const mismatched = await harnessFor(netsuiteDefinition, { ...conformance, config: { ...conformance.config, accountHost: '7654321' } });
      expect((await testNetsuiteConnection(mismatched.ctx)).message).toContain('expected "1234567-sb1"');
    } finally {
      await Promise.all([running.stop(), sandbox.stop()]);
    }
  });
});
