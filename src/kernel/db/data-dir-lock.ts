import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export type DataDirLock = { release(): Promise<void> };

export class DataDirInUseError extends Error {
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
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one PostgreSQL backend inside this process: two processes on the same folder would corrupt it. A lock
 * file holding our PID keeps a second start out; a lock left by a process that no longer exists is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'sasaeai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
      await rm(path, { force: true });
    }
  }
  throw new Error(`データフォルダ ${dataDir} のロックを取得できませんでした。`);
}
