/**
 * Two hosts on one port. In production the token comes from login.microsoftonline.com and the
 * data from {org}.crm.dynamics.com; here both answer on the sandbox's port, because the platform
 * sends token requests to the sandbox base URL by path. So the log and the faults stay per host:
 * the server's `requestLog` and `faults` are Dataverse's (what a test of the Web API expects to
 * see and to break), while the identity endpoint keeps its own log and fault rules
 * (`identityLog`, `identityFaults`), which a test may use to break sign-in on purpose.
 */
import { FaultInjector, SandboxServer, type FaultDraw, type RecordedRequest, type SandboxRequest, type SandboxServerOptions } from '../../../src/sandbox/index.js';
import { TOKEN_PATH } from './identity.js';

const isIdentity = (req: { path: string }) => TOKEN_PATH.test(req.path);

/** Faults drawn for Dataverse's requests; the identity endpoint's come from `identity`. */
export class HostFaults extends FaultInjector {
  readonly identity: FaultInjector;

  constructor(seed: number) {
    super({ seed });
    this.identity = new FaultInjector({ seed });
  }

  override draw(req: SandboxRequest): FaultDraw {
    return isIdentity(req) ? this.identity.draw(req) : super.draw(req);
  }

  override clear(): void {
    super.clear();
    this.identity.clear();
  }
}

/** The request log of the Dataverse host; token requests go to `identity`. */
export class HostLog extends Array<RecordedRequest> {
  readonly identity: RecordedRequest[] = [];

  // filter, map and slice answer plain arrays, not HostLogs.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  override push(...entries: RecordedRequest[]): number {
    for (const entry of entries) {
      if (isIdentity(entry)) this.identity.push(entry);
      else Array.prototype.push.call(this, entry);
    }
    return this.length;
  }
}

export class TwoHostServer<P> extends SandboxServer<P> {
  override readonly requestLog: RecordedRequest[] = new HostLog();

  constructor(options: SandboxServerOptions<P> & { faults: HostFaults }) {
    super(options);
  }

  get identityLog(): RecordedRequest[] {
    return (this.requestLog as HostLog).identity;
  }

  get identityFaults(): FaultInjector {
    return (this.faults as HostFaults).identity;
  }

  override clearLog(): void {
    super.clearLog();
    this.identityLog.length = 0;
  }
}
