import { describe, expect, it } from 'vitest';
import committed from '../../../public/diagram.schema.json?raw';
import { documentJsonSchema, documentJsonSchemaText } from './jsonSchema';

describe('public/diagram.schema.json', () => {
  it('equals a fresh generation from the zod schema (run `npm run schema` after changing schema.ts)', () => {
    expect(committed).toBe(documentJsonSchemaText());
  });

  it('describes the input side: defaulted fields are optional, required ones are listed', () => {
    const schema = documentJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required.sort()).toEqual(['edges', 'format', 'nodes', 'version']);
    expect(schema.properties.name).toMatchObject({ default: 'Untitled' });
  });
});
