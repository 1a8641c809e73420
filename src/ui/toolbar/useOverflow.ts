import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { overflowingItems } from './overflowFit';
import type { ToolbarItem } from './toolbarItem';

// The bar's CSS gap, a divider's width with its margins (layout.css), the More button.
const spacing = { gapPx: 4, dividerPx: 7, morePx: 32 };

/**
 * Which items of a bar move into its overflow menu. Each item's width is measured while it is on
 * the bar and remembered while it is not; a resize of the bar or of any item shown measures again.
 * It measures when the items shown change, and otherwise only when the ResizeObserver says so (after
 * the browser's own layout): measuring on every render of the bar (the Run button's status, say)
 * forced a layout of the whole page inside that task, 20-60 ms on a 300-node diagram.
 */
export function useOverflow(
  barRef: RefObject<HTMLElement | null>,
  items: readonly ToolbarItem[],
): Set<string> {
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const widths = useRef(new Map<string, number>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `hidden` shows other items, whose slots it observes.
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const measure = () => {
      for (const el of bar.querySelectorAll<HTMLElement>(':scope > [data-tb]')) {
        const content = el.firstElementChild;
        if (content) widths.current.set(el.dataset.tb ?? '', content.getBoundingClientRect().width);
      }
      const next = overflowingItems(
        items.map((item) => ({
          id: item.id,
          group: item.group,
          keep: item.keep,
          widthPx: widths.current.get(item.id) ?? 0,
        })),
        bar.clientWidth,
        spacing,
      );
      setHidden((prev) => (prev.size === next.size && [...next].every((id) => prev.has(id)) ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    // An item's slot (its wrapper, kept while it is shown) grows and shrinks with its content.
    for (const el of bar.querySelectorAll(':scope > [data-tb]')) observer.observe(el);
    return () => observer.disconnect();
  }, [barRef, items, hidden]);
  return hidden;
}
