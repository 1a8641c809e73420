import type { ImportFormat } from '../../worker/protocol';
import { IMPORT_CHOICES } from './interopFormats';

/** The hidden file inputs (FileInputs), mounted always, so a menu that closes on a pick keeps them. */
export const JSON_INPUT_ID = 'import-file-input';
export const INTEROP_INPUT_ID = 'interop-import-input';

/** Opens the file picker for a diagram (JSON). */
export function pickJsonFile(): void {
  document.getElementById(JSON_INPUT_ID)?.click();
}

/** Opens the file picker for an import format: the input takes the format's file types first. */
export function pickInteropFile(format: ImportFormat): void {
  const input = document.getElementById(INTEROP_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return;
  input.accept = IMPORT_CHOICES.find((c) => c.format === format)?.accept ?? '';
  input.dataset.format = format;
  input.click();
}
