import { type LiveState, liveStore } from '../../state/liveStore';

/**
 * Calls `apply` with the store on every new frame, outside React: live numbers are written
 * straight into the DOM, so a tick costs a few text writes instead of a React render per badge.
 * Returns the unsubscribe function.
 */
export function onEveryFrame(apply: (s: LiveState) => void): () => void {
  apply(liveStore.getState());
  return liveStore.subscribe((s, prev) => {
    if (s.frame !== prev.frame) apply(s);
  });
}

/** Sets an element's text only when it changed (reading the DOM is cheaper than a needless write). */
export function setText(el: Element | null | undefined, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
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
