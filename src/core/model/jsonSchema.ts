import { z } from 'zod';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, documentSchema } from './schema';

/**
 * The document schema as JSON Schema (draft 2020-12), from the input side so fields with defaults
 * are optional, exactly what a hand-written file may omit. Repeated shapes such as distributions
 * become shared `$defs`.
 */
export function documentJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(documentSchema, {
    io: 'input',
    reused: 'ref',
    unrepresentable: 'throw',
  });
  return {
    $schema,
    title: `archplay diagram document (format "${DOCUMENT_FORMAT}", version ${DOCUMENT_VERSION})`,
    description: 'Generated from src/core/model/schema.ts by `npm run schema`; see docs/diagram-format.md.',
    ...generated,
  };
}

/** The exact text of public/diagram.schema.json, so a test can prove the committed file is current. */
export function documentJsonSchemaText(): string {
  return `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
}
