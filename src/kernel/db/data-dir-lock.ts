import { link, mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import { OperatorError } from '../process/operator-error.ts';

export type DataDirLock = { release(): Promise<void> };

export class DataDirInUseError extends OperatorError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `データフォルダ ${dataDir} は別のプロセス（PID ${pid}）が使用中です。` +
        `同じフォルダで二つ目を起動すると壊れるため、起動を中止しました。先に起動しているプロセスを止めるか、DATA_DIR で別のフォルダを指定してください。`,
    );
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Holder = { pid: number; identity: string };

/** Who holds the lock file (its PID) and which file it is (inode and change time); null when there is none. */
async function readHolder(path: string): Promise<Holder | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    const pid = Number.parseInt(await handle.readFile('utf8'), 10);
    return { pid, identity: `${stats.ino}-${stats.mtimeNs}` };
  } finally {
    await handle.close();
  }
}

const STALE_MARKER = '.stale-';

/**
 * Removes a lock file left by a process that no longer exists. Several starters may find the same stale file; only
 * the one that creates its marker (named after that very file) removes it, so that none removes a lock another has
 * just taken. Markers are kept for a while for the same reason: a starter that read the old lock a moment ago must
 * still find its marker taken.
 */
async function removeStaleLock(path: string, stale: Holder): Promise<void> {
  try {
    await writeFile(`${path}${STALE_MARKER}${stale.identity}`, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await setTimeout(10); // another starter is removing it
    return;
  }
  await rm(path, { force: true });
}

async function removeOldMarkers(dataDir: string): Promise<void> {
  const old = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(dataDir)) {
    if (!name.startsWith(`${LOCK_FILE}${STALE_MARKER}`)) continue;
    const marker = join(dataDir, name);
    if ((await stat(marker)).mtimeMs < old) await rm(marker, { force: true });
  }
}

const LOCK_FILE = 'sasaeai.lock';

/**
 * PGlite is one PostgreSQL backend inside this process: two processes on the same folder would corrupt it. A lock
 * file holding our PID keeps a second start out. It is taken atomically with the PID in it: the PID is written to a
 * file of our own, which is then linked to the lock's name (link fails if the name exists), so a starter never sees
 * an empty lock. A lock left by a process that no longer exists (or by an earlier life of our PID) is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const claim = `${path}.${process.pid}`;
  await writeFile(claim, String(process.pid));
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await link(claim, path);
        await removeOldMarkers(dataDir);
        return { release: () => rm(path, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (!holder) continue;
      if (holder.pid !== process.pid && isAlive(holder.pid)) throw new DataDirInUseError(dataDir, holder.pid);
      await removeStaleLock(path, holder);
    }
  } finally {
    await rm(claim, { force: true });
  }
  throw new Error(`データフォルダ ${dataDir} のロックを取得できませんでした。`);
}
