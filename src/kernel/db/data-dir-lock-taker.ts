import { createInterface } from 'node:readline';
import { acquireDataDirLock, DataDirInUseError, type DataDirLock } from './data-dir-lock.ts';

/**
 * A child process for the lock test. On `take DIR` it tries the data-folder lock and answers `won` or `refused`; on
 * `release` it lets the lock go and answers `released`. Many of them are told to take the same folder at once.
 */
async function take(dataDir: string): Promise<{ answer: string; lock: DataDirLock | null }> {
  try {
    return { answer: 'won', lock: await acquireDataDirLock(dataDir) };
  } catch (error) {
    return { answer: error instanceof DataDirInUseError ? 'refused' : `failed ${(error as Error).message}`, lock: null };
  }
}

let held: DataDirLock | null = null;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('take ')) {
    const { answer, lock } = await take(line.slice('take '.length));
    held = lock;
    process.stdout.write(`${answer}\n`);
  } else if (line === 'release') {
    await held?.release();
    held = null;
    process.stdout.write('released\n');
  }
}
