import { useEffect, useState } from 'react';
import { type LiveState, liveStore } from '../../state/liveStore';

const never = (): boolean => false;

/**
 * A slice of the live store that updates the component at most once per `intervalMs` (trailing,
 * so the newest value always lands). Empty values land at once, so a reset clears immediately.
 * `intervalMs` may be a function, read each time an update is scheduled, so a costly consumer can
 * ask for fewer updates.
 */
export function useThrottledLive<T>(
  select: (s: LiveState) => T,
  intervalMs: number | (() => number),
  isEmpty: (value: T) => boolean = never,
): T {
  const [value, setValue] = useState(() => select(liveStore.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      setValue(select(liveStore.getState()));
    };
    setValue(select(liveStore.getState()));
    const unsubscribe = liveStore.subscribe((s, prev) => {
      const next = select(s);
      if (next === select(prev)) return;
      if (isEmpty(next)) {
        if (timer) clearTimeout(timer);
        flush();
        return;
      }
      if (timer) return;
      const interval = typeof intervalMs === 'function' ? intervalMs() : intervalMs;
      timer = setTimeout(flush, Math.max(0, interval - (performance.now() - last)));
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    // Callers pass module-level functions, so this subscribes once per mounted panel.
  }, [intervalMs, select, isEmpty]);
  return value;
}
