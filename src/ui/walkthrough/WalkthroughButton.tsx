import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { ArchDocument } from '../../core/model/schema';
import { useDocumentStore } from '../../state/documentStore';
import { useWorkerStatus } from '../../state/liveStore';
import { exitWalkthrough, startWalkthrough, useWalkthrough } from '../../state/walkthroughStore';
import { Icon } from '../icons/Icon';
import { WalkthroughHighlight } from './WalkthroughHighlight';
import { WalkthroughPanel } from './WalkthroughPanel';
import { followWalkthrough } from './walkthroughCamera';

const selectHasOrders = (s: { document: ArchDocument }) =>
  s.document.nodes.some((n) => n.kind === 'service' && n.config.domain === 'order');

/** The toolbar's "Walk through an order" toggle. */
export function WalkthroughButton() {
  const status = useWalkthrough((s) => s.status);
  const hasOrders = useDocumentStore(selectHasOrders);
  const worker = useWorkerStatus();
  const on = status !== 'off';
  const down = worker === 'crashed' || worker === 'restarting' || worker === 'starting';
  const title = hasOrders ? 'Walk through an order' : 'Walk through a request';
  return (
    <button
      type="button"
      className={on ? 'btn btn--ghost wt-toggle is-active' : 'btn btn--ghost wt-toggle'}
      aria-pressed={on}
      aria-label={title}
      title={on ? 'Exit the walkthrough' : `${title}: follow one request hop by hop`}
      data-testid="walkthrough-open"
      disabled={down && !on}
      onClick={() => void (on ? exitWalkthrough() : startWalkthrough())}
    >
      <Icon name="walkthrough" />
      <span className="wt-toggle-text">Walk through</span>
    </button>
  );
}

/**
 * While a walkthrough is on: its panel over the canvas and the canvas highlight; the camera
 * follows the request. Mounted apart from the button, which may sit in the toolbar's overflow menu.
 */
export function WalkthroughLayer() {
  useEffect(followWalkthrough, []);
  const on = useWalkthrough((s) => s.status) !== 'off';
  const host = on ? (document.querySelector('main.center') ?? document.body) : null;
  return host
    ? createPortal(
        <>
          <WalkthroughPanel />
          <WalkthroughHighlight />
        </>,
        host,
      )
    : null;
}
