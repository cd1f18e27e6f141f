import type { Command } from 'commander';
import { withRuntime } from '../with-runtime.js';

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('the credential master key');
  keys.command('rotate')
    .description('re-encrypt every stored credential under a new master key while the platform keeps serving')
    .action(async () => {
      await withRuntime(async (runtime) => {
        const before = runtime.keys.keyring().activeKeyId;
        // File-based keys get a new active key here; env-based keys were changed by the operator.
        if (runtime.keys.describe() !== 'CONNECTOR_ENCRYPTION_KEY') runtime.keys.rotate();
        const after = runtime.keys.keyring().activeKeyId;
        const { rotated, skipped } = await runtime.credentials.rotate();
        process.stdout.write(`active key ${before} → ${after}: ${rotated} credentials re-encrypted${skipped ? `, ${skipped} changed meanwhile (run again)` : ''}\n`);
        if (skipped) process.exitCode = 3;
      });
    });
}
