import YAML from 'yaml';

/** Aliases expanded per document at most; a "billion laughs" file is refused, not expanded. */
const MAX_ALIASES = 100;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Every document of a YAML stream as plain values, or one error line per broken document. */
export function yamlDocuments(text: string): { values: unknown[]; errors: string[] } {
  const values: unknown[] = [];
  const errors: string[] = [];
  for (const [i, doc] of YAML.parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push(`document ${i + 1}: ${firstLine(e)}`);
      continue;
    }
    try {
      values.push(doc.toJS({ maxAliasCount: MAX_ALIASES }));
    } catch (error) {
      // An unresolved or runaway alias only shows when the document is turned into values.
      errors.push(`document ${i + 1}: ${firstLine(error)}`);
    }
  }
  return { values, errors };
}

/** One YAML document as a plain value, or the first error line. */
export function yamlValue(text: string): { value?: unknown; error?: string } {
  const { values, errors } = yamlDocuments(text);
  if (errors.length > 0) return { error: errors[0]!.replace(/^document \d+: /, '') };
  if (values.length > 1) return { error: 'expected one YAML document' };
  return { value: values[0] };
}
