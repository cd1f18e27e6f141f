/**
 * `forge sandbox stripe`: a sandbox with a small, believable account (customers, their charges
 * and invoices) and the key to reach it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import { startStripeSandbox } from './start.js';

export const stripeSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startStripeSandbox({ port });
  sandbox.seed('customers', 40);
  sandbox.seed('charges', 120);
  sandbox.seed('invoices', 30);
  return { baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey }, stop: () => sandbox.stop() };
};
