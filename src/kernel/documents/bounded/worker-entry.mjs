// The parsing worker's entry, in plain JavaScript: Node loads a worker's entry before any loader hook of its own, so
// this registers tsx and then imports the TypeScript worker (the same under `node --import tsx` and under Vitest).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
