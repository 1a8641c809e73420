import type { ComponentType } from 'react';
import type { ToolAction } from './ToolButton';

/**
 * One control of the top bar. The bar shows items in list order and moves those that do not fit
 * into its overflow menu, lowest `keep` first, so adding an item is one entry in a list.
 */
export interface ToolbarItem {
  id: string;
  /** Items of one group sit together; a divider separates groups. */
  group: string;
  /** Items with a lower value move into the overflow menu first; Infinity never moves. */
  keep: number;
  /** The first item marked `end` and those after it sit at the bar's right end. */
  end?: boolean;
  /** A plain action: a button on the bar, a row in the overflow menu (a hook, for its state). */
  useAction?: () => ToolAction;
  /** A control of its own, on the bar and in the overflow menu alike. */
  Control?: ComponentType;
}
