/**
 * `forge sandbox teams-webhook`: the Teams stand-in, whose incoming webhook posts into General.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { startTeamsSandbox } from '../teams/sandbox/index.js';

export const teamsWebhookSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startTeamsSandbox({ port });
  return { baseUrl: sandbox.baseUrl, credentials: { webhookUrl: sandbox.webhookUrl }, stop: () => sandbox.stop() };
};
