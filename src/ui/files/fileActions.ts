import { parseDocument, serializeDocument } from '../../core/model/validate';
import { documentStore } from '../../state/documentStore';
import { newDiagram } from '../../state/newDiagram';
import { replaceDocument } from '../../state/recentStore';
import { setSelection, showImportErrors } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { toast } from '../toast/toastStore';
import { downloadBlob, fileBaseName } from './download';

/** Downloads the diagram as canonical JSON, `<name>.archplay.json`. */
export function exportJson(): void {
  const doc = documentStore.getState().document;
  const text = serializeDocument(doc);
  downloadBlob(`${fileBaseName(doc.name)}.archplay.json`, new Blob([text], { type: 'application/json' }));
}

/**
 * Validates imported text and, only if it is a valid diagram, replaces the current one as an
 * undoable step, keeping the current one in Recent. A refused file changes nothing and lists every
 * problem with its path.
 */
function importText(fileName: string, text: string): boolean {
  const parsed = parseDocument(text);
  if (!parsed.ok) {
    showImportErrors(fileName, parsed.errors);
    return false;
  }
  replaceDocument(parsed.document, 'import');
  setSelection([], []);
  fitViewSoon();
  toast(`Opened ${parsed.document.name || fileName}`, 'success');
  return true;
}

export async function importFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showImportErrors(file.name, [{ path: '(file)', message: `could not be read: ${String(error)}` }]);
    return false;
  }
  return importText(file.name, text);
}

/** File → New diagram, Alt N and the templates' "Blank": an empty diagram, the current one kept in Recent. */
export function openNewDiagram(): void {
  newDiagram();
  toast('New diagram; the previous one is in File → Recent', 'success');
}
