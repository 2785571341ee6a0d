import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/**
 * The Chromium that the npm package @sparticuz/chromium carries inside itself (bin/chromium.br, a headless shell for
 * Linux x64 that needs only the C library and expat), so `npm install` alone gives the app a browser to print with.
 *
 * It is unpacked once, here rather than through the package's executablePath(): that one writes /tmp/chromium, a
 * name every version and every user shares (a second user cannot run the first one's file), and writes it in place,
 * where a second process starting its first print at the same time would run a half-written file. Here the folder
 * names the version and the user, and the file appears under its name only once complete.
 */
export type BundledChromium = { kind: 'ready'; path: string } | { kind: 'unusable'; reason: 'not-installed' | 'platform'; packageDir: string | null };

const PACKAGE = '@sparticuz/chromium';

function packageDirectory(): string | null {
  try {
    // The package's main file is build/cjs/index.cjs.
    return dirname(dirname(dirname(createRequire(import.meta.url).resolve(PACKAGE))));
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

async function unpack(archive: string, target: string): Promise<void> {
  const partial = `${target}.${process.pid}.part`;
  try {
    await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}

/** The path of the package's Chromium, unpacked into the temporary folder on first use (about 6 s, 190 MB). */
export async function bundledChromium(): Promise<BundledChromium> {
  const packageDir = packageDirectory();
  if (packageDir === null) return { kind: 'unusable', reason: 'not-installed', packageDir };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { kind: 'unusable', reason: 'platform', packageDir };
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const folder = join(tmpdir(), `sasaeai-chromium-${version}-${process.getuid?.() ?? 0}`);
  const path = join(folder, 'chromium');
  if (!(await exists(path))) {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await unpack(join(packageDir, 'bin', 'chromium.br'), path);
  }
  return { kind: 'ready', path };
}
