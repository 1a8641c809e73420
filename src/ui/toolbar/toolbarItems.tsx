import { redo, undo, useCanRedo, useCanUndo } from '../../state/documentStore';
import { openDialog, selectTheme, toggleTheme, useSession } from '../../state/sessionStore';
import { autoLayout } from '../canvas/autoLayout';
import { RunToggle, StepButtons } from '../live/RunControls';
import { ScenarioPopover } from '../live/ScenarioPopover';
import { SimClock } from '../live/SimClock';
import { SpeedPicker } from '../live/SpeedPicker';
import { WalkthroughButton } from '../walkthrough/WalkthroughButton';
import { FileMenu } from './FileMenu';
import { ProblemsBadge } from './ProblemsBadge';
import type { ToolAction } from './ToolButton';
import type { ToolbarItem } from './toolbarItem';
import { WorkerPill } from './WorkerPill';

const useUndoAction = (): ToolAction => ({
  icon: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl Z',
  testId: 'undo',
  disabled: !useCanUndo(),
  onClick: undo,
});

const useRedoAction = (): ToolAction => ({
  icon: 'redo',
  label: 'Redo',
  shortcut: 'Ctrl Shift Z',
  testId: 'redo',
  disabled: !useCanRedo(),
  onClick: redo,
});

function useThemeAction(): ToolAction {
  const dark = useSession(selectTheme) === 'dark';
  return {
    icon: dark ? 'sun' : 'moon',
    label: dark ? 'Light theme' : 'Dark theme',
    testId: 'theme-toggle',
    onClick: toggleTheme,
  };
}

const useTemplatesAction = (): ToolAction => ({
  icon: 'templates',
  label: 'Templates',
  text: 'Templates',
  testId: 'open-templates',
  onClick: () => openDialog('templates'),
});

const useLessonsAction = (): ToolAction => ({
  icon: 'lessons',
  label: 'Lessons',
  testId: 'open-lessons',
  onClick: () => openDialog('lessons'),
});

const useArrangeAction = (): ToolAction => ({
  icon: 'layout',
  label: 'Arrange left to right',
  shortcut: 'L',
  text: 'Arrange',
  testId: 'auto-layout',
  onClick: () => void autoLayout(),
});

const useShareAction = (): ToolAction => ({
  icon: 'link',
  label: 'Share link',
  text: 'Share',
  testId: 'share',
  onClick: () => openDialog('share'),
});

const useShortcutsAction = (): ToolAction => ({
  icon: 'keyboard',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  testId: 'shortcuts',
  onClick: () => openDialog('shortcuts'),
});

/**
 * The top bar's controls in order. An item that does not fit moves into the overflow menu, the
 * lowest `keep` first; Run never moves. A new control is one entry here.
 */
export const toolbarItems: ToolbarItem[] = [
  { id: 'undo', group: 'history', keep: 40, useAction: useUndoAction },
  { id: 'redo', group: 'history', keep: 30, useAction: useRedoAction },
  { id: 'templates', group: 'files', keep: 60, useAction: useTemplatesAction },
  // Lessons moves into More first (the templates dialog opens them too), so the bar keeps its controls.
  { id: 'lessons', group: 'files', keep: 10, useAction: useLessonsAction },
  { id: 'file', group: 'files', keep: 90, Control: FileMenu },
  { id: 'arrange', group: 'files', keep: 20, useAction: useArrangeAction },
  { id: 'share', group: 'files', keep: 25, useAction: useShareAction },
  // What will fail is known before Run: the problems count sits just before it.
  { id: 'problems', group: 'run', keep: 95, end: true, Control: ProblemsBadge },
  { id: 'run', group: 'run', keep: Number.POSITIVE_INFINITY, end: true, Control: RunToggle },
  { id: 'steps', group: 'run', keep: 70, Control: StepButtons },
  { id: 'speed', group: 'run', keep: 65, Control: SpeedPicker },
  { id: 'clock', group: 'run', keep: 80, Control: SimClock },
  { id: 'scenario', group: 'run', keep: 50, Control: ScenarioPopover },
  { id: 'walkthrough', group: 'run', keep: 45, Control: WalkthroughButton },
  { id: 'worker', group: 'app', keep: 75, Control: WorkerPill },
  { id: 'theme', group: 'app', keep: 15, useAction: useThemeAction },
  { id: 'shortcuts', group: 'app', keep: 35, useAction: useShortcutsAction },
];
