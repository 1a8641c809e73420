import { checkClockLoops } from './clockLoops';
import { withSubjects } from './issueSubjects';
import { friendlyZodMessage, fromZodIssues, ROOT_PATH, type ValidationIssue } from './issues';
import { locateJsonError } from './jsonPosition';
import { type JsonObject, type MigrationStep, migrateDocument, migrations } from './migrations';
import { checkReferences } from './references';
import { findUnsafeKeys } from './safety';
import { type ArchDocument, DOCUMENT_FORMAT, DOCUMENT_VERSION, documentSchema } from './schema';

export { formatIssue, formatPlace } from './issues';

/** Largest document accepted, in UTF-8 bytes: far above any real diagram, far below a memory problem. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** At most this many problems are listed; the rest are summed up in one "... and K more" line. */
export const MAX_REPORTED_ISSUES = 50;

/** The result of validating a document: the parsed document, or every problem found. */
export type ValidationResult =
  | { ok: true; document: ArchDocument; migratedFrom?: number }
  | { ok: false; errors: ValidationIssue[] };

/** Knobs for tests and tools; the defaults are what the app and the CLI use. */
export interface ValidateOptions {
  /** Migration registry (tests inject synthetic steps). */
  migrations?: readonly MigrationStep[];
  /** The version the registry migrates to (tests only; the schema itself accepts DOCUMENT_VERSION). */
  currentVersion?: number;
  maxIssues?: number;
}

function fail(errors: ValidationIssue[], maxIssues: number): { ok: false; errors: ValidationIssue[] } {
  if (errors.length <= maxIssues) return { ok: false, errors };
  const more = errors.length - maxIssues;
  return {
    ok: false,
    errors: [
      ...errors.slice(0, maxIssues),
      { path: '', message: `... and ${more} more problem${more === 1 ? '' : 's'}` },
    ],
  };
}

function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/**
 * Validates an already-parsed value as an archplay document: refuses prototype-polluting keys,
 * foreign formats and newer versions, migrates older versions, applies the schema (filling
 * defaults), then checks ids and references. Never throws; every problem names its path.
 */
export function validateDocument(value: unknown, options: ValidateOptions = {}): ValidationResult {
  const maxIssues = options.maxIssues ?? MAX_REPORTED_ISSUES;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      [
        {
          path: ROOT_PATH,
          message: `expected a JSON object (an archplay diagram), got ${describeJsonKind(value)}`,
        },
      ],
      maxIssues,
    );
  }
  // A generous limit so the "... and K more" count stays exact for any realistic file.
  const unsafe = findUnsafeKeys(value, 10_000);
  if (unsafe.length > 0) return fail(withSubjects(unsafe, value), maxIssues);

  const raw = value as JsonObject;
  if (raw.format !== DOCUMENT_FORMAT) {
    const got = raw.format === undefined ? 'it is missing' : `got ${JSON.stringify(raw.format)}`;
    return fail(
      [{ path: 'format', message: `expected "${DOCUMENT_FORMAT}", ${got}: this is not an archplay diagram` }],
      maxIssues,
    );
  }
  const migrated = migrateDocument(
    raw,
    options.migrations ?? migrations,
    options.currentVersion ?? DOCUMENT_VERSION,
  );
  if (!migrated.ok) return fail(withSubjects(migrated.errors, raw), maxIssues);

  const parsed = documentSchema.safeParse(migrated.document, {
    reportInput: true,
    error: friendlyZodMessage,
  });
  const errors = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  errors.push(...checkReferences(migrated.document));
  // Only a document valid in every other way is followed request by request.
  if (errors.length === 0 && parsed.success) errors.push(...checkClockLoops(parsed.data));
  if (errors.length > 0 || !parsed.success) return fail(withSubjects(errors, migrated.document), maxIssues);
  return migrated.migratedFrom === undefined
    ? { ok: true, document: parsed.data }
    : { ok: true, document: parsed.data, migratedFrom: migrated.migratedFrom };
}

/** UTF-8 byte length without allocating an encoder (TextEncoder is not in the core's lib). */
function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Parses document text (a file, a paste, a share link) with the size limit, a JSON syntax error
 * located by line and column, and then {@link validateDocument}. Never throws.
 */
export function parseDocument(text: string, options: ValidateOptions = {}): ValidationResult {
  const maxIssues = options.maxIssues ?? MAX_REPORTED_ISSUES;
  // Each UTF-16 unit is at least one UTF-8 byte, so the length alone can refuse most huge input.
  const bytes = text.length > MAX_DOCUMENT_BYTES ? text.length : utf8Length(text, MAX_DOCUMENT_BYTES);
  if (bytes > MAX_DOCUMENT_BYTES) {
    return fail(
      [
        {
          path: ROOT_PATH,
          message: `document is ${megabytes(bytes)}; the limit is ${megabytes(MAX_DOCUMENT_BYTES)}`,
        },
      ],
      maxIssues,
    );
  }
  // Editors on Windows like to prepend a byte-order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail([{ path: ROOT_PATH, message: 'the document is empty' }], maxIssues);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const where = locateJsonError(body);
    const message =
      where === null
        ? `not valid JSON (${error instanceof Error ? error.message : String(error)})`
        : `not valid JSON: line ${where.line}, column ${where.column}: ${where.message}`;
    return fail([{ path: ROOT_PATH, message }], maxIssues);
  }
  return validateDocument(value, options);
}

/**
 * The canonical text of a document: the schema-parsed document (defaults filled, keys in schema
 * order) as JSON.stringify(doc, null, 2) plus a final newline, so export -> import -> export is
 * byte-identical. Throws on an invalid document, which only a bug can produce.
 */
export function serializeDocument(doc: ArchDocument): string {
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const lines = fromZodIssues(parsed.error.issues).map((i) => `${i.path}: ${i.message}`);
    throw new Error(`cannot serialize an invalid document:\n${lines.join('\n')}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
