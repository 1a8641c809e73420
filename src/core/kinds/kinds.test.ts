import { describe, expect, it } from 'vitest';
import architecture from '../../../docs/architecture.md?raw';
import { nodeKinds } from './nodeKinds';

/** The files in the kinds' folders (tests aside), as `src/core/kinds/<kind>/<file>.ts`. */
const kindFiles = Object.keys(import.meta.glob(['./*/*.ts', '!./*/*.test.ts'])).map(
  (p) => `src/core/kinds/${p.slice(2)}`,
);
/** The sources of the registries beside them, by `src/core/kinds/<file>.ts`. */
const registrySources = Object.fromEntries(
  Object.entries(import.meta.glob<string>('./*.ts', { query: '?raw', import: 'default', eager: true })).map(
    ([p, source]) => [`src/core/kinds/${p.slice(2)}`, source],
  ),
);

/** The part of docs/architecture.md that says where a kind is defined. */
const addingAKind = architecture.slice(
  architecture.indexOf('### Adding a node kind'),
  architecture.indexOf('\n## ', architecture.indexOf('### Adding a node kind')),
);

/** The paths the section lists in bullets, as `- \`path\``: per-kind files (with <kind>) and registries. */
const listed = [...addingAKind.matchAll(/^- `(src\/[^`]+)`/gm)].map((m) => m[1]!);
const perKind = listed.filter((path) => path.includes('<kind>'));
const registries = listed.filter((path) => !path.includes('<kind>'));

describe('the files a kind is defined in (docs/architecture.md, "Adding a node kind")', () => {
  it('lists the per-kind files and the registries', () => {
    expect(perKind).toEqual([
      'src/core/kinds/<kind>/document.ts',
      'src/core/kinds/<kind>/runtime.ts',
      'src/core/kinds/<kind>/analysis.ts',
    ]);
    expect(registries).toEqual([
      'src/core/kinds/nodeKinds.ts',
      'src/core/kinds/documents.ts',
      'src/core/kinds/runtimes.ts',
      'src/core/kinds/analyses.ts',
    ]);
  });

  it.each(nodeKinds)(
    '%s has every per-kind file the section lists, and nothing else in its folder',
    (kind) => {
      const inFolder = kindFiles.filter((path) => path.startsWith(`src/core/kinds/${kind}/`));
      expect(inFolder.sort()).toEqual(perKind.map((pattern) => pattern.replace('<kind>', kind)).sort());
    },
  );

  it.each(nodeKinds)('%s has its entry in every registry the section lists', (kind) => {
    for (const registry of registries) {
      const source = registrySources[registry] ?? '';
      expect(source.includes(`'${kind}'`) || new RegExp(`^\\s+${kind}: `, 'm').test(source), registry).toBe(
        true,
      );
    }
  });

  it('has no kind folder without a kind', () => {
    const folders = new Set(kindFiles.map((path) => path.split('/')[3]!));
    expect([...folders].sort()).toEqual([...nodeKinds].sort());
  });
});
