/**
 * `forge sandbox jira`: a small site (two projects, a dozen people, sixty issues) and the email,
 * API token and site name to reach it.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import { startJiraSandbox } from './server.js';

export const jiraSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startJiraSandbox({ port, seed: { users: 12, issues: 60 } });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { username: sandbox.email, password: sandbox.apiToken },
    config: { site: 'sandbox', projectKey: 'SBX', issueType: 'Task' },
    stop: () => sandbox.stop(),
  };
};
