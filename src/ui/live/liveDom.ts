import { watchShownLayout } from '../../state/liveSelectors';
import { type LiveState, liveStore } from '../../state/liveStore';
import type { RunLayout } from '../../worker/protocol';
import { setFlowFar } from './flowTicker';
import { sliceQueue } from './sliceQueue';
import type { Detail } from './zoomDetail';

/**
 * A live overlay's writer: `numbers` says whether to write its numbers this time, or only what
 * must follow every frame (colours, motion, health cues).
 */
type Apply = (s: LiveState, numbers: boolean) => void;

/**
 * Numbers are rewritten on every second frame (about four times a second), the overlays taking
 * turns in two interleaved halves: a number that changes eight times a second cannot be read
 * anyway, and each frame then shapes half the text. A paused or finished run writes them all.
 */
const NUMBERS_EVERY = 2;

// Every badge and edge overlay is written from one store subscription, not one each; the value is
// the overlay's turn among the NUMBERS_EVERY groups.
const appliers = new Map<Apply, number>();
let nextTurn = 0;
let framesApplied = 0;
let unsubscribeStore: (() => void) | null = null;
// Far from the canvas the numbers are too small to read: appliers then skip writing their text.
let detail: Detail = 'near';

function applyAll(s: LiveState, prev: LiveState): void {
  if (s.frame === prev.frame) return;
  framesApplied++;
  const near = detail === 'near';
  const all = s.frame?.status !== 'running';
  for (const [apply, turn] of appliers)
    apply(s, near && (all || (framesApplied + turn) % NUMBERS_EVERY === 0));
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
    for (const apply of appliers.keys()) apply(s, true);
  }
}

/**
 * Calls `apply` with the store on every new frame, outside React, saying whether to write the
 * numbers this time (see NUMBERS_EVERY and the detail): live numbers are written straight into
 * the DOM, so a tick costs a few text writes instead of a React render per badge. Returns the
 * unsubscribe function.
 */
export function onEveryFrame(apply: Apply): () => void {
  apply(liveStore.getState(), detail === 'near');
  appliers.set(apply, nextTurn++ % NUMBERS_EVERY);
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
 * What the writers below last put into each element, kept on the JavaScript side: comparing with
 * it costs a map lookup, where reading the DOM back (text node, attribute, inline style) costs a
 * call into the browser per value, a hundred elements times several values per frame. Only these
 * writers may change what they track; `removeAttr` keeps the record true when an attribute goes.
 */
const written = new WeakMap<Element, Map<string, string>>();

function record(el: Element): Map<string, string> {
  let values = written.get(el);
  if (!values) {
    values = new Map();
    written.set(el, values);
  }
  return values;
}

/**
 * Sets an element's text only when it changed. An element holding one text node gets that node's
 * data replaced, which re-shapes the text in place instead of building a new node and layout object.
 */
export function setText(el: Element | null | undefined, text: string): void {
  if (!el) return;
  const values = record(el);
  if (values.get('#text') === text) return;
  values.set('#text', text);
  const first = el.firstChild;
  if (first && first.nodeType === 3 && first.nextSibling === null) (first as Text).data = text;
  else el.textContent = text;
}

/** Sets a class name only when it changed. */
export function setClass(el: Element | null | undefined, className: string): void {
  if (!el) return;
  const values = record(el);
  if (values.get('#class') === className) return;
  values.set('#class', className);
  el.setAttribute('class', className);
}

/** Shows or hides an element without a React render. */
export function setShown(el: HTMLElement | SVGElement | null | undefined, shown: boolean): void {
  if (!el) return;
  const display = shown ? '' : 'none';
  const values = record(el);
  if (values.get('#display') === display) return;
  values.set('#display', display);
  el.style.display = display;
}

/**
 * Shows or hides an element that keeps its box: hidden, it is laid out but not painted, so showing
 * it again is a repaint, not the layout of a new box (for many SVG paths shown at once).
 */
export function setVisible(el: HTMLElement | SVGElement | null | undefined, visible: boolean): void {
  setStyle(el, 'visibility', visible ? 'visible' : 'hidden');
}

/** Sets one inline style property (in CSS syntax, e.g. `stroke-width`) only when it changed. */
export function setStyle(
  el: HTMLElement | SVGElement | null | undefined,
  property: string,
  value: string,
): void {
  if (!el) return;
  const values = record(el);
  const key = `style:${property}`;
  if (values.get(key) === value) return;
  values.set(key, value);
  el.style.setProperty(property, value);
}

/** Sets an attribute only when it changed. */
export function setAttr(el: Element | null | undefined, name: string, value: string): void {
  if (!el) return;
  const values = record(el);
  if (values.get(name) === value) return;
  values.set(name, value);
  el.setAttribute(name, value);
}

/** Removes an attribute (and what `setAttr` recorded of it). */
export function removeAttr(el: Element | null | undefined, name: string): void {
  if (!el) return;
  written.get(el)?.delete(name);
  el.removeAttribute(name);
}

/**
 * Overlays switched to live per animation frame. A run's first frame switches every overlay of the
 * diagram (a 300-node one has 300 cards and 299 edges): all at once, the writes and the style pass
 * over the whole canvas that follows them made the longest tasks of the run's first second.
 */
const STARTS_PER_FRAME = 100;
let queueStart: ((job: () => void) => () => void) | null = null;

/**
 * Runs `start` while the run on screen has `isLive(layout)` true (a run whose layout holds the
 * node or edge), and its cleanup when that ends: after a reset, a new load without it, or the
 * returned stop. An overlay switches between idle and live this way with no React render, so the
 * first frame of a run costs a hundred overlays a few attribute writes, not a hundred renders;
 * the switches to live go STARTS_PER_FRAME a frame, the first at the next frame.
 */
export function whileLive(isLive: (layout: RunLayout) => boolean, start: () => () => void): () => void {
  let stopLive: (() => void) | null = null;
  let cancelStart: (() => void) | null = null;
  let liveLayout: RunLayout | null = null;
  const end = () => {
    cancelStart?.();
    cancelStart = null;
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
      queueStart ??= sliceQueue(STARTS_PER_FRAME, (run) => requestAnimationFrame(run));
      cancelStart = queueStart(() => {
        cancelStart = null;
        stopLive = start();
      });
    }
  });
  return () => {
    unwatch();
    end();
  };
}

/** A callback ref that keeps its element in `refs[key]`, where the writers above find it later. */
export function refInto<R, K extends keyof R>(refs: R, key: K): (el: R[K]) => void {
  return (el) => {
    refs[key] = el;
  };
}
