import { ToolActionSlot } from './ToolButton';
import type { ToolbarItem } from './toolbarItem';

/** One toolbar item where it sits: its own control, or its action as a button or a menu row. */
export function ToolbarSlot({ item, inMenu }: { item: ToolbarItem; inMenu: boolean }) {
  if (item.useAction) return <ToolActionSlot useAction={item.useAction} inMenu={inMenu} />;
  return item.Control ? <item.Control /> : null;
}
