import type { IconName } from '../icons/glyphs';
import { Icon } from '../icons/Icon';

/** One entry of a toolbar menu. */
export interface MenuEntry {
  id: string;
  label: string;
  icon: IconName;
  hint?: string;
  run: () => void;
  disabled?: boolean;
}

/** A menu entry as a button: it closes the menu (`onPick`), then runs. */
export function MenuItem({ item, onPick }: { item: MenuEntry; onPick: () => void }) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={`menu-${item.id}`}
      disabled={item.disabled}
      onClick={() => {
        onPick();
        item.run();
      }}
    >
      <Icon name={item.icon} size={14} />
      <span className="menu-label">{item.label}</span>
      {item.hint ? <kbd className="menu-hint">{item.hint}</kbd> : null}
    </button>
  );
}
