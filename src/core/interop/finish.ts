import { DOCUMENT_FORMAT, DOCUMENT_VERSION, formatIssue, validateDocument } from './core';
import type { ImportResult } from './types';

/** The fields of a document an import builds, before the schema fills in the rest. */
export interface DraftDocument {
  name: string;
  description?: string;
  nodes: unknown[];
  edges: unknown[];
  scenario?: unknown;
}

/** Validates an imported draft like any document: ok with the notes, or every problem as `path: message`. */
export function finishImport(draft: DraftDocument, assumed: string[], ignored: string[]): ImportResult {
  const result = validateDocument({ format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, ...draft });
  if (!result.ok) return { ok: false, errors: result.errors.map(formatIssue) };
  return { ok: true, document: result.document, assumed, ignored };
}
