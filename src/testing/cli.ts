import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DatabaseTarget } from '../kernel/db/database.ts';

const bin = fileURLToPath(new URL('../../bin/sasaeai', import.meta.url));
const run = promisify(execFile);

/** Runs ./bin/sasaeai against a database target, as an operator would, and answers its output and exit code. */
export async function sasaeai(target: DatabaseTarget, args: string[], env: Record<string, string> = {}) {
  const where = target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir! };
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(bin, args, { env: { ...inherited, ...where, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
