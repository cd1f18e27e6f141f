/**
 * The Jira sandbox's public face: start it, point the conformance suites at it, or run it with
 * `forge sandbox jira`. Not the real service: connectors/jira/README.md lists what it leaves out.
 */
export { startJiraSandbox, type JiraSandbox, type JiraSandboxOptions, type SeedableObject } from './server.js';
export { jiraConformanceSandbox, jiraErrorResponse } from './conformance.js';
export { jiraSandboxFactory } from './factory.js';
export type { RateLimitOptions } from './rate-limits.js';
