import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where a kind is defined: a file, the lines that name it there, and what the file is to the kind. */
export interface KindPlace {
  file: string;
  lines: number[];
  role: 'module' | 'registry' | 'docs' | 'generated';
}

/** A source or doc file, by its path from the repository root. */
export interface SourceFile {
  path: string;
  text: string;
}

/**
 * A table keyed by kind (a registry object, a `switch` over kinds) lists at least this many kinds at
 * one indentation, or is typed by NodeKind; fewer is a coincidence of property names (a summary's
 * `registry` field).
 */
const MIN_TABLE_KINDS = 3;

interface Table {
  /** The table's type or `switch` line names NodeKind. */
  typed: boolean;
  entries: Map<string, number[]>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The kind an entry of a kind-keyed table names on this line, and its indentation. */
function tableEntry(line: string, kinds: readonly string[]): { kind: string; indent: number } | null {
  const alternatives = kinds.map(escapeRegExp).join('|');
  // `client: ...`, `'client': ...`, `client,` (shorthand), `nodeOf('client', ...)`, `case 'client':`
  const m =
    new RegExp(`^(\\s+)(?:'|")?(${alternatives})(?:'|")?(?::|,$)`).exec(line) ??
    new RegExp(`^(\\s+)case '(${alternatives})':`).exec(line) ??
    new RegExp(`^(\\s+)\\w+\\('(${alternatives})',`).exec(line);
  return m ? { kind: m[2]!, indent: m[1]!.length } : null;
}

/**
 * A file named after the kind (`eventBus.ts`, `eventBusRuntime.ts`, `src/ui/kinds/eventBus.ts`) or
 * in a folder named after it (`src/core/kinds/eventBus/document.ts`).
 */
function namedAfter(path: string, kind: string): boolean {
  const parts = path.split('/');
  const base = parts.pop()!.replace(/\.(ts|tsx)$/, '');
  return (
    parts.includes(kind) || base === kind || (base.startsWith(kind) && /^[A-Z]/.test(base.slice(kind.length)))
  );
}

/**
 * For every kind, the files that define it, found by reading the sources: modules named after the
 * kind, kind-keyed tables (registries, switches over kinds), the format doc's section and the
 * generated JSON Schema. Tests are left out: they check a kind, they do not define it.
 */
export function kindPlaces(kinds: readonly string[], files: readonly SourceFile[]): Map<string, KindPlace[]> {
  const places = new Map<string, KindPlace[]>(kinds.map((k) => [k, []]));
  const add = (kind: string, place: KindPlace) => places.get(kind)!.push(place);
  for (const { path, text } of files) {
    const lines = text.split('\n');
    if (path.endsWith('.md')) {
      lines.forEach((line, i) => {
        const m = /^#+ `(\w+)`/.exec(line);
        if (m && places.has(m[1]!)) add(m[1]!, { file: path, lines: [i + 1], role: 'docs' });
      });
      continue;
    }
    if (path.endsWith('.json')) {
      for (const kind of kinds) {
        const at = lines.findIndex((line) => line.includes(`"const": "${kind}"`));
        if (at >= 0) add(kind, { file: path, lines: [at + 1], role: 'generated' });
      }
      continue;
    }
    // Entries at one indentation, with nothing less indented between them, form one table (or switch).
    const tables: Table[] = [];
    const open = new Map<number, Table>();
    let outer = '';
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const indent = line.length - line.trimStart().length;
      for (const level of open.keys()) if (level > indent) open.delete(level);
      const entry = tableEntry(line, kinds);
      if (!entry) {
        outer = line;
        return;
      }
      let table = open.get(indent);
      if (!table) {
        table = { typed: outer.includes('NodeKind'), entries: new Map() };
        open.set(indent, table);
        tables.push(table);
      }
      table.entries.set(entry.kind, [...(table.entries.get(entry.kind) ?? []), i + 1]);
    });
    const registered = new Map<string, number[]>();
    for (const { typed, entries } of tables) {
      if (!typed && entries.size < MIN_TABLE_KINDS) continue;
      for (const [kind, at] of entries) registered.set(kind, [...(registered.get(kind) ?? []), ...at]);
    }
    for (const kind of kinds) {
      if (namedAfter(path, kind)) add(kind, { file: path, lines: [], role: 'module' });
      else if (registered.has(kind))
        add(kind, { file: path, lines: registered.get(kind)!.sort((a, b) => a - b), role: 'registry' });
    }
  }
  return places;
}

/** The files kindPlaces reads: sources under src/ (tests aside), the docs and the JSON Schema. */
export function repositoryFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !keep(entry.name)) continue;
      const full = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk('src', (name) => /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name));
  walk('docs', (name) => name.endsWith('.md'));
  const schema = 'public/diagram.schema.json';
  files.push({ path: schema, text: readFileSync(join(root, schema), 'utf8') });
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
