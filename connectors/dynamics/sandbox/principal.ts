/** Who a Dataverse request runs as: the application user of the app registration behind the token. */
import type { SandboxServer } from '../../../src/sandbox/index.js';

export interface Principal {
  clientId: string;
  /** The application user's systemuserid (what WhoAmI answers). */
  userId: string;
}

export type DvServer = SandboxServer<Principal>;
