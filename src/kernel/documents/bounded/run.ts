/**
 * Runs a parsing task in a child process that is stopped, not just abandoned, when it takes too long or grows too
 * large: its heap is capped (--max-old-space-size), and its resident memory is watched while it works, since a
 * parser's buffers live outside that heap. Either way the process is killed, the file refused with a message saying
 * which limit, and all its memory goes back to the system; the server's own memory never holds a parse. (A worker
 * thread would share the server's memory: what a killed thread had allocated stayed with the server, and grew with
 * each bomb.)
 *
 * One task runs at a time per server (the others wait their turn), so parsing takes at most one core from the pages.
 * The process stays for the next task a moment and then ends; it never keeps the server alive.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Problem } from '../../i18n/index.ts';
import { scriptBeside } from '../../process/script.ts';
import { FileRefusedError, FileUnreadableError, refusal, WORKER_LIMITS } from './limits.ts';
import type { TaskOutcome } from './parser-process.ts';
import type { Task, TaskValue } from './tasks.ts';

export type RunOptions = { timeLimitMs?: number };

const ENTRY = scriptBeside(import.meta.url, 'parser-process');
const IDLE_MS = 2_000;
const WATCH_MS = 20;
const MB = 1024 * 1024;
/** A process that kept this much after a task starts afresh for the next one. */
const REUSE_BELOW = (WORKER_LIMITS.memoryMb / 2) * MB;

type Parser = { child: ChildProcess; stderr: () => string };

let idle: { parser: Parser; timer: NodeJS.Timeout } | null = null;
let queue: Promise<unknown> = Promise.resolve();

function startParser(): Parser {
  const child = fork(ENTRY.path, [], {
    execArgv: [...ENTRY.execArgv, `--max-old-space-size=${WORKER_LIMITS.heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once('exit', () => {
    if (idle?.parser.child === child) idle = null;
  });
  return { child, stderr: () => stderr };
}

/** Resident memory of a process, from /proc (Linux); null elsewhere, where only the heap limit holds. */
function residentBytes(pid: number | undefined): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return null;
  }
}

function takeParser(): Parser {
  if (!idle) return startParser();
  const { parser, timer } = idle;
  clearTimeout(timer);
  idle = null;
  parser.child.ref();
  parser.child.channel?.ref();
  return parser;
}

function release(parser: Parser): void {
  const resident = residentBytes(parser.child.pid);
  if (resident !== null && resident > REUSE_BELOW) return void parser.child.kill('SIGKILL');
  parser.child.unref();
  parser.child.channel?.unref();
  const timer = setTimeout(() => {
    idle = null;
    parser.child.kill('SIGKILL');
  }, IDLE_MS).unref();
  idle = { parser, timer };
}

function outcomeValue<K extends Task['kind']>(task: Task, outcome: TaskOutcome): TaskValue[K] {
  if (outcome.ok) return outcome.value as TaskValue[K];
  if ('refused' in outcome) throw new FileRefusedError(task.file, outcome.refused);
  throw new FileUnreadableError(task.file, outcome.unreadable);
}

function execute<K extends Task['kind']>(task: Extract<Task, { kind: K }>, timeLimitMs: number): Promise<TaskValue[K]> {
  const parser = takeParser();
  const { child } = parser;
  return new Promise<TaskValue[K]>((resolve, reject) => {
    const stop = (refused: Problem) => {
      finish();
      child.kill('SIGKILL');
      reject(new FileRefusedError(task.file, refused));
    };
    const timer = setTimeout(() => stop(refusal.time(timeLimitMs)), timeLimitMs);
    const watch = setInterval(() => {
      if ((residentBytes(child.pid) ?? 0) > WORKER_LIMITS.memoryMb * MB) stop(refusal.memory(WORKER_LIMITS.memoryMb));
    }, WATCH_MS);
    const onMessage = (outcome: TaskOutcome) => {
      finish();
      release(parser);
      try {
        resolve(outcomeValue<K>(task, outcome));
      } catch (error) {
        reject(error);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      finish();
      // V8 ends the process itself when the heap is full.
      if (/heap limit|out of memory/i.test(parser.stderr())) return reject(new FileRefusedError(task.file, refusal.memory(WORKER_LIMITS.memoryMb)));
      reject(new Error(`the parsing process stopped (${signal ?? `exit code ${code}`}): ${parser.stderr()}`));
    };
    function finish() {
      clearTimeout(timer);
      clearInterval(watch);
      child.off('message', onMessage).off('close', onExit);
    }
    child.on('message', onMessage).on('close', onExit);
    child.send(task);
  });
}

/** Runs the task when the tasks before it are done; its time limit counts from its own start. */
export function runBounded<K extends Task['kind']>(task: Extract<Task, { kind: K }>, options: RunOptions = {}): Promise<TaskValue[K]> {
  const run = queue.then(() => execute(task, options.timeLimitMs ?? WORKER_LIMITS.timeMs));
  queue = run.catch(() => undefined);
  return run;
}
