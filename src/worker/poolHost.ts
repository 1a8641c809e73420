import {
  type ArchDocument,
  type ExportFormat,
  type ExportResult,
  exportDocument,
  formatIssue,
  type ImportFormat,
  type ImportResult,
  importText,
  type ReplicaTask,
  runReplica,
  type TaskRecord,
  toRecord,
  validateDocument,
} from '../core';
import type { PoolExportOptions, PoolWorkerApi } from './protocol';

/** The document as the core needs it, or the problems with it as one error (the caller asked for a task). */
function validated(document: ArchDocument): ArchDocument {
  // The worker trusts nothing that crosses: what the planner sent is validated again here.
  const result = validateDocument(document);
  if (result.ok) return result.document;
  throw new Error(result.errors.map(formatIssue).join('; '));
}

/**
 * An experiment pool worker's side, free of comlink so Node tests drive it directly: the same core
 * calls the CLI's worker threads make (`runReplica`, then `toRecord`), and the converters.
 */
export class PoolHost implements PoolWorkerApi {
  runTask(task: ReplicaTask, keepSummary = false): TaskRecord {
    const result = runReplica({ ...task, document: validated(task.document) });
    return toRecord(result, task.seed, keepSummary);
  }

  exportDocument(
    document: ArchDocument,
    format: ExportFormat,
    options: PoolExportOptions,
    onProgress?: (share: number) => void,
  ): ExportResult {
    let reported = -1;
    return exportDocument(validated(document), format, {
      ...options,
      onProgress: (nowMs, durationMs) => {
        // A share in whole percents: a hundred messages for a whole traced run, not one per slice.
        const share = durationMs > 0 ? Math.floor((nowMs / durationMs) * 100) / 100 : 1;
        if (share === reported) return;
        reported = share;
        onProgress?.(share);
      },
    });
  }

  importText(text: string, from: ImportFormat): ImportResult {
    return importText(text, from);
  }
}
