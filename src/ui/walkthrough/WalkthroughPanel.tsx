import './walkthrough.css';
import { useEffect, useMemo, useRef } from 'react';
import type { ArchDocument } from '../../core/model/schema';
import { useDocumentStore } from '../../state/documentStore';
import { exitWalkthrough, useWalkthrough } from '../../state/walkthroughStore';
import { Icon } from '../icons/Icon';
import { HopItem } from './HopItem';
import { buildHops, describeOutcome, describeStep, formatCents, type NodeInfo } from './narrative';
import { SagaStrip } from './SagaStrip';
import { WalkthroughControls } from './WalkthroughControls';

const selectNodes = (s: { document: ArchDocument }) => s.document.nodes;

/**
 * The walkthrough panel over the canvas: the order being followed, the saga's progress, every hop
 * so far as a numbered sentence with its reply, and Next / Back to start / Exit.
 */
export function WalkthroughPanel() {
  const status = useWalkthrough((s) => s.status);
  const steps = useWalkthrough((s) => s.steps);
  const error = useWalkthrough((s) => s.error);
  const nodes = useDocumentStore(selectNodes);
  const label = useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, { label: n.label, kind: n.kind }]));
    return (id: string): NodeInfo => byId.get(id) ?? { label: id, kind: 'service' };
  }, [nodes]);
  const { hops, hopOfStep } = useMemo(() => buildHops(steps, label), [steps, label]);
  const currentHop = hopOfStep.at(-1) ?? -1;
  const last = steps.at(-1);
  const saga = [...steps].reverse().find((s) => s.sagaStep)?.sagaStep;
  const outcome = last ? describeOutcome(last, label) : null;
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (currentHop < 0) return;
    listRef.current?.children[currentHop]?.scrollIntoView({ block: 'nearest' });
  }, [currentHop]);

  const isOrder = nodes.some((n) => n.kind === 'service' && n.config.domain === 'order');
  const order = saga?.order;
  return (
    <section
      className="wt-panel"
      data-testid="walkthrough-panel"
      data-state={status}
      aria-label="Walkthrough"
    >
      <header className="wt-head">
        <span className="wt-head-icon">
          <Icon name="stepSpan" size={16} />
        </span>
        <div className="wt-head-titles">
          <div className="wt-title">{isOrder ? 'Order walkthrough' : 'Request walkthrough'}</div>
          <div className="wt-sub">
            {order
              ? `${order.orderId} · ${order.userName ?? order.userId} buys ${order.quantity} × ${order.productName ?? order.productId}${order.amountCents > 0 ? ` · ${formatCents(order.amountCents)}` : ''}`
              : 'One request, followed hop by hop'}
          </div>
        </div>
        <button
          type="button"
          className="btn-icon btn-icon--xs"
          aria-label="Exit the walkthrough"
          title="Exit the walkthrough"
          data-testid="walkthrough-close"
          onClick={() => void exitWalkthrough()}
        >
          <Icon name="x" size={14} />
        </button>
      </header>
      {saga ? <SagaStrip saga={saga} /> : null}
      <p className="wt-caption" aria-live="polite" data-testid="walkthrough-caption">
        {error ??
          (last
            ? describeStep(last, label)
            : status === 'loading'
              ? 'Loading the design…'
              : 'One request leaves the first client at time zero; nothing else runs. Press Next to follow it.')}
      </p>
      <ol className="wt-hops" ref={listRef} data-testid="walkthrough-hops">
        {hops.map((hop, i) => (
          <HopItem key={hop.spanId} hop={hop} current={i === currentHop} />
        ))}
      </ol>
      {outcome ? (
        <div
          className={outcome.ok ? 'wt-outcome is-ok' : 'wt-outcome is-bad'}
          data-testid="walkthrough-outcome"
        >
          <Icon name={outcome.ok ? 'check' : 'alert'} size={15} />
          <span>{outcome.text}</span>
        </div>
      ) : null}
      <WalkthroughControls />
    </section>
  );
}
