import { describe, expect, it } from 'vitest';
import smallShop from '../../../e2e/fixtures/small-shop.json?raw';
import { parseDocument, serializeDocument } from './validate';

const examples = import.meta.glob<string>('../../../public/examples/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('stored diagrams', () => {
  it('the canonical e2e fixture is exactly what export writes (so schema changes regenerate it)', () => {
    const result = parseDocument(smallShop);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializeDocument(result.document)).toBe(smallShop);
  });

  const documents = Object.entries(examples).filter(([path]) => !path.endsWith('/index.json'));

  it('finds the example documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
  });

  it.each(documents)('example %s is a valid document', (_path, text) => {
    const result = parseDocument(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
