import type { IconName } from '../icons/glyphs';
import { Icon } from '../icons/Icon';

export interface ToolAction {
  icon: IconName;
  /** The action's name: the button's accessible name, its tooltip and its menu row. */
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  /** Text shown beside the icon on the bar (the label when the name says more). */
  text?: string;
}

/** A toolbar action as a button on the bar: an icon, with a word beside it when it has one. */
function ToolButton({ icon, label, shortcut, onClick, disabled, testId, text }: ToolAction) {
  return (
    <button
      type="button"
      className={text ? 'btn btn--ghost' : 'btn-icon'}
      aria-label={text ? undefined : label}
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

/** The same action as a row of the overflow menu: icon, name and shortcut. */
function ToolMenuRow({ icon, label, shortcut, onClick, disabled, testId }: ToolAction) {
  return (
    <button type="button" className="menu-item" data-testid={testId} disabled={disabled} onClick={onClick}>
      <Icon name={icon} size={14} />
      <span className="menu-label">{label}</span>
      {shortcut ? <kbd className="menu-hint">{shortcut}</kbd> : null}
    </button>
  );
}

/** A toolbar item's action drawn where it sits: on the bar, or as a row of the overflow menu. */
export function ToolActionSlot({ useAction, inMenu }: { useAction: () => ToolAction; inMenu: boolean }) {
  const action = useAction();
  return inMenu ? <ToolMenuRow {...action} /> : <ToolButton {...action} />;
}
