// Entry of a replica worker thread. Node 20 cannot load .ts in a worker by itself, so this plain
// module registers tsx's loader (resolved from this file, whatever the working directory) and then
// imports the TypeScript worker. Used alike from bin/archplay.mjs, `npm run sim` and Vitest.
import { register } from 'tsx/esm/api';

register();
await import('./replicaWorker.ts');
