import type { ArchDocument } from './core';

/** One file an export produces: its suggested name and its text. */
interface ExportedFile {
  name: string;
  text: string;
}

/** What an export gives: the files, and notes on what had no equivalent in the target format. */
export interface ExportResult {
  files: ExportedFile[];
  notes: string[];
}

/**
 * What an import gives: a validated document with what was assumed and what was ignored, or the
 * problems that stopped it, one `path: message` line each. Imports never throw on bad input.
 */
export type ImportResult =
  | { ok: true; document: ArchDocument; assumed: string[]; ignored: string[] }
  | { ok: false; errors: string[] };

/** A JSON-like value read from YAML or JSON, before any checking. */
export type Loose = unknown;

/** Reads `value` as a plain object, or null. */
export function asObject(value: Loose): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Reads `value` as an array, or an empty one. */
export function asArray(value: Loose): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Reads `value` as a string, or undefined. */
export function asString(value: Loose): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads `value` as a finite number, or undefined. */
export function asNumber(value: Loose): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
