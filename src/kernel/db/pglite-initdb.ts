import { PGlite } from '@electric-sql/pglite';

/**
 * Creates a PGlite data folder and exits. Run as a child process on first start: PGlite's initdb grows its
 * WebAssembly memory to several hundred MB, which a process never gives back, so the server itself opens the
 * finished folder and stays small.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pglite-initdb DATA_DIR');
const client = new PGlite({ dataDir });
await client.waitReady;
await client.close();
