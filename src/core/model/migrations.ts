import type { ValidationIssue } from './issues';
import { DOCUMENT_VERSION } from './schema';

/** A raw JSON object as read from a file, before any schema has vouched for it. */
export type JsonObject = { [key: string]: unknown };

/**
 * One upgrade of a raw document from version `from` to `from + 1`. Steps work on raw JSON, never
 * on the current types, because an old document does not fit them; each step may assume only
 * what its own `from` version guaranteed.
 */
export interface MigrationStep {
  from: number;
  /** What changed, for the import report ("renamed latency to latencyMs"). */
  description: string;
  migrate(document: JsonObject): JsonObject;
}

/**
 * The registry of format upgrades, in order. Empty while version 1 is the only version ever
 * published; a change to the format adds a step here instead of breaking old files.
 */
export const migrations: readonly MigrationStep[] = [];

/** The outcome of bringing a raw document up to the current version. */
export type MigrationResult =
  | { ok: true; document: JsonObject; migratedFrom?: number; applied: string[] }
  | { ok: false; errors: ValidationIssue[] };

/**
 * Upgrades `document` step by step to `currentVersion`, refusing newer versions (a newer archplay
 * wrote them and guessing would lose data) and older versions with a gap in the registry.
 */
export function migrateDocument(
  document: JsonObject,
  registry: readonly MigrationStep[] = migrations,
  currentVersion: number = DOCUMENT_VERSION,
): MigrationResult {
  const version = document.version;
  if (version === undefined) {
    return {
      ok: false,
      errors: [{ path: 'version', message: `required field is missing (expected ${currentVersion})` }],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      errors: [
        { path: 'version', message: `expected a whole version number, got ${JSON.stringify(version)}` },
      ],
    };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message: `version ${version} is newer than this archplay understands (${currentVersion}); update archplay to open it`,
        },
      ],
    };
  }
  if (version === currentVersion) return { ok: true, document, applied: [] };

  let current = document;
  const applied: string[] = [];
  for (let v = version; v < currentVersion; v++) {
    const step = registry.find((s) => s.from === v);
    if (step === undefined) {
      return {
        ok: false,
        errors: [
          {
            path: 'version',
            message: `version ${version} is too old: there is no migration from version ${v} to ${v + 1}`,
          },
        ],
      };
    }
    current = { ...step.migrate(current), version: v + 1 };
    applied.push(`v${v} -> v${v + 1}: ${step.description}`);
  }
  return { ok: true, document: current, migratedFrom: version, applied };
}
