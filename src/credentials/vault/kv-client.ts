/**
 * A small HashiCorp Vault KV v2 client: read, check-and-set write and delete, with a static token or an
 * AppRole login (repeated when Vault answers 403 permission denied: the token expired or was
 * revoked). Every call has a short timeout: an unanswering Vault must not stall a run.
 */
import { Agent } from 'undici';
import { VaultError } from './errors.js';
import { parseAnswer, vaultExchange } from './exchange.js';
import { kvReadBody, kvWriteBody, loginBody } from './responses.js';

export interface VaultClientOptions {
  /** VAULT_ADDR, e.g. `https://vault.internal:8200`. */
  addr: string;
  /** A static token; with AppRole set too, the token is used until Vault refuses it. */
  token?: string;
  roleId?: string;
  secretId?: string;
  /** The KV v2 mount. @default 'secret' */
  mount?: string;
  /** @default 2000 */
  timeoutMs?: number;
}

export class VaultKvClient {
  readonly addr: string;
  readonly mount: string;
  readonly #options: VaultClientOptions;
  readonly #agent: Agent;
  readonly #timeoutMs: number;
  #token: string | undefined;
  #login: Promise<string> | undefined;

  constructor(options: VaultClientOptions) {
    if (!options.token && !(options.roleId && options.secretId)) throw new Error('Vault needs a token or an AppRole role id and secret id');
    this.#options = options;
    this.addr = options.addr.replace(/\/+$/, '');
    this.mount = options.mount ?? 'secret';
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.#token = options.token;
    this.#agent = new Agent({ connect: { timeout: this.#timeoutMs }, headersTimeout: this.#timeoutMs, bodyTimeout: this.#timeoutMs });
  }

  /** The latest version of an entry, or null when there is none. */
  async read(path: string): Promise<{ data: Record<string, unknown>; version: number } | null> {
    const res = await this.#authed('GET', this.#dataPath(path));
    if (res.status === 404) return null;
    const body = parseAnswer(kvReadBody, res.body, `GET ${this.#dataPath(path)}`);
    return body.data.data ? { data: body.data.data, version: body.data.metadata.version } : null;
  }

  /** Writes a new version; `cas` 0 means "only if absent". @throws VaultError with `casMismatch` */
  async write(path: string, data: Record<string, unknown>, options: { cas?: number } = {}): Promise<{ version: number }> {
    const payload = { data, ...(options.cas === undefined ? {} : { options: { cas: options.cas } }) };
    const res = await this.#authed('POST', this.#dataPath(path), payload);
    return { version: parseAnswer(kvWriteBody, res.body, `POST ${this.#dataPath(path)}`).data.version };
  }

  /** Deletes an entry with every version and its metadata (KV v2 `DELETE …/metadata/…`); absent is fine. */
  async destroy(path: string): Promise<void> {
    await this.#authed('DELETE', `/v1/${encodeURIComponent(this.mount)}/metadata/${path.split('/').map(encodeURIComponent).join('/')}`);
  }

  /** AppRole login; concurrent callers share one login. */
  login(): Promise<string> {
    const { roleId, secretId } = this.#options;
    if (!roleId || !secretId) return Promise.reject(new Error('no AppRole configured for Vault'));
    this.#login ??= this.#send('POST', '/v1/auth/approle/login', { role_id: roleId, secret_id: secretId })
      .then((res) => (this.#token = parseAnswer(loginBody, res.body, 'AppRole login').auth.client_token))
      .finally(() => (this.#login = undefined));
    return this.#login;
  }

  close(): Promise<void> {
    return this.#agent.close();
  }

  #dataPath(path: string): string {
    return `/v1/${encodeURIComponent(this.mount)}/data/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  #send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, token?: string) {
    return vaultExchange({ agent: this.#agent, addr: this.addr, timeoutMs: this.#timeoutMs, method, path, body, token });
  }

  async #authed(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const token = this.#token ?? (await this.login());
    try {
      return await this.#send(method, path, body, token);
    } catch (error) {
      const canLogin = Boolean(this.#options.roleId && this.#options.secretId);
      if (!(error instanceof VaultError && error.permissionDenied && canLogin)) throw error;
      return this.#send(method, path, body, await this.login());
    }
  }
}
