/**
 * `npm run bench`: every benchmark, each a ratio against a baseline measured in the same run.
 * Select some with arguments: `npm run bench -- executor stream`.
 */
import { benchExecutor } from './executor.js';
import { benchStream } from './stream.js';
import { benchRateLimit } from './ratelimit.js';
import { benchLoad } from './load.js';

const all: Record<string, () => Promise<unknown>> = {
  executor: () => benchExecutor(),
  stream: () => benchStream(),
  ratelimit: () => benchRateLimit(),
  load: () => benchLoad(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const [name, run] of Object.entries(all)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
