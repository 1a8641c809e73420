import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One top-level React component of a file and how many lines it runs. */
export interface ComponentSize {
  file: string;
  name: string;
  lines: number;
}

// A component is a top-level function whose name is capitalised, declared as a function or wrapped
// in memo(function ...). Biome formats the code, so its body ends at the first `}` (or `});`) at
// column 0.
const start = /^(?:export )?(?:function ([A-Z]\w*)\(|const ([A-Z]\w*) = (?:memo\()?function\b)/;
const end = /^\}\)?;?$/;

/** The components of one source text, with their lengths from declaration to closing brace. */
export function componentSizes(file: string, source: string): ComponentSize[] {
  const lines = source.split('\n');
  const sizes: ComponentSize[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = start.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && !end.test(lines[j]!)) j++;
    sizes.push({ file, name: (m[1] ?? m[2])!, lines: j - i + 1 });
    i = j;
  }
  return sizes;
}

/** Every component in the .tsx files under `dir`, paths relative to `root`. */
export function componentSizesUnder(root: string, dir: string): ComponentSize[] {
  const out: ComponentSize[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.tsx')) continue;
    const path = join(entry.parentPath, entry.name);
    out.push(...componentSizes(relative(root, path), readFileSync(path, 'utf8')));
  }
  return out;
}
