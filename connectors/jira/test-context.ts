/**
 * Tests only: a connector context wired to a Jira sandbox as the runtime wires a stored
 * connection, and helpers that drain a source or reach the issue destination.
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { silentLogger, type Logger } from '../../src/core/index.js';
import { ConnectorRegistry, type ConnectorContext, type DestinationOperations, type Page, type ReadOptions, type SourceOperations } from '../../src/registry/index.js';
import { jiraDefinition } from './definition.js';
import type { JiraSandbox } from './sandbox/index.js';

let counter = 0;

export async function jiraContext(sandbox: JiraSandbox, options: { logger?: Logger; config?: Record<string, unknown> } = {}): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(jiraDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId: 'api_token', config: { site: 'sandbox', projectKey: 'SBX', issueType: 'Task', ...options.config },
    secrets: async () => ({ username: sandbox.email, password: sandbox.apiToken }),
    tenant: { workspaceId: 'ws-jira', connectionId: `jira-test-${process.pid}-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
    logger: options.logger ?? silentLogger,
  });
  return ctx;
}

export function sourceOf(object: 'issues' | 'users'): SourceOperations {
  return jiraDefinition.objects!.find((o) => o.name === object)!.source as SourceOperations;
}

export function issueDestination(): DestinationOperations {
  return jiraDefinition.objects!.find((o) => o.name === 'issues')!.destination as DestinationOperations;
}

export async function drain(source: SourceOperations, ctx: ConnectorContext, options: ReadOptions): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of source.read(ctx, options)) pages.push(page);
  return pages;
}

export const idsOf = (pages: Page[]) => pages.flatMap((p) => p.records.filter((r) => !r.deleted).map((r) => r.id));
export const tombstonesOf = (pages: Page[]) => pages.flatMap((p) => p.records.filter((r) => r.deleted).map((r) => r.id));
