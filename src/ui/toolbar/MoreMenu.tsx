import { useCallback, useRef, useState } from 'react';
import { Icon } from '../icons/Icon';
import { useDismiss } from '../live/useDismiss';
import { ToolbarSlot } from './ToolbarSlot';
import type { ToolbarItem } from './toolbarItem';

interface Props {
  items: readonly ToolbarItem[];
}

/**
 * Whether a click in the panel chose an action, which closes it: a button that opens no popup of
 * its own (File, Scenario), on the panel or as an item of a menu inside it.
 */
function isAction(target: Element, panel: Element): boolean {
  const button = target.closest('button');
  if (button === null || button.hasAttribute('aria-haspopup')) return false;
  return button.closest('.menu') === panel || button.getAttribute('role') === 'menuitem';
}

/** The toolbar's overflow: the items that do not fit on the bar, each as its menu row. */
export function MoreMenu({ items }: Props) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close);
  return (
    <div className="tb-more menu-root" ref={rootRef}>
      <button
        type="button"
        className={open ? 'btn-icon is-active' : 'btn-icon'}
        aria-label="More tools"
        title="More tools"
        aria-expanded={open}
        aria-controls="toolbar-more"
        data-testid="toolbar-more"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" size={16} />
      </button>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: choosing an action closes the panel; the controls inside keep their own keyboard use.
        // biome-ignore lint/a11y/useKeyWithClickEvents: as above; Escape closes it (useDismiss).
        <div
          className="menu tb-more-panel"
          id="toolbar-more"
          data-testid="toolbar-more-panel"
          onClick={(e) => {
            if (isAction(e.target as Element, e.currentTarget)) close();
          }}
        >
          {items.map((item) => (
            <div key={item.id} className="tb-more-row" data-tb-menu={item.id}>
              <ToolbarSlot item={item} inMenu />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
