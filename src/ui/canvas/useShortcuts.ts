import { useEffect } from 'react';
import { redo, undo } from '../../state/documentStore';
import { closeDialog, openDialog, sessionStore, setSelection } from '../../state/sessionStore';
import { exportJson } from '../files/fileActions';
import { autoLayout } from './autoLayout';
import { copySelection, duplicateSelection, pasteClipboard, selectAll } from './editActions';
import { getFlow } from './flowControls';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Global editor shortcuts. Keys typed into a field stay with the field. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.defaultPrevented) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      const dialogOpen = sessionStore.getState().dialog !== null;
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) redo();
      else if (dialogOpen) handled = false;
      else if (mod && key === 'c') copySelection();
      else if (mod && key === 'v') pasteClipboard();
      else if (mod && key === 'd') duplicateSelection();
      else if (mod && key === 'a') selectAll();
      else if (mod && key === 's') exportJson();
      else if (mod && key === 'o') document.getElementById('import-file-input')?.click();
      else if (mod || e.altKey) handled = false;
      else if (e.key === '?') openDialog('shortcuts');
      else if (key === 'l') void autoLayout();
      else if (key === 'f') void getFlow()?.fitView({ padding: 0.2, duration: 250, maxZoom: 1.1 });
      else if (key === 'escape') {
        setSelection([], []);
        closeDialog();
      } else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
