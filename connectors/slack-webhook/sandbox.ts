/**
 * `forge sandbox slack-webhook`: the Slack stand-in, whose incoming webhook posts into #general.
 * A connection reaches it with the sandbox's webhook URL; the platform's sandbox policy sends
 * the URL's path to the stand-in instead of hooks.slack.com.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { startSlackSandbox } from '../slack/sandbox/index.js';

export const slackWebhookSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startSlackSandbox({ port });
  return { baseUrl: sandbox.baseUrl, credentials: { webhookUrl: sandbox.webhookUrl }, stop: () => sandbox.stop() };
};
