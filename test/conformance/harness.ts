import { Writable } from 'node:stream';
import pino from 'pino';
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectorContext, type ConnectorDefinition, type ConnectorDefinitionInput, type Page, type SourceOperations, type SyncMode } from '../../src/registry/index.js';
import { REDACT_PATHS } from '../../src/core/logger.js';
import type { ConformanceSandbox } from './types.js';

export interface Harness {
  ctx: ConnectorContext;
  definition: ConnectorDefinition;
  /** Every log line the connector and executor wrote, for the secrets check. */
  logLines: string[];
  secrets: string[];
}

let counter = 0;

/** A context wired to the sandbox exactly as the runtime wires a stored connection. */
export async function harnessFor(input: ConnectorDefinitionInput, sandbox: ConformanceSandbox, credentials = sandbox.credentials): Promise<Harness> {
  const registry = new ConnectorRegistry();
  const definition = registry.register(input);
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  const logger = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, sink);
  const connectionId = `conformance-${process.pid}-${++counter}`;
  const built = await buildConnectorContext({
    definition, authMethodId: sandbox.authMethodId, config: sandbox.config, secrets: async () => ({ ...credentials }),
    tenant: { workspaceId: 'ws-conformance', connectionId }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true, logger,
  });
  return { ctx: built.ctx, definition, logLines, secrets: built.secrets };
}

export function sourceOf(definition: ConnectorDefinition, object: string): SourceOperations {
  const found = definition.objects.find((o) => o.name === object);
  if (!found?.source) throw new Error(`${definition.id} has no source object ${object}`);
  return found.source as SourceOperations;
}

export async function readAll(ctx: ConnectorContext, source: SourceOperations, cursor: unknown, mode: SyncMode, maxPages = 10_000): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of source.read(ctx, { cursor, mode })) {
    pages.push(page);
    if (pages.length > maxPages) throw new Error('pagination did not end');
  }
  return pages;
}

export function liveIdsOf(pages: Page[]): string[] {
  return [...new Set(pages.flatMap((p) => p.records.filter((r) => !r.deleted).map((r) => String(r.id))))].sort();
}
