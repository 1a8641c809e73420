import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeKinds } from '../src/core/model/schema';
import { kindPlaces, repositoryFiles } from './kindFiles';

const kinds = ['client', 'service', 'eventBus', 'registry'];
const files = (paths: Record<string, string>) =>
  Object.entries(paths).map(([path, text]) => ({ path, text }));

describe('the files a kind is defined in', () => {
  it('finds modules named after a kind or in its folder, kind-keyed tables and switches, and the doc section', () => {
    const places = kindPlaces(
      kinds,
      files({
        'src/ui/kinds/eventBus.ts': 'export const eventBus = {};\n',
        'src/core/components/runtimes/eventBusRuntime.ts': 'export class EventBusRuntime {}\n',
        'src/core/kinds/eventBus/document.ts': 'export const eventBusConfigSchema = {};\n',
        'src/core/model/names.ts':
          "const names = {\n  client: 'Client',\n  service: 'Service',\n  eventBus: 'Bus',\n};\n",
        'src/core/analysis/roles.ts':
          "switch (node.kind) {\n  case 'client':\n  case 'service':\n  case 'registry':\n    return 1;\n}\n",
        'src/core/sim/factories.ts':
          'const f: Record<NodeKind, F> = {\n  client: makeClient,\n  service,\n  ...others,\n};\n',
        'docs/diagram-format.md': '## Nodes\n### `client`\nA client.\n### `eventBus`\n',
      }),
    );
    expect(places.get('eventBus')!.map((p) => [p.role, p.file])).toEqual([
      ['module', 'src/ui/kinds/eventBus.ts'],
      ['module', 'src/core/components/runtimes/eventBusRuntime.ts'],
      ['module', 'src/core/kinds/eventBus/document.ts'],
      ['registry', 'src/core/model/names.ts'],
      ['docs', 'docs/diagram-format.md'],
    ]);
    expect(places.get('client')!.map((p) => `${p.role} ${p.file}:${p.lines.join(',')}`)).toEqual([
      'registry src/core/model/names.ts:2',
      'registry src/core/analysis/roles.ts:2',
      'registry src/core/sim/factories.ts:2',
      'docs docs/diagram-format.md:2',
    ]);
  });

  it('takes two kind-named properties of an untyped object for a coincidence, not a table', () => {
    const places = kindPlaces(
      kinds,
      files({ 'src/core/sim/summary.ts': 'const line = {\n  registry: members,\n  service: name,\n};\n' }),
    );
    expect([...places.values()].flat()).toEqual([]);
  });

  it('finds every kind of this repository in its UI module, the UI registry, the core and the format doc', () => {
    const places = kindPlaces(nodeKinds, repositoryFiles(resolve(import.meta.dirname, '..')));
    for (const kind of nodeKinds) {
      const list = places.get(kind)!;
      const has = (role: string, file: string) => list.some((p) => p.role === role && p.file === file);
      expect(has('module', `src/ui/kinds/${kind}.ts`), kind).toBe(true);
      expect(has('registry', 'src/ui/kinds/index.ts'), kind).toBe(true);
      expect(has('docs', 'docs/diagram-format.md'), kind).toBe(true);
      expect(
        list.some((p) => p.file.startsWith('src/core/')),
        kind,
      ).toBe(true);
    }
  });
});
