import type { ImportFormat } from '../../worker/protocol';
import { importFile } from './fileActions';
import { INTEROP_INPUT_ID, JSON_INPUT_ID } from './filePickers';
import { InteropJob } from './InteropJob';
import { importAs } from './interopActions';

/**
 * The File menu's file inputs and its running conversion, outside the menu: the menu closes (and,
 * in the toolbar's More menu, unmounts) when an item is picked, before the picker answers.
 */
export function FileInputs() {
  return (
    <>
      <input
        id={JSON_INPUT_ID}
        data-testid="import-input"
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <input
        id={INTEROP_INPUT_ID}
        data-testid="interop-import-input"
        type="file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          const format = e.target.dataset.format as ImportFormat | undefined;
          e.target.value = '';
          if (file && format) void importAs(format, file);
        }}
      />
      <InteropJob />
    </>
  );
}
