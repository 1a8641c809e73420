import { redo, undo, useCanRedo, useCanUndo } from '../../state/documentStore';
import { openDialog, selectTheme, toggleTheme, useSession } from '../../state/sessionStore';
import { autoLayout } from '../canvas/autoLayout';
import type { IconName } from '../icons/glyphs';
import { Icon } from '../icons/Icon';
import { RunControls } from '../live/RunControls';
import { WalkthroughButton } from '../walkthrough/WalkthroughButton';
import { DocumentName } from './DocumentName';
import { FileMenu } from './FileMenu';
import { Logo } from './Logo';
import { ProblemsBadge } from './ProblemsBadge';
import { WorkerPill } from './WorkerPill';

interface ToolButtonProps {
  icon: IconName;
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  text?: string;
}

function ToolButton({ icon, label, shortcut, onClick, disabled, testId, text }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={text ? 'btn btn--ghost' : 'btn-icon'}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} size={16} />
      {text}
    </button>
  );
}

/** The top bar: identity and name, history, templates and files, sharing, then run controls. */
export function Toolbar() {
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const theme = useSession(selectTheme);
  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <Logo />
        <span className="toolbar-slash">/</span>
        <DocumentName />
      </div>
      <div className="toolbar-divider" />
      <div className="toolbar-group">
        <ToolButton
          icon="undo"
          label="Undo"
          shortcut="Ctrl Z"
          testId="undo"
          disabled={!canUndo}
          onClick={undo}
        />
        <ToolButton
          icon="redo"
          label="Redo"
          shortcut="Ctrl Shift Z"
          testId="redo"
          disabled={!canRedo}
          onClick={redo}
        />
      </div>
      <div className="toolbar-divider" />
      <div className="toolbar-group">
        <ToolButton
          icon="templates"
          label="Templates"
          text="Templates"
          testId="open-templates"
          onClick={() => openDialog('templates')}
        />
        <FileMenu />
        <ToolButton
          icon="layout"
          label="Auto-layout"
          shortcut="L"
          text="Arrange"
          testId="auto-layout"
          onClick={() => void autoLayout()}
        />
        <ToolButton
          icon="link"
          label="Share link"
          text="Share"
          testId="share"
          onClick={() => openDialog('share')}
        />
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-run" id="run-controls">
        <ProblemsBadge />
        <RunControls />
        <WalkthroughButton />
      </div>
      <div className="toolbar-divider" />
      <div className="toolbar-group">
        <WorkerPill />
        <ToolButton
          icon={theme === 'dark' ? 'sun' : 'moon'}
          label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          testId="theme-toggle"
          onClick={toggleTheme}
        />
        <ToolButton
          icon="keyboard"
          label="Keyboard shortcuts"
          shortcut="?"
          testId="shortcuts"
          onClick={() => openDialog('shortcuts')}
        />
      </div>
    </header>
  );
}
