/**
 * `node scripts/launch.mjs <entry> [args…]`: runs src/<entry>.ts as the compiled JavaScript of the current build
 * (scripts/build.mjs), building first when a source is newer. `npm start` and `./bin/sasaeai` start through it; the
 * entry sees its own arguments in process.argv as if started directly.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('使い方: node scripts/launch.mjs <src からの入口、例 main または cli/main> [引数…]');
  process.exit(2);
}
const build = await ensureBuilt();
process.argv.splice(2, process.argv.length - 2, ...args);
await import(pathToFileURL(join(build, 'src', `${entry}.js`)).href);
