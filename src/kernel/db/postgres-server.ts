/**
 * Starts a throwaway PostgreSQL server for the test run, from Debian's `postgresql` package binaries
 * (`/usr/lib/postgresql/<version>/bin`, highest version). Everything lives in one temporary folder (data directory,
 * unix socket, log) that `stop()` deletes. The server listens on a random free port on 127.0.0.1 only, with trust
 * authentication: it is for tests, never for data.
 *
 * initdb refuses to run as root, so as root the folder is owned by the `postgres` system user (created by the Debian
 * package; if it is missing, an unprivileged system user is created) and initdb / pg_ctl run through `runuser`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type PostgresServer = {
  /** Superuser connection URL, e.g. `postgres://postgres@127.0.0.1:54321/postgres`. */
  url: string;
  stop(): Promise<void>;
};

const POSTGRES_ROOT = '/usr/lib/postgresql';
/** OS user the server runs as when we are root. Debian's package creates it. */
const SERVICE_USER = 'postgres';

/** The bin folder of the highest PostgreSQL version installed from Debian's packages. */
export function findPostgresBinDir(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'initdb')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  const version = versions[0];
  if (!version) {
    throw new Error(
      `PostgreSQL server binaries not found under ${POSTGRES_ROOT}/<version>/bin. ` +
        `Install Debian's package: apt-get install --no-install-recommends postgresql (npm test does this when run as root).`,
    );
  }
  return join(POSTGRES_ROOT, version, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

async function userIds(name: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const uid = Number((await execFileAsync('id', ['-u', name])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', name])).stdout.trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

async function ensureServiceUser(): Promise<{ uid: number; gid: number }> {
  const existing = await userIds(SERVICE_USER);
  if (existing) return existing;
  await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVICE_USER]);
  const created = await userIds(SERVICE_USER);
  if (!created) throw new Error(`could not create the system user ${SERVICE_USER} to run PostgreSQL as`);
  return created;
}

function describeFailure(step: string, error: unknown): string {
  const e = error as { stderr?: string; stdout?: string; message?: string };
  return `${step} failed: ${e.message ?? String(error)}\n${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const binDir = findPostgresBinDir();
  const isRoot = process.getuid?.() === 0;
  // As root, use /tmp (world-traversable) so the service user can reach the folder whatever TMPDIR says.
  const folder = await mkdtemp(join(isRoot ? '/tmp' : tmpdir(), 'sasaeai-pg-'));
  const dataDir = join(folder, 'data');
  const socketDir = join(folder, 'socket');
  const logFile = join(folder, 'server.log');
  await mkdir(socketDir);

  let owner: { uid: number; gid: number } | null = null;
  if (isRoot) {
    owner = await ensureServiceUser();
    await chown(folder, owner.uid, owner.gid);
    await chown(socketDir, owner.uid, owner.gid);
  }

  /** Runs a PostgreSQL program, as the service user when we are root. */
  const run = (program: string, args: string[]) => {
    const file = join(binDir, program);
    const [command, commandArgs] = isRoot ? ['runuser', ['-u', SERVICE_USER, '--', file, ...args]] : [file, args];
    // cwd: the folder, because the service user may not be allowed into ours.
    return execFileAsync(command, commandArgs, { cwd: folder, env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 16 * 1024 * 1024 });
  };

  let running = false;
  let stopped = false;
  const stopSync = () => {
    // Last resort when the process exits without calling stop(): do not leave a server or files behind.
    if (stopped) return;
    stopped = true;
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      const args = ['stop', '-D', dataDir, '-m', 'immediate', '-w'];
      const file = join(binDir, 'pg_ctl');
      if (isRoot) spawnSync('runuser', ['-u', SERVICE_USER, '--', file, ...args], { cwd: folder, stdio: 'ignore' });
      else spawnSync(file, args, { cwd: folder, stdio: 'ignore' });
    }
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopSync);
    try {
      if (existsSync(join(dataDir, 'postmaster.pid'))) await run('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
    } finally {
      running = false;
      await rm(folder, { recursive: true, force: true });
    }
  };

  try {
    try {
      await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    } catch (error) {
      throw new Error(describeFailure('initdb', error));
    }

    // A free port can be taken by someone else before the server binds it: try a few.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && !running; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-c listen_addresses=127.0.0.1`,
        `-c unix_socket_directories=${socketDir}`,
        '-c max_connections=300',
        // A test cluster is thrown away: durability only costs time here.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]);
        running = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (error) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        lastError = new Error(`${describeFailure('pg_ctl start', error)}\n--- server log ---\n${log}`);
      }
    }
    throw lastError;
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
