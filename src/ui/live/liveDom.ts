import { watchShownLayout } from '../../state/liveSelectors';
import { type LiveState, liveStore } from '../../state/liveStore';
import type { RunLayout } from '../../worker/protocol';
import { setFlowFar } from './flowTicker';
import type { Detail } from './zoomDetail';

type Apply = (s: LiveState, detail: Detail) => void;

// Every badge and edge overlay is written from one store subscription, not one each.
const appliers = new Set<Apply>();
let unsubscribeStore: (() => void) | null = null;
// Far from the canvas the numbers are too small to read: appliers then skip writing their text.
let detail: Detail = 'near';

function applyAll(s: LiveState, prev: LiveState): void {
  if (s.frame === prev.frame) return;
  for (const apply of appliers) apply(s, detail);
}

/** The detail live overlays draw at now. */
export function currentDetail(): Detail {
  return detail;
}

/**
 * Sets the detail overlays draw at. Back to near, every applier runs at once with the current
 * frame, so the numbers skipped while far show up without waiting for the next frame.
 */
export function setDetail(next: Detail): void {
  if (next === detail) return;
  detail = next;
  setFlowFar(next === 'far');
  if (next === 'near') {
    const s = liveStore.getState();
    for (const apply of appliers) apply(s, next);
  }
}

/**
 * Calls `apply` with the store and the detail to draw at on every new frame, outside React: live numbers are written
 * straight into the DOM, so a tick costs a few text writes instead of a React render per badge.
 * Returns the unsubscribe function.
 */
export function onEveryFrame(apply: Apply): () => void {
  apply(liveStore.getState(), detail);
  appliers.add(apply);
  unsubscribeStore ??= liveStore.subscribe(applyAll);
  return () => {
    appliers.delete(apply);
    if (appliers.size === 0 && unsubscribeStore) {
      unsubscribeStore();
      unsubscribeStore = null;
    }
  };
}

/**
 * Sets an element's text only when it changed. An element holding one text node gets that node's
 * data replaced, which re-shapes the text in place instead of building a new node and layout object.
 */
export function setText(el: Element | null | undefined, text: string): void {
  if (!el) return;
  const first = el.firstChild;
  if (first && first.nodeType === 3 && first.nextSibling === null) {
    const node = first as Text;
    if (node.data !== text) node.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

/** Sets a class name only when it changed. */
export function setClass(el: Element | null | undefined, className: string): void {
  if (el && el.getAttribute('class') !== className) el.setAttribute('class', className);
}

/** Shows or hides an element without a React render. */
export function setShown(el: HTMLElement | SVGElement | null | undefined, shown: boolean): void {
  if (!el) return;
  const display = shown ? '' : 'none';
  if (el.style.display !== display) el.style.display = display;
}

/** Sets an attribute only when it changed. */
export function setAttr(el: Element | null | undefined, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Runs `start` while the run on screen has `isLive(layout)` true (a run whose layout holds the
 * node or edge), and its cleanup when that ends: after a reset, a new load without it, or the
 * returned stop. An overlay switches between idle and live this way with no React render, so the
 * first frame of a run costs a hundred overlays a few attribute writes, not a hundred renders.
 */
export function whileLive(isLive: (layout: RunLayout) => boolean, start: () => () => void): () => void {
  let stopLive: (() => void) | null = null;
  let liveLayout: RunLayout | null = null;
  const end = () => {
    stopLive?.();
    stopLive = null;
    liveLayout = null;
  };
  const unwatch = watchShownLayout((layout) => {
    const live = layout !== null && isLive(layout);
    if (live && layout === liveLayout) return;
    // A new run (new layout) restarts the overlay, so nothing of the previous run carries over.
    end();
    if (live) {
      liveLayout = layout;
      stopLive = start();
    }
  });
  return () => {
    unwatch();
    end();
  };
}
