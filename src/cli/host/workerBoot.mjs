// Entry of a replica worker thread. Node 20 cannot load .ts in a worker by itself, so this plain
// module registers tsx's loader (resolved from this file, whatever the working directory) and then
// imports the TypeScript worker. Used alike from bin/archplay.mjs, `npm run sim` and Vitest. tsx reads
// tsconfig.base.json's compiler options, as bin/archplay.mjs has it do.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)) });
await import('./replicaWorker.ts');
