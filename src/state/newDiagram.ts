import { createBlankDocument } from './defaultDocument';
import { replaceDocument } from './recentStore';
import { setSelection } from './sessionStore';

/** Opens an empty "Untitled system"; the diagram it replaces is kept in Recent (replaceDocument). */
export function newDiagram(): void {
  replaceDocument(createBlankDocument(), 'newDiagram');
  setSelection([], []);
}
