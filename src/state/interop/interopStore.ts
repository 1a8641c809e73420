import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ArchDocument } from '../../core/model/schema';
import type { ExportFormat, ExportResult, ImportFormat } from '../../worker/protocol';
import { documentStore } from '../documentStore';
import {
  JobCancelled,
  type PoolJob,
  type PoolWorker,
  type PoolWorkerFactory,
  runInPoolWorker,
} from '../experiments/workerPool';
import { replaceDocument } from '../recentStore';
import { closeDialog, openDialog, showImportErrors } from '../sessionStore';

/**
 * Exports to and imports from Kubernetes, Compose, Mermaid, Structurizr and OTLP, through the core's
 * converters (src/core/interop) on a pool worker of their own, so a long OTLP run or a big trace
 * file never holds up the page. An import is previewed first: the diagram changes only when the
 * person accepts it, and the replaced diagram goes to Recent.
 */

/** A conversion under way: what it is, and how far the traced run of an OTLP export got (0–1). */
interface InteropJob {
  label: string;
  progress: number | null;
}

/** An import waiting for the person's answer: the design read from the file, and its notes. */
interface ImportPreview {
  format: ImportFormat;
  fileName: string;
  document: ArchDocument;
  assumed: string[];
  ignored: string[];
}

/** What the last export gave, shown when it has notes: the files downloaded, what had no equivalent. */
interface ExportReport {
  label: string;
  files: string[];
  notes: string[];
}

interface InteropState {
  job: InteropJob | null;
  preview: ImportPreview | null;
  report: ExportReport | null;
}

export const interopStore = createStore<InteropState>()(() => ({ job: null, preview: null, report: null }));

export function useInterop<T>(selector: (s: InteropState) => T): T {
  return useStore(interopStore, selector);
}

let running: PoolJob<unknown> | null = null;
let createWorker: PoolWorkerFactory | undefined;

/** Replaces the pool worker (tests run PoolHost in-process, where there are no Web Workers). */
export function setInteropWorkerFactory(factory: PoolWorkerFactory | undefined): void {
  createWorker = factory;
}

/** Runs one conversion on a pool worker, shown as the running job; null when it was cancelled. */
async function convert<T>(label: string, call: (worker: PoolWorker) => Promise<T>): Promise<T | null> {
  if (interopStore.getState().job) return null;
  interopStore.setState({ job: { label, progress: null } });
  const job = runInPoolWorker(call, createWorker);
  running = job;
  try {
    return await job.result;
  } catch (error) {
    if (error instanceof JobCancelled) return null;
    throw error;
  } finally {
    running = null;
    interopStore.setState({ job: null });
  }
}

/**
 * The current diagram in `format` (its files and the notes on what the format cannot say), or null
 * when cancelled or while another conversion runs. An OTLP export runs the design: its progress is
 * the job's.
 */
export function exportCurrent(format: ExportFormat, label: string): Promise<ExportResult | null> {
  const document = documentStore.getState().document;
  return convert(label, (worker) =>
    worker.exportDocument(document, format, {}, (share) =>
      interopStore.setState((s) => ({ job: s.job && { ...s.job, progress: share } })),
    ),
  );
}

/** Shows what an export left out (its notes) in a dialog. */
export function showExportReport(report: ExportReport): void {
  interopStore.setState({ report });
  openDialog('exportReport');
}

/** Splits an import problem `path: message` for the import errors dialog. */
function asIssue(line: string): { path: string; message: string } {
  const at = line.indexOf(': ');
  return at > 0 ? { path: line.slice(0, at), message: line.slice(at + 2) } : { path: '', message: line };
}

/**
 * Reads a file's text as `format` and opens the preview (or the problems, path by path); the
 * current diagram is left as it is either way.
 */
export async function importForPreview(format: ImportFormat, fileName: string, text: string): Promise<void> {
  const result = await convert(`Reading ${fileName}`, (worker) => worker.importText(text, format));
  if (result === null) return;
  if (!result.ok) {
    showImportErrors(fileName, result.errors.map(asIssue));
    return;
  }
  const { document, assumed, ignored } = result;
  interopStore.setState({ preview: { format, fileName, document, assumed, ignored } });
  openDialog('importPreview');
}

/** Opens the previewed design in place of the current one (kept in Recent, undoable); its name. */
export function acceptImport(): string | null {
  const preview = interopStore.getState().preview;
  if (!preview) return null;
  replaceDocument(preview.document, 'import');
  interopStore.setState({ preview: null });
  closeDialog();
  return preview.document.name;
}

/** Drops the previewed design: nothing changes. */
export function cancelImport(): void {
  interopStore.setState({ preview: null });
  closeDialog();
}

/** Stops the running conversion: its worker is terminated at once. */
export function cancelConversion(): void {
  running?.cancel();
}
