import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from './validate';

const fixturesDir = join(import.meta.dirname, '..', '..', '..', 'e2e', 'fixtures');
const examplesDir = join(import.meta.dirname, '..', '..', '..', 'public', 'examples');

describe('stored diagrams', () => {
  it('the canonical e2e fixture is exactly what export writes (so schema changes regenerate it)', () => {
    const text = readFileSync(join(fixturesDir, 'small-shop.json'), 'utf8');
    const result = parseDocument(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializeDocument(result.document)).toBe(text);
  });

  it.each(readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json'))(
    'example %s is a valid document',
    (file) => {
      const result = parseDocument(readFileSync(join(examplesDir, file), 'utf8'));
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );
});
