import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentSizes, componentSizesUnder } from './componentSize';

const root = resolve(import.meta.dirname, '..');
/** STYLE.md: React components stay under ~120 lines. */
const MAX_LINES = 120;

describe('component size', () => {
  it('measures each top-level component, plain or memo-wrapped, from declaration to closing brace', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const source = [
      'function helper() {',
      '  return 1;',
      '}',
      'export function Long() {',
      body(MAX_LINES),
      '  return null;',
      '}',
      'const Short = memo(function Short() {',
      '  return null;',
      '});',
    ].join('\n');
    expect(componentSizes('x.tsx', source)).toEqual([
      { file: 'x.tsx', name: 'Long', lines: MAX_LINES + 3 },
      { file: 'x.tsx', name: 'Short', lines: 3 },
    ]);
  });

  it(`finds no React component in src/ui over ${MAX_LINES} lines`, () => {
    const sizes = componentSizesUnder(root, 'src/ui');
    expect(sizes.length).toBeGreaterThan(50);
    expect(sizes.filter((s) => s.lines > MAX_LINES)).toEqual([]);
  });
});
