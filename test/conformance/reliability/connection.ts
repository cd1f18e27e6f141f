/**
 * Stored connections to a sandbox, as the reliability suites need them: the secrets encrypted
 * under a master key of the suite's own (the platform checks one key per database), the
 * connection's config plus the sandbox's loopback URL, and the services that run through it.
 * Works for any connector: the connection row names it, the sandbox says how to sign in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { ConnectionService, SANDBOX_URL_KEY } from '../../../src/connections/index.js';
import { silentLogger } from '../../../src/core/index.js';
import { generateMasterKeyHex } from '../../../src/credentials/crypto/index.js';
import { openKeySource } from '../../../src/credentials/master-key-source.js';
import { CredentialStore } from '../../../src/credentials/store.js';
import type { ConnectorRegistry } from '../../../src/registry/index.js';
import { createTenant, type TenantFixture } from '../../support/tenancy.js';

/** Where a sandbox listens and how to sign in to it (what `ConformanceSandbox` carries). */
export interface SandboxEndpoint {
  baseUrl: string;
  authMethodId: string;
  credentials: Record<string, string>;
  config: Record<string, unknown>;
}

/** The master key a suite stores secrets under, and the data directory the platform may use. */
export interface SuiteKeys {
  keyHex: string;
  dataDir: string;
}

export function suiteKeys(prefix: string): SuiteKeys {
  return { keyHex: generateMasterKeyHex(), dataDir: mkdtempSync(join(tmpdir(), `forge-${prefix}-`)) };
}

/** A connection of `connectorId` to the sandbox, its secrets stored encrypted. */
export async function storeConnection(pool: pg.Pool, connectorId: string, sandbox: SandboxEndpoint, keys: SuiteKeys): Promise<TenantFixture> {
  const tenant = await createTenant(pool, connectorId);
  await pool.query('update connections set auth_method = $2, config = $3 where id = $1',
    [tenant.connectionId, sandbox.authMethodId, JSON.stringify({ ...sandbox.config, [SANDBOX_URL_KEY]: sandbox.baseUrl })]);
  await credentialStore(pool, keys).write({ workspaceId: tenant.workspaceId, connectionId: tenant.connectionId }, sandbox.credentials);
  return tenant;
}

function credentialStore(pool: pg.Pool, keys: SuiteKeys): CredentialStore {
  return new CredentialStore(pool, openKeySource({ envKey: keys.keyHex, dataDir: keys.dataDir, mayGenerate: false }));
}

/** The ConnectionService a sync or a load runs through, under the sandbox egress policy. */
export function connectionsFor(pool: pg.Pool, registry: ConnectorRegistry, keys: SuiteKeys): ConnectionService {
  return new ConnectionService({ pool, registry, credentials: credentialStore(pool, keys), logger: silentLogger, allowSandbox: true });
}
