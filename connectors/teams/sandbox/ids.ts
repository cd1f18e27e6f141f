/**
 * Graph-shaped identifiers from a seeded RNG: GUIDs (tenants, teams, apps, users, subscriptions),
 * channel ids `19:<32 hex>@thread.tacv2`, and message ids, which in Teams are the creation time
 * in epoch milliseconds (kept unique and increasing).
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';

export class GraphIds {
  readonly rng: Rng;
  private lastMessageId = 0;

  /** @param seed @default 1 */
  constructor(seed = 1) {
    this.rng = seededRng(seed);
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.rng() * 16).toString(16);
    return out;
  }

  guid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  channel(): string {
    return `19:${this.hex(32)}@thread.tacv2`;
  }

  message(nowMs: number): string {
    this.lastMessageId = Math.max(nowMs, this.lastMessageId + 1);
    return String(this.lastMessageId);
  }

  /** An opaque bearer token shaped like the JWTs Entra issues (the sandbox never decodes it). */
  token(): string {
    const part = (n: number) => Buffer.from(this.hex(n)).toString('base64url');
    return `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${part(96)}.${part(64)}`;
  }
}
