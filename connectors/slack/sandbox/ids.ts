/**
 * Slack-shaped identifiers from a seeded RNG, so a run's ids repeat: `C…` channels, `U…` users,
 * `B…` bots, `A…` apps, `T…` teams (the patterns of the Web API spec's `defs_*`), `Ev…` event ids,
 * `xoxb-` tokens and 32-hex signing secrets.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';

const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class SlackIds {
  readonly rng: Rng;

  /** @param seed @default 1 */
  constructor(seed = 1) {
    this.rng = seededRng(seed);
  }

  private draw(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.rng() * alphabet.length)];
    return out;
  }

  id(prefix: 'C' | 'U' | 'B' | 'A' | 'T' | 'G'): string {
    return prefix + this.draw(UPPER, 10);
  }

  eventId(): string {
    return `Ev${this.draw(UPPER, 10)}`;
  }

  botToken(): string {
    return `xoxb-${this.draw('0123456789', 12)}-${this.draw('0123456789', 13)}-${this.draw(ALNUM, 24)}`;
  }

  hex(length: number): string {
    return this.draw('0123456789abcdef', length);
  }

  secret(length: number): string {
    return this.draw(ALNUM, length);
  }
}
