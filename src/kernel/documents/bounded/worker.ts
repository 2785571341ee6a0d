/** The parsing worker (started by run.ts through worker-entry.mjs): one task at a time, answered with plain data. */
import { parentPort } from 'node:worker_threads';
import { FileRefusedError, FileUnreadableError } from './limits.ts';
import { runTask, type Task } from './tasks.ts';

export type TaskOutcome =
  | { ok: true; value: unknown }
  | { ok: false; refused: string }
  | { ok: false; unreadable: { name: string; message: string } };

async function outcomeOf(task: Task): Promise<TaskOutcome> {
  try {
    return { ok: true, value: await runTask(task) };
  } catch (error) {
    if (error instanceof FileRefusedError) return { ok: false, refused: error.problem };
    if (error instanceof FileUnreadableError) return { ok: false, unreadable: error.parserError };
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    return { ok: false, unreadable: { name, message } };
  }
}

parentPort!.on('message', async (task: Task) => parentPort!.postMessage(await outcomeOf(task)));
