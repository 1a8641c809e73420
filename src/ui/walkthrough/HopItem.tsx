import { memo } from 'react';
import { describeStatus, formatMs, type Hop, isOk } from './narrative';

interface HopItemProps {
  hop: Hop;
  current: boolean;
}

function HopItemView({ hop, current }: HopItemProps) {
  const answered = hop.status !== null;
  const tone = !answered ? 'pending' : isOk(hop.status!) ? 'ok' : 'bad';
  return (
    <li
      className={`wt-hop${current ? ' is-current' : ''}${hop.side ? ' is-side' : ''}`}
      data-testid="walkthrough-hop"
      data-to={hop.toNodeId}
      data-from={hop.fromNodeId}
      data-saga-step={hop.sagaStep ?? ''}
      data-status={answered ? String(hop.status) : ''}
      aria-current={current ? 'step' : undefined}
    >
      <span className="wt-hop-n">{hop.n}</span>
      <div className="wt-hop-body">
        <div className="wt-hop-text">{hop.text}</div>
        <div className="wt-hop-meta">
          <code className="wt-hop-call">{hop.call}</code>
          <span className={`wt-hop-status is-${tone}`}>
            {answered
              ? `${describeStatus(hop.status!)} in ${formatMs(hop.durationMs ?? 0)}`
              : 'waiting for the reply…'}
          </span>
        </div>
      </div>
    </li>
  );
}

/** One numbered hop of the walkthrough narrative. */
export const HopItem = memo(HopItemView);
