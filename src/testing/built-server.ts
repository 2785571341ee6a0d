import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../kernel/db/database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start` as an office runs it (the compiled build, `node scripts/launch.mjs main`) in a child process. */
export type BuiltServer = {
  url: string;
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Sends SIGTERM (unless it has ended) and answers its exit code. */
  stop(): Promise<number | null>;
};

/** Starts the built server on `target` with `env` added, and answers once it says where it serves. */
export async function startBuiltServer(target: DatabaseTarget, env: Record<string, string> = {}): Promise<BuiltServer> {
  const where = target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir! };
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'main'], {
    cwd: root,
    env: { ...inherited, ...where, PORT: '0', HOST: '127.0.0.1', LOAD_DEMO: 'never', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const started = /起動しました（\d+ ms）: (http:\/\/\S+?)\/\n/.exec(output);
      if (started) resolve(started[1]!);
    });
    child.on('exit', (code) => reject(new Error(`npm start ended with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited)[0];
    },
  };
}
