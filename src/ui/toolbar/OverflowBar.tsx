import { useRef } from 'react';
import { MoreMenu } from './MoreMenu';
import { ToolbarSlot } from './ToolbarSlot';
import type { ToolbarItem } from './toolbarItem';
import { useOverflow } from './useOverflow';

interface Props {
  items: readonly ToolbarItem[];
  label: string;
}

/**
 * A row of toolbar items that never overflows the window: what does not fit moves, lowest `keep`
 * first, into a "More" menu at the row's end. It knows nothing of the items themselves.
 */
export function OverflowBar({ items, label }: Props) {
  const barRef = useRef<HTMLDivElement>(null);
  const hidden = useOverflow(barRef, items);
  const shown = items.filter((item) => !hidden.has(item.id));
  const firstEnd = shown.find((item) => item.end)?.id;
  return (
    <div className="tb-bar" ref={barRef} role="toolbar" aria-label={label}>
      {shown.map((item, i) => {
        const divider = i > 0 && shown[i - 1]?.group !== item.group;
        return (
          <div
            key={item.id}
            className="tb-item"
            data-tb={item.id}
            data-divider={divider ? '' : undefined}
            data-end={item.id === firstEnd ? '' : undefined}
          >
            <ToolbarSlot item={item} inMenu={false} />
          </div>
        );
      })}
      {hidden.size > 0 ? <MoreMenu items={items.filter((item) => hidden.has(item.id))} /> : null}
    </div>
  );
}
