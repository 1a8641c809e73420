import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

interface Props {
  count: number;
  rowHeight: number;
  /** Keeps the newest row in view as rows arrive. */
  follow: boolean;
  /** Called when the person scrolls: true when they reached the bottom. */
  onScrolled?: (atBottom: boolean) => void;
  renderRow: (index: number) => ReactNode;
  testId?: string;
}

const OVERSCAN = 6;

/** A windowed list of fixed-height rows: only the rows in view (plus a few) are in the DOM. */
export function VirtualList({ count, rowHeight, follow, onScrolled, renderRow, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(200);
  const programmatic = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !follow) return;
    const bottom = Math.max(0, count * rowHeight - el.clientHeight);
    if (Math.abs(el.scrollTop - bottom) > 1) {
      programmatic.current = true;
      el.scrollTop = bottom;
      setScrollTop(bottom);
    }
  }, [count, follow, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vlist-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className="vlist"
      data-testid={testId}
      data-count={count}
      onScroll={(e) => {
        const el = e.currentTarget;
        setScrollTop(el.scrollTop);
        if (programmatic.current) {
          programmatic.current = false;
          return;
        }
        onScrolled?.(el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight / 2);
      }}
    >
      <div className="vlist-inner" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
