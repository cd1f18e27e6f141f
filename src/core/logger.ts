import pino, { type Logger } from 'pino';
import { scrubGeneric } from './scrub.js';

export type { Logger };

/** Paths pino removes from every log object, whatever the caller passed. */
export const REDACT_PATHS = [
  'password', '*.password', 'token', '*.token', 'secret', '*.secret', 'apiKey', '*.apiKey',
  'headers.authorization', '*.headers.authorization', 'headers.cookie', '*.headers.cookie',
  'credentials', '*.credentials', 'req.headers.authorization', 'req.headers["x-api-key"]',
];

/**
 * The platform logger: structured JSON, secret paths redacted, and every string argument passed
 * through the generic scrubber so a token pasted into a message is removed too.
 * @param level @default process.env.LOG_LEVEL ?? 'info'
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream; name?: string } = {}): Logger {
  return pino(
    {
      name: options.name ?? 'forgeworks',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubGeneric(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

/** A logger that drops everything: the default for library code nobody wired a logger into. */
export const silentLogger: Logger = pino({ level: 'silent' });
