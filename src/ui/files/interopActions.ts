import { exportCurrent, importForPreview, showExportReport } from '../../state/interop/interopStore';
import { showImportErrors } from '../../state/sessionStore';
import { toast } from '../toast/toastStore';
import { downloadBlob } from './download';
import type { ExportChoice } from './interopFormats';

const types: Record<string, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
};

/**
 * Exports the diagram in a format and downloads each file the converter gives (one per format
 * today); its notes (what the format has no place for) are shown in a dialog.
 */
export async function exportAs(choice: ExportChoice): Promise<void> {
  let result: Awaited<ReturnType<typeof exportCurrent>>;
  try {
    result = await exportCurrent(choice.format, `Exporting ${choice.label}`);
  } catch (error) {
    toast(`${choice.label}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return;
  }
  if (result === null) return;
  for (const file of result.files) {
    const type = types[file.name.split('.').at(-1) ?? ''] ?? 'text/plain';
    downloadBlob(file.name, new Blob([file.text], { type }));
  }
  const files = result.files.map((f) => f.name);
  if (result.notes.length > 0) showExportReport({ label: choice.label, files, notes: result.notes });
  else toast(`Exported ${files.join(', ')}`, 'success');
}

/** Reads a picked file and opens the import preview (or lists the problems). */
export async function importAs(format: Parameters<typeof importForPreview>[0], file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showImportErrors(file.name, [{ path: '(file)', message: `could not be read: ${String(error)}` }]);
    return;
  }
  try {
    await importForPreview(format, file.name, text);
  } catch (error) {
    showImportErrors(file.name, [
      { path: '(file)', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}
