import type { ValidationIssue } from './issues';
import { fromVersion1 } from './migrateV1';
import type { JsonObject, MigrationStep } from './migrationTypes';
import { DOCUMENT_VERSION } from './schema';

export type { JsonObject, MigrationStep } from './migrationTypes';

/**
 * The registry of format upgrades, in order; a change to the format adds a step here instead of
 * breaking old files.
 */
export const migrations: readonly MigrationStep[] = [fromVersion1];

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
