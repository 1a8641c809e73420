import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { setDetail } from './liveDom';
import { type CardDetail, cardDetailForZoom, type Detail, detailForZoom, glanceScale } from './zoomDetail';

/**
 * Switches live overlays between near and far detail, and cards between full and glance, as the
 * canvas zooms. It watches React Flow's
 * zoom through one store subscription and renders nothing: a zoom changes one attribute on the
 * React Flow wrapper (the stylesheet hides numbers and shows health colours under it) and tells
 * the live DOM writers, so no node or edge re-renders. An attribute rather than a class, because
 * React owns the wrapper's class list and rewrites it when the theme changes.
 */
export function ZoomDetail() {
  const store = useStoreApi();
  useEffect(() => {
    let shown: Detail = 'near';
    let card: CardDetail = 'full';
    const apply = (zoom: number, wrapper: HTMLElement | null) => {
      const next = detailForZoom(zoom, shown);
      card = cardDetailForZoom(zoom, card);
      if (wrapper) {
        if (wrapper.dataset.detail !== next) wrapper.dataset.detail = next;
        if (wrapper.dataset.card !== card) wrapper.dataset.card = card;
        const scale = String(glanceScale(zoom));
        if (wrapper.style.getPropertyValue('--glance') !== scale)
          wrapper.style.setProperty('--glance', scale);
      }
      if (next === shown) return;
      shown = next;
      setDetail(next);
    };
    const state = store.getState();
    apply(state.transform[2], state.domNode);
    const unsubscribe = store.subscribe((s) => apply(s.transform[2], s.domNode));
    return () => {
      unsubscribe();
      setDetail('near');
      const wrapper = store.getState().domNode;
      if (wrapper) {
        delete wrapper.dataset.detail;
        delete wrapper.dataset.card;
      }
    };
  }, [store]);
  return null;
}
