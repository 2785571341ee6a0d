import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** tsx by its full address, so a TypeScript child starts the same from any folder, under Vitest too. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A script beside the calling module (`moduleUrl` is its import.meta.url), to start as a child process the way this
 * process runs: the compiled `.js` of the build (scripts/build.mjs), or the `.ts` source through tsx under `npm test`
 * and `npm run dev`.
 */
export function scriptBeside(moduleUrl: string, name: string): { path: string; execArgv: string[] } {
  const compiled = moduleUrl.endsWith('.js');
  return {
    path: fileURLToPath(new URL(`./${name}${compiled ? '.js' : '.ts'}`, moduleUrl)),
    execArgv: compiled ? [] : ['--import', TSX],
  };
}
