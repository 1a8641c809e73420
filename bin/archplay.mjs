#!/usr/bin/env node
// The `archplay` command: runs the TypeScript CLI through tsx, so no build step is needed. tsx reads
// the compiler options of tsconfig.base.json (class fields as assignments, see there), which the
// root tsconfig.json, a list of project references, would not give it.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
