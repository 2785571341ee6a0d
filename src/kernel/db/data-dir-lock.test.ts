import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './testing.ts';

const takerScript = fileURLToPath(new URL('./data-dir-lock-taker.ts', import.meta.url));
const TAKERS = 6;
const ROUNDS = 10;

/** A taker process and the next line it prints. */
type Taker = { child: ChildProcessWithoutNullStreams; nextLine(): Promise<string> };

function startTaker(): Taker {
  const child = spawn(process.execPath, ['--import', 'tsx', takerScript]);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop()!;
    for (const line of complete) (waiting.shift() ?? ((l: string) => lines.push(l)))(line);
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return { child, nextLine: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}

/** The PID of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Tells every taker to take the folder's lock at the same moment; answers what each said, and releases again. */
async function round(takers: Taker[], dataDir: string): Promise<{ answers: string[]; holder: string }> {
  for (const taker of takers) taker.child.stdin.write(`take ${dataDir}\n`);
  const answers = await Promise.all(takers.map((t) => t.nextLine()));
  const holder = await readFile(join(dataDir, 'sasaeai.lock'), 'utf8');
  const winner = takers[answers.indexOf('won')];
  const released = await Promise.all(takers.map((t) => (t.child.stdin.write('release\n'), t.nextLine())));
  expect(released.every((line) => line === 'released')).toBe(true);
  return { answers, holder: winner && holder === String(winner.child.pid) ? 'winner' : holder };
}

let folder: string;
let takers: Taker[];
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-lock-'));
  takers = Array.from({ length: TAKERS }, startTaker);
  expect(await Promise.all(takers.map((t) => t.nextLine()))).toEqual(Array(TAKERS).fill('ready'));
}, 120_000);
afterAll(async () => {
  for (const taker of takers ?? []) taker.child.kill();
  await rm(folder, { recursive: true, force: true });
});

describe.runIf(testDatabaseKind() === 'pglite')('the data-folder lock', () => {
  it('goes to exactly one of several processes that take it at the same moment', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { answers, holder } = await round(takers, join(folder, `fresh-${i}`));
      expect(answers.filter((a) => a === 'won')).toHaveLength(1);
      expect(answers.filter((a) => a === 'refused')).toHaveLength(TAKERS - 1);
      expect(holder).toBe('winner');
    }
  }, 120_000);

  it('is taken over from a process that has ended, by exactly one of them', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const dataDir = join(folder, `stale-${i}`);
      await mkdir(dataDir);
      await writeFile(join(dataDir, 'sasaeai.lock'), String(await deadPid()));
      const { answers, holder } = await round(takers, dataDir);
      expect(answers.filter((a) => a === 'won')).toHaveLength(1);
      expect(answers.filter((a) => a === 'refused')).toHaveLength(TAKERS - 1);
      expect(holder).toBe('winner');
    }
  }, 120_000);
});
