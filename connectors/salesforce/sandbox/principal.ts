/** Who a sandbox request runs as: the session token and the user it belongs to. */
import type { SandboxServer } from '../../../src/sandbox/index.js';

export interface Principal {
  token: string;
  /** The user id (005…): locators and limits are counted per user or per org, not per token. */
  user: string;
}

export type SfServer = SandboxServer<Principal>;
