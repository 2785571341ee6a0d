/**
 * The build: every source file of src/ compiled to JavaScript, one file for one file, beside a copy of the files the
 * code reads at run time (stylesheets, migrations, demo data), so that `npm start` and `./bin/sasaeai` start without
 * compiling TypeScript each time. `npm install` builds (the `prepare` step); scripts/launch.mjs builds again when a
 * source is newer than the build, so a developer's edit is never run stale.
 *
 * Each build goes to a folder of its own under dist/, and dist/current names the newest one: a process that starts
 * while another builds reads a complete build, never a half-written one.
 *
 *   node scripts/build.mjs            builds now
 *   import { ensureBuilt } from './build.mjs'; const dir = await ensureBuilt();   builds only when stale
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, 'src');
const distDir = join(root, 'dist');
const pointer = join(distDir, 'current');
/**
 * Builds kept besides the current one, for servers started from them that still run (a parser process starts from
 * its server's build): a server is restarted well before three newer builds pile up.
 */
const KEEP_REPLACED = 2;

const isCode = (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file);
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.endsWith('.snap');

function sourceFiles() {
  return readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The newest change among the sources and the package manifest: a build older than this is stale. */
function newestSourceChange() {
  const files = [...sourceFiles(), join(root, 'package.json'), fileURLToPath(import.meta.url)];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function readPointer() {
  try {
    const current = JSON.parse(readFileSync(pointer, 'utf8'));
    return existsSync(join(distDir, current.dir)) ? current : null;
  } catch {
    return null;
  }
}

/** Relative imports of TypeScript files become imports of the JavaScript files beside them; every import stays external. */
const oneFileForOneFile = {
  name: 'one-file-for-one-file',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relativeImport = args.path.startsWith('.');
      return { path: relativeImport ? args.path.replace(/\.tsx?$/, '.js') : args.path, external: true };
    });
  },
};

async function compile(outdir) {
  const { build } = await import('esbuild');
  const files = sourceFiles();
  await build({
    entryPoints: files.filter(isCode),
    outdir: join(outdir, 'src'),
    outbase: sourceDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'linked',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [oneFileForOneFile],
  });
  for (const file of files.filter((file) => !isCode(file) && !isTest(file))) {
    const target = join(outdir, 'src', relative(sourceDir, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}

const buildTime = (name) => Number(name.split('-')[1]);

function pruneReplacedBuilds(current) {
  const replaced = readdirSync(distDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('build-') && entry.name !== current)
    .map((entry) => entry.name)
    .sort((a, b) => buildTime(b) - buildTime(a));
  for (const name of replaced.slice(KEEP_REPLACED)) rmSync(join(distDir, name), { recursive: true, force: true });
}

/** Builds into a new folder under dist/ and points dist/current at it; answers the folder. */
export async function buildNow() {
  const sourceChange = newestSourceChange();
  const dir = `build-${Date.now()}-${process.pid}`;
  mkdirSync(distDir, { recursive: true });
  await compile(join(distDir, dir));
  const next = `${pointer}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ dir, sourceChange }));
  renameSync(next, pointer);
  pruneReplacedBuilds(dir);
  return join(distDir, dir);
}

/** The current build's folder, built first when there is none or a source changed since. */
export async function ensureBuilt() {
  const current = readPointer();
  if (current && current.sourceChange >= newestSourceChange()) return join(distDir, current.dir);
  return buildNow();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const dir = await buildNow();
  console.log(`ビルドしました（${Date.now() - started} ms）: ${relative(root, dir)}`);
}
