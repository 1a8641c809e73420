import { type RefObject, useLayoutEffect, useState } from 'react';
import { useStaggered } from './useStaggered';

/** A chart's size in whole CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

const UNMEASURED: ChartSize = { width: 0, height: 0 };

/**
 * The size of a chart's box, as its ResizeObserver reports it (after the browser's own layout,
 * never measured in the middle of a task), and handed to the chart through the staggered queue.
 * recharts' `responsive` charts set their size from their own observers, all in one task: when a
 * run's first figures show the legends and the breakers' chips, four charts change size at once
 * and each recomputes all its selectors and redraws, in the same task. Here each resize is one
 * chart's update in a task of its own, like a new figure.
 */
export function useChartSize(ref: RefObject<HTMLElement | null>): ChartSize {
  const [size, setSize] = useState(UNMEASURED);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (!box) return;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return useStaggered(size);
}
