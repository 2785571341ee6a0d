/**
 * Runs a parsing task in a worker thread that is stopped, not just abandoned, when it takes too long or grows too
 * large: its heap is capped by `resourceLimits` (running out ends the worker, not the process), and the process's
 * resident memory is watched while it works, since a parser's buffers live outside that heap. Either way the worker is
 * terminated and the file refused with a Japanese sentence; the server goes on as if nothing happened.
 *
 * One task runs at a time per process (the others wait their turn), so parsing takes at most one core from the
 * pages. The worker stays for the next task a moment and then ends; it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import { FileRefusedError, FileUnreadableError, refusal, WORKER_LIMITS } from './limits.ts';
import type { Task, TaskValue } from './tasks.ts';
import type { TaskOutcome } from './worker.ts';

export type RunOptions = { timeLimitMs?: number };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const MODULE = new URL('./worker.ts', import.meta.url).href;
const IDLE_MS = 2_000;
const WATCH_MS = 20;
const MB = 1024 * 1024;

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  const worker = new Worker(ENTRY, {
    workerData: { module: MODULE },
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb, maxYoungGenerationSizeMb: 16 },
  });
  worker.once('exit', () => {
    if (idle?.worker === worker) idle = null;
  });
  return worker;
}

/** The idle worker if there is one, else a new one. */
function takeWorker(): Worker {
  if (!idle) return startWorker();
  const { worker, timer } = idle;
  clearTimeout(timer);
  idle = null;
  worker.ref();
  return worker;
}

function keepIdle(worker: Worker): void {
  worker.unref();
  const timer = setTimeout(() => {
    idle = null;
    void worker.terminate();
  }, IDLE_MS).unref();
  idle = { worker, timer };
}

function outcomeValue<K extends Task['kind']>(task: Task, outcome: TaskOutcome): TaskValue[K] {
  if (outcome.ok) return outcome.value as TaskValue[K];
  if ('refused' in outcome) throw new FileRefusedError(task.file, outcome.refused);
  throw new FileUnreadableError(task.file, outcome.unreadable);
}

function execute<K extends Task['kind']>(task: Extract<Task, { kind: K }>, timeLimitMs: number): Promise<TaskValue[K]> {
  const worker = takeWorker();
  const ceiling = process.memoryUsage.rss() + WORKER_LIMITS.memoryMb * MB;
  return new Promise<TaskValue[K]>((resolve, reject) => {
    const stop = (refused: string) => {
      finish();
      void worker.terminate();
      reject(new FileRefusedError(task.file, refused));
    };
    const timer = setTimeout(() => stop(refusal.time(timeLimitMs)), timeLimitMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() > ceiling) stop(refusal.memory(WORKER_LIMITS.memoryMb));
    }, WATCH_MS);
    const onMessage = (outcome: TaskOutcome) => {
      finish();
      keepIdle(worker);
      try {
        resolve(outcomeValue<K>(task, outcome));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return stop(refusal.memory(WORKER_LIMITS.memoryMb));
      finish();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => {
      finish();
      reject(new Error(`the parsing worker stopped (exit code ${code})`));
    };
    function finish() {
      clearTimeout(timer);
      clearInterval(watch);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}

/** Runs the task when the tasks before it are done; its time limit counts from its own start. */
export function runBounded<K extends Task['kind']>(task: Extract<Task, { kind: K }>, options: RunOptions = {}): Promise<TaskValue[K]> {
  const run = queue.then(() => execute(task, options.timeLimitMs ?? WORKER_LIMITS.timeMs));
  queue = run.catch(() => undefined);
  return run;
}
