/**
 * Lists, for every node kind, the files that define it: its modules, the kind-keyed tables that
 * register it, its section of the format doc and the generated JSON Schema. Computed from the
 * sources (scripts/kindFiles.ts), so it stays true as kinds move.
 *
 * Usage: npm run kinds [-- --json]
 */
import { parseArgs } from 'node:util';
import { nodeKinds } from '../src/core';
import { kindPlaces, repositoryFiles } from './kindFiles';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const places = kindPlaces(nodeKinds, repositoryFiles(`${import.meta.dirname}/..`));

if (values.json) {
  console.log(JSON.stringify(Object.fromEntries(places), null, 2));
} else {
  const roles = ['module', 'registry', 'docs', 'generated'] as const;
  for (const [kind, list] of places) {
    console.log(`${kind}: ${list.length} files`);
    for (const role of roles) {
      for (const p of list.filter((x) => x.role === role)) {
        const at = p.lines.length > 0 ? `:${p.lines.join(',')}` : '';
        console.log(`  ${role.padEnd(9)} ${p.file}${at}`);
      }
    }
  }
}
