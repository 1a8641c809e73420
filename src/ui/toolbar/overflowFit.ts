/** One toolbar item as the fit sees it: its width on the bar, its group and how long it stays. */
export interface FitItem {
  id: string;
  group: string;
  widthPx: number;
  /** Items with a lower value move into the overflow menu first; Infinity never moves. */
  keep: number;
}

/** The spacing the bar adds: between items, and a divider where the group changes. */
export interface FitSpacing {
  gapPx: number;
  dividerPx: number;
  /** The overflow menu's button, shown once any item has moved into it. */
  morePx: number;
}

/** Width of the items left on the bar, in order, with a divider where the group changes. */
function rowWidth(items: readonly FitItem[], hidden: ReadonlySet<string>, spacing: FitSpacing): number {
  let total = 0;
  let group: string | null = null;
  for (const item of items) {
    if (hidden.has(item.id)) continue;
    if (group !== null) total += spacing.gapPx + (item.group !== group ? spacing.dividerPx : 0);
    total += item.widthPx;
    group = item.group;
  }
  if (hidden.size > 0) total += spacing.gapPx + spacing.morePx;
  return total;
}

/**
 * The items that move into the overflow menu so the rest fit in `availablePx`: the lowest `keep`
 * first (the later item on a tie), one at a time until the row fits. Items never reorder on the bar.
 */
export function overflowingItems(
  items: readonly FitItem[],
  availablePx: number,
  spacing: FitSpacing,
): Set<string> {
  const hidden = new Set<string>();
  const byKeep = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.keep !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.item.keep - b.item.keep || b.index - a.index);
  for (const { item } of byKeep) {
    if (rowWidth(items, hidden, spacing) <= availablePx) break;
    hidden.add(item.id);
  }
  return hidden;
}
