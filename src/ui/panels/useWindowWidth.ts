import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

const width = () => window.innerWidth;

/** The window's width, re-rendering only the components that read it when it changes. */
export function useWindowWidth(): number {
  return useSyncExternalStore(subscribe, width, width);
}
