/**
 * The parsing process (started by run.ts: the compiled build, or the source through tsx): one task at a time from the parent, answered with
 * plain data over IPC (structured clone), or with why not.
 */
import type { Problem } from '../../i18n/index.ts';
import { FileRefusedError, FileUnreadableError } from './limits.ts';
import { runTask, type Task } from './tasks.ts';

export type TaskOutcome =
  | { ok: true; value: unknown }
  | { ok: false; refused: Problem }
  | { ok: false; unreadable: { name: string; message: string } };

async function outcomeOf(task: Task): Promise<TaskOutcome> {
  try {
    return { ok: true, value: await runTask(task) };
  } catch (error) {
    if (error instanceof FileRefusedError) return { ok: false, refused: error.reason };
    if (error instanceof FileUnreadableError) return { ok: false, unreadable: error.parserError };
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    return { ok: false, unreadable: { name, message } };
  }
}

process.on('message', async (task: Task) => process.send!(await outcomeOf(task)));
// The parent gone, nothing is left to do.
process.on('disconnect', () => process.exit(0));
