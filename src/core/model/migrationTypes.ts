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
