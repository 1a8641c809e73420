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

/**
 * The toolbar's "Walk through an order" toggle; while a walkthrough is on, it also mounts the
 * panel over the canvas and the canvas highlight, and the camera follows the request.
 */
export function WalkthroughButton() {
  useEffect(followWalkthrough, []);
  const status = useWalkthrough((s) => s.status);
  const hasOrders = useDocumentStore(selectHasOrders);
  const worker = useWorkerStatus();
  const on = status !== 'off';
  const down = worker === 'crashed' || worker === 'restarting' || worker === 'starting';
  const title = hasOrders ? 'Walk through an order' : 'Walk through a request';
  const host = on ? (document.querySelector('main.center') ?? document.body) : null;
  return (
    <>
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
      {host
        ? createPortal(
            <>
              <WalkthroughPanel />
              <WalkthroughHighlight />
            </>,
            host,
          )
        : null}
    </>
  );
}
