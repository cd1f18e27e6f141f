/**
 * Tests only: a connector context wired to a Stripe sandbox, as the runtime wires a stored
 * connection, and a reader that drains a source.
 */
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext, type DestinationOperations, type Page, type ReadOptions, type SourceOperations } from '../../src/registry/index.js';
import { stripeDefinition } from './definition.js';
import type { StripeSandbox } from './sandbox/index.js';

let counter = 0;

export async function stripeContext(sandbox: StripeSandbox, authMethodId = 'secret_key'): Promise<ConnectorContext> {
  const definition = new ConnectorRegistry().register(stripeDefinition);
  const { ctx } = await buildConnectorContext({
    definition, authMethodId, config: {}, secrets: async () => ({ apiKey: sandbox.apiKey }),
    tenant: { workspaceId: 'ws-stripe', connectionId: `stripe-test-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  });
  return ctx;
}

export function sourceOf(object: string): SourceOperations {
  return stripeDefinition.objects!.find((o) => o.name === object)!.source as SourceOperations;
}

export function customerDestination(): DestinationOperations {
  return stripeDefinition.objects!.find((o) => o.name === 'customers')!.destination as DestinationOperations;
}

export async function drain(source: SourceOperations, ctx: ConnectorContext, options: ReadOptions): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of source.read(ctx, options)) pages.push(page);
  return pages;
}

export const idsOf = (pages: Page[]) => pages.flatMap((p) => p.records.map((r) => r.id));
