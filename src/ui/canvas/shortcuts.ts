import { redo, undo } from '../../state/documentStore';
import { closeDialog, openDialog, setSelection } from '../../state/sessionStore';
import { toggleRun } from '../../state/simSession';
import { exportJson, openNewDiagram } from '../files/fileActions';
import { autoLayout } from './autoLayout';
import { copySelection, duplicateSelection, pasteClipboard, selectAll } from './editActions';
import { fitDiagram } from './flowControls';
import { type KeyPress, matchesKeys } from './keyMatch';

export type ShortcutGroup = 'Run' | 'Edit' | 'Canvas' | 'Files';

/** One line of the shortcut overlay; the ones with `run` are also what the key does. */
export interface Shortcut {
  /** The chord as shown ('Mod' is Ctrl, or ⌘ on a Mac), or a gesture. */
  keys: readonly string[];
  label: string;
  group: ShortcutGroup;
  /** What the key does, anywhere on the page but in a field; absent for keys the canvas or a mouse handles. */
  run?: () => void;
  /** Still works while a dialog is open. */
  inDialogs?: boolean;
}

/**
 * Every shortcut of the editor: the global keys run from here (useShortcuts) and the overlay
 * (ShortcutsDialog) lists this table, so the two cannot disagree.
 */
export const shortcuts: readonly Shortcut[] = [
  { keys: ['Space'], label: 'Run, pause or resume', group: 'Run', run: () => void toggleRun() },
  { keys: ['Mod', 'Z'], label: 'Undo', group: 'Edit', run: undo, inDialogs: true },
  { keys: ['Mod', 'Shift', 'Z'], label: 'Redo', group: 'Edit', run: redo, inDialogs: true },
  { keys: ['Mod', 'Y'], label: 'Redo', group: 'Edit', run: redo, inDialogs: true },
  { keys: ['Mod', 'C'], label: 'Copy selection', group: 'Edit', run: copySelection },
  { keys: ['Mod', 'V'], label: 'Paste', group: 'Edit', run: pasteClipboard },
  { keys: ['Mod', 'D'], label: 'Duplicate selection', group: 'Edit', run: duplicateSelection },
  { keys: ['Mod', 'A'], label: 'Select everything', group: 'Edit', run: selectAll },
  { keys: ['Delete'], label: 'Delete selection (or Backspace)', group: 'Edit' },
  { keys: ['Double-click'], label: 'Rename a component', group: 'Edit' },
  { keys: ['Tab'], label: 'Reach the canvas (one stop), then the panels', group: 'Canvas' },
  { keys: ['←', '↑', '→', '↓'], label: 'Move to the nearest component that way', group: 'Canvas' },
  { keys: ['Enter'], label: 'Select the component in focus', group: 'Canvas' },
  { keys: ['Drag'], label: 'Box select on empty canvas', group: 'Canvas' },
  { keys: ['Shift', 'Click'], label: 'Add to selection', group: 'Canvas' },
  { keys: ['Right-drag'], label: 'Pan (or middle drag, or scroll)', group: 'Canvas' },
  { keys: ['Mod', 'Scroll'], label: 'Zoom', group: 'Canvas' },
  { keys: ['F'], label: 'Fit the diagram', group: 'Canvas', run: fitDiagram },
  { keys: ['L'], label: 'Arrange left to right', group: 'Canvas', run: () => void autoLayout() },
  {
    keys: ['Esc'],
    label: 'Clear selection, close a dialog',
    group: 'Canvas',
    run: () => {
      setSelection([], []);
      closeDialog();
    },
  },
  { keys: ['Alt', 'N'], label: 'New diagram', group: 'Files', run: openNewDiagram },
  { keys: ['Mod', 'S'], label: 'Export JSON', group: 'Files', run: exportJson },
  {
    keys: ['Mod', 'O'],
    label: 'Import JSON',
    group: 'Files',
    run: () => document.getElementById('import-file-input')?.click(),
  },
  { keys: ['?'], label: 'This help', group: 'Files', run: () => openDialog('shortcuts') },
];

/** The shortcut a press runs, if any; while a dialog is open only those marked for dialogs. */
export function shortcutFor(press: KeyPress, dialogOpen: boolean): Shortcut | null {
  for (const s of shortcuts)
    if (s.run && (!dialogOpen || s.inDialogs) && matchesKeys(s.keys, press)) return s;
  return null;
}
