import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { EgressError } from './errors.js';
import { addressText, forbiddenAddressReason, isLoopbackAddress, type IPAddress } from './forbidden-address.js';
import { parseHostLiteral } from './host-literal.js';
import { compilePolicy, type CompiledPolicy, type EgressPolicy } from './policy.js';
import { checkTarget } from './target.js';

/**
 * A `net.LookupFunction` that resolves through the policy's resolver and refuses (calls back with
 * an EgressError) when ANY answer is forbidden. Node connects only to addresses this function
 * hands back, so the check covers exactly what is connected to: a name that resolved to a public
 * address during a pre-flight check and to 127.0.0.1 now (DNS rebinding) is refused here.
 *
 * Refusing on any bad answer, not just filtering it out, is deliberate: a public name with a
 * private answer is either misconfigured or an attack, and either way must not be half-trusted.
 *
 * Supports both calling conventions Node uses: `{ all: true }` (autoSelectFamily, the Node 20
 * default) gets every answer as `LookupAddress[]`; otherwise the first answer as
 * `(err, address, family)`. `options.family` filters after the whole answer set was checked.
 */
export function createEgressLookup(policy: EgressPolicy): LookupFunction {
  return lookupWith(compilePolicy(policy));
}

type Callback = Parameters<LookupFunction>[2];

export function lookupWith(policy: CompiledPolicy): LookupFunction {
  function egressLookup(hostname: string, options: LookupOptions | number | Callback, callback?: Callback): void {
    const cb = typeof options === 'function' ? options : callback;
    if (!cb) throw new TypeError('lookup needs a callback');
    const opts: LookupOptions = typeof options === 'number' ? { family: options } : typeof options === 'object' && options ? options : {};
    resolveChecked(hostname, policy).then(
      (answers) => deliver(answers, opts, cb),
      (err: Error) => (cb as (err: Error) => void)(err),
    );
  }
  return egressLookup as LookupFunction;
}

async function resolveChecked(hostname: string, policy: CompiledPolicy): Promise<LookupAddress[]> {
  const target = checkTarget(null, hostname, policy);
  const answers = target.literal
    ? [{ address: addressText(target.literal), family: target.literal.kind() === 'ipv4' ? 4 : 6 }]
    : await policy.resolver(target.host);
  if (answers.length === 0) throw notFound(target.host);

  return answers.map((answer) => {
    // Only canonical answers: a resolver is not a place for creative notations.
    const addr = isIP(answer.address) === 0 ? null : parseHostLiteral(answer.address);
    if (!addr) {
      throw new EgressError('forbidden_address', `${target.host} resolved to something that is not an IP address`, { host: target.host });
    }
    const reason = answerReason(addr, target.loopbackOnly, policy.allowLoopback);
    if (reason) {
      const address = addressText(addr);
      throw new EgressError('forbidden_address', `${target.host} resolved to ${address}, ${reason}`, { host: target.host, address });
    }
    return { address: addressText(addr), family: addr.kind() === 'ipv4' ? 4 : 6 };
  });
}

function answerReason(addr: IPAddress, loopbackOnly: boolean, allowLoopback: boolean): string | null {
  const loopback = isLoopbackAddress(addr);
  // A name admitted only for being loopback (`localhost` in a sandbox) must stay on loopback.
  if (loopbackOnly) return loopback ? null : 'not loopback, though the host was admitted only as loopback';
  if (loopback && allowLoopback) return null;
  return forbiddenAddressReason(addr);
}

function deliver(answers: LookupAddress[], options: LookupOptions, cb: Callback): void {
  const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  const wanted = family === 4 || family === 6 ? answers.filter((a) => a.family === family) : answers;
  const first = wanted[0];
  if (!first) {
    (cb as (err: Error) => void)(notFound(`${answers.length} answers, none of family ${String(family)}`));
    return;
  }
  if (options.all) cb(null, wanted);
  else cb(null, first.address, first.family);
}

function notFound(what: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${what}`);
  err.code = 'ENOTFOUND';
  return err;
}
