/**
 * `forge sandbox slack`: the stand-in with its bot token, signing secret and bot id (the form's fields).
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import { startSlackSandbox } from './start.js';

export const slackSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startSlackSandbox({ port });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { botToken: sandbox.botToken, signingSecret: sandbox.signingSecret },
    config: { botId: sandbox.botId },
    stop: () => sandbox.stop(),
  };
};
