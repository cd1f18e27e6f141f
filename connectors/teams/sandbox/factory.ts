/**
 * `forge sandbox teams`: the stand-in with its app registration and tenant (the form's fields).
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import { startTeamsSandbox } from './start.js';

export const teamsSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startTeamsSandbox({ port });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, clientState: sandbox.clientState },
    config: { tenantId: sandbox.tenantId },
    stop: () => sandbox.stop(),
  };
};
