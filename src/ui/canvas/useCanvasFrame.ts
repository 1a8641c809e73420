import { type RefObject, useEffect, useState } from 'react';
import { fitViewSoon } from './flowControls';

/** The minimap's size for a canvas this wide: a sixth of it, between 96 and 200 px, 3:2. */
export function minimapSize(canvasWidthPx: number): { width: number; height: number } {
  const width = Math.round(Math.min(200, Math.max(96, canvasWidthPx / 6)));
  return { width, height: Math.round((width * 2) / 3) };
}

/**
 * The canvas's frame: the minimap scales with the canvas, and a window resize fits the diagram
 * again once the resize settles.
 */
export function useCanvasFrame(paneRef: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState(() => minimapSize(900));
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    const observer = new ResizeObserver(() => {
      const next = minimapSize(pane.clientWidth);
      setSize((prev) => (prev.width === next.width ? prev : next));
    });
    observer.observe(pane);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(fitViewSoon, 200);
    };
    window.addEventListener('resize', onResize);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, [paneRef]);
  return size;
}
