/**
 * A HashiCorp Vault stand-in for tests and the demo: KV v2 read, write (versions, check-and-set) and delete
 * under one mount, token auth by `X-Vault-Token`, and AppRole login, answering in Vault's own
 * shapes (`{"data":{"data":…,"metadata":…}}`, `{"errors":[…]}`). `stop()` and `start(port)` keep
 * the data, so a test can take Vault away mid-run and bring the same Vault back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { headerValue, SandboxServer, type SandboxRequest, type SandboxResponse } from '../../sandbox/index.js';
import { KvEngine } from './kv-engine.js';
import { envelope, jsonBody, vaultErrors as errors, versionMetadata as metadata } from './sandbox-answers.js';

export interface VaultSandboxOptions {
  /** Accepted on every call, like a root token. @default a random `hvs.` token */
  rootToken?: string;
  /** Credentials `POST /v1/auth/approle/login` accepts. @default no AppRole */
  appRole?: { roleId: string; secretId: string };
  /** The KV v2 mount. @default 'secret' */
  mount?: string;
}

export class VaultSandbox {
  readonly rootToken: string;
  readonly mount: string;
  readonly kv = new KvEngine();
  readonly server: SandboxServer<string>;
  readonly #tokens = new Set<string>();
  readonly #appRole: VaultSandboxOptions['appRole'];
  /** AppRole logins served, for tests of re-login. */
  logins = 0;

  constructor(options: VaultSandboxOptions = {}) {
    this.rootToken = options.rootToken ?? `hvs.${randomBytes(12).toString('base64url')}`;
    this.mount = options.mount ?? 'secret';
    this.#appRole = options.appRole;
    this.server = new SandboxServer<string>({
      name: 'vault',
      auth: (req) => {
        const token = headerValue(req, 'x-vault-token');
        if (token && (token === this.rootToken || this.#tokens.has(token))) return { ok: true, principal: token };
        return { ok: false, response: errors(403, 'permission denied') };
      },
      notFound: () => errors(404),
      invalidBody: () => errors(400, 'failed to parse JSON input'),
    });
    this.server.route('POST', '/v1/auth/approle/login', { auth: false }, (req) => this.#login(req));
    this.server.route('GET', '/v1/:mount/data/*', (req) => this.#read(req));
    this.server.route(['POST', 'PUT'], '/v1/:mount/data/*', (req) => this.#write(req));
    this.server.route('DELETE', '/v1/:mount/metadata/*', (req) => {
      if (req.params.mount !== this.mount) return errors(404);
      this.kv.destroy(req.params['*'] ?? '');
      return { status: 204 };
    });
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  /** Invalidates every token AppRole issued (expiry or revocation): the next call gets 403. */
  revokeTokens(): void {
    this.#tokens.clear();
  }

  /** The latest data at a path (without the mount), for assertions. */
  current(path: string): { version: number; data: Record<string, unknown> } | undefined {
    const found = this.kv.get(path);
    return found && { version: found.version, data: found.value.data };
  }

  #login(req: SandboxRequest<undefined>): SandboxResponse {
    const body = jsonBody(req);
    if (!this.#appRole || body.role_id !== this.#appRole.roleId || body.secret_id !== this.#appRole.secretId) {
      return errors(400, 'invalid role or secret ID');
    }
    this.logins++;
    const token = `hvs.${randomBytes(18).toString('base64url')}`;
    this.#tokens.add(token);
    const auth = { client_token: token, accessor: randomUUID(), policies: ['default', 'forgeworks'], lease_duration: 3600, renewable: true, metadata: { role_name: 'forgeworks' } };
    return { status: 200, body: envelope(null, auth) };
  }

  #read(req: SandboxRequest<string>): SandboxResponse {
    if (req.params.mount !== this.mount) return errors(404);
    const version = req.query.version ? Number(req.query.version) : undefined;
    const found = this.kv.get(req.params['*'] ?? '', version || undefined);
    if (!found) return errors(404);
    return { status: 200, body: envelope({ data: found.value.data, metadata: metadata(found.version, found.value.createdTime) }) };
  }

  #write(req: SandboxRequest<string>): SandboxResponse {
    if (req.params.mount !== this.mount) return errors(404);
    const body = jsonBody(req) as { data?: unknown; options?: { cas?: unknown } };
    if (!body.data || typeof body.data !== 'object' || Array.isArray(body.data)) return errors(400, 'no data provided');
    const cas = body.options?.cas;
    if (cas !== undefined && (typeof cas !== 'number' || !Number.isInteger(cas) || cas < 0)) return errors(400, 'invalid cas parameter');
    const now = new Date();
    const version = this.kv.put(req.params['*'] ?? '', body.data as Record<string, unknown>, cas as number | undefined, now);
    if (version === undefined) return errors(400, 'check-and-set parameter did not match the current version');
    return { status: 200, body: envelope(metadata(version, now.toISOString())) };
  }
}
